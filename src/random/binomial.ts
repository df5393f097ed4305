import gammaln from '@stdlib/math-base-special-gammaln';
import { checkCount, checkProbability, checkRandomSource } from './check.js';
import type { RandomSource } from './prng.js';

/** Binomial(n, p) by inversion (sequential search), p <= 1/2 and n·p < 10. */
function binomialInversion(rng: RandomSource, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  let r = Math.exp(n * Math.log1p(-p));
  let u = rng.nextDouble();
  let x = 0;
  while (u > r && x < n) {
    u -= r;
    x += 1;
    r *= a / x - s;
  }
  return x;
}

/**
 * Binomial(n, p) by BTRS, the transformed rejection method with squeeze of Hörmann (1993), "The
 * generation of binomial random variates", J. Statist. Comput. Simul. 46:101–110 (acceptance test
 * with exact log-factorials, as in TensorFlow's sampler). For p <= 1/2 and n·p >= 10.
 */
function binomialBtrs(rng: RandomSource, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const logOdds = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = gammaln(m + 1) + gammaln(n - m + 1);
  for (;;) {
    const u = rng.nextDouble() - 0.5;
    const v = rng.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const logV = Math.log((v * alpha) / (a / (us * us) + b));
    if (logV <= h - gammaln(k + 1) - gammaln(n - k + 1) + (k - m) * logOdds) return k;
  }
}

/** Binomial(n, p) without argument checks: for the library's own loops. */
export function binomialVariate(rng: RandomSource, n: number, p: number): number {
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - binomialVariate(rng, n, 1 - p);
  return n * p < 10 ? binomialInversion(rng, n, p) : binomialBtrs(rng, n, p);
}

/**
 * Draws from Binomial(n, p), the number of successes in n Bernoulli(p) trials. Works on
 * min(p, 1 − p) and reflects; uses inversion when n·min(p, 1 − p) < 10 and Hörmann's BTRS
 * transformed rejection (1993, J. Statist. Comput. Simul. 46:101–110) otherwise, exact for every n up
 * to 2^53 − 1 at a constant expected cost.
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @param n - Number of trials, an integer in [0, 2^53 − 1].
 * @param p - Success probability in [0, 1].
 * @throws `input/invalid` on a non-integer or negative n or p outside [0, 1].
 *
 * @example
 * ```ts
 * import { createRandom, sampleBinomial } from 'customer-asset';
 * const retained = sampleBinomial(createRandom(9), 1000, 0.8);
 * console.log(retained > 700 && retained < 900); // true
 * ```
 */
export function sampleBinomial(rng: RandomSource, n: number, p: number): number {
  checkRandomSource('sampleBinomial', rng);
  checkCount('sampleBinomial', 'n', n, Number.MAX_SAFE_INTEGER);
  checkProbability('sampleBinomial', 'p', p, '[0,1]');
  return binomialVariate(rng, n, p);
}
