/**
 * Special-function throughput (calls per second, warm medians): gammaln (target >= 20,000,000/s
 * from the Numerical core issue), digamma, betaln, hyp2f1 in the BG/NBD and Pareto/NBD regions,
 * upper incomplete gamma / U(s, s; z), logSumExp.
 *
 *   npm run bench -- math
 *   npx tsx -e "import('./bench/math.ts').then(async m => console.log(await m.run()))"
 */
import {
  betaln,
  digamma,
  gammaln,
  hyp2f1,
  logHyp2f1,
  logSumExp,
  tricomiUEqual,
} from '../src/math/index.js';
import { atLeast, type BenchResult, medianMs } from './harness.js';

/** A fixed pseudo-random stream (no Math.random: the inputs are the same on every run). */
function stream(n: number, seed: number, f: (u: number, i: number) => number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i += 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = f(s / 2 ** 32, i);
  }
  return out;
}

/**
 * Calls per second of a timed pass that makes `calls` calls (median of 9 passes). Each benchmark
 * writes its own loop, so every call site stays monomorphic (a shared `body(i)` callback would be
 * megamorphic after the first benchmark and measure the dispatch, not the function).
 */
function rate(calls: number, pass: () => number): number {
  let sink = 0;
  const ms = medianMs(
    () => {
      sink += pass();
    },
    { runs: 9, warmup: 3 },
  );
  if (Number.isNaN(sink)) throw new Error('a benchmarked function returned NaN');
  return (calls / ms) * 1000;
}

export async function run(): Promise<BenchResult[]> {
  const N = 1 << 16;
  // Model-shaped arguments: r + x with x = 0..99 repeat purchases, and a log-uniform sweep.
  const model = stream(N, 1, (u) => 0.242595 + Math.floor(u * 100));
  const wide = stream(N, 2, (u) => Math.exp(Math.log(1e-8) + u * Math.log(1e15)));
  const results: BenchResult[] = [];
  results.push(
    atLeast(
      'gammaln calls per second, r + x (x = 0..99)',
      rate(N, () => {
        let s = 0;
        for (let i = 0; i < N; i += 1) s += gammaln(model[i]!);
        return s;
      }),
      'calls/s',
      20_000_000,
    ),
    atLeast(
      'gammaln calls per second, x log-uniform in [1e-8, 1e7]',
      rate(N, () => {
        let s = 0;
        for (let i = 0; i < N; i += 1) s += gammaln(wide[i]!);
        return s;
      }),
      'calls/s',
      20_000_000,
    ),
    {
      name: 'digamma calls per second, r + x (x = 0..99)',
      value: rate(N, () => {
        let s = 0;
        for (let i = 0; i < N; i += 1) s += digamma(model[i]!);
        return s;
      }),
      unit: 'calls/s',
    },
    {
      name: 'betaln calls per second, (a, b + x) (x = 0..99)',
      value: rate(N, () => {
        let s = 0;
        for (let i = 0; i < N; i += 1) s += betaln(0.792922, 2.42591 + model[i]!);
        return s;
      }),
      unit: 'calls/s',
    },
  );

  // BG/NBD at the CDNOW fit: E[X(t)] for t in (0, 78] and E[Y(39)] for x = 0..99 (T = 39).
  const [r, alpha, a, b] = [0.242595, 4.4136, 0.792922, 2.42591];
  const ts = stream(4096, 3, (u) => 0.1 + 78 * u);
  results.push({
    name: 'hyp2f1 calls per second, BG/NBD E[X(t)] (CDNOW fit, t in (0, 78])',
    value: rate(ts.length, () => {
      let s = 0;
      for (let i = 0; i < ts.length; i += 1) {
        const t = ts[i]!;
        s += hyp2f1(r, b, a + b - 1, t / (alpha + t));
      }
      return s;
    }),
    unit: 'calls/s',
  });
  const xs = stream(4096, 4, (u) => Math.floor(u * 100));
  results.push({
    name: 'logHyp2f1 calls per second, BG/NBD E[Y(39)] (x = 0..99, T = 39)',
    value: rate(xs.length, () => {
      let s = 0;
      for (let i = 0; i < xs.length; i += 1) {
        const x = xs[i]!;
        s += logHyp2f1(r + x, b + x, a + b + x - 1, 39 / (alpha + 39 + 39));
      }
      return s;
    }),
    unit: 'calls/s',
  });

  // Pareto/NBD likelihood at the CDNOW fit (alpha < beta branch) and with max/min = 100 (z near 1).
  const [pr, pa, ps, pb] = [0.553277, 10.5777, 0.60624, 11.6687];
  const txs = stream(4096, 5, (u) => 39 * u);
  results.push({
    name: 'hyp2f1 calls per second, Pareto/NBD likelihood (CDNOW fit, x = 0..99)',
    value: rate(txs.length, () => {
      let s = 0;
      for (let i = 0; i < txs.length; i += 1) {
        const x = xs[i]!;
        s += hyp2f1(pr + ps + x, pr + x, pr + ps + x + 1, (pb - pa) / (pb + txs[i]!));
      }
      return s;
    }),
    unit: 'calls/s',
  });
  results.push({
    name: 'logHyp2f1 calls per second, Pareto/NBD with beta/alpha = 100 (z in [0.72, 0.99])',
    value: rate(txs.length, () => {
      let s = 0;
      for (let i = 0; i < txs.length; i += 1) {
        const x = xs[i]!;
        s += logHyp2f1(pr + ps + x, ps + 1, pr + ps + x + 1, (1000 - 10) / (1000 + txs[i]!));
      }
      return s;
    }),
    unit: 'calls/s',
  });
  const ds = stream(4096, 6, (u) => Math.exp(Math.log(1e-3) + u * Math.log(1e3)));
  results.push({
    name: 'hyp2f1 calls per second, sBG DERL (d in [0.001, 1], n = 1..8)',
    value: rate(ds.length, () => {
      let s = 0;
      for (let i = 0; i < ds.length; i += 1) {
        const n = 1 + (i % 8);
        s += hyp2f1(1, 1.2958 + n, 0.7637 + 1.2958 + n, 1 / (1 + ds[i]!));
      }
      return s;
    }),
    unit: 'calls/s',
  });
  results.push({
    name: 'tricomiUEqual calls per second, Pareto/NBD DERT (s = 0.41, z in [0.03, 0.3])',
    value: rate(ds.length, () => {
      let s = 0;
      for (let i = 0; i < ds.length; i += 1)
        s += tricomiUEqual(0.4081095, 0.0027 * (10.5 + 100 * ds[i]!));
      return s;
    }),
    unit: 'calls/s',
  });

  const logs = stream(1000, 7, (u) => -50 * u);
  results.push({
    name: 'logSumExp calls per second, 1,000 entries',
    value: rate(200, () => {
      let s = 0;
      for (let i = 0; i < 200; i += 1) s += logSumExp(logs);
      return s;
    }),
    unit: 'calls/s',
  });
  return results;
}
