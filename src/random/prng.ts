import { parseInput, SeedSchema } from '../core/validate.js';

/**
 * A seeded stream of random numbers: the only source of randomness in customer-asset.
 *
 * It is an internal mutable stream: every call advances hidden state, so two calls return different
 * numbers and a stream shared between two consumers interleaves them. Create one per task from an
 * explicit seed with {@link createRandom}; the object itself is frozen and exposes no state.
 */
export interface RandomSource {
  /** A uniform double in [0, 1), a multiple of 2^-53 built from 53 random bits. */
  nextDouble(): number;
  /** A uniform unsigned 32-bit integer in [0, 2^32). */
  nextUint32(): number;
}

const TWO_POW_26 = 67_108_864;
const TWO_POW_53 = 9_007_199_254_740_992;
const MASK_64 = (1n << 64n) - 1n;

/**
 * One step of SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`). Used only to
 * expand a seed into generator state, as the xoshiro authors recommend. BigInt keeps it exact; it
 * runs twice per {@link createRandom}, never in a sampling loop.
 */
function splitMix64(state: bigint): { readonly state: bigint; readonly output: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK_64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return { state: next, output: z ^ (z >> 31n) };
}

/**
 * Creates a seeded random stream: xoshiro128** 1.1 (Blackman & Vigna 2021, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 47(4)), its 128-bit state filled from the seed by
 * SplitMix64 as in the authors' reference code.
 *
 * The generator uses 32-bit integer arithmetic only (`Math.imul`, shifts, xor), so the same seed gives
 * the same stream on every platform and engine. Doubles take the top 27 and 26 bits of two outputs
 * (53 bits, as `genrand_res53` of the Mersenne Twister). Period 2^128 - 1; passes BigCrush. The
 * whole safe-integer range of seeds is used (seeds 1 and 2^32 + 1 give different streams), and
 * negative seeds are taken modulo 2^64.
 *
 * @param seed - Any safe integer. Required: nothing random happens without one.
 * @returns A frozen {@link RandomSource}; its hidden state advances with every call.
 * @throws `input/invalid` when the seed is not a safe integer.
 *
 * @example
 * ```ts
 * import { createRandom } from 'customer-asset';
 * const rng = createRandom(42);
 * const u = rng.nextDouble(); // in [0, 1), the same number on every platform
 * console.log(u >= 0 && u < 1); // true
 * ```
 */
export function createRandom(seed: number): RandomSource {
  const checked = parseInput(SeedSchema, seed, 'createRandom', 'seed');
  let sm = BigInt.asUintN(64, BigInt(checked));
  const first = splitMix64(sm);
  sm = first.state;
  const second = splitMix64(sm);
  // State words s0..s3 are the low and high halves of two SplitMix64 outputs; never all zero, since
  // SplitMix64 is a bijection of its counter and so cannot output zero twice in a row.
  let s0 = Number(first.output & 0xffffffffn) | 0;
  let s1 = Number(first.output >> 32n) | 0;
  let s2 = Number(second.output & 0xffffffffn) | 0;
  let s3 = Number(second.output >> 32n) | 0;

  const nextUint32 = (): number => {
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  const nextDouble = (): number => {
    const high = nextUint32() >>> 5;
    const low = nextUint32() >>> 6;
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  };
  return Object.freeze({ nextDouble, nextUint32 });
}
