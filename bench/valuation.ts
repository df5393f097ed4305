/**
 * Valuation at scale (targets from the non-contractual CLV issue), on 1,000,000 mostly distinct
 * customers (x up to 30, continuous t_x and T up to 78 weeks, two-decimal mean spends):
 * - P(alive) and expected purchases over 52 weeks through the model's vectorised `score`: < 100 ms;
 * - CLV in money with an infinite horizon (DERT) and Gamma-Gamma spend, customer equity exact:
 *   < 1 s (BG/NBD and Pareto/NBD);
 * - reported without a target: the same with the 95% delta interval, and a 52-week finite horizon.
 * Times include the validation of the summary (zod on the inputs, O(n) row checks).
 *
 *   npm run bench -- valuation
 */
import { rfmSummaryFromRows } from '../src/data/index.js';
import type { RfmSummary } from '../src/data/summary-types.js';
import { bgNbd } from '../src/models/bg-nbd/index.js';
import { gammaGamma } from '../src/models/gamma-gamma/index.js';
import { paretoNbd } from '../src/models/pareto-nbd/index.js';
import { customerLifetimeValue } from '../src/valuation/index.js';
import { type BenchResult, below, medianMs } from './harness.js';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PNBD = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const DISCOUNT = { rate: '0.15', per: { value: 52, unit: 'week' } } as const;

/** `n` customers from a fixed LCG: the same summary on every run. */
export function syntheticSummary(n: number): RfmSummary {
  let s = 12345;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const rows = new Array(n);
  for (let i = 0; i < n; i += 1) {
    const T = 1 + 77 * next();
    const u = next();
    const frequency = u < 0.6 ? 0 : Math.floor(1 + 30 * (u - 0.6) ** 2 * 6);
    const recency = frequency === 0 ? 0 : T * next();
    const cents = 500 + Math.floor(next() * 10_000);
    rows[i] = {
      customerId: `c${i}`,
      frequency,
      recency,
      T,
      monetaryValue: frequency === 0 ? null : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    };
  }
  return rfmSummaryFromRows(rows, { timeUnit: 'week', currency: 'USD' });
}

export async function run(): Promise<BenchResult[]> {
  const summary = syntheticSummary(1_000_000);
  const results: BenchResult[] = [];
  const note = '1,000,000 customers';

  results.push(
    below(
      'BG/NBD score: P(alive) + E[Y(52)], 1M customers',
      medianMs(() => bgNbd.score(BG, summary, { horizon: 52 }), { runs: 7, warmup: 2 }),
      'ms',
      100,
      note,
    ),
    below(
      'Pareto/NBD score: P(alive) + E[Y(52)], 1M customers',
      medianMs(() => paretoNbd.score(PNBD, summary, { horizon: 52 }), { runs: 7, warmup: 2 }),
      'ms',
      100,
      note,
    ),
  );

  for (const [label, model, params] of [
    ['BG/NBD', bgNbd, BG],
    ['Pareto/NBD', paretoNbd, PNBD],
  ] as const) {
    const input = {
      transactions: { model, params } as never,
      spend: { model: gammaGamma, params: GG },
      summary,
      horizon: 'infinite' as const,
      discount: DISCOUNT,
      margin: '0.30',
      currency: 'USD',
    };
    results.push(
      below(
        `CLV in money (${label} DERT x Gamma-Gamma, exact equity), 1M customers`,
        medianMs(() => customerLifetimeValue(input), { runs: 5, warmup: 1 }),
        'ms',
        1000,
        note,
      ),
    );
  }

  const fitted = bgNbd.fit(bgNbd.simulate(BG, { customers: 20_000, T: 52, seed: 7 }));
  results.push({
    name: 'CLV in money with the 95% delta interval (BG/NBD fitted record), 1M customers',
    value: medianMs(
      () =>
        customerLifetimeValue({
          transactions: { model: bgNbd, fitted },
          spend: { model: gammaGamma, params: GG },
          summary,
          horizon: 'infinite',
          discount: DISCOUNT,
          margin: '0.30',
          currency: 'USD',
        }),
      { runs: 3, warmup: 1 },
    ),
    unit: 'ms',
    note: 'no target; 2 scoring passes per parameter',
  });
  results.push({
    name: 'CLV in money over a 52-week horizon (BG/NBD, mid-period), 1M customers',
    value: medianMs(
      () =>
        customerLifetimeValue({
          transactions: { model: bgNbd, params: BG },
          spend: { model: gammaGamma, params: GG },
          summary,
          horizon: { value: 52, unit: 'week' },
          discount: DISCOUNT,
          margin: '0.30',
          currency: 'USD',
        }),
      { runs: 3, warmup: 1 },
    ),
    unit: 'ms',
    note: 'no target; one scoring pass per week',
  });
  return results;
}
