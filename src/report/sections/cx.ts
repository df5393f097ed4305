/**
 * Section 6: the return on customer-experience spending.
 *
 * @internal
 */
import { sumMoney } from '../../money/arithmetic.js';
import { money } from '../../money/money.js';
import type { EffectDistribution } from '../../roi/effects.js';
import type { Analysis } from '../analysis.js';
import type { BriefingChart, BriefingFigure, BriefingSection } from '../briefing-types.js';
import {
  cxDistributionData,
  cxDistributionSpec,
  cxTornadoChartData,
  cxTornadoChartSpec,
} from '../charts/roi-charts.js';
import { formatMultiple, formatNumber, formatPercent } from '../format.js';
import { chart, figure, table, whole } from './common.js';

type Lever = 'retention' | 'spend' | 'referrals' | 'costToServeSaving';

const LEVER_NAMES: Readonly<Record<Lever, string>> = Object.freeze({
  retention: 'Retention',
  spend: 'Spend per customer',
  referrals: 'Referrals',
  costToServeSaving: 'Cost to serve',
});

/** The tornado's inputs in words. */
const TORNADO_WORDS: Readonly<Record<string, string>> = Object.freeze({
  retention: 'the retention uplift',
  spend: 'the spend uplift',
  referrals: 'the number of referrals',
  costToServeSaving: 'the saving in cost to serve',
  investment: 'the size of the investment',
  discountRate: 'the cost of capital',
  baseRetention: 'the base’s own retention',
  baseMargin: 'the base’s margin',
});

/** An effect value in its lever's unit, in words. */
function effectValue(lever: Lever, x: number, currency: string): string {
  switch (lever) {
    case 'retention':
      return `${x >= 0 ? '+' : ''}${formatNumber(x * 100, 2)} pts`;
    case 'spend':
      return `${x >= 0 ? '+' : ''}${formatPercent(x, 1)}`;
    case 'referrals':
      return `${formatNumber(x, 0)} a year`;
    case 'costToServeSaving':
      return `${formatNumber(x, 2)} ${currency} a customer-year`;
  }
}

/** An effect as stated in the scenario, in words. */
export function effectInWords(lever: Lever, effect: EffectDistribution, currency: string): string {
  const v = (x: number) => effectValue(lever, x, currency);
  if (typeof effect === 'number') return v(effect);
  switch (effect.kind) {
    case 'point':
      return v(effect.value);
    case 'range':
      return `between ${v(effect.low)} and ${v(effect.high)}, any value as likely`;
    case 'triangular':
      return `${v(effect.low)} to ${v(effect.high)}, most likely ${v(effect.mode)}`;
    case 'normal':
      return `${v(effect.mean)}, give or take ${v(effect.sd).replace(/^\+/, '')}`;
    case 'beta':
      return `Beta(${effect.alpha}, ${effect.beta}) between ${v(effect.low ?? 0)} and ${v(effect.high ?? 1)}`;
  }
}

