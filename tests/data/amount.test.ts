import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalToUnits,
  ExactTotal,
  parseAmountText,
  unitsToString,
} from '../../src/data/amount.js';
import { Dec } from '../../src/money/decimal.js';

describe('amount text', () => {
  it('parses plain decimals into exact units of 10^-4', () => {
    expect(parseAmountText('29.33')).toEqual({ units: 293300, decimal: undefined });
    expect(parseAmountText('-0.5')).toEqual({ units: -5000, decimal: undefined });
    expect(parseAmountText('.25')).toEqual({ units: 2500, decimal: undefined });
    expect(parseAmountText('+7')).toEqual({ units: 70000, decimal: undefined });
    expect(parseAmountText('0.0001')).toEqual({ units: 1, decimal: undefined });
  });

  it('keeps amounts with more than four decimals or too many digits as decimals', () => {
    expect(parseAmountText('0.00001')?.decimal?.toString()).toBe('0.00001');
    expect(parseAmountText('123456789012.5')?.decimal?.toString()).toBe('123456789012.5');
  });

  it('rejects exponents, separators, symbols and empty text', () => {
    for (const bad of ['1e3', '1,000.00', '$5', '', '.', '-', '5.', ' 5', 'NaN', 'Infinity'])
      expect(parseAmountText(bad)).toBeUndefined();
  });
});

describe('decimal <-> units', () => {
  it('units of decimal.js values agree with decimal arithmetic', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 12 }),
        (mantissa, scale) => {
          const x = new Dec(`${mantissa}e-${scale}`);
          const expected = x.times(10_000);
          const units = decimalToUnits(x);
          if (expected.isInteger() && expected.abs().lte(Number.MAX_SAFE_INTEGER))
            expect(units).toBe(expected.toNumber());
          else expect(units).toBeUndefined();
        },
      ),
    );
  });

  it('unitsToString prints what decimal.js prints', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        (u) => {
          expect(unitsToString(u)).toBe(new Dec(u).div(10_000).toString());
        },
      ),
    );
    expect(unitsToString(0)).toBe('0');
    expect(unitsToString(-1)).toBe('-0.0001');
    expect(unitsToString(223450)).toBe('22.345');
  });

  it('ExactTotal switches to decimal.js past 2^53 units and stays exact', () => {
    const total = new ExactTotal();
    total.addUnits(Number.MAX_SAFE_INTEGER);
    total.addUnits(Number.MAX_SAFE_INTEGER);
    total.addDecimal(new Dec('0.00001'));
    expect(total.toString()).toBe(
      new Dec(Number.MAX_SAFE_INTEGER).times(2).div(10_000).plus('0.00001').toString(),
    );
  });
});
