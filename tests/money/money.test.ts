import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactDecimalOfNumber, isExactNumber } from '../../src/money/decimal-input.js';
import {
  addMoney,
  CURRENCY_CODES,
  CURRENCY_MINOR_UNITS,
  compareMoney,
  currencyMinorUnits,
  divideMoney,
  isCurrencyCode,
  isMoney,
  isZeroMoney,
  type Money,
  money,
  moneyEquals,
  moneyFromJSON,
  moneyFromMinorUnits,
  moneySign,
  multiplyMoney,
  negateMoney,
  safeMoneyFromJSON,
  subtractMoney,
  sumMoney,
} from '../../src/money/index.js';
import { caught } from '../helpers/errors.js';
import { usd } from '../helpers/money.js';

describe('money(): construction and the exactness rule for numbers', () => {
  it('keeps decimal strings exactly, without rounding to minor units', () => {
    const m = usd('19.999');
    expect(m.amount.toString()).toBe('19.999');
    expect(m.currency).toBe('USD');
    expect(m.minorUnits).toBe(2);
    expect(usd('-0.125').amount.toString()).toBe('-0.125');
    expect(usd('1e3').amount.toString()).toBe('1000');
    expect(usd('.5').amount.toString()).toBe('0.5');
    expect(usd('123456789012345678901234567890.123456789').amount.toString()).toBe(
      '123456789012345678901234567890.123456789',
    );
  });

  it('accepts safe integers and numbers whose binary value is the decimal they print as', () => {
    expect(money(1999, 'JPY').amount.toString()).toBe('1999');
    expect(money(-42, 'USD').amount.toString()).toBe('-42');
    expect(money(0.5, 'USD').amount.toString()).toBe('0.5');
    expect(money(12.25, 'USD').amount.toString()).toBe('12.25');
    expect(money(0.375, 'USD').amount.toString()).toBe('0.375');
    expect(money(Number.MAX_SAFE_INTEGER, 'USD').amount.toString()).toBe('9007199254740991');
  });

  it('refuses inexact numbers with money/inexact-number unless allowInexact is set', () => {
    for (const n of [0.1, 19.99, 1.005, 2.675, 0.30000000000000004, 2 ** 53, 1e21]) {
      const error = caught(() => money(n, 'USD'));
      expect(error.code).toBe('money/inexact-number');
      expect(error.path).toEqual(['amount']);
    }
    expect(caught(() => money(0.1, 'USD')).message).toContain('pass the string "0.1"');
    expect(money(0.1, 'USD', { allowInexact: true }).amount.toString()).toBe('0.1');
    expect(money(19.99, 'USD', { allowInexact: true }).amount.toString()).toBe('19.99');
    expect(money(1e21, 'USD', { allowInexact: true }).amount.toString()).toBe(
      '1000000000000000000000',
    );
  });

  it('computes the exact binary value of a double', () => {
    expect(new Decimal(exactDecimalOfNumber(0.1)).toFixed()).toBe(
      '0.1000000000000000055511151231257827021181583404541015625',
    );
    expect(new Decimal(exactDecimalOfNumber(-0.75)).toFixed()).toBe('-0.75');
    expect(new Decimal(exactDecimalOfNumber(5e-324)).toExponential(5)).toBe('4.94066e-324');
    expect(isExactNumber(0.5)).toBe(true);
    expect(isExactNumber(0.1)).toBe(false);
    expect(isExactNumber(2 ** -30)).toBe(false); // prints as 9.313225746154785e-10, not exact
    expect(isExactNumber(Number.NaN)).toBe(false);
  });

  it('copies Decimals from another decimal.js constructor without rounding or sharing', () => {
    const foreign = new Decimal('1.23456789012345678901234567890123456789012345');
    const m = money(foreign, 'EUR');
    expect(m.amount.toString()).toBe('1.23456789012345678901234567890123456789012345');
    expect(m.amount).not.toBe(foreign);
    expect(Object.isFrozen(foreign)).toBe(false);
  });

  it('never holds NaN or Infinity, and rejects non-decimal strings', () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      'NaN',
      'Infinity',
      '0x10',
      ' 1',
      '1,5',
      '',
      '1e',
    ]) {
      expect(caught(() => money(bad as never, 'USD')).code).toBe('input/invalid');
    }
    expect(caught(() => money(new Decimal(Number.NaN), 'USD')).code).toBe('input/invalid');
    expect(caught(() => money('1e99999999999999999', 'USD')).code).toBe('input/invalid');
  });

  it('normalises negative zero', () => {
    expect(JSON.stringify(usd('-0'))).toBe('{"amount":"0","currency":"USD"}');
    expect(moneySign(usd('-0.00'))).toBe(0);
    expect(money(-0, 'USD').amount.isNeg()).toBe(false);
  });

  it('returns frozen values (the object and its decimal)', () => {
    const m = usd('1.50') as { -readonly [K in keyof Money]: Money[K] };
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.amount)).toBe(true);
    expect(() => {
      m.currency = 'EUR';
    }).toThrow(TypeError);
    expect(() => {
      (m.amount as unknown as { e: number }).e = 5;
    }).toThrow(TypeError);
  });

  it('rejects unknown options', () => {
    expect(caught(() => money('1', 'USD', { allowInExact: true } as never)).code).toBe(
      'input/invalid',
    );
  });
});

