/**
 * Worked example of docs/guide/ledger.md, the value roll-forward (run by tests/ledger/examples.test.ts).
 * Run: npx tsx examples/ledger-equity.ts
 */

import { equityLedger, retentionValuation } from '../src/ledger/index.js';
import { money } from '../src/money/index.js';

// Two subscribers start on 31 January and pay 10 USD of margin a month, on the 31st (clamped to the
// month's end); b cancels on 15 March. Retention 90% a month, discount rate 1% a month. At the end
// of March the company revises retention to 95% and its discount rate to 2%.
const ledger = equityLedger(
  {
    events: [
      { customerId: 'a', date: '2024-01-31', type: 'start' },
      { customerId: 'b', date: '2024-01-31', type: 'start' },
      { customerId: 'b', date: '2024-03-15', type: 'cancel' },
    ],
  },
  {
    period: 'month',
    lossRule: { kind: 'cancellation' },
    valuation: retentionValuation({ period: 'month' }),
    assumptions: { retention: 0.9, margin: money('10', 'USD'), discountRate: 0.01 },
    revisions: [{ period: '2024-03', assumptions: { retention: 0.95, discountRate: 0.02 } }],
    acquisitionCosts: { '2024-01': money('40', 'USD') },
    end: '2024-03-31',
  },
);

const show = (m: { amount: { toFixed(n: number): string } }) => m.amount.toFixed(2);
for (const r of ledger.total.rows)
  console.log(
    r.period,
    show(r.opening),
    show(r.acquired),
    show(r.lost),
    show(r.marginRealised),
    show(r.unwind),
    show(r.experience),
    r.revaluation.map((line) => `${line.assumption} ${show(line.amount)}`).join(', '),
    show(r.closing),
  );
// 2024-01 0.00 183.64 0.00 20.00 0.00 0.00 retention 0.00, margin 0.00, discountRate 0.00 163.64
// 2024-02 163.64 0.00 0.00 20.00 1.64 18.36 retention 0.00, margin 0.00, discountRate 0.00 163.64
// 2024-03 163.64 0.00 82.21 10.00 1.21 9.18 retention 76.51, margin 0.00, discountRate -22.62 135.71

// Each row balances to the cent, and so does the whole quarter.
const q = ledger.total.summary;
console.log(
  show(q.opening),
  show(q.acquired),
  show(q.lost),
  show(q.marginRealised),
  show(q.unwind),
  show(q.experience),
  show(q.closing),
); // 0.00 183.64 82.21 50.00 2.85 27.54 135.71
console.log(q.difference.amount.toString(), ledger.checks.ok); // 0 true

// Acquisition economics of the January cohort: CLV 91.82 against a CAC of 20, paid back in two months.
const jan = ledger.acquisition![0]!;
console.log(
  show(jan.clvAtAcquisition!),
  show(jan.costPerCustomer!),
  jan.clvToCac?.toFixed(2),
  jan.paybackPeriods,
); // 91.82 20.00 4.59 2
