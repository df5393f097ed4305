import gammaln from '@stdlib/math-base-special-gammaln';
import { checkNonNegative, checkPositive, checkProbability, checkRandomSource } from './check.js';
import { standardGammaVariate } from './gamma.js';
import type { RandomSource } from './prng.js';

/** The largest Poisson mean accepted: draws stay exact integers (below 2^53) with overwhelming probability. */
export const MAX_POISSON_MEAN = 1e15;

/** Poisson(mean) by inversion (sequential search from 0); for means below 10. */
function poissonInversion(rng: RandomSource, mean: number): number {
  let u = rng.nextDouble();
  let k = 0;
  let p = Math.exp(-mean);
  // p underflows only far in the tail; 1000 terms is far beyond any mean < 10 at double precision.
  while (u > p && k < 1000) {
    u -= p;
    k += 1;
    p *= mean / k;
  }
  return k;
}

/**
 * Poisson(mean) by PTRS, the transformed rejection method with squeeze of Hörmann (1993), "The
 * transformed rejection method for generating Poisson random variables", Insurance: Mathematics and
 * Economics 12:39–45 (as in NumPy's `random_poisson_ptrs`). Exact for every mean >= 10.
 */
function poissonPtrs(rng: RandomSource, mean: number): number {
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.nextDouble() - 0.5;
    const v = rng.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <=
      -mean + k * logMean - gammaln(k + 1)
    ) {
      return k;
    }
  }
}

/** Poisson(mean) without argument checks: for the library's own loops. */
export function poissonVariate(rng: RandomSource, mean: number): number {
  if (mean === 0) return 0;
  return mean < 10 ? poissonInversion(rng, mean) : poissonPtrs(rng, mean);
}

/**
 * Draws from Poisson(mean). Means below 10 use inversion by sequential search; larger means use
 * Hörmann's PTRS transformed rejection (1993, Insurance: Mathematics and Economics 12:39–45), which
 * is exact (not a normal approximation) for every mean, 1e6 included, at a constant expected cost.
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @param mean - Mean in [0, 1e15]; 0 returns 0. Above 1e15 draws could exceed 2^53 and lose
 *   integer exactness, so such means are rejected.
 * @throws `input/invalid` on a negative, non-finite or too large mean.
 *
 * @example
 * ```ts
 * import { createRandom, samplePoisson } from 'customer-asset';
 * const purchases = samplePoisson(createRandom(11), 2.5);
 * console.log(Number.isInteger(purchases)); // true
 * ```
 */
export function samplePoisson(rng: RandomSource, mean: number): number {
  checkRandomSource('samplePoisson', rng);
  checkNonNegative('samplePoisson', 'mean', mean, MAX_POISSON_MEAN);
  return poissonVariate(rng, mean);
}

/** Negative binomial (r, p) without argument checks: for the library's own loops. */
export function negativeBinomialVariate(rng: RandomSource, r: number, p: number): number {
  if (p === 1) return 0;
  return poissonVariate(rng, (standardGammaVariate(rng, r) * (1 - p)) / p);
}

/**
 * Draws from the negative binomial distribution NB(r, p): the number of failures before the r-th
 * success in Bernoulli(p) trials, support 0, 1, 2, ..., mean r(1 − p)/p, variance r(1 − p)/p². Drawn
 * as the gamma–Poisson mixture X | λ ~ Poisson(λ), λ ~ Gamma(shape r, rate p/(1 − p)) (Greenwood &
 * Yule 1920), which also defines it for non-integer r: the NBD of Ehrenberg's purchase-count model.
 *
 * Numerical caveat: when r(1 − p)/p is so large that the mixing rate exceeds 1e15, draws are no
 * longer exact integers; such parameters are far outside customer-base models.
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @param r - Number of successes (any real > 0).
 * @param p - Success probability in (0, 1]; p = 1 returns 0.
 * @throws `input/invalid` on r <= 0 or p outside (0, 1].
 *
 * @example
 * ```ts
 * import { createRandom, sampleNegativeBinomial } from 'customer-asset';
 * const x = sampleNegativeBinomial(createRandom(5), 0.5, 0.2); // mean 0.5 * 0.8 / 0.2 = 2
 * console.log(x >= 0); // true
 * ```
 */
export function sampleNegativeBinomial(rng: RandomSource, r: number, p: number): number {
  checkRandomSource('sampleNegativeBinomial', rng);
  checkPositive('sampleNegativeBinomial', 'r', r);
  checkProbability('sampleNegativeBinomial', 'p', p, '(0,1]');
  return negativeBinomialVariate(rng, r, p);
}
