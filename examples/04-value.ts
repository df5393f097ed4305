/**
 * Section 4 of a briefing on real data: the value of every CDNOW customer and of the whole base at
 * the end of the data (June 1998), with a 95% interval, and where that value sits.
 * Assumptions as in Fader, Hardie & Lee (2005, JMR): a 30% margin and 15% a year.
 *
 *   npx tsx examples/04-value.ts
 *
 * (In an application, import these names from 'customer-asset'.)
 */
import { compressSummary, rfmSummary } from '../src/index.js';
import { bgNbd } from '../src/models/bg-nbd/index.js';
import { gammaGamma } from '../src/models/gamma-gamma/index.js';
import {
  clvConcentrationData,
  formatMoney,
  formatMoneyCompact,
  formatPercent,
} from '../src/report/index.js';
import { customerLifetimeValue } from '../src/valuation/index.js';
import { CDNOW, readCdnowSample } from './00-cdnow.js';

const log = await readCdnowSample();
// Value at the end of the data: fit on the whole 78 weeks.
const summary = rfmSummary(log, { timeUnit: 'week', observationEnd: CDNOW.observationEnd });
const purchases = bgNbd.fit(compressSummary(summary));
const spend = gammaGamma.fit(summary);
const clv = customerLifetimeValue({
  transactions: { model: bgNbd, fitted: purchases },
  spend: { model: gammaGamma, fitted: spend },
  summary,
  horizon: 'infinite',
  discount: { rate: '0.15', per: 'year' },
  margin: '0.30',
  currency: 'USD',
  calendar: 'gregorian-average',
});
const { value, lower, upper } = clv.customerEquity;
console.log(
  `customer equity ${formatMoney(value, { decimals: 0 })} (95% interval ${formatMoneyCompact(lower!)} to ${formatMoneyCompact(upper!)})`,
); // customer equity $90,912 (95% interval $76.3k to $108k)

let active = 0;
for (let i = 0; i < clv.size; i += 1) active += clv.probabilityAlive[i]!;
console.log(`${Math.round(active)} of ${clv.customers} customers expected to be still active`); // 1855 of 2357 customers expected to be still active

const deciles = clvConcentrationData({ values: clv.value, counts: clv.count, currency: 'USD' });
console.log(
  `the top 10% hold ${formatPercent(deciles.groups[0]!.share, 0)} of the value, Gini ${deciles.gini.toFixed(2)}`,
); // the top 10% hold 60% of the value, Gini 0.68
