import { describe, expect, it } from 'vitest';
import { betaln, digamma, gammaln } from '../../src/math/index.js';
import { codeOf } from '../helpers/errors.js';

describe('gammaln', () => {
  it('is ln((n-1)!) at integers and ln sqrt(pi) at 1/2', () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n += 1) {
      expect(gammaln(n)).toBeCloseTo(Math.log(factorial), 12);
      factorial *= n;
    }
    expect(gammaln(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 15);
  });

  it('is exactly 0 at the roots 1 and 2 and -ln x + O(x) for tiny x', () => {
    expect(gammaln(1)).toBe(0);
    expect(gammaln(2)).toBe(0);
    // ln Γ(x) = −ln x − γx + O(x²)
    expect(gammaln(1e-8)).toBeCloseTo(-Math.log(1e-8) - 0.5772156649015329e-8, 14);
  });

  it('matches Stirling at 1e7 and stays finite up to 1e300', () => {
    expect(gammaln(1e7)).toBeCloseTo(151180949.36947393, 6);
    expect(Number.isFinite(gammaln(1e300))).toBe(true);
  });

  it('throws math/domain for x <= 0, NaN, Infinity and non-numbers', () => {
    for (const bad of [
      0,
      -1,
      -0.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '1' as unknown as number,
    ]) {
      expect(codeOf(() => gammaln(bad))).toBe('math/domain');
    }
    expect(() => gammaln(-1)).toThrow('gammaln: x must be a finite number greater than 0');
  });
});

describe('digamma', () => {
  it('is -gamma at 1 and has its root at 1.4616321449683622', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 15);
    expect(Math.abs(digamma(1.4616321449683622))).toBeLessThan(1e-15);
  });

  it('satisfies psi(x+1) = psi(x) + 1/x', () => {
    for (const x of [1e-6, 0.3, 2.5, 17, 1234.5]) {
      expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 9);
    }
  });

  it('throws math/domain for x <= 0', () => {
    expect(codeOf(() => digamma(0))).toBe('math/domain');
    expect(codeOf(() => digamma(Number.NaN))).toBe('math/domain');
  });
});

describe('betaln', () => {
  it('matches closed forms: B(1, b) = 1/b, B(2, 3) = 1/12, B(1/2, 1/2) = pi', () => {
    expect(betaln(1, 7)).toBeCloseTo(-Math.log(7), 15);
    expect(betaln(2, 3)).toBeCloseTo(Math.log(1 / 12), 15);
    expect(betaln(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 15);
  });

  it('keeps full accuracy with one argument tiny and the other huge', () => {
    // ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b) ≈ −ln a − a ψ(b) for tiny a (ψ(b) ≈ ln b).
    const a = 1e-8;
    const b = 1e7;
    expect(betaln(a, b)).toBeCloseTo(gammaln(a) - a * Math.log(b), 12);
  });

  it('throws math/domain for a non-positive argument', () => {
    expect(codeOf(() => betaln(0, 1))).toBe('math/domain');
    expect(codeOf(() => betaln(1, -2))).toBe('math/domain');
  });
});
