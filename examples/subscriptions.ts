/**
 * From a subscription event log to the value of the subscriber base: survival table, sBG fit (with
 * the geometric and BdW models for comparison), projection, residual value of every subscriber, and
 * the table a CFO needs: what a single average retention rate says the base is worth.
 * docs/guide/subscriptions.md walks through it; tests/valuation/subscriber-guide.test.ts runs it.
 *
 *   npx tsx examples/subscriptions.ts
 *
 * (In an application, import all of these names from 'customer-asset'.)
 */
import {
  convertRate,
  money,
  roundMoney,
  simulateSubscriptions,
  survivalTable,
} from '../src/index.js';
import { betaDiscreteWeibull } from '../src/models/beta-discrete-weibull/index.js';
import { geometric } from '../src/models/geometric/index.js';
import { shiftedBetaGeometric } from '../src/models/shifted-beta-geometric/index.js';
import {
  compareWithConstantRetention,
  subscriberBaseValue,
  subscriberLifetimeValue,
  subscribersFromEvents,
} from '../src/valuation/contractual.js';

const end = '2025-06-30';

// 1. The event log: one row per start and cancellation. Here 20,000 monthly subscribers who joined
//    over three years, drawn from an sBG with alpha = 1.2, beta = 6 (seeded, so reproducible).
const { events } = simulateSubscriptions({
  params: { alpha: 1.2, beta: 6 },
  customers: 20_000,
  start: '2022-01-01',
  acquisitionEnd: '2024-12-31',
  end,
  period: 'month',
  seed: 42,
});

// 2. The survival table: subscribers alive at ages 0, 1, 2, ... months, per monthly cohort, each
//    cohort right-censored at the last age known for all its members.
const table = survivalTable({ events, period: 'month', end });
console.log(`${table.cohorts.length} cohorts; the first:`, table.cohorts[0]?.alive.slice(0, 6));

// 3. Fit the heterogeneous model, and the two it is compared with.
const fit = shiftedBetaGeometric.fit(table);
const naive = geometric.fit(table);
const bdw = betaDiscreteWeibull.fit(table);
const lrStatistic = 2 * (bdw.logLikelihood - fit.logLikelihood); // chi-square(1) if c = 1
console.log('sBG', fit.params, 'LL', fit.logLikelihood.toFixed(1));
console.log('geometric', naive.params, 'LL', naive.logLikelihood.toFixed(1));
console.log(
  'BdW c =',
  bdw.params.c.toFixed(3),
  'likelihood-ratio statistic',
  lrStatistic.toFixed(2),
);
console.log(
  'retention at renewals 1, 12, 24:',
  [1, 12, 24].map((t) => shiftedBetaGeometric.retentionRate(fit.params, t).toFixed(3)),
);

// 4. Today's base, grouped by renewals made so far (cancelled subscribers left out).
const base = subscribersFromEvents({ events, period: 'month', end });

// 5. Project the base: expected subscribers over the next 12 months.
const projection = shiftedBetaGeometric.projectSurvival(fit.params, {
  cohorts: base.map((g) => ({ age: g.periodsSurvived, alive: g.count })),
  horizon: 12,
});
console.log('active now', projection.total[0], 'in 12 months', Math.round(projection.total[12]!));

// 6. Value: $12 margin a month, 10% a year (as a monthly effective rate).
const margin = money('12', 'USD');
const discountRate = convertRate('0.1', { value: 1, unit: 'year' }, { value: 1, unit: 'month' });
const valuation = {
  model: shiftedBetaGeometric,
  params: fit.params,
  margin,
  discountRate: discountRate.toNumber(),
};
const newSubscriber = subscriberLifetimeValue(valuation);
const value = subscriberBaseValue({ ...valuation, subscribers: base });
console.log('a new subscriber is worth', roundMoney(newSubscriber).amount.toString());
console.log('the base is worth', roundMoney(value.total).amount.toString());

// 7. The CFO's table: the same base valued with one average retention rate.
const comparison = compareWithConstantRetention({ ...valuation, subscribers: base });
console.log('aggregate retention', comparison.retentionRate.toFixed(4));
for (const row of comparison.byTenure.filter((r) => [6, 12, 24, 36].includes(r.periodsSurvived)))
  console.log(
    `after ${row.periodsSurvived} renewals:`,
    roundMoney(row.heterogeneousValue).amount.toString(),
    'vs',
    roundMoney(row.constantValue).amount.toString(),
  );
console.log(
  `one retention rate understates the base by ${(100 * comparison.total.understatement).toFixed(1)}%`,
);

export { base, bdw, comparison, fit, naive, newSubscriber, projection, table, value };
