import { z } from 'zod';
import { fail } from '../core/errors.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import { CURRENCY_MINOR_UNITS, type CurrencyCode, checkCurrency } from './currencies.js';
import { Dec, type DecimalInput, type DecimalValue } from './decimal.js';
import {
  DECIMAL_STRING,
  DecimalInputSchema,
  freezeDecimal,
  isExactNumber,
  isFiniteDecimal,
  isOwnDecimal,
  ZERO,
} from './decimal-input.js';

/** The JSON form of {@link Money}: the exact amount as a decimal string and the ISO 4217 code. */
export interface MoneyJSON {
  readonly amount: string;
  readonly currency: CurrencyCode;
}

/**
 * An exact amount of one currency: a frozen plain object holding a decimal.js value (never NaN or
 * Infinity) and an ISO 4217 code, with the currency's minor units at hand. Amounts are not rounded
 * to minor units unless you call `roundMoney`; arithmetic is exact up to 40 significant digits.
 * `JSON.stringify` gives `{ "amount": "12.5", "currency": "USD" }`; `moneyFromJSON` restores it.
 */
export interface Money {
  readonly amount: DecimalValue;
  readonly currency: CurrencyCode;
  /** ISO 4217 minor units of `currency` (2 for USD, 0 for JPY, 3 for KWD). */
  readonly minorUnits: number;
  /** Lossless JSON: `{ amount: "<decimal string>", currency }`. */
  toJSON(): MoneyJSON;
}

/** Options of {@link money}. */
export interface MoneyOptions {
  /**
   * Accept a JS number that is not exactly the decimal it prints as (0.1, 19.99) and take the
   * decimal it prints as (`String(n)`). Default `false`: such a number is `money/inexact-number`.
   */
  readonly allowInexact?: boolean;
}

const MoneyOptionsSchema = z.object({ allowInexact: z.boolean().optional() }).strict();

function moneyToJSON(this: Money): MoneyJSON {
  return Object.freeze({ amount: this.amount.toString(), currency: this.currency });
}

/**
 * Builds a Money from a value already known to be a finite {@link Dec} and a known currency. Internal:
 * no validation. Normalises -0 to 0 and freezes the amount and the object.
 */
export function makeMoney(amount: DecimalValue, currency: CurrencyCode): Money {
  const value = amount.isZero() ? ZERO : freezeDecimal(amount);
  return Object.freeze({
    amount: value,
    currency,
    minorUnits: CURRENCY_MINOR_UNITS[currency],
    toJSON: moneyToJSON,
  });
}

/**
 * True for a Money value: an object with a finite decimal.js `amount`, a known ISO 4217 `currency`
 * and the matching `minorUnits`. Structural, so Money restored by another copy of the library passes.
 *
 * @example
 * ```ts
 * import { isMoney, money } from 'customer-asset';
 * isMoney(money('1.50', 'USD')); // true
 * isMoney({ amount: '1.50', currency: 'USD' }); // false: that is MoneyJSON, use moneyFromJSON
 * ```
 */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  const currency = candidate.currency;
  return (
    isFiniteDecimal(candidate.amount) &&
    typeof currency === 'string' &&
    Object.hasOwn(CURRENCY_MINOR_UNITS, currency) &&
    candidate.minorUnits === CURRENCY_MINOR_UNITS[currency as CurrencyCode]
  );
}

/** zod schema accepting {@link Money} values (see {@link isMoney}). */
export const MoneySchema = z.custom<Money>(isMoney, {
  message: 'Must be Money built with money() (a finite decimal amount and a known ISO 4217 code)',
});

/** The amount of a validated Money as a value of the library's own decimal context. */
export function amountOf(value: Money): DecimalValue {
  return isOwnDecimal(value.amount) ? value.amount : new Dec(value.amount);
}

/** Validates one Money argument (zod) and returns it. */
export function parseMoney(value: unknown, fn: string, name: string): Money {
  return parseInput(MoneySchema, value, fn, name);
}

