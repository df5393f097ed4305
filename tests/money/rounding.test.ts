import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../src/core/errors.js';
import { allocate, money, type RoundingMode, roundMoney } from '../../src/money/index.js';

const round = (amount: string, currency: string, mode?: RoundingMode) =>
  roundMoney(money(amount, currency), mode).amount.toFixed(currency === 'JPY' ? 0 : 2);

describe('roundMoney (fin.rounding, REFERENCE.md §10)', () => {
  const values = ['0.125', '0.135', '-0.125', '2.675', '1.005'];

  it('half-even to 2 dp: 0.12, 0.14, -0.12, 2.68, 1.00', () => {
    expect(values.map((v) => round(v, 'USD', 'half-even'))).toEqual([
      '0.12',
      '0.14',
      '-0.12',
      '2.68',
      '1.00',
    ]);
  });

  it('half-even is the default mode', () => {
    expect(values.map((v) => round(v, 'USD'))).toEqual(['0.12', '0.14', '-0.12', '2.68', '1.00']);
  });

  it('half-up (away from zero) to 2 dp: 0.13, 0.14, -0.13, 2.68, 1.01', () => {
    expect(values.map((v) => round(v, 'USD', 'half-up'))).toEqual([
      '0.13',
      '0.14',
      '-0.13',
      '2.68',
      '1.01',
    ]);
  });

  it('to 0 dp (JPY): half-even 2, -2, 0 and half-up 3, -3, 1', () => {
    const integers = ['2.5', '-2.5', '0.5'];
    expect(integers.map((v) => round(v, 'JPY', 'half-even'))).toEqual(['2', '-2', '0']);
    expect(integers.map((v) => round(v, 'JPY', 'half-up'))).toEqual(['3', '-3', '1']);
    // JS Math.round rounds half toward +Infinity, which is neither: 3, -2, 1.
    expect([2.5, -2.5, 0.5].map(Math.round)).toEqual([3, -2, 1]);
  });

  it('the binary-float traps the table warns about still hold on this engine', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect((2.675).toFixed(2)).toBe('2.67');
    const intl = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    expect(intl.format(1.005)).toBe('1.01');
    expect(intl.format(-0.125)).toBe('-0.13');
  });

  it('down, up, floor, ceil', () => {
    expect(round('1.239', 'USD', 'down')).toBe('1.23');
    expect(round('-1.239', 'USD', 'down')).toBe('-1.23');
    expect(round('1.231', 'USD', 'up')).toBe('1.24');
    expect(round('-1.231', 'USD', 'up')).toBe('-1.24');
    expect(round('-1.231', 'USD', 'floor')).toBe('-1.24');
    expect(round('1.239', 'USD', 'floor')).toBe('1.23');
    expect(round('-1.239', 'USD', 'ceil')).toBe('-1.23');
    expect(round('1.231', 'USD', 'ceil')).toBe('1.24');
  });

  it('rounds to each currency’s minor units (KWD 3, CLF 4, JPY 0)', () => {
    expect(roundMoney(money('1.23456', 'KWD')).amount.toString()).toBe('1.235');
    expect(roundMoney(money('1.234565', 'CLF')).amount.toString()).toBe('1.2346');
    expect(roundMoney(money('1234.5', 'JPY')).amount.toString()).toBe('1234');
  });

  it('leaves amounts already in minor units unchanged and keeps the currency', () => {
    const m = roundMoney(money('10.1', 'EUR'), 'half-up');
    expect(m.amount.toString()).toBe('10.1');
    expect(m.currency).toBe('EUR');
    expect(Object.isFrozen(m)).toBe(true);
  });

  it('rejects unknown modes', () => {
    expect(() => roundMoney(money('1', 'USD'), 'bankers' as never)).toThrow(CustomerAssetError);
  });
});

describe('allocate (largest remainder)', () => {
  const amounts = (xs: readonly { amount: { toString(): string } }[]) =>
    xs.map((x) => x.amount.toString());

  it('splits 100 USD three ways as 33.34, 33.33, 33.33', () => {
    expect(amounts(allocate(money('100', 'USD'), [1, 1, 1]))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('gives the leftover units to the largest remainders, ties to the lower index', () => {
    // 0.10 over [1, 2, 3, 4]: exact 1, 2, 3, 4 cents.
    expect(amounts(allocate(money('0.10', 'USD'), [1, 2, 3, 4]))).toEqual([
      '0.01',
      '0.02',
      '0.03',
      '0.04',
    ]);
    // 0.05 over [1, 1]: 2.5 each, tie -> index 0 gets the extra cent.
    expect(amounts(allocate(money('0.05', 'USD'), [1, 1]))).toEqual(['0.03', '0.02']);
    // 1.00 over [0.333, 0.333, 0.334]: exact 33.3, 33.3, 33.4 -> remainders .3 .3 .4: the third wins.
    expect(amounts(allocate(money('1', 'USD'), ['0.333', '0.333', '0.334']))).toEqual([
      '0.33',
      '0.33',
      '0.34',
    ]);
  });

  it('handles negative totals symmetrically', () => {
    expect(amounts(allocate(money('-100', 'USD'), [1, 1, 1]))).toEqual([
      '-33.34',
      '-33.33',
      '-33.33',
    ]);
    expect(amounts(allocate(money('-0.05', 'EUR'), [3, 7]))).toEqual(['-0.02', '-0.03']);
  });

  it('works in currencies without minor units and with zero ratios', () => {
    expect(amounts(allocate(money('1000', 'JPY'), [1, 0, 2]))).toEqual(['333', '0', '667']);
    expect(amounts(allocate(money('0', 'USD'), [1, 2]))).toEqual(['0', '0']);
  });

  it('refuses ratios that sum to zero, negative ratios and totals finer than the minor unit', () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as CustomerAssetError).code;
      }
      return 'no error';
    };
    expect(codeOf(() => allocate(money('1', 'USD'), [0, 0]))).toBe('money/division-by-zero');
    expect(codeOf(() => allocate(money('1', 'USD'), [1, -1, 1]))).toBe('input/invalid');
    expect(codeOf(() => allocate(money('1.005', 'USD'), [1, 1]))).toBe('input/invalid');
    expect(codeOf(() => allocate(money('1', 'USD'), []))).toBe('input/invalid');
  });

  it('returns a frozen array of frozen Money', () => {
    const shares = allocate(money('10', 'GBP'), [1, 3]);
    expect(Object.isFrozen(shares)).toBe(true);
    expect(shares.every((s) => Object.isFrozen(s) && s.currency === 'GBP')).toBe(true);
  });
});
