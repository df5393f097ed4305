/** Small statistics helpers for the sampler tests (not a test file itself). */
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import type { RandomSource } from '../../src/random/prng.js';

export function draw(n: number, sampler: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 1) out[i] = sampler();
  return out;
}

export function mean(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export function variance(xs: Float64Array): number {
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return s / (xs.length - 1);
}

/**
 * Distance of the sample mean and variance from their true values, in standard errors. The standard
 * error of the sample variance is sigma^2 sqrt((excessKurtosis + 2) / n).
 */
export function momentZScores(
  xs: Float64Array,
  trueMean: number,
  trueVariance: number,
  excessKurtosis: number,
): { meanZ: number; varianceZ: number } {
  const n = xs.length;
  const meanZ = (mean(xs) - trueMean) / Math.sqrt(trueVariance / n);
  const varianceZ =
    (variance(xs) - trueVariance) / (trueVariance * Math.sqrt((excessKurtosis + 2) / n));
  return { meanZ, varianceZ };
}

/** Kolmogorov–Smirnov statistic D_n of a sample against a continuous CDF. */
export function ksStatistic(xs: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i += 1) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** sqrt(n) * D_n critical value of the KS test at level 0.001 (asymptotic, scipy kstwo: 1.947 at n=5000). */
export const KS_CRITICAL_0_001 = 1.9495;

/** Upper 0.001 quantiles of chi-square with df = 1..40 (scipy.stats.chi2.ppf(0.999, df)). */
export const CHI_SQUARE_0_999 = [
  10.828, 13.816, 16.266, 18.467, 20.515, 22.458, 24.322, 26.124, 27.877, 29.588, 31.264, 32.909,
  34.528, 36.123, 37.697, 39.252, 40.79, 42.312, 43.82, 45.315, 46.797, 48.268, 49.728, 51.179,
  52.62, 54.052, 55.476, 56.892, 58.301, 59.703, 61.098, 62.487, 63.87, 65.247, 66.619, 67.985,
  69.346, 70.703, 72.055, 73.402,
];

/**
 * Pearson chi-square of integer draws against a pmf. Cells are runs of consecutive integers from `lo`
 * upward, each closed once it expects at least max(20, n/25) draws (so at most about 25 cells); the
 * first cell also takes everything below `lo` and the last everything above. Returns the statistic and its degrees of freedom.
 */
export function chiSquare(
  xs: Float64Array,
  pmf: (k: number) => number,
  lo: number,
  hi: number,
): { statistic: number; df: number } {
  const n = xs.length;
  const upper: number[] = [];
  const cdfAtUpper: number[] = [];
  let cdf = 0;
  let acc = 0;
  const minExpected = Math.max(20, n / 25);
  for (let k = lo; k <= hi; k += 1) {
    const p = pmf(k);
    cdf += p;
    acc += p;
    if (acc * n >= minExpected) {
      upper.push(k);
      cdfAtUpper.push(cdf);
      acc = 0;
    }
  }
  const cells = upper.length; // the last cell is (upper[cells - 2], +infinity)
  const observed = new Array<number>(cells).fill(0);
  for (const x of xs) {
    let c = 0;
    while (c < cells - 1 && x > upper[c]!) c += 1;
    observed[c]! += 1;
  }
  let statistic = 0;
  for (let c = 0; c < cells; c += 1) {
    const top = c === cells - 1 ? 1 : cdfAtUpper[c]!;
    const bottom = c === 0 ? 0 : cdfAtUpper[c - 1]!;
    const e = (top - bottom) * n;
    statistic += (observed[c]! - e) ** 2 / e;
  }
  return { statistic, df: cells - 1 };
}

export function poissonPmf(mean: number): (k: number) => number {
  return (k) => Math.exp(-mean + k * Math.log(mean) - gammaln(k + 1));
}

export function binomialPmf(n: number, p: number): (k: number) => number {
  return (k) =>
    k < 0 || k > n
      ? 0
      : Math.exp(
          gammaln(n + 1) -
            gammaln(k + 1) -
            gammaln(n - k + 1) +
            k * Math.log(p) +
            (n - k) * Math.log1p(-p),
        );
}

export function negativeBinomialPmf(r: number, p: number): (k: number) => number {
  return (k) =>
    Math.exp(gammaln(k + r) - gammaln(r) - gammaln(k + 1) + r * Math.log(p) + k * Math.log1p(-p));
}

/** Regularised lower incomplete gamma P(a, x): the Gamma(a, 1) CDF. */
export function gammaCdf(shape: number, rate: number): (x: number) => number {
  return (x) => (x <= 0 ? 0 : gammainc(x * rate, shape));
}

/** Standard normal CDF through P(1/2, z^2/2). */
export function normalCdf(z: number): number {
  const half = 0.5 * gammainc((z * z) / 2, 0.5);
  return z >= 0 ? 0.5 + half : 0.5 - half;
}

export type { RandomSource };
