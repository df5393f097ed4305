/**
 * Section 2 of a briefing on real data: summarise each customer in the models' notation (x, t_x, T)
 * with a calibration period and a holdout, on the CDNOW sample of Fader, Hardie & Lee (2005).
 *
 *   npx tsx examples/02-summarise.ts
 *
 * (In an application, import these names from 'customer-asset'.)
 */
import { rfmSummary } from '../src/index.js';
import { formatNumber } from '../src/report/index.js';
import { CDNOW, readCdnowSample } from './00-cdnow.js';

const log = await readCdnowSample();
// Weeks; same-day purchases merged into one occasion (the convention of the published figures).
const summary = rfmSummary(log, { timeUnit: 'week', ...CDNOW });
const rows = summary.customers;
const repeat = rows.reduce((s, c) => s + c.frequency, 0);
const holdout = rows.reduce((s, c) => s + (c.holdout?.frequency ?? 0), 0);
console.log(
  `${formatNumber(rows.length)} customers, ${formatNumber(rows.filter((c) => c.frequency === 0).length)} with no repeat purchase`,
); // 2,357 customers, 1,411 with no repeat purchase
console.log(
  `repeat purchases: ${formatNumber(repeat)} in the 39 calibration weeks, ${formatNumber(holdout)} in the 39 holdout weeks`,
); // repeat purchases: 2,457 in the 39 calibration weeks, 1,882 in the 39 holdout weeks

// One customer, as the models see them: ID 0001 (the first row of the published summary).
const first = rows.find((c) => c.customerId === '0001')!;
console.log(first.frequency, first.recency.toFixed(2), first.T.toFixed(2), first.monetaryValue); // 2 30.43 38.86 22.345
