/**
 * Worked example of docs/guide/ledger.md, the early warning (run by tests/ledger/examples.test.ts).
 * Run: npx tsx examples/ledger-erosion.ts
 */

import { erosionWatch, retentionValuation } from '../src/ledger/index.js';
import { money } from '../src/money/index.js';

// 40 subscribers since 15 January 2023, half of them from a promotion. The model says 2% cancel at
// each monthly renewal. In June, 12 of the promotion's subscribers cancel.
const events: { customerId: string; date: string; type: 'start' | 'cancel' }[] = [];
const campaign: Record<string, string> = {};
for (let i = 0; i < 40; i += 1) {
  events.push({ customerId: `c${i}`, date: '2023-01-15', type: 'start' });
  campaign[`c${i}`] = i < 20 ? 'promo' : 'organic';
  if (i < 12) events.push({ customerId: `c${i}`, date: '2023-06-15', type: 'cancel' });
}
const watch = erosionWatch(
  { events },
  {
    period: 'month',
    valuation: retentionValuation({ period: 'month' }),
    assumptions: { retention: 0.98, margin: money('20', 'USD'), discountRate: 0.01 },
    by: { name: 'campaign', groups: campaign },
    recent: 3,
    end: '2023-06-30',
  },
);

console.log(watch.measure, watch.window.periods.join(' ')); // cancellations 2023-04 2023-05 2023-06
for (const g of watch.groups)
  console.log(
    g.dimension,
    g.group,
    g.actual,
    g.expected.toFixed(1),
    g.upper.toFixed(2),
    g.status,
    g.valueAtRisk.amount.toFixed(2),
  );
// total total 12 2.4 5.41 above 6304.32
// cohort 2023-01 12 2.4 5.41 above 6304.32
// campaign organic 0 1.2 3.33 within 0.00
// campaign promo 12 1.2 3.33 above 7092.36

// Ranked by value at risk: where the company is losing value faster than its model says.
console.log(watch.alerts.map((g) => `${g.group} ${g.valueAtRisk.amount.toFixed(2)}`).join('; ')); // promo 7092.36; total 6304.32; 2023-01 6304.32
