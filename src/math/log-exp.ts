/**
 * Log-domain arithmetic: ln(1 + e^x), ln(1 − e^x), ln(e^a + e^b), ln Σ e^v, ln(e^a − e^b). Every model
 * likelihood adds probabilities that are only representable as logs (heavy buyers, long histories);
 * these keep full relative accuracy there and accept −Infinity (log 0) as a value.
 *
 * Reference: M. Mächler (2012), "Accurately computing log(1 − exp(−|a|))", Rmpfr vignette, for the
 * split points of log1mExp and log1pExp.
 */
import { fail } from '../core/errors.js';
import { requireNotNaN } from './check.js';

const LN2 = Math.LN2;

/** ln(1 + e^x) without checks. */
export function log1pExpUnchecked(x: number): number {
  if (x <= -37) return Math.exp(x);
  if (x <= 18) return Math.log1p(Math.exp(x));
  if (x <= 33.3) return x + Math.exp(-x);
  return x;
}

/** ln(1 − e^x) for x <= 0 without checks. */
export function log1mExpUnchecked(x: number): number {
  if (x === Number.NEGATIVE_INFINITY) return 0;
  return x > -LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/**
 * ln(1 + e^x), the softplus, accurate for every x (no overflow for large x, no loss for very
 * negative x).
 *
 * Accuracy: within a few ulps relative for all finite x (Mächler 2012 split points −37, 18, 33.3).
 * `log1pExp(-Infinity) = 0`, `log1pExp(Infinity) = Infinity`.
 *
 * @param x - Any number but NaN.
 * @returns ln(1 + e^x).
 * @throws CustomerAssetError `math/domain` for NaN or a non-number.
 *
 * @example
 * ```ts
 * import { log1pExp } from 'customer-asset';
 * log1pExp(0); // ln 2 = 0.6931471805599453
 * log1pExp(800); // 800 (no overflow)
 * ```
 */
export function log1pExp(x: number): number {
  requireNotNaN('log1pExp', 'x', x);
  return log1pExpUnchecked(x);
}

/**
 * ln(1 − e^x) for x <= 0: the log of a complement probability given a log probability x.
 *
 * Accuracy: within a few ulps relative (Mächler 2012: `log(−expm1(x))` for x > −ln 2,
 * `log1p(−exp(x))` below). `log1mExp(0) = -Infinity`, `log1mExp(-Infinity) = 0`.
 *
 * @param x - A number <= 0 (−Infinity allowed).
 * @returns ln(1 − e^x).
 * @throws CustomerAssetError `math/domain` when x > 0 or x is NaN.
 *
 * @example
 * ```ts
 * import { log1mExp } from 'customer-asset';
 * log1mExp(Math.log(0.25)); // ln 0.75 = −0.2876820724517809
 * log1mExp(-1e-20); // ln(1e-20) = −46.051701859880914
 * ```
 */
export function log1mExp(x: number): number {
  if (typeof x !== 'number' || !(x <= 0)) {
    fail('math/domain', 'log1mExp', 'x must be a number <= 0', {
      expected: 'a number <= 0',
      received: x,
      path: ['x'],
    });
  }
  return log1mExpUnchecked(x);
}

/**
 * ln(e^a + e^b), without overflow or underflow; −Infinity entries stand for zero.
 *
 * Accuracy: within a few ulps relative: `max(a, b) + log1p(exp(−|a − b|))`.
 *
 * @param a - A log value (−Infinity allowed).
 * @param b - A log value (−Infinity allowed).
 * @returns ln(e^a + e^b); −Infinity when both are −Infinity.
 * @throws CustomerAssetError `math/domain` for NaN or non-numbers.
 *
 * @example
 * ```ts
 * import { logAddExp } from 'customer-asset';
 * logAddExp(Math.log(0.25), Math.log(0.5)); // ln 0.75 = −0.2876820724517809
 * logAddExp(-1000, -1000); // −1000 + ln 2 = −999.3068528194401
 * ```
 */
export function logAddExp(a: number, b: number): number {
  requireNotNaN('logAddExp', 'a', a);
  requireNotNaN('logAddExp', 'b', b);
  return logAddExpUnchecked(a, b);
}

/** ln(e^a + e^b) without checks. */
export function logAddExpUnchecked(a: number, b: number): number {
  const hi = Math.max(a, b);
  const lo = Math.min(a, b);
  if (lo === Number.NEGATIVE_INFINITY || hi === Number.POSITIVE_INFINITY) return hi;
  return hi + Math.log1p(Math.exp(lo - hi));
}

/**
 * ln Σ e^{v_i}, the log of a sum of values held as logs. Shift invariant and overflow free: the largest
 * entry is factored out and the rest enter through log1p, so a sum dominated by one term keeps full
 * relative accuracy. −Infinity entries stand for zero terms.
 *
 * Accuracy: relative error within (n + 2) ulps of the exact log-sum for n entries.
 *
 * @param values - Log values (−Infinity allowed; NaN rejected).
 * @returns ln Σ e^{v_i}; −Infinity for an empty array or when every entry is −Infinity;
 *   +Infinity when an entry is +Infinity.
 * @throws CustomerAssetError `math/domain` when an entry is NaN or not a number.
 *
 * @example
 * ```ts
 * import { logSumExp } from 'customer-asset';
 * logSumExp([Math.log(1), Math.log(2), Math.log(3)]); // ln 6 = 1.791759469228055
 * logSumExp([-Infinity, -Infinity]); // −Infinity
 * logSumExp([1000, 1000]); // 1000 + ln 2 = 1000.6931471805599
 * ```
 */
export function logSumExp(values: ArrayLike<number>): number {
  const n = values.length;
  let hi = Number.NEGATIVE_INFINITY;
  let at = -1;
  for (let i = 0; i < n; i += 1) {
    const v = values[i];
    if (typeof v !== 'number' || Number.isNaN(v)) {
      fail('math/domain', 'logSumExp', `values[${i}] must be a number (not NaN)`, {
        expected: 'a number, -Infinity allowed',
        received: v,
        path: ['values', i],
      });
    }
    if (v > hi) {
      hi = v;
      at = i;
    }
  }
  if (hi === Number.NEGATIVE_INFINITY || hi === Number.POSITIVE_INFINITY) return hi;
  let rest = 0;
  let c = 0; // Neumaier compensation for the sum of the small terms
  for (let i = 0; i < n; i += 1) {
    if (i === at) continue;
    const t = Math.exp((values[i] as number) - hi);
    const s = rest + t;
    c += Math.abs(rest) >= t ? rest - s + t : t - s + rest;
    rest = s;
  }
  return hi + Math.log1p(rest + c);
}

/**
 * ln(e^a − e^b) for a >= b: the log of a difference of two values held as logs, computed as
 * a + log1mExp(b − a) so that a difference of nearly equal values keeps full relative accuracy.
 *
 * Accuracy: within a few ulps relative to the exact value for the given (a, b).
 *
 * @param a - The larger log value.
 * @param b - The smaller log value (−Infinity allowed).
 * @returns ln(e^a − e^b); −Infinity when a equals b.
 * @throws CustomerAssetError `math/domain` when b > a, on NaN, or when both are +Infinity.
 *
 * @example
 * ```ts
 * import { logDiffExp } from 'customer-asset';
 * logDiffExp(Math.log(0.75), Math.log(0.5)); // ln 0.25 = −1.3862943611198906
 * logDiffExp(0, 0); // −Infinity
 * ```
 */
export function logDiffExp(a: number, b: number): number {
  requireNotNaN('logDiffExp', 'a', a);
  requireNotNaN('logDiffExp', 'b', b);
  if (b > a || (a === Number.POSITIVE_INFINITY && b === Number.POSITIVE_INFINITY)) {
    fail('math/domain', 'logDiffExp', 'b must not exceed a (and not both +Infinity)', {
      expected: 'a >= b',
      received: `a = ${a}, b = ${b}`,
      path: ['b'],
    });
  }
  if (a === b) return Number.NEGATIVE_INFINITY;
  if (a === Number.POSITIVE_INFINITY || b === Number.NEGATIVE_INFINITY) return a;
  return a + log1mExpUnchecked(b - a);
}