export function cxSection(a: Analysis): { section: BriefingSection; charts: BriefingChart[] } {
  if (a.cx === null)
    return {
      section: {
        id: 'cx',
        title: 'The return on customer-experience spending',
        lead: 'No customer-experience programme was given, so this section is empty. State one in a JSON file and pass it with --cx (docs/guide/briefing.md shows the format).',
        paragraphs: [],
        figures: [],
        charts: [],
        tables: [],
      },
      charts: [],
    };
  const { scenario, result, simulation, tornado, summary } = a.cx;
  const currency = a.settings.currency;
  const cost = sumMoney(
    scenario.investment.map((x) => money(x, currency)),
    currency,
  );
  const name = scenario.name ?? 'The CX programme';
  const multiple = Number(result.returnPerDollar.toString());
  const dist = cxDistributionData(simulation, 30);
  const leversUsed = (Object.keys(scenario.effects) as Lever[]).filter(
    (l) => scenario.effects[l] !== undefined,
  );
  const lead = `${name} (${whole(cost)} over ${scenario.investment.length} year${scenario.investment.length === 1 ? '' : 's'}): ${summary.sentence}`;
  const paragraphs: string[] = [];
  if (scenario.description !== undefined) paragraphs.push(scenario.description);
  paragraphs.push(
    `The programme is expected to change ${leversUsed.map((l) => `${LEVER_NAMES[l].toLowerCase()} (${effectInWords(l, scenario.effects[l]!, currency)})`).join(', ')}. ` +
      `Benefits count over ${scenario.horizon} years and are applied to this company's own customers as valued above, not to an industry average.`,
    `The "$1 in CX returns $${formatNumber(dist.benchmark, 0)}" figure often quoted is a vendor survey's claim, so it is tested here rather than assumed: ` +
      `across ${formatNumber(dist.draws)} scenarios drawn from the stated ranges the return reaches ${formatMultiple(dist.benchmark, 1)} with probability ` +
      `${formatPercent(dist.probabilityAtLeastBenchmark, 0)}, and the programme pays for itself (more than 1×) with probability ${formatPercent(dist.probabilityPositiveNpv, 0)}.`,
  );
  const topRows = tornado.rows.filter((r) => !r.swing.amount.isZero()).slice(0, 2);
  if (topRows.length > 0)
    paragraphs.push(
      `What matters most for the answer: ${topRows.map((r) => `${TORNADO_WORDS[r.input] ?? r.label} (NPV ${whole(r.npv.low)} to ${whole(r.npv.high)} across its range)`).join(', then ')}.`,
    );
  const figures: BriefingFigure[] = [
    figure(
      'cxReturnPerDollar',
      'Present value returned per $1',
      formatMultiple(multiple, 2),
      `over ${result.horizon} years`,
    ),
    figure('cxNpv', 'Net present value', whole(result.npv)),
    figure(
      'cxIrr',
      'Internal rate of return',
      result.irr === null ? '–' : formatPercent(Number(result.irr.toString()), 1),
    ),
    figure(
      'cxPayback',
      'Discounted payback',
      result.payback.discounted === null
        ? 'not within the horizon'
        : `${formatNumber(Number(result.payback.discounted.toString()), 1)} years`,
    ),
    figure(
      'cxProbabilityBenchmark',
      `Chance the return reaches ${formatMultiple(dist.benchmark, 1)}`,
      formatPercent(dist.probabilityAtLeastBenchmark, 0),
    ),
    figure(
      'cxProbabilityPositive',
      'Chance it pays for itself',
      formatPercent(dist.probabilityPositiveNpv, 0),
    ),
  ];
  const levers = table(
    'cx-levers',
    'What each effect contributes',
    ['Effect', 'Assumed', 'Contribution to present value', 'Break-even on its own'],
    leversUsed.map((l) => {
      const lever = result.levers[l];
      return [
        LEVER_NAMES[l],
        effectValue(l, lever.effect, currency),
        whole(lever.contribution),
        lever.breakEven === null ? 'never' : effectValue(l, lever.breakEven, currency),
      ];
    }),
    {
      align: ['left', 'right', 'right', 'right'],
      note: 'Contributions share the total benefit among the effects (Shapley values) and add up to it exactly. Break-even: the effect that alone would make the programme pay for itself.',
    },
  );
  const charts = [
    chart(
      'cx-distribution',
      'How the return could turn out',
      `Share of ${formatNumber(dist.draws)} simulated scenarios by return per $1; red: break-even, orange: the ${formatMultiple(dist.benchmark, 1)} benchmark, black: the median.`,
      cxDistributionSpec(dist),
    ),
    chart(
      'cx-tornado',
      'What moves the programme’s NPV most',
      `Each input moved to a low and a high value with the others held at their central values; the vertical line is the central NPV of ${whole(result.npv)}.`,
      cxTornadoChartSpec(cxTornadoChartData(tornado)),
    ),
  ];
  return {
    section: {
      id: 'cx',
      title: 'The return on customer-experience spending',
      lead,
      paragraphs,
      figures,
      charts: charts.map((c) => c.id),
      tables: [levers],
    },
    charts,
  };
}
