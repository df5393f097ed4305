import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/money.js';
import {
  formatMoney,
  formatMoneyCompact,
  formatMultiple,
  formatNumber,
  formatPercent,
} from '../../src/report/format.js';

describe('formatMoney', () => {
  it('rounds half-up from the exact decimal, with thousands separators and the symbol', () => {
    expect(formatMoney(money('1234567.125', 'USD'))).toBe('$1,234,567.13');
    expect(formatMoney(money('0.125', 'USD'))).toBe('$0.13');
    expect(formatMoney(money('0.124999', 'USD'))).toBe('$0.12');
    expect(formatMoney(money('999.995', 'EUR'))).toBe('€1,000.00');
    expect(formatMoney(money('1000000', 'GBP'), { decimals: 0 })).toBe('£1,000,000');
  });

  it('rounds ties away from zero for negative amounts and uses a typographic minus', () => {
    expect(formatMoney(money('-2.5', 'USD'), { decimals: 0 })).toBe('−$3');
    expect(formatMoney(money('-1234567.5', 'USD'), { decimals: 0 })).toBe('−$1,234,568');
    expect(formatMoney(money('-0.004', 'USD'))).toBe('$0.00');
  });

  it("uses the currency's minor units by default and its code when it has no symbol", () => {
    expect(formatMoney(money('1234.5', 'JPY'))).toBe('¥1,235');
    expect(formatMoney(money('1234.5675', 'KWD'))).toBe('KWD 1,234.568');
    expect(formatMoney(money('9876.5', 'CHF'), { decimals: 0 })).toBe('CHF 9,877');
  });

  it('rejects what is not Money, and bad decimals, with input/invalid', () => {
    expect(() => formatMoney({ amount: '1', currency: 'USD' } as never)).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(() => formatMoney(money('1', 'USD'), { decimals: -1 })).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
  });
});

describe('formatMoneyCompact', () => {
  it('shows three significant digits with k, M and B', () => {
    expect(formatMoneyCompact(money('1234567', 'USD'))).toBe('$1.23M');
    expect(formatMoneyCompact(money('426278', 'USD'))).toBe('$426k');
    expect(formatMoneyCompact(money('45678.9', 'EUR'))).toBe('€45.7k');
    expect(formatMoneyCompact(money('2100000000', 'USD'))).toBe('$2.1B');
    expect(formatMoneyCompact(money('950.4', 'USD'))).toBe('$950');
    expect(formatMoneyCompact(money('-950.5', 'USD'))).toBe('−$951');
  });

  it('moves to the next unit when rounding reaches 1,000', () => {
    expect(formatMoneyCompact(money('999960', 'USD'))).toBe('$1M');
    expect(formatMoneyCompact(money('999.6', 'USD'))).toBe('$1k');
  });
});

describe('formatNumber, formatPercent, formatMultiple', () => {
  it('round half-up with separators', () => {
    expect(formatNumber(1234567.5)).toBe('1,234,568');
    expect(formatNumber(2.5)).toBe('3');
    expect(formatNumber(-2.125, 2)).toBe('−2.13');
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(-0.05, 0)).toBe('−5%');
    expect(formatMultiple(3.0917)).toBe('3.09×');
  });

  it('refuse NaN and infinities', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(() => formatPercent(Number.POSITIVE_INFINITY)).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
  });
});
