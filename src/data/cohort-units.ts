/**
 * Exact money sums for cohort tables as integer minor units in `bigint`: each amount is converted
 * once (at a scale no smaller than any amount's decimal places, so nothing is rounded), then summed
 * without allocation-heavy decimal arithmetic and with no overflow limit.
 *
 * @internal
 */
import type { DecimalValue } from '../money/decimal.js';

/** `amount × 10^scale` as a bigint; exact when `scale >= amount.decimalPlaces()`. */
export function toUnits(amount: DecimalValue, scale: number): bigint {
  // toString does not allocate a new decimal (toFixed does); it may use exponent notation for a
  // caller's clone with other toExpNeg/toExpPos settings, in which case toFixed is the fallback.
  let text = amount.toString();
  if (text.includes('e')) text = amount.toFixed(scale);
  const point = text.indexOf('.');
  if (point < 0) return BigInt(text) * 10n ** BigInt(scale);
  const fraction = text.slice(point + 1);
  return BigInt(text.slice(0, point) + fraction.padEnd(scale, '0'));
}

/** The decimal string of `units / 10^scale`, with exactly `scale` decimal places. */
export function formatUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const body =
    scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

/** `numerator / denominator` (denominator > 0) rounded half-even to an integer. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  let quotient = numerator / denominator;
  let remainder = numerator % denominator;
  if (remainder < 0n) {
    quotient -= 1n;
    remainder += denominator;
  }
  const twice = 2n * remainder;
  if (twice > denominator || (twice === denominator && quotient % 2n !== 0n)) quotient += 1n;
  return quotient;
}

/** `numerator / denominator` as a binary float (both bigints; denominator non-zero). */
export function unitsRatio(numerator: bigint, denominator: bigint): number {
  return Number(numerator) / Number(denominator);
}
