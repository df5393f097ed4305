/**
 * Figures as a reader sees them: money rounded half-up for presentation with thousands separators
 * and its currency, percentages, multiples and counts. Money is rounded from its exact decimal
 * (never through a binary float); model estimates (float64) are rounded from the float.
 */
import { z } from 'zod';
import { parseInput } from '../core/validate.js';
import { isMoney, type Money } from '../money/money.js';
import { decimalRounding } from '../money/rounding.js';

/** Currencies shown with a symbol; every other currency is shown with its ISO code. */
const SYMBOLS: Readonly<Record<string, string>> = Object.freeze({
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
});

/** The minus sign used in presented figures (U+2212, the typographic minus). */
export const MINUS = '\u2212';

const MoneyArgSchema = /* @__PURE__ */ z.custom<Money>(isMoney, {
  message: 'Must be a Money value (money(amount, currency))',
});
const DecimalsSchema = /* @__PURE__ */ z.number().int().min(0).max(12);
const FormatMoneyOptionsSchema = /* @__PURE__ */ z
  .object({ decimals: DecimalsSchema.optional() })
  .strict();

/** Inserts a comma every three digits of the integer part of an unsigned decimal string. */
function groupThousands(unsigned: string): string {
  const [integer = '0', fraction] = unsigned.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `$1,234` or `CHF 1,234`, with the sign in front of the symbol. */
function withCurrency(unsigned: string, negative: boolean, currency: string): string {
  const symbol = SYMBOLS[currency];
  const body = symbol === undefined ? `${currency} ${unsigned}` : `${symbol}${unsigned}`;
  return negative ? `${MINUS}${body}` : body;
}

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** Decimal places shown (default: the currency's minor units, 2 for USD, 0 for JPY). */
  readonly decimals?: number;
}

/**
 * A Money amount as a person reads it in a report: rounded half-up (ties away from zero, as
 * spreadsheets and invoices do) to `decimals` places from its exact decimal value, with thousands
 * separators, its currency symbol ($, €, £, ¥) or ISO code, and a typographic minus (U+2212).
 *
 * Numerical caveats: none; the rounding is decimal (decimal.js), so 0.125 shows as 0.13.
 *
 * @throws CustomerAssetError `input/invalid` when `value` is not Money or `decimals` is not 0–12.
 *
 * @example
 * ```ts
 * import { formatMoney, money } from 'customer-asset';
 *
 * console.log(formatMoney(money('1234567.125', 'USD'))); // '$1,234,567.13'
 * console.log(formatMoney(money('-1234567.5', 'USD'), { decimals: 0 })); // '−$1,234,568'
 * console.log(formatMoney(money('9876.5', 'CHF'), { decimals: 0 })); // 'CHF 9,877'
 * ```
 */
export function formatMoney(value: Money, options: FormatMoneyOptions = {}): string {
  const fn = 'formatMoney';
  const m = parseInput(MoneyArgSchema, value, fn, 'value');
  const opts = parseInput(FormatMoneyOptionsSchema, options, fn, 'options');
  const decimals = opts.decimals ?? m.minorUnits;
  const rounded = m.amount.toDecimalPlaces(decimals, decimalRounding('half-up'));
  const negative = rounded.isNegative() && !rounded.isZero();
  return withCurrency(groupThousands(rounded.abs().toFixed(decimals)), negative, m.currency);
}

/**
 * A Money amount in the short form of headlines: `$1.23M`, `$456k`, `$950`, `$2.1B`, rounded
 * half-up to three significant digits (at least the units digit), from its exact decimal value.
 *
 * @throws CustomerAssetError `input/invalid` when `value` is not Money.
 *
 * @example
 * ```ts
 * import { formatMoneyCompact, money } from 'customer-asset';
 *
 * console.log(formatMoneyCompact(money('1234567', 'USD'))); // '$1.23M'
 * console.log(formatMoneyCompact(money('45678.9', 'EUR'))); // '€45.7k'
 * console.log(formatMoneyCompact(money('-950.4', 'USD'))); // '−$950'
 * ```
 */
export function formatMoneyCompact(value: Money): string {
  const m = parseInput(MoneyArgSchema, value, 'formatMoneyCompact', 'value');
  const half = decimalRounding('half-up');
  const abs = m.amount.abs();
  const scales: readonly [number, string][] = [
    [1, ''],
    [1e3, 'k'],
    [1e6, 'M'],
    [1e9, 'B'],
  ];
  let i = abs.gte(1e9) ? 3 : abs.gte(1e6) ? 2 : abs.gte(1e3) ? 1 : 0;
  const scaledAt = (k: number) =>
    k === 0 ? abs.toDecimalPlaces(0, half) : abs.div(scales[k]![0]).toSignificantDigits(3, half);
  let scaled = scaledAt(i);
  // 999.96k rounds to 1000k: show it as 1M instead.
  if (scaled.gte(1000) && i < scales.length - 1) {
    i += 1;
    scaled = scaledAt(i);
  }
  const text = `${scaled.toString()}${scales[i]![1]}`;
  const negative = m.amount.isNegative() && !m.amount.abs().toDecimalPlaces(0, half).isZero();
  return withCurrency(text, negative, m.currency);
}

const FiniteSchema = /* @__PURE__ */ z.number().finite();

/** en-US number formats with half-up rounding (ICU's `halfExpand`: ties away from zero), by decimals. */
const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let f = NUMBER_FORMATS.get(decimals);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      roundingMode: 'halfExpand',
    } as Intl.NumberFormatOptions);
    NUMBER_FORMATS.set(decimals, f);
  }
  return f;
}

