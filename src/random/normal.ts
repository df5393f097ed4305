import { checkFinite, checkNonNegative, checkRandomSource } from './check.js';
import type { RandomSource } from './prng.js';

const TWO_PI = 2 * Math.PI;

/** Box–Muller draw without argument checks, for the library's own loops. Uses two uniforms. */
export function standardNormalVariate(rng: RandomSource): number {
  const u1 = 1 - rng.nextDouble(); // (0, 1]: log never sees 0
  const u2 = rng.nextDouble();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2);
}

/**
 * Draws a standard normal variate by the Box–Muller transform (Box & Muller 1958, Ann. Math. Stat.
 * 29(2):610–611), keeping the cosine branch only.
 *
 * Every draw consumes exactly two uniforms, so streams stay aligned whatever the values. The largest
 * possible magnitude is sqrt(-2 ln 2^-53) ≈ 8.57 (tails beyond that have probability < 1e-17).
 * The generator is bit-exact everywhere; `Math.log` and `Math.cos` are the engine's, which the
 * ECMAScript standard does not require to be correctly rounded, so values from different JavaScript
 * engines may differ in the last bit.
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @throws `input/invalid` when `rng` is not a random source.
 *
 * @example
 * ```ts
 * import { createRandom, sampleStandardNormal } from 'customer-asset';
 * const z = sampleStandardNormal(createRandom(7));
 * console.log(Number.isFinite(z)); // true
 * ```
 */
export function sampleStandardNormal(rng: RandomSource): number {
  checkRandomSource('sampleStandardNormal', rng);
  return standardNormalVariate(rng);
}

/**
 * Draws from Normal(mean, sd²): `mean + sd * Z` with Z from {@link sampleStandardNormal}.
 *
 * @param rng - A stream from `createRandom(seed)`; it is advanced.
 * @param mean - Finite mean.
 * @param sd - Standard deviation, finite and >= 0 (0 returns `mean` and still consumes two uniforms).
 * @throws `input/invalid` on a non-finite mean or a negative or non-finite sd.
 *
 * @example
 * ```ts
 * import { createRandom, sampleNormal } from 'customer-asset';
 * const x = sampleNormal(createRandom(7), 100, 15);
 * console.log(x > 0); // true
 * ```
 */
export function sampleNormal(rng: RandomSource, mean: number, sd: number): number {
  checkRandomSource('sampleNormal', rng);
  checkFinite('sampleNormal', 'mean', mean);
  checkNonNegative('sampleNormal', 'sd', sd);
  return mean + sd * standardNormalVariate(rng);
}
