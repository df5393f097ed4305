import { fail } from '../core/errors.js';
import { checkFinite, checkPositive, checkProbability, checkRandomSource } from './check.js';
import type { RandomSource } from './prng.js';

/**
 * Draws from Uniform(low, high) as `low + (high − low) · U`, U in [0, 1) with 53 random bits.
 *
 * Numerical caveat: when `high − low` is not a power of two, rounding can, with probability about
 * 2^-53, return `high` itself.
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @param low - Lower end, finite (default 0).
 * @param high - Upper end, finite, > low (default 1).
 * @throws `input/invalid` when the bounds are not finite, `low >= high` or the width overflows.
 *
 * @example
 * ```ts
 * import { createRandom, sampleUniform } from 'customer-asset';
 * const x = sampleUniform(createRandom(2), 10, 20);
 * console.log(x >= 10 && x <= 20); // true
 * ```
 */
export function sampleUniform(rng: RandomSource, low = 0, high = 1): number {
  checkRandomSource('sampleUniform', rng);
  checkFinite('sampleUniform', 'low', low);
  checkFinite('sampleUniform', 'high', high);
  const width = high - low;
  if (!(width > 0) || !Number.isFinite(width)) {
    fail('input/invalid', 'sampleUniform', 'high must exceed low by a finite width', {
      expected: `high > ${low}`,
      received: high,
      path: ['high'],
    });
  }
  return low + width * rng.nextDouble();
}

/**
 * Draws from Exponential(rate) (mean 1/rate) by inversion: −ln(1 − U)/rate.
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @param rate - Rate > 0.
 * @throws `input/invalid` on a non-positive or non-finite rate.
 *
 * @example
 * ```ts
 * import { createRandom, sampleExponential } from 'customer-asset';
 * const waitingTime = sampleExponential(createRandom(4), 0.5); // mean 2
 * console.log(waitingTime >= 0); // true
 * ```
 */
export function sampleExponential(rng: RandomSource, rate: number): number {
  checkRandomSource('sampleExponential', rng);
  checkPositive('sampleExponential', 'rate', rate);
  return -Math.log1p(-rng.nextDouble()) / rate;
}

/**
 * Draws from the geometric distribution counting the **failures before the first success** in
 * Bernoulli(p) trials: support 0, 1, 2, ..., P(X = k) = (1 − p)^k p, mean (1 − p)/p, variance
 * (1 − p)/p². (Add 1 for the trial on which the first success happens.) Drawn by inversion:
 * ⌊ln U / ln(1 − p)⌋ with U in (0, 1] (Devroye 1986, chapter X.2), one uniform per draw.
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @param p - Success probability in (0, 1]; p = 1 returns 0.
 * @throws `input/invalid` on p outside (0, 1].
 *
 * @example
 * ```ts
 * import { createRandom, sampleGeometric } from 'customer-asset';
 * const failures = sampleGeometric(createRandom(6), 0.25); // mean 3
 * console.log(Number.isInteger(failures)); // true
 * ```
 */
export function sampleGeometric(rng: RandomSource, p: number): number {
  checkRandomSource('sampleGeometric', rng);
  checkProbability('sampleGeometric', 'p', p, '(0,1]');
  const u = 1 - rng.nextDouble();
  if (p === 1) return 0;
  return Math.floor(Math.log(u) / Math.log1p(-p));
}

/**
 * Draws from the triangular distribution on [low, high] with peak at `mode`, by inversion of its CDF
 * (mean (low + mode + high)/3).
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @param low - Lower end, finite.
 * @param mode - Peak, low <= mode <= high.
 * @param high - Upper end, finite, > low.
 * @throws `input/invalid` when the bounds are not finite or not ordered.
 *
 * @example
 * ```ts
 * import { createRandom, sampleTriangular } from 'customer-asset';
 * const uplift = sampleTriangular(createRandom(8), 0.01, 0.03, 0.08); // an expert's range
 * console.log(uplift >= 0.01 && uplift <= 0.08); // true
 * ```
 */
export function sampleTriangular(
  rng: RandomSource,
  low: number,
  mode: number,
  high: number,
): number {
  checkRandomSource('sampleTriangular', rng);
  checkFinite('sampleTriangular', 'low', low);
  checkFinite('sampleTriangular', 'mode', mode);
  checkFinite('sampleTriangular', 'high', high);
  const width = high - low;
  if (!(width > 0) || !Number.isFinite(width)) {
    fail('input/invalid', 'sampleTriangular', 'high must exceed low by a finite width', {
      expected: `high > ${low}`,
      received: high,
      path: ['high'],
    });
  }
  if (mode < low || mode > high) {
    fail('input/invalid', 'sampleTriangular', 'mode must lie in [low, high]', {
      expected: `number in [${low}, ${high}]`,
      received: mode,
      path: ['mode'],
    });
  }
  const u = rng.nextDouble();
  const split = (mode - low) / width;
  if (u < split) return low + Math.sqrt(u * width * (mode - low));
  return high - Math.sqrt((1 - u) * width * (high - mode));
}
