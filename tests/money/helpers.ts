import Decimal from 'decimal.js';
import { expect } from 'vitest';
import { CustomerAssetError } from '../../src/core/errors.js';
import { type DecimalValue, type Money, money } from '../../src/money/index.js';

/** A decimal.js with the library's 40 digits, for reference computations in tests. */
export const D40 = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** US dollars from a string or an exact number. */
export const usd = (amount: string | number): Money => money(String(amount), 'USD');

/** A list of USD flows. */
export const flows = (amounts: readonly (string | number)[]): Money[] => amounts.map(usd);

/** Runs `fn` and returns the CustomerAssetError it throws (fails the test otherwise). */
export function caught(fn: () => unknown): CustomerAssetError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomerAssetError);
    return error as CustomerAssetError;
  }
  throw new Error('expected a CustomerAssetError, nothing was thrown');
}

/** |actual - expected| <= tolerance, compared in decimal. */
export function expectClose(
  actual: DecimalValue | Money | number,
  expected: string | number,
  tolerance: string | number,
): void {
  const value =
    typeof actual === 'number'
      ? new Decimal(actual)
      : 'currency' in actual
        ? new Decimal(actual.amount)
        : new Decimal(actual);
  const diff = value.minus(expected).abs();
  expect(
    diff.lte(tolerance),
    `expected ${value.toString()} within ${tolerance} of ${expected} (off by ${diff.toExponential(3)})`,
  ).toBe(true);
}

/** |actual / expected - 1| <= tolerance. */
export function expectRelClose(
  actual: DecimalValue | Money,
  expected: string | number,
  tolerance: number,
): void {
  const value = 'currency' in actual ? new Decimal(actual.amount) : new Decimal(actual);
  const rel = value.div(expected).minus(1).abs();
  expect(
    rel.lte(tolerance),
    `expected ${value.toString()} within ${tolerance} relative of ${expected} (off by ${rel.toExponential(3)})`,
  ).toBe(true);
}
