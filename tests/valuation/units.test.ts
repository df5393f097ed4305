import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../src/core/errors.js';
import { discountPerUnit } from '../../src/valuation/discount-rate.js';
import { ExactIntegerSum, roundHalfEven, toQuanta } from '../../src/valuation/money-bridge.js';
import { normalQuantile } from '../../src/valuation/normal-quantile.js';
import { durationIn } from '../../src/valuation/time-conversion.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CustomerAssetError ? error.code : 'not-coded';
  }
  return undefined;
}

describe('durations in the model unit', () => {
  it('converts within a calendar family exactly', () => {
    expect(durationIn({ value: 52, unit: 'week' }, 'day', 'exact', 'f', []).value).toBe(364);
    expect(durationIn({ value: 2, unit: 'year' }, 'month', 'exact', 'f', []).value).toBe(24);
    expect(durationIn({ value: 6, unit: 'month' }, 'quarter', 'exact', 'f', []).value).toBe(2);
    expect(durationIn({ value: 14, unit: 'day' }, 'week', 'exact', 'f', []).conversion).toBe(
      '14 day = 2 week (exact)',
    );
  });

  it('refuses a month horizon for weekly params unless a calendar average is named', () => {
    expect(codeOf(() => durationIn({ value: 12, unit: 'month' }, 'week', 'exact', 'f', []))).toBe(
      'input/invalid',
    );
    const converted = durationIn({ value: 1, unit: 'month' }, 'week', 'gregorian-average', 'f', []);
    // 365.2425 / 12 / 7 weeks a month, named in the conversion.
    expect(converted.value).toBeCloseTo(365.2425 / 12 / 7, 14);
    expect(converted.conversion).toContain('365.2425');
  });

  it("never converts the abstract 'period'", () => {
    expect(
      codeOf(() => durationIn({ value: 3, unit: 'period' }, 'week', 'gregorian-average', 'f', [])),
    ).toBe('input/invalid');
    expect(durationIn({ value: 3, unit: 'period' }, 'period', 'exact', 'f', []).value).toBe(3);
  });
});

describe('discount rates per model unit', () => {
  it('converts 15% per 52 weeks to the weekly effective rate exactly (1.15^(1/52) - 1)', () => {
    const d = discountPerUnit(
      { rate: '0.15', per: { value: 52, unit: 'week' } },
      'week',
      'exact',
      'f',
    );
    expect(d.ratePerTimeUnit.slice(0, 14)).toBe('0.002691344844');
    expect(d.ratePerTimeUnitFloat).toBeCloseTo(1.15 ** (1 / 52) - 1, 15);
    expect(d.conversion).toBe('(1 + 0.15)^(1 week / 52 week) - 1 (exact)');
  });

  it('converts an annual rate to months exactly and to weeks only with the Gregorian average', () => {
    const monthly = discountPerUnit({ rate: '0.12', per: 'year' }, 'month', 'exact', 'f');
    expect(monthly.ratePerTimeUnit.slice(0, 12)).toBe('0.0094887929');
    expect(codeOf(() => discountPerUnit({ rate: '0.12', per: 'year' }, 'week', 'exact', 'f'))).toBe(
      'input/invalid',
    );
    const weekly = discountPerUnit({ rate: '0.15', per: 'year' }, 'week', 'gregorian-average', 'f');
    expect(weekly.ratePerTimeUnitFloat).toBeCloseTo(1.15 ** (7 / 365.2425) - 1, 15);
    expect(weekly.conversion).toContain('Gregorian average');
  });

  it('states a rate already per model unit as such', () => {
    const d = discountPerUnit({ rate: 0.01, per: 'period' }, 'period', 'exact', 'f');
    expect(d.ratePerTimeUnit).toBe('0.01');
    expect(d.conversion).toBe("0.01 per period (the model's unit)");
  });
});

describe('the float-to-money bridge', () => {
  it('rounds half to even', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([
      0, 2, 2, -0, -2, -2, 2, 3,
    ]);
    expect(toQuanta(46.15, 1e8)).toBe(4_615_000_000);
  });

  it('sums integer quanta exactly past 2^53', () => {
    const sum = new ExactIntegerSum();
    const big = 2 ** 52;
    for (let i = 0; i < 10; i += 1) sum.add(big + 1, 3);
    sum.add(2 ** 60, 5);
    sum.add(-7);
    expect(sum.value()).toBe(10n * (2n ** 52n + 1n) * 3n + 5n * 2n ** 60n - 7n);
  });
});

describe('normal quantile (AS 241)', () => {
  it('matches reference values to 1e-15', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(0.5)).toBe(0);
  });
});
