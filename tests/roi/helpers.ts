import Decimal from 'decimal.js';
import { expect } from 'vitest';
import { CustomerAssetError } from '../../src/core/errors.js';
import { type DecimalValue, type Money, money } from '../../src/money/index.js';
import type { CxReturnInput, RatesBase } from '../../src/roi/index.js';

/** A decimal.js with the library's 40 digits, for reference computations in tests. */
export const D40 = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** US dollars from a string or an exact number. */
export const usd = (amount: string | number): Money => money(String(amount), 'USD');

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

/** |actual − expected| <= tolerance, in decimal. */
export function expectClose(
  actual: DecimalValue | Money | number,
  expected: string | number,
  tolerance: string | number,
): void {
  const value =
    typeof actual === 'number'
      ? new D40(actual)
      : new D40(('amount' in actual ? actual.amount : actual).toString());
  const diff = value.minus(new D40(expected)).abs();
  expect(
    diff.lte(new D40(tolerance)),
    `${value.toString()} differs from ${expected} by ${diff.toString()}`,
  ).toBe(true);
}

/** REFERENCE.md §9's base: 100,000 customers, $200 margin a year, 80% retention. */
export const referenceBase: RatesBase = {
  kind: 'rates',
  customers: 100_000,
  margin: usd('200'),
  retention: '0.8',
  period: 'year',
};

/** REFERENCE.md §9's programme: $2M now; +2 points retention, +3% spend, 1,000 referrals. */
export function referenceProgramme(horizon: number): CxReturnInput {
  return {
    investment: [usd('2000000')],
    effects: { retention: 0.02, spend: 0.03, referrals: 1000 },
    base: referenceBase,
    horizon,
    discountRate: '0.1',
  };
}

/** The published-in-the-paper-style sBG fit (Fader & Hardie 2007, regular segment, years 0..4). */
export const sbgParams = { alpha: 0.7637, beta: 1.2958 } as const;
