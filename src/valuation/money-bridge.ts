/**
 * The one place where the float64 world of the models meets Decimal money (STYLE.md).
 *
 * A model estimate in currency units (a float64) becomes an exact decimal by rounding it half-even to
 * a fixed quantum of 10^-k of the currency unit, k = the currency's minor units + 6 (1e-8 dollars for
 * USD): an integer count of quanta, kept as a float64 integer (exact below 2^53 and, above it, exactly
 * the float's own integer value) and summed exactly with BigInt. So every per-customer amount is an
 * exact decimal, and totals are the exact sums of the per-customer amounts, in O(n) float operations
 * and no decimal.js construction per customer: decimal values are built only when asked for.
 */
import type { CurrencyCode } from '../money/currencies.js';
import { CURRENCY_MINOR_UNITS } from '../money/currencies.js';
import { Dec, type DecimalValue } from '../money/decimal.js';
import { type Money, makeMoney } from '../money/money.js';

/** Decimal places kept beyond the currency's minor units. */
export const EXTRA_QUANTUM_DIGITS = 6;

/** k: decimal places of the quantum of a currency. */
export function quantumDigits(currency: CurrencyCode): number {
  return CURRENCY_MINOR_UNITS[currency] + EXTRA_QUANTUM_DIGITS;
}

/** Rounds half to even (ties to the even integer), for finite x. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const SAFE = 2 ** 53;
const FLUSH = 2 ** 51;

/**
 * Exact sums of integer-valued float64 terms, weighted by integer counts: small terms accumulate in a
 * float64 that is flushed into a BigInt before it could lose a digit.
 */
export class ExactIntegerSum {
  private big = 0n;
  private small = 0;

  /** Adds `units × count` (both integers as float64). */
  add(units: number, count = 1): void {
    const product = units * count;
    if (Math.abs(product) < FLUSH && Math.abs(units) < SAFE) {
      this.small += product;
      if (Math.abs(this.small) >= FLUSH) {
        this.big += BigInt(this.small);
        this.small = 0;
      }
    } else {
      this.big += BigInt(units) * BigInt(count);
    }
  }

  /** The exact sum. */
  value(): bigint {
    return this.big + BigInt(this.small);
  }
}

/** Quanta of a float64 amount: `roundHalfEven(value × 10^k)` (an integer-valued float64). */
export function toQuanta(value: number, scale: number): number {
  return roundHalfEven(value * scale);
}

/** The exact decimal `units × 10^-k` (units an integer-valued float64 or a bigint). */
export function quantaToDecimal(units: number | bigint, digits: number): DecimalValue {
  const integer = typeof units === 'bigint' ? units : BigInt(units);
  return new Dec(`${integer.toString()}e-${digits}`);
}

/** Money of `factor × units × 10^-k` in `currency` (exact up to 40 significant digits). */
export function moneyFromQuanta(
  units: number | bigint,
  digits: number,
  factor: DecimalValue,
  currency: CurrencyCode,
): Money {
  return makeMoney(quantaToDecimal(units, digits).times(factor), currency);
}

/** A validated decimal value as a float64 (for the model side: a margin or a rate). */
export function decimalToFloat(value: DecimalValue): number {
  return value.toNumber();
}

/** Parses a decimal input already checked by zod into the library's decimal context. */
export function toDec(value: string | number | DecimalValue): DecimalValue {
  return new Dec(value);
}