const MoneyListSchema = z.array(MoneySchema);

/**
 * Validates a non-empty list of Money in a single currency. Throws `input/invalid`, `input/empty`
 * or `money/currency-mismatch` (with the index of the first offending element in `path`).
 */
export function parseMoneyList(value: unknown, fn: string, name: string): readonly Money[] {
  const list = parseInput(MoneyListSchema, value, fn, name);
  if (list.length === 0)
    fail('input/empty', fn, `${name} is empty`, {
      expected: 'at least one Money value',
      received: list,
      path: [name],
    });
  checkSameCurrency(list, fn, name);
  return list;
}

/** Throws `money/currency-mismatch` unless every element has the currency of the first. */
export function checkSameCurrency(list: readonly Money[], fn: string, name: string): void {
  const currency = list[0]?.currency;
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    if (item.currency !== currency)
      fail('money/currency-mismatch', fn, `${name}[${i}] is in another currency than ${name}[0]`, {
        expected: String(currency),
        received: item.currency,
        path: [name, i],
      });
  }
}

/** Throws `money/currency-mismatch` unless `a` and `b` share a currency. */
export function checkPair(a: Money, b: Money, fn: string): void {
  if (a.currency !== b.currency)
    fail('money/currency-mismatch', fn, 'cannot combine amounts in different currencies', {
      expected: a.currency,
      received: b.currency,
      path: ['b'],
    });
}

/**
 * Converts a validated amount to an exact decimal under the money rule for numbers. Internal.
 */
function exactAmount(
  amount: DecimalInput,
  allowInexact: boolean,
  fn: string,
  path: readonly (string | number)[],
): DecimalValue {
  if (typeof amount === 'number' && !allowInexact && !isExactNumber(amount))
    fail(
      'money/inexact-number',
      fn,
      `the number ${String(amount)} is a binary float that is not exactly the decimal it prints as; pass the string "${String(amount)}", use moneyFromMinorUnits, or opt in with { allowInexact: true }`,
      {
        expected: 'a decimal string, a safe integer or an exactly representable number',
        received: amount,
        path,
      },
    );
  const value = isOwnDecimal(amount) && Object.isFrozen(amount) ? amount : new Dec(amount);
  if (!value.isFinite())
    fail('input/invalid', fn, 'amount is outside the representable decimal range', {
      expected: 'an exponent within +/-9e15',
      received: typeof amount === 'string' ? amount : String(amount),
      path,
    });
  return value;
}

/**
 * Creates a {@link Money}: an exact decimal amount in an ISO 4217 currency.
 *
 * Amounts may be
 * - a decimal string (`"19.99"`, `"-0.125"`, `"1e3"`): always exact, the recommended form;
 * - a Decimal (from any decimal.js copy): copied digit for digit;
 * - a JS number, **only if it is exact**: a safe integer (`1999`), or a non-integer whose binary value
 *   is exactly the decimal it prints as (`0.5`, `12.25`). A number such as `0.1` or `19.99` is stored
 *   in binary as 0.1000000000000000055... and is refused with `money/inexact-number`, unless you pass
 *   `{ allowInexact: true }`, in which case the amount is the decimal the number prints as
 *   (`String(0.1)` = `"0.1"`, which is also what decimal.js does). Integers beyond 2^53 - 1 are
 *   refused without the opt-in because the literal may already have been rounded.
 *
 * The amount is kept as given (not rounded to the currency's minor units: call `roundMoney` with a
 * named mode when you need that). REFERENCE.md §10: build money from strings or integer minor units.
 *
 * @param amount - decimal string, exact number or Decimal.
 * @param currency - ISO 4217 alphabetic code in upper case (`'USD'`); unknown codes are
 *   `money/unknown-currency`.
 * @param options - `{ allowInexact }`, see above.
 * @throws CustomerAssetError `input/invalid`, `money/unknown-currency`, `money/inexact-number`.
 *
 * @example
 * ```ts
 * import { money } from 'customer-asset';
 * const price = money('19.99', 'USD');
 * price.amount.toString(); // '19.99'
 * price.minorUnits; // 2
 * JSON.stringify(price); // '{"amount":"19.99","currency":"USD"}'
 * money(1999, 'JPY').amount.toString(); // '1999'
 * money(0.1, 'EUR', { allowInexact: true }).amount.toString(); // '0.1'
 * ```
 */