/**
 * A number with thousands separators, rounded half-up to `decimals` places (default 0), with a
 * typographic minus: counts and expected counts of customers, purchases.
 *
 * Numerical caveats: the input is a float64; ties are judged on its shortest decimal form (1.005
 * shows as 1.01), with ICU's `Intl.NumberFormat` and `roundingMode: 'halfExpand'`.
 *
 * @throws CustomerAssetError `input/invalid` for a non-finite number or bad `decimals`.
 *
 * @example
 * ```ts
 * import { formatNumber } from 'customer-asset';
 *
 * console.log(formatNumber(1234567.5)); // '1,234,568'
 * console.log(formatNumber(-2.125, 2)); // '−2.13'
 * ```
 */
export function formatNumber(x: number, decimals = 0): string {
  const fn = 'formatNumber';
  const value = parseInput(FiniteSchema, x, fn, 'x');
  const places = parseInput(DecimalsSchema, decimals, fn, 'decimals');
  const text = numberFormat(places).format(value);
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const zero = /^[0.,]*$/.test(unsigned);
  return `${negative && !zero ? MINUS : ''}${unsigned}`;
}

/**
 * A share or rate as a percentage: `0.1234` → `'12.3%'` (half-up, `decimals` places, default 1).
 *
 * @throws CustomerAssetError `input/invalid` for a non-finite number or bad `decimals`.
 *
 * @example
 * ```ts
 * import { formatPercent } from 'customer-asset';
 *
 * console.log(formatPercent(0.1234)); // '12.3%'
 * console.log(formatPercent(-0.05, 0)); // '−5%'
 * ```
 */
export function formatPercent(x: number, decimals = 1): string {
  const value = parseInput(FiniteSchema, x, 'formatPercent', 'x');
  return `${formatNumber(value * 100, decimals)}%`;
}

/**
 * A return multiple: `3.0917` → `'3.09×'` (half-up, `decimals` places, default 2).
 *
 * @throws CustomerAssetError `input/invalid` for a non-finite number or bad `decimals`.
 *
 * @example
 * ```ts
 * import { formatMultiple } from 'customer-asset';
 *
 * console.log(formatMultiple(3.0917)); // '3.09×'
 * ```
 */
export function formatMultiple(x: number, decimals = 2): string {
  const value = parseInput(FiniteSchema, x, 'formatMultiple', 'x');
  return `${formatNumber(value, decimals)}×`;
}
