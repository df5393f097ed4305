/**
 * Section 2: what moved customer equity over the last year, as an accountant's roll-forward.
 *
 * @internal
 */
import { addMoney, negateMoney, subtractMoney, sumMoney } from '../../money/arithmetic.js';
import type { Analysis } from '../analysis.js';
import type { BriefingChart, BriefingSection } from '../briefing-types.js';
import { equityWaterfallData, equityWaterfallSpec } from '../charts/equity-waterfall.js';
import { formatNumber, formatPercent } from '../format.js';
import {
  chart,
  combineEquityRows,
  figure,
  longDate,
  periodSpan,
  periodWords,
  signed,
  table,
  whole,
} from './common.js';

export function movementSection(a: Analysis): {
  section: BriefingSection;
  charts: BriefingChart[];
} {
  const { ledger, settings } = a;
  const words = periodWords(settings.ledgerPeriod);
  const rows = ledger.total.rows;
  const window = rows.slice(-Math.min(rows.length, words.perYear));
  const first = window[0]!;
  const last = window[window.length - 1]!;
  // `2025`, `2024-Q2 to 2025-Q1`, or the dates when the window ends before its period does.
  const span = last.complete
    ? periodSpan(first.period, last.period)
    : `${longDate(first.start)} to ${longDate(last.end)}`;
  const over = /^\d{4}$/.test(span)
    ? `in ${span}`
    : span.includes(' to ') && !span.includes('-')
      ? `from ${span}`
      : `over ${span}`;
  const m = combineEquityRows(window);
  const revaluation = sumMoney(
    m.revaluation.map((r) => r.amount),
    m.closing.currency,
  );
  const change = subtractMoney(m.closing, m.opening);
  const quietNet = addMoney(m.experience, subtractMoney(m.reactivated, m.lost));
  const direction = change.amount.isNegative() ? 'fell' : 'rose';
  const pctText = m.opening.amount.isZero()
    ? null
    : `${change.amount.isNegative() ? '' : '+'}${formatPercent(Number(change.amount.div(m.opening.amount).toString()), 1)}`;
  const pct = pctText === null ? '' : ` (${pctText})`;

  const lead =
    `Customer equity ${direction} from ${whole(m.opening)} to ${whole(m.closing)} ${over}${pct}. ` +
    (m.acquired.amount.isZero()
      ? 'No customer was acquired; '
      : `New customers added ${whole(m.acquired)}; `) +
    `${whole(m.marginRealised)} of value was collected as margin; ` +
    `customers who went quiet took ${whole(m.lost)} off, and purchases by customers the forecast had written down put ` +
    `${whole(m.experience)} back.`;
  const paragraphs = [
    'Read it like the roll-forward of any other asset. Opening equity is last year’s closing value of the customers then on the books. ' +
      '**New customers** are booked at their lifetime value on the day of their first order. **Margin collected** is value turned into cash: ' +
      'the margin customers paid during the year, which leaves the asset because it has been earned. **Interest (unwind)** is the cost of ' +
      'capital earned by the asset as its future margins come a year closer. ',
    '**Customers lost** is the value of customers the model now thinks have probably left: each quiet week lowers the chance that a ' +
      'customer is still active, and the value that goes with it is written off. **Experience** is the opposite movement: a customer who ' +
      `buys again shows they are still active, and their value is written back up. Net of the two, behaviour moved equity by ${signed(quietNet)}; ` +
      'when the forecast is right the two nearly cancel.' +
      (revaluation.amount.isZero()
        ? ''
        : ` Changed assumptions revalued the base by ${signed(revaluation)}.`),
    `The statement balances to the cent: opening + every movement = closing, in every ${words.one}, for every acquisition cohort. ` +
      `Customer counts follow the same rule: at ${settings.observationEnd} an expected ${formatNumber(last.customers.closing)} customers are active.`,
  ];
  const figures = [
    figure('openingEquity', `Opening equity (${first.start})`, whole(m.opening)),
    figure('acquiredValue', 'New customers', signed(m.acquired)),
    figure('lostValue', 'Customers lost', signed(negateMoney(m.lost))),
    figure('marginCollected', 'Margin collected', signed(negateMoney(m.marginRealised))),
    figure('unwind', 'Interest (unwind)', signed(m.unwind)),
    figure('experience', 'Experience', signed(m.experience)),
    figure('closingEquity', `Closing equity (${last.end})`, whole(m.closing)),
    figure('equityChange', 'Change', signed(change), pctText ?? undefined),
  ];
  const roll = table(
    'equity-roll-forward',
    `Customer equity roll-forward by ${words.one}`,
    [
      words.one[0]!.toUpperCase() + words.one.slice(1),
      'Opening',
      'New customers',
      'Lost',
      'Margin collected',
      'Interest',
      'Experience',
      'Closing',
      'Active customers',
    ],
    rows.map((r) => [
      r.complete ? r.period : `${r.period} (to ${r.end})`,
      whole(r.opening),
      whole(r.acquired),
      whole(r.lost),
      whole(r.marginRealised),
      whole(r.unwind),
      whole(r.experience),
      whole(r.closing),
      formatNumber(r.customers.closing),
    ]),
    {
      note: 'Lost and margin collected reduce equity; the other movements add with their sign. Active customers are expected counts (sums of the probability that each customer is still active).',
    },
  );
  const data = equityWaterfallData(m, {
    openingLabel: `Opening ${first.start}`,
    closingLabel: `Closing ${last.end}`,
  });
  const charts = [
    chart(
      'equity-waterfall',
      `What moved customer equity ${over}`,
      'Opening and closing equity in navy; movements that added value in green, those that took it away in red.',
      equityWaterfallSpec(data, { title: `What moved customer equity ${over}` }),
    ),
  ];
  return {
    section: {
      id: 'movement',
      title: `What moved it ${over}`,
      lead,
      paragraphs,
      figures,
      charts: charts.map((c) => c.id),
      tables: [roll],
    },
    charts,
  };
}
