import { describe, expect, it } from 'vitest';
import {
  gammaln,
  logTricomiUEqual,
  logUpperIncompleteGamma,
  tricomiUEqual,
  upperIncompleteGamma,
} from '../../src/math/index.js';
import { codeOf } from '../helpers/errors.js';

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

/** E1(z) by its series (DLMF 6.6.2), for checks at small z. */
function e1(z: number): number {
  let s = 0;
  let t = 1;
  for (let n = 1; n < 200; n += 1) {
    t *= -z / n;
    s -= t / n;
  }
  return -0.5772156649015329 - Math.log(z) + s;
}

describe('upperIncompleteGamma', () => {
  it('matches closed forms: Gamma(1, z) = e^-z, Gamma(2, z) = (1+z)e^-z, Gamma(0, z) = E1(z)', () => {
    for (const z of [1e-6, 0.3, 1.5, 1.6, 7, 40]) {
      expect(rel(upperIncompleteGamma(1, z), Math.exp(-z))).toBeLessThan(1e-14);
      expect(rel(upperIncompleteGamma(2, z), (1 + z) * Math.exp(-z))).toBeLessThan(1e-14);
    }
    for (const z of [1e-8, 0.01, 0.5, 1.2]) {
      expect(rel(upperIncompleteGamma(0, z), e1(z))).toBeLessThan(1e-13);
    }
  });

  it('tends to Gamma(a) - z^a/a as z -> 0 for a > 0', () => {
    const z = 1e-12;
    for (const a of [0.3, 2.5, 30]) {
      const expected = Math.log(Math.exp(gammaln(a)) - z ** a / a);
      expect(Math.abs(logUpperIncompleteGamma(a, z) - expected)).toBeLessThan(
        1e-12 * Math.abs(expected) + 1e-14,
      );
    }
    expect(logUpperIncompleteGamma(500, z)).toBeCloseTo(gammaln(500), 9);
  });

  it('satisfies the recurrence Gamma(a+1, z) = a Gamma(a, z) + z^a e^-z for negative a', () => {
    for (const [a, z] of [
      [-0.4, 0.2],
      [-2.5, 1.3],
      [-7.2, 3],
      [-1, 0.05],
      [-3, 40],
    ] as const) {
      const lhs = upperIncompleteGamma(a + 1, z);
      const rhs = a * upperIncompleteGamma(a, z) + z ** a * Math.exp(-z);
      expect(rel(lhs, rhs)).toBeLessThan(1e-12);
    }
  });

  it('keeps the log where the value under- or overflows', () => {
    expect(upperIncompleteGamma(1, 2000)).toBe(0);
    expect(logUpperIncompleteGamma(1, 2000)).toBeCloseTo(-2000, 10);
    // ln Γ(−200, 1e-3) = 1376.2517334047665 (mpmath), far beyond the double range as a value.
    expect(logUpperIncompleteGamma(-200, 1e-3)).toBeCloseTo(1376.2517334047666, 10);
    expect(upperIncompleteGamma(-200, 1e-3)).toBe(Number.POSITIVE_INFINITY);
  });

  it('throws math/domain for z <= 0 or non-finite input', () => {
    expect(codeOf(() => upperIncompleteGamma(1, 0))).toBe('math/domain');
    expect(codeOf(() => upperIncompleteGamma(1, -1))).toBe('math/domain');
    expect(codeOf(() => upperIncompleteGamma(Number.NaN, 1))).toBe('math/domain');
    expect(codeOf(() => logUpperIncompleteGamma(1, Number.POSITIVE_INFINITY))).toBe('math/domain');
  });
});

describe('tricomiUEqual: U(s, s; z) = e^z Gamma(1 - s, z)', () => {
  it('is e^z E1(z) at s = 1 and 1/z - e^z E1(z) at s = 2', () => {
    for (const z of [1e-6, 0.0027, 0.5, 1.2]) {
      expect(rel(tricomiUEqual(1, z), Math.exp(z) * e1(z))).toBeLessThan(1e-13);
      // Γ(−1, z) = e^−z/z − E1(z)
      expect(rel(tricomiUEqual(2, z), 1 / z - Math.exp(z) * e1(z))).toBeLessThan(1e-12);
    }
  });

  it('is 1 at s = 0 and z^-s-like for large z: U(s, s; z) ~ z^-s (1 - s/z ...)', () => {
    expect(tricomiUEqual(0, 3.7)).toBeCloseTo(1, 15);
    const z = 1e5;
    expect(rel(tricomiUEqual(0.6, z), z ** -0.6 * (1 - 0.6 / z))).toBeLessThan(1e-9);
  });

  it('is continuous through integer s (1 - 1e-9, 1, 1 + 1e-9)', () => {
    const z = 0.0314;
    const at1 = logTricomiUEqual(1, z);
    expect(Math.abs(logTricomiUEqual(1 - 1e-9, z) - at1)).toBeLessThan(1e-8);
    expect(Math.abs(logTricomiUEqual(1 + 1e-9, z) - at1)).toBeLessThan(1e-8);
  });

  it('throws math/domain for z <= 0', () => {
    expect(codeOf(() => tricomiUEqual(0.5, 0))).toBe('math/domain');
    expect(codeOf(() => logTricomiUEqual(Number.NaN, 1))).toBe('math/domain');
  });
});
