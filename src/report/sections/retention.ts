/**
 * Section 5: retention against acquisition.
 *
 * @internal
 */
import type { Analysis } from '../analysis.js';
import type { BriefingChart, BriefingFigure, BriefingSection } from '../briefing-types.js';
import { retentionCurveData, retentionCurveSpec } from '../charts/roi-charts.js';
import { formatMultiple, formatNumber, formatPercent } from '../format.js';
import { cents, chart, figure, moneyOf, table, whole } from './common.js';

export function retentionSection(a: Analysis): {
  section: BriefingSection;
  charts: BriefingChart[];
} {
  const currency = a.settings.currency;
  const one = a.retention.find((r) => r.retentionPoints === 0.01) ?? a.retention[0]!;
  const aggregate = one.aggregateRetention;
  const newValue = moneyOf(a.yearly.newCustomerValue, currency);
  const figures: BriefingFigure[] = [
    figure(
      'aggregateRetention',
      'Share of active customers still buying next year',
      formatPercent(aggregate, 1),
      'expected',
    ),
    figure(
      'onePointGain',
      'Equity added by one more point of yearly retention',
      whole(one.retentionGain),
    ),
  ];
  const paragraphs: string[] = [];
  let lead: string;
  const cac = a.cac;
  if (cac !== null && one.equivalentAcquisition !== null) {
    const eq = one.equivalentAcquisition;
    lead =
      `One more point of yearly retention would add ${whole(one.retentionGain)} to customer equity. To add as much by acquisition would ` +
      `take ${formatNumber(Number(eq.customers.toString()))} more customers at today's ${cents(cac.value)} each, ${whole(eq.spend)} of spend; ` +
      (one.breakEvenRetentionSpend === null
        ? ''
        : `a retention programme that delivers the point for less than ${whole(one.breakEvenRetentionSpend)} returns more per dollar than acquisition.`);
    const clvToCac =
      one.acquisition.clvToCac === null ? null : Number(one.acquisition.clvToCac.toString());
    paragraphs.push(
      `A new customer is worth about ${cents(newValue)} and costs ${cents(cac.value)} to acquire (${cac.basis}): each dollar of acquisition ` +
        `returns ${clvToCac === null ? '–' : formatMultiple(clvToCac, 2)} in customer value, and no customer is worth acquiring above ` +
        `${cents(one.acquisition.breakEvenAcquisitionCost)}. A point of retention pays better than acquisition only if it costs less than the break-even budget below.`,
    );
    figures.push(
      figure(
        'equivalentAcquisitionSpend',
        'Acquisition spend that adds as much',
        whole(eq.spend),
        `${formatNumber(Number(eq.customers.toString()))} customers at ${cents(cac.value)}`,
      ),
    );
    if (one.breakEvenRetentionSpend !== null)
      figures.push(
        figure(
          'breakEvenRetentionSpend',
          'Most a one-point retention programme should cost',
          whole(one.breakEvenRetentionSpend),
          'to beat acquisition dollar for dollar',
        ),
      );
    figures.push(
      figure(
        'breakEvenCac',
        'Most worth paying for a new customer',
        cents(one.acquisition.breakEvenAcquisitionCost),
      ),
    );
  } else {
    lead =
      `One more point of yearly retention would add ${whole(one.retentionGain)} to customer equity. ` +
      'No acquisition costs were given, so this briefing cannot say what acquisition would cost to add as much (give them with --acquisition-costs or --cac).';
  }
  const improve = one.onePercentImprovement;
  if (improve !== null && improve.retention !== null)
    paragraphs.push(
      `Sensitivities, in the form Gupta, Lehmann & Stuart (2004) report them: a 1% improvement in retention raises customer equity by ` +
        `${formatPercent(improve.retention / 100, 1)}, a 1% better margin by ${formatPercent(improve.margin / 100, 1)}, and a 1% lower cost of capital by ` +
        `${formatPercent(improve.discountRate / 100, 1)}.`,
    );
  paragraphs.push(
    '"One point" means the share of today\'s active customers still buying next year rises by one percentage point: every customer\'s ' +
      "chance of leaving is cut in the same proportion, so the loyal gain least. The gain counts today's customers only; for the comparison, each " +
      'customer is treated as a constant-retention customer with the same next-year margin and lifetime value.',
  );
  const data = retentionCurveData(a.retention);
  const rows = a.retention.map((r) => [
    `+${formatNumber(r.retentionPoints * 100, 1)}`,
    whole(r.retentionGain),
    r.equivalentAcquisition === null ? '–' : whole(r.equivalentAcquisition.spend),
    r.breakEvenRetentionSpend === null ? '–' : whole(r.breakEvenRetentionSpend),
  ]);
  const charts = [
    chart(
      'retention-curves',
      'Retention against acquisition',
      'Green: the customer equity each retention uplift adds. Red: the acquisition spend that would add as much. Grey: the most a programme delivering the uplift may cost and still beat acquisition per dollar.',
      retentionCurveSpec(
        cac === null
          ? { ...data, points: data.points.filter((p) => p.series === 'Equity added by retention') }
          : data,
      ),
    ),
  ];
  return {
    section: {
      id: 'retention',
      title: 'Retention against acquisition',
      lead,
      paragraphs,
      figures,
      charts: charts.map((c) => c.id),
      tables: [
        table(
          'retention-table',
          'What retention is worth',
          [
            'Retention uplift (points)',
            'Equity added',
            'Acquisition spend to add as much',
            'Break-even retention budget',
          ],
          rows,
        ),
      ],
    },
    charts,
  };
}
