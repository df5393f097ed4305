import { checkPositive, checkRandomSource } from './check.js';
import { standardNormalVariate } from './normal.js';
import type { RandomSource } from './prng.js';

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
 * ACM TOMS 26(3):363–372, with their boost for shape < 1: G(a) = G(a + 1) · U^(1/a) (section 6).
 * No argument checks: for the library's own loops.
 */
export function standardGammaVariate(rng: RandomSource, shape: number): number {
  if (shape < 1) {
    const boosted = standardGammaVariate(rng, shape + 1);
    return boosted * (1 - rng.nextDouble()) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormalVariate(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextDouble();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * The logarithm of a Gamma(shape, 1) draw, computed in log space so that tiny shapes do not underflow:
 * ln G(a) = ln G(a + 1) + ln(U) / a. For shape 0.001 half of all direct draws underflow to 0; their
 * logarithms stay finite here.
 */
export function logStandardGammaVariate(rng: RandomSource, shape: number): number {
  if (shape >= 1) return Math.log(standardGammaVariate(rng, shape));
  const boosted = standardGammaVariate(rng, shape + 1);
  return Math.log(boosted) + Math.log(1 - rng.nextDouble()) / shape;
}

/**
 * Draws from Gamma(shape, rate) (mean shape/rate, variance shape/rate²) by the Marsaglia–Tsang
 * squeeze-and-reject method (2000, ACM TOMS 26(3):363–372), with the boost
 * G(a) = G(a + 1) · U^(1/a) for shape < 1.
 *
 * Numerical caveat: for very small shapes most of the mass sits near 0, and draws below the smallest
 * double (about 1e-308) come back as 0; that is the correctly rounded value. Use
 * {@link sampleBeta}, which works in log space, when ratios of such draws are wanted.
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @param shape - Shape > 0.
 * @param rate - Rate > 0 (the inverse of the scale).
 * @throws `input/invalid` on a non-positive or non-finite shape or rate.
 *
 * @example
 * ```ts
 * import { createRandom, sampleGamma } from 'customer-asset';
 * const lambda = sampleGamma(createRandom(1), 0.24, 4.41); // BG/NBD purchase-rate heterogeneity
 * console.log(lambda >= 0); // true
 * ```
 */
export function sampleGamma(rng: RandomSource, shape: number, rate: number): number {
  checkRandomSource('sampleGamma', rng);
  checkPositive('sampleGamma', 'shape', shape);
  checkPositive('sampleGamma', 'rate', rate);
  return standardGammaVariate(rng, shape) / rate;
}

/** Beta(a, b) without argument checks: for the library's own loops. */
export function betaVariate(rng: RandomSource, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const x = standardGammaVariate(rng, a);
    const y = standardGammaVariate(rng, b);
    return x / (x + y);
  }
  // X / (X + Y) = 1 / (1 + exp(ln Y - ln X)), stable when both draws would underflow.
  const logX = logStandardGammaVariate(rng, a);
  const logY = logStandardGammaVariate(rng, b);
  return 1 / (1 + Math.exp(logY - logX));
}

/**
 * Draws from Beta(a, b) as X / (X + Y) with X ~ Gamma(a, 1) and Y ~ Gamma(b, 1) (Devroye 1986,
 * *Non-Uniform Random Variate Generation*, chapter IX.4). When a or b is below 1 the two gamma draws
 * are made and combined in log space, so Beta(0.01, 0.01) does not return 0/0.
 *
 * Numerical caveat: with tiny shapes the draws pile up within 1e-16 of 0 and 1 and may be returned
 * as exactly 0 or 1 (the correctly rounded values).
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @param a - First shape, > 0.
 * @param b - Second shape, > 0.
 * @throws `input/invalid` on a non-positive or non-finite shape.
 *
 * @example
 * ```ts
 * import { createRandom, sampleBeta } from 'customer-asset';
 * const p = sampleBeta(createRandom(3), 0.79, 2.43); // BG/NBD dropout heterogeneity
 * console.log(p >= 0 && p <= 1); // true
 * ```
 */
export function sampleBeta(rng: RandomSource, a: number, b: number): number {
  checkRandomSource('sampleBeta', rng);
  checkPositive('sampleBeta', 'a', a);
  checkPositive('sampleBeta', 'b', b);
  return betaVariate(rng, a, b);
}
