/** Test helpers for money amounts and coded errors, shared by tests/money and tests/roi. */
import Decimal from 'decimal.js';
import { expect } from 'vitest';
import { type DecimalValue, type Money, money } from '../../src/money/index.js';

/** A decimal.js with the library's 40 digits, for reference computations in tests. */
export const D40 = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** US dollars from a string or an exact number. */
export const usd = (amount: string | number): Money => money(String(amount), 'USD');

/** A list of USD flows. */
export const flows = (amounts: readonly (string | number)[]): Money[] => amounts.map(usd);

/**
 * Closeness checks computed in the decimal context `Dec`: the precision matters (a relative error of
 * exactly 1e-12 may round onto the tolerance at 20 digits and not at 40), so each area keeps its own.
 */
export function decimalChecks(Dec: typeof Decimal) {
  const decimalOf = (actual: DecimalValue | Money | number): Decimal =>
    typeof actual === 'number'
      ? new Dec(actual)
      : new Dec(('currency' in actual ? actual.amount : actual).toString());
  return {
    /** |actual − expected| <= tolerance. */
    expectClose(
      actual: DecimalValue | Money | number,
      expected: string | number,
      tolerance: string | number,
    ): void {
      const value = decimalOf(actual);
      const diff = value.minus(new Dec(expected)).abs();
      expect(
        diff.lte(new Dec(tolerance)),
        `expected ${value.toString()} within ${tolerance} of ${expected} (off by ${diff.toExponential(3)})`,
      ).toBe(true);
    },
    /** |actual / expected − 1| <= tolerance. */
    expectRelClose(
      actual: DecimalValue | Money,
      expected: string | number,
      tolerance: number,
    ): void {
      const value = decimalOf(actual);
      const rel = value.div(new Dec(expected)).minus(1).abs();
      expect(
        rel.lte(tolerance),
        `expected ${value.toString()} within ${tolerance} relative of ${expected} (off by ${rel.toExponential(3)})`,
      ).toBe(true);
    },
  };
}

/** Closeness checks in decimal.js's default 20-digit context (the tests/money convention). */
export const { expectClose, expectRelClose } = decimalChecks(Decimal);
