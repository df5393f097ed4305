import { describe, expect, it } from 'vitest';
import { divideHalfEven, formatUnits, toUnits } from '../../src/data/cohort-units.js';
import { Dec } from '../../src/money/decimal.js';

describe('cohort money units (internal)', () => {
  it('converts decimals to integer units at a scale without rounding', () => {
    expect(toUnits(new Dec('12.5'), 2)).toBe(1250n);
    expect(toUnits(new Dec('-0.05'), 2)).toBe(-5n);
    expect(toUnits(new Dec('-0'), 2)).toBe(0n);
    expect(toUnits(new Dec('7'), 0)).toBe(7n);
    expect(toUnits(new Dec('123456789012345678901234.5678'), 4)).toBe(
      1234567890123456789012345678n,
    );
  });

  it('falls back to fixed notation for a decimal clone that prints exponents', () => {
    const Tiny = Dec.clone({ toExpNeg: -7 });
    expect(new Tiny('0.00000001').toString()).toBe('1e-8');
    expect(toUnits(new Tiny('0.00000001'), 8)).toBe(1n);
  });

  it('formats units with exactly `scale` decimal places', () => {
    expect(formatUnits(1250n, 2)).toBe('12.50');
    expect(formatUnits(-5n, 2)).toBe('-0.05');
    expect(formatUnits(0n, 2)).toBe('0.00');
    expect(formatUnits(42n, 0)).toBe('42');
  });

  it('divides with half-even rounding, negatives included', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n);
    expect(divideHalfEven(7n, 2n)).toBe(4n);
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(-7n, 2n)).toBe(-4n);
    expect(divideHalfEven(-1n, 3n)).toBe(0n);
    expect(divideHalfEven(-2n, 3n)).toBe(-1n);
    expect(divideHalfEven(10n, 4n)).toBe(2n);
  });
});
