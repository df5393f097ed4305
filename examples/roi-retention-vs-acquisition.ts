/**
 * Worked example of docs/guide/retention-vs-acquisition.md (run by tests/roi/examples.test.ts).
 * Run: npx tsx examples/roi-retention-vs-acquisition.ts
 */

import { shiftedBetaGeometric } from '../src/models/shifted-beta-geometric/index.js';
import { money } from '../src/money/index.js';
import {
  calibrateResponseCurve,
  customerEquityTest,
  retentionVsAcquisition,
} from '../src/roi/index.js';

const usd = (amount: string) => money(amount, 'USD');

// 1. A subscription business on simple rates: 100,000 customers, $200 margin a year, 80% renew,
//    10% cost of capital, $300 to acquire a customer, 10,000 new customers a year.
const rates = retentionVsAcquisition({
  base: { kind: 'rates', customers: 100_000, margin: usd('200'), retention: '0.8', period: 'year' },
  discountRate: '0.1',
  acquisitionCost: usd('300'),
  newCustomersPerPeriod: 10_000,
});
console.log(rates.customerEquity.amount.toFixed(0)); // 96666667
console.log(rates.retentionGain.amount.toFixed(0)); // 5057471
console.log(rates.acquisition.breakEvenAcquisitionCost.amount.toFixed(2)); // 733.33
console.log(rates.equivalentAcquisition?.customers.toFixed(0)); // 11671
console.log(rates.equivalentAcquisition?.spend.amount.toFixed(0)); // 3501326
console.log(rates.spendPerDollarOfGain?.toFixed(4)); // 0.6923
console.log(rates.breakEvenRetentionSpend?.amount.toFixed(0)); // 2068966
const e = rates.elasticities;
console.log(
  e?.retention?.toFixed(3),
  e?.margin.toFixed(3),
  e?.acquisitionCost.toFixed(3),
  e?.discountRate.toFixed(3),
); // 4.046 1.310 -0.310 -0.816
console.log(
  rates.acquisition.clvToCac?.toFixed(3),
  rates.acquisition.payback.discounted?.toFixed(2),
); // 2.444 0.69

// 2. The same question from a fitted model: an sBG fitted on five years of a cohort (Fader & Hardie
//    2007, regular segment), and a base of five yearly cohorts of 1,000 at their survivors.
const fit = shiftedBetaGeometric.fit({ alive: [1000, 631, 468, 382, 326] });
const sbg = retentionVsAcquisition({
  base: {
    kind: 'sbg',
    params: fit.params,
    customersByTenure: [1000, 631, 468, 382, 326],
    margin: usd('200'),
    period: 'year',
  },
  discountRate: '0.1',
  acquisitionCost: usd('300'),
});
console.log(sbg.aggregateRetention.toFixed(4)); // 0.7452
console.log(sbg.existingCustomers.amount.toFixed(0)); // 2074849
console.log(sbg.retentionGain.amount.toFixed(0)); // 43954
console.log(sbg.elasticities?.retention?.toFixed(3)); // 1.543
// Treating the same 2,807 customers as if each renewed at the aggregate rate undervalues them by 43%.
const flat = retentionVsAcquisition({
  base: {
    kind: 'rates',
    customers: 2807,
    margin: usd('200'),
    retention: sbg.aggregateRetention.toFixed(6),
    period: 'year',
  },
  discountRate: '0.1',
  acquisitionCost: usd('300'),
});
console.log(flat.existingCustomers.amount.toFixed(0)); // 1179370

// 3. Blattberg & Deighton's customer-equity test: $200 margin, 10%; acquisition reaches 20% of
//    prospects at $30 each (ceiling 40%), retention 50% at $20 a customer (ceiling 80%).
const test = customerEquityTest({
  margin: usd('200'),
  discountRate: '0.1',
  acquisition: calibrateResponseCurve({ current: { spend: usd('30'), rate: 0.2 }, ceiling: 0.4 }),
  retention: calibrateResponseCurve({ current: { spend: usd('20'), rate: 0.5 }, ceiling: 0.8 }),
  current: { acquisitionSpend: usd('30'), retentionSpend: usd('20') },
});
const now = test.current;
const best = test.optimum;
console.log(
  now.customerEquity.amount.toFixed(2),
  now.marginalReturn.acquisition.toFixed(2),
  now.marginalReturn.retention.toFixed(2),
); // 36.67 1.54 3.62
console.log(best.acquisitionSpend.amount.toFixed(2), best.retentionSpend.amount.toFixed(2)); // 63.35 59.33
console.log(
  best.acquisitionRate.toFixed(4),
  best.retentionRate.toFixed(4),
  best.customerEquity.amount.toFixed(2),
); // 0.3074 0.7564 80.42
console.log(
  best.marginalCost.acquire.amount.toFixed(2),
  best.marginalCost.retain.amount.toFixed(2),
); // 467.61 467.61
