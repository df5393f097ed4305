import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { checkCurrency } from './currencies.js';
import type { DecimalInput } from './decimal.js';
import { describeDecimal, parseDecimal, ZERO } from './decimal-input.js';
import {
  amountOf,
  checkPair,
  checkSameCurrency,
  type Money,
  MoneySchema,
  makeMoney,
  parseMoney,
} from './money.js';

/**
 * Adds two amounts of the same currency, exactly (decimal arithmetic, 40 significant digits: exact
 * for any amounts whose sum fits in 40 digits, e.g. up to 10^27 with 12 decimals). Exactly
 * commutative; associative whenever no intermediate sum exceeds 40 significant digits.
 *
 * @throws CustomerAssetError `input/invalid`, `money/currency-mismatch`.
 *
 * @example
 * ```ts
 * import { addMoney, money } from 'customer-asset';
 * addMoney(money('0.10', 'USD'), money('0.20', 'USD')).amount.toString(); // '0.3'
 * ```
 */
export function addMoney(a: Money, b: Money): Money {
  const fn = 'addMoney';
  parseMoney(a, fn, 'a');
  parseMoney(b, fn, 'b');
  checkPair(a, b, fn);
  return makeMoney(amountOf(a).plus(amountOf(b)), a.currency);
}

/**
 * Subtracts `b` from `a` (same currency), exactly as {@link addMoney}.
 *
 * @throws CustomerAssetError `input/invalid`, `money/currency-mismatch`.
 *
 * @example
 * ```ts
 * import { money, subtractMoney } from 'customer-asset';
 * subtractMoney(money('10', 'EUR'), money('0.01', 'EUR')).amount.toString(); // '9.99'
 * ```
 */
export function subtractMoney(a: Money, b: Money): Money {
  const fn = 'subtractMoney';
  parseMoney(a, fn, 'a');
  parseMoney(b, fn, 'b');
  checkPair(a, b, fn);
  return makeMoney(amountOf(a).minus(amountOf(b)), a.currency);
}

/**
 * Multiplies an amount by a dimensionless factor (a quantity, a rate, a discount factor). The factor
 * is a decimal input; a JS number is read as the decimal it prints as (`0.1` is 0.1), since a factor
 * is not money. The product is exact up to 40 significant digits and is not rounded to minor units.
 *
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { money, multiplyMoney } from 'customer-asset';
 * multiplyMoney(money('19.99', 'USD'), 3).amount.toString(); // '59.97'
 * multiplyMoney(money('100', 'USD'), '0.075').amount.toString(); // '7.5'
 * ```
 */
export function multiplyMoney(value: Money, factor: DecimalInput): Money {
  const fn = 'multiplyMoney';
  parseMoney(value, fn, 'value');
  const k = parseDecimal(factor, fn, 'factor');
  return makeMoney(amountOf(value).times(k), value.currency);
}

/**
 * Divides an amount by a dimensionless non-zero divisor. A quotient that does not terminate (10 / 3)
 * is rounded half-even to 40 significant digits; to split money into parts that add up, use
 * `allocate` instead.
 *
 * @throws CustomerAssetError `input/invalid`, `money/division-by-zero`.
 *
 * @example
 * ```ts
 * import { divideMoney, money } from 'customer-asset';
 * divideMoney(money('10', 'USD'), 4).amount.toString(); // '2.5'
 * ```
 */
export function divideMoney(value: Money, divisor: DecimalInput): Money {
  const fn = 'divideMoney';
  parseMoney(value, fn, 'value');
  const d = parseDecimal(divisor, fn, 'divisor');
  if (d.isZero())
    fail('money/division-by-zero', fn, 'divisor is zero', {
      expected: 'a non-zero divisor',
      received: describeDecimal(divisor),
      path: ['divisor'],
    });
  return makeMoney(amountOf(value).div(d), value.currency);
}

/**
 * The amount with its sign reversed.
 *
 * @example
 * ```ts
 * import { money, negateMoney } from 'customer-asset';
 * negateMoney(money('5.25', 'GBP')).amount.toString(); // '-5.25'
 * ```
 */
