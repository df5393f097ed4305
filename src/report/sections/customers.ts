/**
 * Section 3: where customers are won and lost: flows, cohorts, and what acquisition costs.
 *
 * @internal
 */
import type { Analysis } from '../analysis.js';
import type { BriefingChart, BriefingSection, BriefingTable } from '../briefing-types.js';
import {
  layerCakeData,
  layerCakeSpec,
  retentionHeatmapData,
  retentionHeatmapSpec,
} from '../charts/cohort-charts.js';
import { customerFlowData, customerFlowSpec } from '../charts/customer-flow.js';
import { formatMultiple, formatNumber, formatPercent } from '../format.js';
import { cents, chart, figure, periodSpan, periodWords, table, whole } from './common.js';

/** Size-weighted share of cohorts active at `age`, over the cohorts whose cell at that age is complete. */
function retentionAt(a: Analysis, age: number): number | null {
  let active = 0;
  let size = 0;
  for (const row of a.cohorts.cohorts) {
    const cell = row.cells[age];
    if (cell === undefined || !cell.complete) continue;
    active += cell.activeCustomers;
    size += row.size;
  }
  return size === 0 ? null : active / size;
}

export function customersSection(a: Analysis): {
  section: BriefingSection;
  charts: BriefingChart[];
} {
  const { ledger, counts, settings, cohorts } = a;
  const words = periodWords(settings.period);
  const ledgerWords = periodWords(settings.ledgerPeriod);
  const rows = counts.total.rows;
  const window = rows.slice(-Math.min(rows.length, words.perYear));
  let acquired = 0;
  let lost = 0;
  let reactivated = 0;
  for (const r of window) {
    acquired += r.acquired;
    lost += r.lost;
    reactivated += r.reactivated;
  }
  const opening = window[0]!.opening;
  const closing = window[window.length - 1]!.closing;
  const span = periodSpan(window[0]!.period, window[window.length - 1]!.period);
  const over = /^\d{4}$/.test(span) ? `In ${span}` : `Over ${span}`;
  const next = retentionAt(a, 1);
  const yearOn = retentionAt(a, words.perYear);

  // Layer cake: the last complete period's revenue from this year's cohorts versus older ones.
  const cake = layerCakeData(cohorts);
  const lastPeriod = cake.periods[cake.periods.length - 1]!;
  const recentCohorts = new Set(cake.cohorts.slice(-words.perYear));
  let recent = 0;
  let total = 0;
  for (const p of cake.points)
    if (p.period === lastPeriod) {
      total += p.revenue;
      if (recentCohorts.has(p.cohort)) recent += p.revenue;
    }

  const lead =
    `${over} the company acquired ${formatNumber(acquired)} customers and lost an expected ${formatNumber(lost)}` +
    (reactivated > 0.5 ? `, while ${formatNumber(reactivated)} came back` : '') +
    `; the active base went from ${formatNumber(opening)} to ${formatNumber(closing)} customers.`;
  const paragraphs: string[] = [
    'A customer of a shop does not cancel: they just stop buying. So "lost" here is an expected number: each customer counts as the ' +
      'probability that they are still active, and a fall in that probability is an expected loss.' +
      (next === null
        ? ''
        : ` Of the customers acquired in a ${words.one}, ${formatPercent(next, 0)} buy again in the next ${words.one}` +
          (yearOn === null
            ? '.'
            : ` and ${formatPercent(yearOn, 0)} buy in the ${words.one} a year after they joined.`)),
    total > 0
      ? `In ${lastPeriod}, ${formatPercent(recent / total, 0)} of revenue came from customers acquired in the last year and ` +
        `${formatPercent(1 - recent / total, 0)} from older customers: the layer cake shows each vintage's revenue stacked over time.`
      : 'The layer cake shows each vintage of customers’ revenue stacked over time.',
  ];
  const tables: BriefingTable[] = [];
  const figures = [
    figure('acquiredCustomers', `Customers acquired in ${span}`, formatNumber(acquired)),
    figure('lostCustomers', `Customers lost in ${span}`, formatNumber(lost), 'expected'),
    figure(
      'activeBase',
      `Active customers at ${settings.observationEnd}`,
      formatNumber(closing),
      'expected',
    ),
  ];
  if (next !== null)
    figures.push(
      figure('nextPeriodRetention', `Buy again the next ${words.one}`, formatPercent(next, 0)),
    );

  const economics = (ledger.acquisition ?? []).filter((e) => e.customers > 0);
  if (economics.length > 0) {
    const firstE = economics[0]!;
    const lastE = economics[economics.length - 1]!;
    const paidBack = economics.filter((e) => e.paybackPeriods !== null);
    paragraphs.push(
      `Acquisition is getting ${Number(lastE.costPerCustomer!.amount.toString()) > Number(firstE.costPerCustomer!.amount.toString()) ? 'dearer' : 'cheaper'}: ` +
        `a new customer cost ${cents(firstE.costPerCustomer!)} in ${firstE.cohort} and ${cents(lastE.costPerCustomer!)} in ${lastE.cohort}, ` +
        `against a value at acquisition of about ${cents(lastE.clvAtAcquisition!)}, so lifetime value over acquisition cost went from ` +
        `${formatMultiple(firstE.clvToCac ?? 0, 1)} to ${formatMultiple(lastE.clvToCac ?? 0, 1)}. ` +
        (paidBack.length > 0
          ? `${paidBack.length} of ${economics.length} cohorts have already earned back their acquisition cost in margin.`
          : 'No cohort has yet earned back its acquisition cost in margin.'),
    );
    figures.push(
      figure(
        'latestCac',
        `Cost per customer acquired, ${lastE.cohort}`,
        cents(lastE.costPerCustomer!),
      ),
      figure(
        'latestClvToCac',
        `Value at acquisition ÷ cost, ${lastE.cohort}`,
        formatMultiple(lastE.clvToCac ?? 0, 2),
      ),
    );
    tables.push(
      table(
        'acquisition-economics',
        'Acquisition economics by cohort',
        [
          'Cohort',
          'Customers',
          'Acquisition spend',
          'Cost per customer',
          'Value at acquisition',
          'Value ÷ cost',
          'Margin to date',
          `Payback (${ledgerWords.many})`,
        ],
        economics.map((e) => [
          e.cohort,
          formatNumber(e.customers),
          whole(e.acquisitionCost),
          e.costPerCustomer === null ? '–' : cents(e.costPerCustomer),
          e.clvAtAcquisition === null ? '–' : cents(e.clvAtAcquisition),
          e.clvToCac === null ? '–' : formatMultiple(e.clvToCac, 2),
          whole(e.marginToDate),
          e.paybackPeriods === null ? 'not yet' : formatNumber(e.paybackPeriods, 1),
        ]),
        {
          note: `Value at acquisition is each customer's lifetime value on the day of their first order, first order included. Payback counts ${ledgerWords.many} from the start of the cohort's ${ledgerWords.one} until its margin covers its acquisition spend.`,
        },
      ),
    );
  }

  const flow = customerFlowData({ basis: counts.basis, rows });
  const heat = retentionHeatmapData(cohorts);
  const charts = [
    chart(
      'customer-flow',
      'Customers won and lost',
      `Customers acquired (green) and lost (red) in each ${words.one}, and the active base at each ${words.one}'s end; losses and the base are expected numbers.`,
      customerFlowSpec(flow),
    ),
    chart(
      'layer-cake',
      'Revenue by acquisition cohort',
      `Each band is the revenue of the customers acquired in one ${words.one}, stacked oldest at the bottom: how much of today's revenue older customers still bring.`,
      layerCakeSpec(cake),
    ),
    chart(
      'retention-heatmap',
      'Share of each cohort buying, by age',
      `Rows are acquisition cohorts, columns ${words.many} since acquisition; each cell is the share of the cohort that bought in that ${words.one}. Only ${words.many} that have ended are shown.`,
      retentionHeatmapSpec(heat, {
        title: `Share of each cohort buying, by ${words.many} since acquisition`,
      }),
    ),
  ];
  return {
    section: {
      id: 'customers',
      title: 'Where customers are won and lost',
      lead,
      paragraphs,
      figures,
      charts: charts.map((c) => c.id),
      tables,
    },
    charts,
  };
}
