/**
 * Section 1: what the customer base is worth, and where the value sits.
 *
 * @internal
 */
import { divideMoney } from '../../money/arithmetic.js';
import type { Analysis } from '../analysis.js';
import type { BriefingChart, BriefingSection } from '../briefing-types.js';
import {
  type ClvConcentrationData,
  clvConcentrationData,
  clvConcentrationSpec,
} from '../charts/clv-deciles.js';
import { formatNumber, formatPercent } from '../format.js';
import {
  cents,
  chart,
  compact,
  figure,
  longDate,
  modelTitle,
  moneyOf,
  percent,
  table,
  whole,
} from './common.js';

/** Expected active customers: Σ count × P(alive). */
export function expectedActive(a: Analysis): number {
  let active = 0;
  const p = a.clv.probabilityAlive;
  for (let i = 0; i < p.length; i += 1) active += a.clv.count[i]! * p[i]!;
  return active;
}

export function valueSection(a: Analysis): {
  section: BriefingSection;
  charts: BriefingChart[];
  concentration: ClvConcentrationData;
} {
  const { clv, settings } = a;
  const currency = settings.currency;
  const equity = clv.customerEquity.value;
  const customers = clv.customers;
  const active = expectedActive(a);
  const average = divideMoney(equity, customers);
  const concentration = clvConcentrationData({ values: clv.value, counts: clv.count, currency });
  const top10 = concentration.groups[0]!.cumulativeShare;
  const top20 = concentration.groups[1]?.cumulativeShare ?? top10;
  const bottomHalf = 1 - (concentration.groups[4]?.cumulativeShare ?? 1);
  const newValue = moneyOf(a.yearly.newCustomerValue, currency);
  const { lower, upper } = clv.customerEquity;
  const interval =
    lower !== null && upper !== null
      ? `95% interval ${compact(lower)} to ${compact(upper)}`
      : undefined;
  const margin = percent(settings.marginFloat);
  const rate = percent(settings.discountRateFloat);

  const lead =
    `The ${formatNumber(customers)} customers acquired since ${longDate(settings.firstDate)} are worth ` +
    `${whole(equity)} today: the present value of the margin they are expected to bring from ` +
    `${longDate(settings.observationEnd)} on, at a ${margin} margin and a ${rate} yearly cost of capital` +
    (interval === undefined
      ? '.'
      : ` (${interval}, from the uncertainty of the model's estimates).`);
  const paragraphs = [
    `About ${formatNumber(active)} of them (${formatPercent(active / customers, 0)}) are expected to be still buying; ` +
      `the rest have most likely drifted away without saying so, as customers of a shop do. ` +
      `The average customer is worth ${cents(average)}; a customer acquired today is worth about ` +
      `${cents(newValue)}, the margin on their first order included.`,
    `The value is concentrated. The most valuable 10% of customers hold ${formatPercent(top10, 0)} of it and the top 20% ` +
      `hold ${formatPercent(top20, 0)}; the least valuable half of the base holds ${formatPercent(bottomHalf, 0)}. ` +
      'Keeping the best customers matters far more than the headcount suggests.',
    `How it is computed: a ${modelTitle(a.fitted.model)} model, fitted to every customer's purchase history, ` +
      'predicts how many more purchases each customer will make given how often and how recently they bought; ' +
      'a Gamma-Gamma model predicts what each will spend per order; each customer is worth margin × expected ' +
      'spend per order × expected purchases discounted to today (Fader, Hardie & Lee 2005).',
  ];
  const figures = [
    figure('customerEquity', 'Customer equity', whole(equity), interval),
    figure(
      'customers',
      'Customers acquired',
      formatNumber(customers),
      `since ${settings.firstDate}`,
    ),
    figure(
      'expectedActive',
      'Expected still active',
      formatNumber(active),
      `${formatPercent(active / customers, 0)} of customers acquired`,
    ),
    figure('averageClv', 'Average value per customer', cents(average)),
    figure('newCustomerValue', 'Value of a new customer', cents(newValue), 'first order included'),
    figure('top10Share', 'Share of value held by the top 10%', formatPercent(top10, 0)),
  ];
  const deciles = table(
    'clv-deciles',
    'Customers ranked by value',
    ['Customers', 'Number', 'Share of value', 'Cumulative share', 'Average value'],
    concentration.groups.map((g) => [
      g.label,
      formatNumber(g.customers),
      formatPercent(g.share, 1),
      formatPercent(g.cumulativeShare, 1),
      cents(moneyOf(g.meanValue, currency)),
    ]),
  );
  const charts = [
    chart(
      'clv-deciles',
      'Where the value sits',
      'Customers ranked from the most to the least valuable and cut into ten groups of equal size. Bars: each group’s share of customer equity; line: the share held by that group and all above it.',
      clvConcentrationSpec(concentration),
    ),
  ];
  return {
    section: {
      id: 'value',
      title: 'What the customer base is worth',
      lead,
      paragraphs,
      figures,
      charts: charts.map((c) => c.id),
      tables: [deciles],
    },
    charts,
    concentration,
  };
}
