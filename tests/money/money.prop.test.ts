import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerAssetError } from '../../src/core/errors.js';
import { exactDecimalOfNumber } from '../../src/money/decimal-input.js';
import {
  addMoney,
  allocate,
  CURRENCY_CODES,
  type Money,
  money,
  moneyEquals,
  moneyFromJSON,
  moneyFromMinorUnits,
  negateMoney,
  type RoundingMode,
  roundMoney,
  subtractMoney,
} from '../../src/money/index.js';
import { D40 } from '../helpers/money.js';

/** Decimal strings with up to 18 integer digits and 0-8 decimals, e.g. "-123456e-3". */
const decimalString = fc
  .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 8 }))
  .map(([units, scale]) => `${units}e-${scale}`);
const currency = fc.constantFrom(...CURRENCY_CODES);
const amountIn = (code: string) => decimalString.map((a) => money(a, code));
const usdAmount = amountIn('USD');
const modes: RoundingMode[] = ['half-even', 'half-up', 'down', 'up', 'floor', 'ceil'];

const same = (a: Money, b: Money) => a.currency === b.currency && a.amount.eq(b.amount);

describe('Money laws (fast-check)', () => {
  it('addition is exactly commutative', () => {
    fc.assert(fc.property(usdAmount, usdAmount, (a, b) => same(addMoney(a, b), addMoney(b, a))));
  });

  it('addition is exactly associative (amounts within 40 significant digits)', () => {
    fc.assert(
      fc.property(usdAmount, usdAmount, usdAmount, (a, b, c) =>
        same(addMoney(addMoney(a, b), c), addMoney(a, addMoney(b, c))),
      ),
    );
  });

  it('subtracting is adding the negation, and a - a is zero', () => {
    fc.assert(
      fc.property(usdAmount, usdAmount, (a, b) => {
        expect(same(subtractMoney(a, b), addMoney(a, negateMoney(b)))).toBe(true);
        expect(subtractMoney(a, a).amount.isZero()).toBe(true);
      }),
    );
  });

  it('JSON round trip gives back the same money', () => {
    fc.assert(
      fc.property(decimalString, currency, (a, code) => {
        const m = money(a, code);
        const back = moneyFromJSON(JSON.parse(JSON.stringify(m)));
        return moneyEquals(back, m) && back.amount.toString() === m.amount.toString();
      }),
    );
  });

  it('rounding is idempotent, lands on minor units and moves less than one minor unit', () => {
    fc.assert(
      fc.property(decimalString, currency, fc.constantFrom(...modes), (a, code, mode) => {
        const m = money(a, code);
        const once = roundMoney(m, mode);
        const twice = roundMoney(once, mode);
        expect(same(once, twice)).toBe(true);
        expect(once.amount.decimalPlaces()).toBeLessThanOrEqual(m.minorUnits);
        const unit = new Decimal(10).pow(-m.minorUnits);
        const moved = once.amount.minus(m.amount).abs();
        expect(moved.lt(unit)).toBe(true);
        if (mode.startsWith('half')) expect(moved.lte(unit.div(2))).toBe(true);
      }),
    );
  });

  it('half-even and half-up differ only on exact ties', () => {
    fc.assert(
      fc.property(usdAmount, (m) => {
        const even = roundMoney(m, 'half-even');
        const up = roundMoney(m, 'half-up');
        const tie = m.amount.times(100).minus(m.amount.times(100).floor()).eq(0.5);
        return same(even, up) || tie;
      }),
    );
  });

  it('allocation adds up exactly and no share is a whole minor unit off its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        currency,
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (units, code, weights, scale) => {
          fc.pre(weights.some((w) => w > 0));
          const total = moneyFromMinorUnits(units, code);
          const ratios = weights.map((w) => `${w}e-${scale}`);
          const shares = allocate(total, ratios);
          const sum = shares.reduce((s, x) => s.plus(x.amount), new Decimal(0));
          expect(sum.eq(total.amount)).toBe(true);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          const unit = new Decimal(10).pow(-total.minorUnits);
          shares.forEach((share, i) => {
            expect(share.currency).toBe(code);
            expect(share.amount.decimalPlaces()).toBeLessThanOrEqual(total.minorUnits);
            const exact = new D40(total.amount.toString()).times(weights[i]!).div(weightSum);
            expect(share.amount.minus(exact).abs().lt(unit)).toBe(true);
          });
        },
      ),
    );
  });

  it('a number is money exactly when its binary value is the decimal it prints as', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        (n) => {
          try {
            const m = money(n, 'USD');
            expect(m.amount.eq(new Decimal(exactDecimalOfNumber(n)))).toBe(true);
            expect(m.amount.eq(new Decimal(String(n)))).toBe(true);
          } catch (error) {
            expect((error as CustomerAssetError).code).toBe('money/inexact-number');
            expect(new Decimal(exactDecimalOfNumber(n)).eq(new Decimal(String(n)))).toBe(false);
            expect(money(n, 'USD', { allowInexact: true }).amount.eq(new Decimal(String(n)))).toBe(
              true,
            );
          }
        },
      ),
    );
  });
});
