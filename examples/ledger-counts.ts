/**
 * Worked example of docs/guide/ledger.md, the count roll-forward (run by tests/ledger/examples.test.ts).
 * Run: npx tsx examples/ledger-counts.ts
 */

import { parseTransactions } from '../src/data/index.js';
import { customerLedger } from '../src/ledger/index.js';

// Five purchases of three customers. A customer counts as lost after 60 days without a purchase.
const log = parseTransactions(
  [
    { customerId: 'a', date: '2024-01-05', amount: '20' },
    { customerId: 'b', date: '2024-01-20', amount: '35' },
    { customerId: 'a', date: '2024-02-10', amount: '25' },
    { customerId: 'c', date: '2024-03-02', amount: '15' },
    { customerId: 'b', date: '2024-05-01', amount: '40' },
  ],
  { currency: 'USD' },
);
const ledger = customerLedger(log, {
  period: 'month',
  lossRule: { kind: 'inactivity', days: 60 },
  end: '2024-05-31',
});

// period, opening + acquired + reactivated − lost = closing
for (const r of ledger.total.rows)
  console.log(r.period, r.opening, r.acquired, r.reactivated, r.lost, r.closing);
// 2024-01 0 2 0 0 2
// 2024-02 2 0 0 0 2
// 2024-03 2 1 0 1 2
// 2024-04 2 0 0 1 1
// 2024-05 1 0 1 1 1

// March: a kept, b lost (no purchase since Jan 20), c acquired.
const march = ledger.total.rows[2]!;
console.log(march.retained, march.customerRetentionRate, march.quickRatio); // 1 0.5 1

// February's revenue rolled forward from January's: 55 + 5 (a spends more) − 35 (b spends nothing) = 25.
const feb = ledger.total.rows[1]!.revenue!;
console.log(
  feb.previous.amount.toString(),
  feb.expansion.amount.toString(),
  feb.churned.amount.toString(),
  feb.current.amount.toString(),
); // 55 5 35 25
console.log(feb.netRevenueRetention?.toFixed(4), feb.grossRevenueRetention?.toFixed(4)); // 0.4545 0.3636

// The January cohort (a and b), and the statement's own check totals.
console.log(ledger.cohorts[0]!.name, ledger.cohorts[0]!.rows.map((r) => r.closing).join(' ')); // 2024-01 2 2 1 0 1
console.log(ledger.checks.ok); // true
