/**
 * Section 1 of a briefing on real data: load the transaction log and look at what is in it.
 * The whole CDNOW cohort: 69,659 purchases by 23,570 customers, January 1997 to June 1998.
 *
 *   npx tsx examples/01-load.ts
 *
 * (In an application, import these names from 'customer-asset'.)
 */
import { cohortTable, money, sumMoney } from '../src/index.js';
import { formatMoney, formatNumber, formatPercent } from '../src/report/index.js';
import { readCdnowMaster } from './00-cdnow.js';

const log = await readCdnowMaster();
const customers = new Set(log.transactions.map((t) => t.customerId));
const dates = log.transactions.map((t) => t.date).sort();
const revenue = sumMoney(
  log.transactions.map((t) => money(t.amount, 'USD')),
  'USD',
);
console.log(
  `${formatNumber(log.transactions.length)} transactions, ${formatNumber(customers.size)} customers`,
); // 69,659 transactions, 23,570 customers
console.log(`from ${dates[0]} to ${dates.at(-1)}, ${log.rejected.length} rows rejected`); // from 1997-01-01 to 1998-06-30, 0 rows rejected
console.log(`revenue ${formatMoney(revenue, { decimals: 0 })}`); // revenue $2,500,316

// Everyone was acquired in the first quarter of 1997: one cohort per month, and how many buy again.
const table = cohortTable(log, { cohortBy: 'month', period: 'quarter' });
for (const row of table.cohorts)
  console.log(
    `${row.cohort}: ${formatNumber(row.size)} customers; buying in the next quarters: ${row.retention
      .slice(1, 6)
      .map((r) => formatPercent(r, 0))
      .join(' ')}`,
  );
// 1997-01: 7,846 customers; buying in the next quarters: 20% 18% 18% 16% 14%
// 1997-02: 8,476 customers; buying in the next quarters: 22% 18% 18% 16% 14%
// 1997-03: 7,248 customers; buying in the next quarters: 26% 19% 18% 17% 14%