export function negateMoney(value: Money): Money {
  parseMoney(value, 'negateMoney', 'value');
  return makeMoney(amountOf(value).neg(), value.currency);
}

const MoneyArraySchema = z.array(MoneySchema);

/**
 * Sums a list of amounts of one currency exactly. An empty list needs `currency` (the sum is then
 * zero in that currency); when `currency` is given every element must be in it.
 *
 * @throws CustomerAssetError `input/invalid`, `input/empty` (empty list without a currency),
 *   `money/unknown-currency`, `money/currency-mismatch`.
 *
 * @example
 * ```ts
 * import { money, sumMoney } from 'customer-asset';
 * sumMoney([money('0.1', 'USD'), money('0.2', 'USD'), money('0.3', 'USD')]).amount.toString(); // '0.6'
 * sumMoney([], 'USD').amount.toString(); // '0'
 * ```
 */
export function sumMoney(items: readonly Money[], currency?: string): Money {
  const fn = 'sumMoney';
  const list = parseInput(MoneyArraySchema, items, fn, 'items');
  const code = currency === undefined ? undefined : checkCurrency(currency, fn, ['currency']);
  const first = list[0];
  if (first === undefined) {
    if (code === undefined)
      return fail('input/empty', fn, 'items is empty and no currency was given', {
        expected: 'at least one Money value, or a currency for the zero sum',
        received: list,
        path: ['items'],
      });
    return makeMoney(ZERO, code);
  }
  if (code !== undefined && first.currency !== code)
    fail('money/currency-mismatch', fn, 'items[0] is not in the given currency', {
      expected: code,
      received: first.currency,
      path: ['items', 0],
    });
  checkSameCurrency(list, fn, 'items');
  let total = amountOf(first);
  for (let i = 1; i < list.length; i++) total = total.plus(amountOf(list[i]!));
  return makeMoney(total, first.currency);
}

/**
 * Compares two amounts of the same currency: -1 when `a < b`, 0 when equal, 1 when `a > b`.
 *
 * @throws CustomerAssetError `input/invalid`, `money/currency-mismatch`.
 *
 * @example
 * ```ts
 * import { compareMoney, money } from 'customer-asset';
 * compareMoney(money('1.10', 'USD'), money('1.1', 'USD')); // 0
 * ```
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  const fn = 'compareMoney';
  parseMoney(a, fn, 'a');
  parseMoney(b, fn, 'b');
  checkPair(a, b, fn);
  return amountOf(a).cmp(amountOf(b)) as -1 | 0 | 1;
}

/**
 * True when both values have the same currency and numerically equal amounts (`1.10` equals `1.1`).
 * Amounts in different currencies are simply not equal (no error): use {@link compareMoney} when a
 * mismatch should fail.
 *
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { money, moneyEquals } from 'customer-asset';
 * moneyEquals(money('2.50', 'EUR'), money('2.5', 'EUR')); // true
 * moneyEquals(money('2.50', 'EUR'), money('2.50', 'USD')); // false
 * ```
 */
export function moneyEquals(a: Money, b: Money): boolean {
  const fn = 'moneyEquals';
  parseMoney(a, fn, 'a');
  parseMoney(b, fn, 'b');
  return a.currency === b.currency && amountOf(a).eq(amountOf(b));
}

/**
 * True when the amount is zero.
 *
 * @example
 * ```ts
 * import { isZeroMoney, money } from 'customer-asset';
 * isZeroMoney(money('0.00', 'USD')); // true
 * ```
 */
export function isZeroMoney(value: Money): boolean {
  parseMoney(value, 'isZeroMoney', 'value');
  return value.amount.isZero();
}

/**
 * The sign of the amount: -1, 0 or 1.
 *
 * @example
 * ```ts
 * import { money, moneySign } from 'customer-asset';
 * moneySign(money('-0.01', 'USD')); // -1
 * ```
 */
export function moneySign(value: Money): -1 | 0 | 1 {
  parseMoney(value, 'moneySign', 'value');
  const amount = value.amount;
  return amount.isZero() ? 0 : amount.isNeg() ? -1 : 1;
}
