/**
 * Section 6 of a briefing on real data: retention against acquisition, and the return on a
 * customer-experience programme, for the CDNOW customers as valued in 04-value.ts. `briefing()`
 * does the bridging (each customer becomes a constant-retention customer with the same next-year
 * margin and lifetime value) and writes the answer in words; here we print those two sections.
 *
 *   npx tsx examples/06-roi.ts
 *
 * (In an application, import these names from 'customer-asset'.)
 */
import { money } from '../src/index.js';
import { briefing } from '../src/report/index.js';
import { CDNOW, readCdnowSample } from './00-cdnow.js';

const log = await readCdnowSample();
const b = briefing({
  log,
  company: 'CDNOW (sample)',
  margin: '0.30',
  discountRate: '0.15',
  calibrationEnd: CDNOW.calibrationEnd,
  period: 'quarter',
  // What it cost to win a customer in 1997 (an assumption for the example).
  acquisitionCosts: { perCustomer: money('12', 'USD') },
  cx: {
    name: 'Loyalty mailing',
    investment: ['2500', '1000'],
    effects: {
      retention: { kind: 'triangular', low: 0, mode: 0.02, high: 0.04 },
      referrals: { kind: 'range', low: 0, high: 40 },
    },
    horizon: 3,
  },
  interval: false,
});
const retention = b.sections.find((s) => s.id === 'retention')!;
const cx = b.sections.find((s) => s.id === 'cx')!;
console.log(retention.lead);
// One more point of yearly retention would add $5,812 to customer equity. To add as much by acquisition would take 119 more customers at today's $12.00 each, $1,432 of spend; a retention programme that delivers the point for less than $1,149 returns more per dollar than acquisition.
console.log(cx.figures.map((f) => `${f.label}: ${f.value}`).join('; '));
// Present value returned per $1: 1.38×; Net present value: $1,285; Internal rate of return: 44.5%; Discounted payback: 2.1 years; Chance the return reaches 3.0×: 0%; Chance it pays for itself: 76%
