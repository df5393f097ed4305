/**
 * Valuation at scale (targets from the non-contractual CLV issue), on 1,000,000 customers (1,000
 * cohorts with distinct T, continuous recency, Gamma-Gamma mean spends; see `syntheticCustomers`):
 * - P(alive) and expected purchases over 52 weeks through the model's vectorised `score`: < 100 ms;
 * - CLV in money with an infinite horizon (DERT) and Gamma-Gamma spend, customer equity exact:
 *   < 1 s (BG/NBD and Pareto/NBD);
 * - reported without a target, on 100,000 customers (100 cohorts): the same with the 95% delta
 *   interval (2 extra passes per parameter), and a 52-week finite horizon (one pass per week).
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
import { type BenchResult, below } from './harness.js';
import { timedWallAndCpu } from './support.js';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PNBD = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const DISCOUNT = { rate: '0.15', per: { value: 52, unit: 'week' } } as const;

/**
 * 1,000 cohorts of 1,000 customers with T from 20 to 78 weeks (as bench/bg-nbd.ts), drawn from
 * BG/NBD at the CDNOW estimates, with mean spends drawn from Gamma-Gamma: a million customers with
 * continuous recency and about as many distinct (x, T) pairs as real data acquired over 400 days.
 */
export function syntheticCustomers(cohorts = 1000): RfmSummary {
  const rows: { customerId: string; frequency: number; recency: number; T: number }[] = [];
  for (let k = 0; k < cohorts; k += 1) {
    const T = 20 + (58 * k) / (cohorts - 1);
    const cohort = bgNbd.simulate(BG, { customers: 1000, T, seed: 1000 + k });
    for (const c of cohort.customers)
      rows.push({
        customerId: `c${rows.length}`,
        frequency: c.frequency,
        recency: c.recency,
        T: c.T,
      });
  }
  const drawn = gammaGamma.simulate(GG, {
    summary: rfmSummaryFromRows(rows, { timeUnit: 'week', currency: 'USD' }),
    seed: 99,
  });
  // Rebuilt as a summary from rows, whose row objects are all of one literal shape as in a summary
  // from a log (rows copied with a spread are several times slower to read in Node 20).
  return rfmSummaryFromRows(
    drawn.customers.map((r) => ({
      customerId: r.customerId,
      frequency: r.frequency,
      recency: r.recency,
      T: r.T,
      monetaryValue: r.monetaryValue,
    })),
    { timeUnit: 'week', currency: 'USD' },
  );
}

function measured(
  name: string,
  fn: () => unknown,
  limit: number | null,
  runs: number,
  warmup: number,
  note: string,
): BenchResult {
  const { wall, cpu } = timedWallAndCpu(fn, runs, warmup);
  const text = `CPU ${cpu.toPrecision(3)} ms; ${note}`;
  return limit === null
    ? { name, value: wall, unit: 'ms', note: text }
    : below(name, wall, 'ms', limit, text);
}

export async function run(): Promise<BenchResult[]> {
  const summary = syntheticCustomers(1000);
  const small = syntheticCustomers(100);
  const base = {
    spend: { model: gammaGamma, params: GG },
    horizon: 'infinite' as const,
    discount: DISCOUNT,
    margin: '0.30',
    currency: 'USD',
  };
  const fitted = bgNbd.fit(bgNbd.simulate(BG, { customers: 20_000, T: 52, seed: 7 }));
  return [
    measured(
      'BG/NBD score: P(alive) + E[Y(52)], 1M customers',
      () => bgNbd.score(BG, summary, { horizon: 52 }),
      100,
      5,
      1,
      'the model alone',
    ),
    measured(
      'CLV in money (Pareto/NBD DERT x Gamma-Gamma, exact equity), 1M customers',
      () =>
        customerLifetimeValue({
          ...base,
          transactions: { model: paretoNbd, params: PNBD },
          summary,
        }),
      1000,
      5,
      1,
      'no interval',
    ),
    measured(
      "the models' own part of it: Pareto/NBD DERT score + Gamma-Gamma score, 1M customers",
      () => {
        paretoNbd.score(PNBD, summary, { horizon: 0, discountRate: 1.15 ** (1 / 52) - 1 });
        gammaGamma.score(GG, summary);
      },
      null,
      5,
      1,
      'no target; CLV minus this is the cost of valuation itself',
    ),
    measured(
      'CLV in money (BG/NBD DERT x Gamma-Gamma, exact equity), 1M customers',
      () => customerLifetimeValue({ ...base, transactions: { model: bgNbd, params: BG }, summary }),
      1000,
      5,
      1,
      'no interval',
    ),
    measured(
      "the models' own part of it: BG/NBD DERT score + Gamma-Gamma score, 1M customers",
      () => {
        bgNbd.score(BG, summary, { horizon: 0, discountRate: 1.15 ** (1 / 52) - 1 });
        gammaGamma.score(GG, summary);
      },
      null,
      5,
      1,
      'no target; CLV minus this is the cost of valuation itself',
    ),
    measured(
      'CLV in money with the 95% delta interval (BG/NBD fitted record), 100k customers',
      () =>
        customerLifetimeValue({ ...base, transactions: { model: bgNbd, fitted }, summary: small }),
      null,
      3,
      0,
      'no target; 2 scoring passes per parameter',
    ),
    measured(
      'CLV in money over a 52-week horizon (BG/NBD, mid-period), 100k customers',
      () =>
        customerLifetimeValue({
          ...base,
          transactions: { model: bgNbd, params: BG },
          summary: small,
          horizon: { value: 52, unit: 'week' },
        }),
      null,
      3,
      0,
      'no target; one scoring pass per week',
    ),
  ];
}