describe('currencies (fin.currency_minor_units, ISO 4217)', () => {
  const published: Record<string, number> = {
    USD: 2,
    EUR: 2,
    GBP: 2,
    JPY: 0,
    KRW: 0,
    ISK: 0,
    BHD: 3,
    KWD: 3,
    JOD: 3,
    TND: 3,
    OMR: 3,
    CLF: 4,
    UYW: 4,
  };

  it('has the ISO 4217 minor units of the published codes', () => {
    for (const [code, units] of Object.entries(published)) {
      expect(currencyMinorUnits(code), code).toBe(units);
      expect(money('1', code).minorUnits).toBe(units);
    }
  });

  it('agrees with Intl.NumberFormat on the published codes (but is a static table)', () => {
    for (const [code, units] of Object.entries(published)) {
      if (code === 'UYW') continue; // not in node 20's ICU currency list
      const intl = new Intl.NumberFormat('en', { style: 'currency', currency: code });
      expect(intl.resolvedOptions().maximumFractionDigits, code).toBe(units);
    }
  });

  it('keeps ISO minor units where CLDR display digits differ', () => {
    // Intl on node 20 shows 0 decimals for these; ISO 4217 says 2 (3 for IQD).
    expect(currencyMinorUnits('IDR')).toBe(2);
    expect(currencyMinorUnits('HUF')).toBe(2);
    expect(currencyMinorUnits('COP')).toBe(2);
    expect(currencyMinorUnits('IQD')).toBe(3);
    expect(currencyMinorUnits('UGX')).toBe(0);
    expect(currencyMinorUnits('LYD')).toBe(3);
  });

  it('covers the active codes with only 0, 2, 3 or 4 minor units', () => {
    expect(CURRENCY_CODES.length).toBe(Object.keys(CURRENCY_MINOR_UNITS).length);
    expect(CURRENCY_CODES.length).toBeGreaterThanOrEqual(155);
    for (const code of CURRENCY_CODES) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(CURRENCY_MINOR_UNITS[code]);
    }
    for (const code of ['CHF', 'CNY', 'INR', 'BRL', 'ZAR', 'XOF', 'XAF', 'VES', 'ZWG', 'SLE']) {
      expect(isCurrencyCode(code), code).toBe(true);
    }
  });

  it('rejects unknown, lower-case and unit-less codes with money/unknown-currency', () => {
    for (const code of ['usd', 'XAU', 'XXX', 'ABC', 'US', '']) {
      const error = caught(() => money('1', code));
      expect(error.code, code).toBe('money/unknown-currency');
      expect(error.path).toEqual(['currency']);
    }
    expect(caught(() => money('1', 'usd')).message).toContain("did you mean 'USD'?");
    expect(caught(() => currencyMinorUnits('DEM')).code).toBe('money/unknown-currency');
  });
});

describe('JSON', () => {
  it('serialises losslessly as { amount: string, currency } and restores', () => {
    const m = money('1234.5678', 'CLF');
    const json = JSON.stringify(m);
    expect(json).toBe('{"amount":"1234.5678","currency":"CLF"}');
    const back = moneyFromJSON(JSON.parse(json));
    expect(moneyEquals(back, m)).toBe(true);
    expect(back.amount.toString()).toBe('1234.5678');
    expect(m.toJSON()).toEqual({ amount: '1234.5678', currency: 'CLF' });
  });

  it('keeps tiny and huge amounts exactly', () => {
    for (const a of ['1e-45', '-1.5e+60', '0.000000000000000000000000000001']) {
      const m = usd(a);
      expect(moneyFromJSON(JSON.parse(JSON.stringify(m))).amount.eq(m.amount)).toBe(true);
    }
  });

  it('refuses numeric JSON amounts and extra fields', () => {
    expect(caught(() => moneyFromJSON({ amount: 12.5, currency: 'USD' })).code).toBe(
      'input/invalid',
    );
    expect(caught(() => moneyFromJSON({ amount: '1', currency: 'USD', x: 1 })).code).toBe(
      'input/invalid',
    );
    expect(caught(() => moneyFromJSON({ amount: '1', currency: 'ZZZ' })).code).toBe(
      'money/unknown-currency',
    );
    const safe = safeMoneyFromJSON(null);
    expect(safe.success).toBe(false);
    if (!safe.success) expect(safe.error.code).toBe('input/invalid');
  });
});

