import { contractualValuation, equityLedger } from '../src/ledger/index.js';
import { shiftedBetaGeometric } from '../src/models/shifted-beta-geometric/index.js';
import { money } from '../src/money/index.js';
import { syntheticSubscriptions } from './ledger.js';

const subscriptions = syntheticSubscriptions(1_000_000);
const equityOptions = {
  period: 'year',
  start: '2023-01-01',
  lossRule: { kind: 'cancellation' },
  valuation: contractualValuation({ model: shiftedBetaGeometric, period: 'month' }),
  assumptions: {
    retention: { alpha: 0.7637, beta: 1.2958 },
    margin: money('12.50', 'USD'),
    discountRate: 0.008,
  },
} as const;
const out = [];
for (let k = 0; k < 5; k++) {
  const c0 = process.cpuUsage();
  const t = performance.now();
  const r = equityLedger(subscriptions, equityOptions);
  const c = process.cpuUsage(c0);
  out.push(`${(performance.now() - t).toFixed(0)}/${((c.user + c.system) / 1000).toFixed(0)}`);
  if (k === 0) console.log(r.total.rows.at(-1)!.closing.amount.toFixed(2));
}
console.log(process.argv[2] ?? '', out.join(' '));
