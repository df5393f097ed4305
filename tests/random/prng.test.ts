import { describe, expect, it } from 'vitest';
import { isCustomerAssetError } from '../../src/core/errors.js';
import { createRandom } from '../../src/random/index.js';

// The literals below were produced by Vigna's reference C code (xoshiro128starstar.c, its state filled
// by two calls of splitmix64.c seeded with the same 64-bit value), compiled with gcc. A change of
// platform, engine or library version that alters the stream fails here.
describe('createRandom', () => {
  it('pins the first uint32 outputs of seed 42 to the reference implementation', () => {
    const rng = createRandom(42);
    const got = Array.from({ length: 6 }, () => rng.nextUint32());
    expect(got).toEqual([1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222]);
  });

  it('pins the first doubles of seed 42 (53 bits from two outputs)', () => {
    const rng = createRandom(42);
    expect(rng.nextDouble()).toBe(0.4137016681565887);
    expect(rng.nextDouble()).toBe(0.003983993377814743);
    expect(rng.nextDouble()).toBe(0.6500837027638867);
  });

  it('uses the full safe-integer seed range, negative seeds modulo 2^64', () => {
    const first = (seed: number) => createRandom(seed).nextUint32();
    expect(first(0)).toBe(3737715805);
    expect(first(-1)).toBe(477689756);
    expect(first(1)).toBe(1695105466);
    expect(first(2 ** 32 + 1)).toBe(4031584720); // not the stream of seed 1
    expect(first(Number.MAX_SAFE_INTEGER)).toBe(1233166643);
  });

  it('gives identical streams for the same seed and different streams for different seeds', () => {
    const a = createRandom(2024);
    const b = createRandom(2024);
    const c = createRandom(2025);
    const xs = Array.from({ length: 100 }, () => a.nextDouble());
    const ys = Array.from({ length: 100 }, () => b.nextDouble());
    const zs = Array.from({ length: 100 }, () => c.nextDouble());
    expect(xs).toEqual(ys);
    expect(xs).not.toEqual(zs);
  });

  it('returns doubles in [0, 1) that are multiples of 2^-53 and uint32 in [0, 2^32)', () => {
    const rng = createRandom(7);
    for (let i = 0; i < 10_000; i += 1) {
      const u = rng.nextDouble();
      expect(u >= 0 && u < 1).toBe(true);
      expect(Number.isInteger(u * 2 ** 53)).toBe(true);
      const k = rng.nextUint32();
      expect(Number.isInteger(k) && k >= 0 && k < 2 ** 32).toBe(true);
    }
  });

  it('spreads every bit of nextUint32 evenly (each bit set in 50% +- 4 SE of 20,000 draws)', () => {
    const rng = createRandom(99);
    const n = 20_000;
    const counts = new Array<number>(32).fill(0);
    for (let i = 0; i < n; i += 1) {
      const k = rng.nextUint32();
      for (let bit = 0; bit < 32; bit += 1) if ((k >>> bit) & 1) counts[bit]! += 1;
    }
    const se = Math.sqrt(n * 0.25);
    for (const c of counts) expect(Math.abs(c - n / 2)).toBeLessThan(4 * se);
  });

  it('returns a frozen source with no visible state', () => {
    const rng = createRandom(1);
    expect(Object.isFrozen(rng)).toBe(true);
    expect(Object.keys(rng).sort()).toEqual(['nextDouble', 'nextUint32']);
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53], ['42'], [undefined]])(
    'rejects the seed %s with input/invalid',
    (seed) => {
      try {
        createRandom(seed as number);
        expect.unreachable();
      } catch (error) {
        expect(isCustomerAssetError(error) && error.code).toBe('input/invalid');
        expect((error as Error).message).toMatch(/^createRandom: seed/);
      }
    },
  );
});