describe('moneyFromMinorUnits', () => {
  it('reads integer minor units exactly', () => {
    expect(moneyFromMinorUnits(1999, 'USD').amount.toString()).toBe('19.99');
    expect(moneyFromMinorUnits(-5, 'USD').amount.toString()).toBe('-0.05');
    expect(moneyFromMinorUnits(1999, 'JPY').amount.toString()).toBe('1999');
    expect(moneyFromMinorUnits(1n, 'CLF').amount.toString()).toBe('0.0001');
    expect(moneyFromMinorUnits('123456789012345678901234567890', 'KWD').amount.toString()).toBe(
      '123456789012345678901234567.89',
    );
  });

  it('rejects fractions and unsafe integers', () => {
    expect(caught(() => moneyFromMinorUnits(1.5, 'USD')).code).toBe('input/invalid');
    expect(caught(() => moneyFromMinorUnits(2 ** 60, 'USD')).code).toBe('input/invalid');
    expect(caught(() => moneyFromMinorUnits('1.0', 'USD')).code).toBe('input/invalid');
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, negates exactly', () => {
    expect(addMoney(usd('0.1'), usd('0.2')).amount.toString()).toBe('0.3');
    expect(subtractMoney(usd('0.3'), usd('0.1')).amount.toString()).toBe('0.2');
    expect(negateMoney(usd('5.25')).amount.toString()).toBe('-5.25');
    expect(negateMoney(usd('0')).amount.isNeg()).toBe(false);
  });

  it('multiplies and divides by scalars', () => {
    expect(multiplyMoney(usd('19.99'), 3).amount.toString()).toBe('59.97');
    expect(multiplyMoney(usd('100'), 0.1).amount.toString()).toBe('10');
    expect(multiplyMoney(usd('100'), new Decimal('-0.5')).amount.toString()).toBe('-50');
    expect(divideMoney(usd('10'), 4).amount.toString()).toBe('2.5');
    // 40 significant digits, half-even.
    expect(divideMoney(usd('10'), 3).amount.toString()).toBe(
      '3.333333333333333333333333333333333333333',
    );
    expect(divideMoney(usd('20'), 3).amount.toString()).toBe(
      '6.666666666666666666666666666666666666667',
    );
  });

  it('refuses division by zero with money/division-by-zero', () => {
    const error = caught(() => divideMoney(usd('1'), '0'));
    expect(error.code).toBe('money/division-by-zero');
    expect(error.path).toEqual(['divisor']);
  });

  it('sums lists of one currency; an empty list needs a currency', () => {
    expect(sumMoney([usd('0.1'), usd('0.2'), usd('0.3')]).amount.toString()).toBe('0.6');
    expect(sumMoney([], 'JPY').currency).toBe('JPY');
    expect(sumMoney([], 'JPY').amount.toString()).toBe('0');
    expect(caught(() => sumMoney([])).code).toBe('input/empty');
    const error = caught(() => sumMoney([usd('1'), usd('2'), money('3', 'EUR')]));
    expect(error.code).toBe('money/currency-mismatch');
    expect(error.path).toEqual(['items', 2]);
    expect(caught(() => sumMoney([usd('1')], 'EUR')).code).toBe('money/currency-mismatch');
  });

  it('refuses to mix currencies with money/currency-mismatch', () => {
    const eur = money('1', 'EUR');
    for (const op of [addMoney, subtractMoney, compareMoney]) {
      const error = caught(() => op(usd('1'), eur));
      expect(error.code).toBe('money/currency-mismatch');
      expect(error.message).toContain('expected USD, received "EUR"');
    }
    expect(moneyEquals(usd('1'), eur)).toBe(false);
  });

  it('compares, tests zero and sign', () => {
    expect(compareMoney(usd('1.10'), usd('1.1'))).toBe(0);
    expect(compareMoney(usd('-1'), usd('0.5'))).toBe(-1);
    expect(compareMoney(usd('2'), usd('1.999'))).toBe(1);
    expect(moneyEquals(usd('2.50'), usd('2.5'))).toBe(true);
    expect(isZeroMoney(usd('0.000'))).toBe(true);
    expect(isZeroMoney(usd('0.001'))).toBe(false);
    expect(moneySign(usd('-0.01'))).toBe(-1);
    expect(moneySign(usd('3'))).toBe(1);
  });

  it('rejects things that are not Money with input/invalid naming the argument', () => {
    const error = caught(() => addMoney(usd('1'), { amount: '1', currency: 'USD' } as never));
    expect(error.code).toBe('input/invalid');
    expect(error.message).toMatch(/^addMoney: b is invalid/);
    expect(isMoney({ amount: new Decimal(1), currency: 'USD', minorUnits: 2 })).toBe(true);
    expect(isMoney({ amount: new Decimal(1), currency: 'USD', minorUnits: 3 })).toBe(false);
  });

  it('accepts structurally valid Money built with another decimal.js and computes in 40 digits', () => {
    const Low = Decimal.clone({ precision: 5 });
    const foreign = { amount: new Low(1), currency: 'USD', minorUnits: 2 } as unknown as Money;
    expect(divideMoney(foreign, 3).amount.toString()).toBe(
      '0.3333333333333333333333333333333333333333',
    );
  });
});
