import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { Dec, type DecimalInput, type DecimalValue } from './decimal.js';

/**
 * Plain decimal notation with an optional exponent: `"12.50"`, `"-0.125"`, `".5"`, `"1e-3"`. No
 * whitespace, no hex/binary/octal prefixes, no `"NaN"` or `"Infinity"` (decimal.js would accept those).
 */
export const DECIMAL_STRING = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True for a finite decimal.js value made by any decimal.js constructor or clone. */
export function isFiniteDecimal(value: unknown): value is DecimalValue {
  return Dec.isDecimal(value) && (value as DecimalValue).isFinite();
}

/** True for a value {@link toDecimal} accepts: a decimal string, a finite number or a finite Decimal. */
export function isDecimalInput(value: unknown): value is DecimalInput {
  if (typeof value === 'string') return DECIMAL_STRING.test(value);
  if (typeof value === 'number') return Number.isFinite(value);
  return isFiniteDecimal(value);
}

/**
 * zod schema for {@link DecimalInput}: a decimal string such as `"12.50"`, a finite number or a finite
 * Decimal. A number is read as the decimal it prints as (`String(n)`), which is what decimal.js does.
 */
export const DecimalInputSchema = z.custom<DecimalInput>(isDecimalInput, {
  message:
    'Must be a decimal string such as "12.50", a finite number or a finite Decimal (not NaN or Infinity)',
});

/** The library's one zero. Frozen; decimal.js never mutates an operand. */
export const ZERO: DecimalValue = freezeDecimal(new Dec(0));
/** The library's one one. */
export const ONE: DecimalValue = freezeDecimal(new Dec(1));

/**
 * Freezes a decimal.js value (its digit array too). decimal.js never mutates an existing instance, so a
 * frozen value stays usable; freezing only stops callers from editing what the library returned.
 */
export function freezeDecimal(value: DecimalValue): DecimalValue {
  if (!Object.isFrozen(value)) {
    if (value.d) Object.freeze(value.d);
    Object.freeze(value);
  }
  return value;
}

/**
 * True for a value made by the library's own {@link Dec}. Not `instanceof`: every decimal.js clone
 * shares one prototype, so `instanceof Dec` is also true for a caller's 20-digit Decimal.
 */
export function isOwnDecimal(value: unknown): value is DecimalValue {
  return Dec.isDecimal(value) && (value as DecimalValue).constructor === Dec;
}

/**
 * Converts an already validated {@link DecimalInput} to a {@link Dec} value without rounding. A number
 * becomes the decimal it prints as (`0.1` becomes `0.1`); a Decimal from another clone is copied
 * digit for digit so arithmetic uses the library's 40-digit context.
 */
export function toDecimal(value: DecimalInput): DecimalValue {
  if (isOwnDecimal(value)) return value;
  const result = new Dec(value);
  // -0 carries no information in money or rates; keep one zero so JSON round trips are exact.
  return result.isZero() ? ZERO : result;
}

/**
 * Validates a public decimal input with zod and converts it. Throws `input/invalid` naming `name`
 * (and the function) when it is not a decimal string, a finite number or a finite Decimal, or when
 * a string's exponent is beyond decimal.js's range.
 */
export function parseDecimal(value: unknown, fn: string, name: string): DecimalValue {
  const input = parseInput(DecimalInputSchema, value, fn, name);
  const result = toDecimal(input);
  if (!result.isFinite())
    fail('input/invalid', fn, `${name} is outside the representable decimal range`, {
      expected: 'an exponent within +/-9e15',
      received: value,
      path: [name],
    });
  return result;
}

/**
 * Validates a periodic rate: a decimal greater than -1 (-100%), where (1 + rate) is positive and
 * discounting is defined. Throws `finance/invalid-rate` otherwise.
 */
export function parseRate(value: unknown, fn: string, name = 'rate'): DecimalValue {
  const rate = parseDecimal(value, fn, name);
  if (rate.lte(-1))
    fail('finance/invalid-rate', fn, `${name} must be greater than -1 (-100%)`, {
      expected: 'a rate > -1',
      received: describeDecimal(value),
      path: [name],
    });
  return rate;
}

/**
 * `growth - 1` for a growth factor `1 + r` > 0, exact when the factor is tiny. A rate within 1e-30 of
 * -100% (a growth factor below 1e-30) needs more than 40 digits to differ from -1, so the subtraction
 * is done in a context wide enough to be exact and all the digits are kept (decimal.js never rounds a
 * value it is given, only the results of arithmetic). So `1 + minusOne(p)` gives back `p` exactly.
 */
export function minusOne(growth: DecimalValue): DecimalValue {
  if (growth.gte('1e-30')) return growth.minus(1);
  const Wide = Dec.clone({ precision: 45 - growth.e });
  return new Dec(new Wide(growth).minus(1));
}

/** A short rendering of a decimal input for error messages. */
export function describeDecimal(value: unknown): unknown {
  return isFiniteDecimal(value) ? value.toString() : value;
}

const view = new DataView(new ArrayBuffer(8));

/**
 * The exact decimal value of a binary64 number, as a string decimal.js parses without rounding (for
 * example `0.1` gives `"1000000000000000055511151231257827021181583404541015625e-55"`).
 * Uses the IEEE 754 bit pattern: value = mantissa * 2^exponent = mantissa * 5^k / 10^k.
 */
export function exactDecimalOfNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return BigInt(n).toString();
  view.setFloat64(0, n);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 === 1 ? '-' : '';
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  let exponent = biased === 0 ? -1074 : biased - 1075;
  while (exponent < 0 && (mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exponent += 1;
  }
  // A non-integer always has exponent < 0 here.
  const k = -exponent;
  return `${sign}${(mantissa * 5n ** BigInt(k)).toString()}e-${k}`;
}

/**
 * The money rule for JS numbers: a number is *exact* when it is a safe integer, or when its binary
 * value is exactly the decimal it prints as (0.5, 12.25, 0.375 are; 0.1, 19.99 are not). Integers
 * beyond 2^53 - 1 are never exact: the literal may already have been rounded by the parser.
 */
export function isExactNumber(n: number): boolean {
  if (!Number.isFinite(n)) return false;
  if (Number.isInteger(n)) return Number.isSafeInteger(n);
  return new Dec(exactDecimalOfNumber(n)).eq(new Dec(n));
}