export function money(amount: DecimalInput, currency: string, options: MoneyOptions = {}): Money {
  const fn = 'money';
  const input = parseInput(DecimalInputSchema, amount, fn, 'amount');
  const code = checkCurrency(currency, fn, ['currency']);
  const opts = parseInput(MoneyOptionsSchema, options, fn, 'options');
  return makeMoney(exactAmount(input, opts.allowInexact === true, fn, ['amount']), code);
}

const MinorUnitsSchema = z.union([
  z.bigint(),
  z.number().int().refine(Number.isSafeInteger, { message: 'Must be a safe integer' }),
  z.string().regex(/^[+-]?\d+$/, { message: 'Must be an integer string such as "1999"' }),
]);

/**
 * Creates Money from an integer count of minor units (cents for USD, yen for JPY, fils for KWD):
 * `moneyFromMinorUnits(1999, 'USD')` is 19.99 USD. Exact for any size of integer given as a bigint or
 * an integer string; numbers must be safe integers.
 *
 * @throws CustomerAssetError `input/invalid`, `money/unknown-currency`.
 *
 * @example
 * ```ts
 * import { moneyFromMinorUnits } from 'customer-asset';
 * moneyFromMinorUnits(1999, 'USD').amount.toString(); // '19.99'
 * moneyFromMinorUnits(1250n, 'KWD').amount.toString(); // '1.25'
 * ```
 */
export function moneyFromMinorUnits(units: bigint | number | string, currency: string): Money {
  const fn = 'moneyFromMinorUnits';
  const input = parseInput(MinorUnitsSchema, units, fn, 'units');
  const code = checkCurrency(currency, fn, ['currency']);
  const integer = typeof input === 'bigint' ? input : BigInt(input);
  return makeMoney(new Dec(`${integer.toString()}e-${CURRENCY_MINOR_UNITS[code]}`), code);
}

const MoneyJSONSchema = z
  .object({
    amount: z.string().regex(DECIMAL_STRING, {
      message: 'Must be a decimal string such as "12.50" (JSON amounts are always strings)',
    }),
    currency: z.string(),
  })
  .strict();

/**
 * Restores Money from its JSON form `{ amount: "<decimal string>", currency }` (what `toJSON` and
 * `JSON.stringify` produce). Lossless: `moneyFromJSON(JSON.parse(JSON.stringify(m)))` equals `m`
 * exactly. Amounts must be strings: a JSON number has already passed through binary floating point.
 *
 * @throws CustomerAssetError `input/invalid`, `money/unknown-currency`.
 *
 * @example
 * ```ts
 * import { money, moneyEquals, moneyFromJSON } from 'customer-asset';
 * const m = money('1234.5678', 'CLF');
 * moneyEquals(moneyFromJSON(JSON.parse(JSON.stringify(m))), m); // true
 * ```
 */
export function moneyFromJSON(json: unknown): Money {
  const fn = 'moneyFromJSON';
  const input = parseInput(MoneyJSONSchema, json, fn, 'json');
  const code = checkCurrency(input.currency, fn, ['currency']);
  return makeMoney(exactAmount(input.amount, false, fn, ['amount']), code);
}

/**
 * {@link moneyFromJSON} that returns `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeMoneyFromJSON } from 'customer-asset';
 * const result = safeMoneyFromJSON({ amount: 12.5, currency: 'USD' });
 * result.success; // false: the amount must be a string
 * ```
 */
export function safeMoneyFromJSON(json: unknown): Safe<Money> {
  return toSafe(() => moneyFromJSON(json));
}
