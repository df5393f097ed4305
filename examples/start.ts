/**
 * A small money-and-CLV report: what one customer is worth under the three textbook timings, and
 * what an acquisition campaign returns. (It was `npm start` before the CFO briefing; `npm start` now
 * runs `customer-asset briefing --sample`.) Run: npx tsx examples/start.ts
 */
import {
  cohortTable,
  discountedPaybackPeriod,
  irr,
  marginMultiple,
  money,
  npv,
  roundMoney,
  simpleClv,
  simulateTransactions,
} from '../src/index.js';

const margin = money('100.00', 'USD');
const retention = 0.8;
const discountRate = 0.1;

const show = (m: ReturnType<typeof money>) =>
  `${roundMoney(m, 'half-up').amount.toFixed(2)} ${m.currency}`;

console.log('customer-asset: a money-and-CLV report\n');
console.log(
  `One customer: margin ${show(margin)} a year, retention ${retention}, discount rate ${discountRate}`,
);
for (const timing of ['now', 'next-period', 'end-of-period', 'mid-period'] as const) {
  const clv = simpleClv({ margin, retention, discountRate, period: 'year', timing });
  console.log(`  CLV, first margin ${timing.padEnd(13)}: ${show(clv.value)}`);
}
console.log(`  margin multiple r/(1+d-r): ${marginMultiple(retention, discountRate).toFixed(4)}\n`);

// An acquisition campaign: $50,000 now buys 400 customers whose margins decay with retention.
const flows = [money('-50000', 'USD')];
let alive = 400;
for (let year = 1; year <= 5; year += 1) {
  alive *= retention;
  flows.push(money((alive * 100).toFixed(2), 'USD'));
}
console.log('Acquisition campaign: -50,000 USD now, 400 customers, 5 years of margins');
console.log(`  NPV at 10%:               ${show(npv(discountRate, flows))}`);
console.log(`  IRR:                      ${irr(flows).rate.times(100).toFixed(2)}%`);
const payback = discountedPaybackPeriod(discountRate, flows);
console.log(
  `  discounted payback:       ${payback === null ? 'never' : `${payback.toFixed(2)} years`}\n`,
);

// A simulated year of a small shop, summarised into monthly cohorts.
const simulated = simulateTransactions({
  model: 'bg-nbd',
  params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  customers: 500,
  start: '2025-01-01',
  acquisitionEnd: '2025-03-31',
  end: '2026-01-01',
  seed: 7,
  spend: { p: 6.25, q: 3.74, gamma: 15.44 },
  currency: 'USD',
});
const table = cohortTable(simulated.log, { cohortBy: 'month', period: 'month' });
console.log(`Simulated shop (BG/NBD, seed 7): ${simulated.log.transactions.length} transactions`);
for (const row of table.cohorts) {
  const active = row.cells
    .slice(0, 6)
    .map((c) => String(c.activeCustomers).padStart(4))
    .join(' ');
  console.log(
    `  cohort ${row.cohort}: ${String(row.size).padStart(4)} customers; active by month ${active}`,
  );
}
