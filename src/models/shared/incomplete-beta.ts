/**
 * The regularised incomplete beta function, used for the upper tail of the negative binomial
 * count in the BG/NBD-family probability mass function: P(N >= n) = I_z(n, r) for N ~ NBD(r, z).
 */
import { fail } from '../../core/errors.js';
import { betaln } from '../../math/gamma.js';

const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/** Lentz's evaluation of the continued fraction of I_x(a, b) (DLMF 8.17.22). */
function continuedFraction(a: number, b: number, x: number, fn: string): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 2e-16) return h;
  }
  return fail('math/not-converged', fn, 'the incomplete beta continued fraction did not converge', {
    expected: `convergence within ${MAX_ITERATIONS} iterations`,
    received: `a = ${a}, b = ${b}, x = ${x}`,
  });
}

/**
 * I_x(a, b) = B(x; a, b)/B(a, b) for a, b > 0 and 0 <= x <= 1, with y = 1 − x given separately
 * (formed without rounding by the caller) (Numerical Recipes §6.4): the
 * continued fraction at x where it converges fast (x < (a+1)/(a+b+2)), else 1 − I_{1−x}(b, a).
 * Relative accuracy ~1e-14 on the small side; the complement is accurate in absolute terms.
 * Inputs are not checked (internal).
 */
export function regularizedIncompleteBeta(
  a: number,
  b: number,
  x: number,
  y: number,
  fn: string,
): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const lnFront = a * Math.log(x) + b * Math.log(y) - betaln(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(lnFront) * continuedFraction(a, b, x, fn)) / a;
  }
  return 1 - (Math.exp(lnFront) * continuedFraction(b, a, y, fn)) / b;
}
