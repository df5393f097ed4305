/**
 * Exact amounts for the hot paths of the data layer. An amount is held as an integer number of
 * ten-thousandths ("units", scale 10^4: every ISO 4217 currency has at most 4 minor digits) in a
 * float64, which is exact while |units| <= 2^53 - 1 (about 9 x 10^11 currency units). Anything that
 * does not fit (more than 4 decimals, or too large) is held as a decimal.js value instead. Sums stay
 * exact: a sum that would leave the safe-integer range is redone in decimal.js by the caller.
 *
 * @internal
 */
import { Dec, type DecimalValue } from '../money/decimal.js';

/** Decimal places of the integer representation. */
export const UNIT_SCALE = 4;
const UNITS_PER_ONE = 10 ** UNIT_SCALE;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** An amount parsed from text: integer units when exact at scale 10^4, otherwise a Decimal. */
export type ParsedAmount =
  | { readonly units: number; readonly decimal: undefined }
  | { readonly units: undefined; readonly decimal: DecimalValue };

/**
 * Units of a plain decimal string (optional sign, digits, optional `.` and digits: "12.50", "-3",
 * ".5"; no exponent, separators or symbols). Returns NaN for valid text that has no exact units
 * form (more than four decimals, or more than 15 digits), undefined for text that is not plain
 * decimal notation. A hand-written scan: no regular expression, no allocation.
 */
export function amountTextUnits(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45) {
    negative = true;
    i = 1;
  } else if (first === 43) i = 1;
  let intDigits = 0;
  let fracDigits = 0;
  let point = false;
  let value = 0;
  for (; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (point) fracDigits += 1;
      else intDigits += 1;
    } else if (c === 46 && !point) point = true;
    else return undefined;
  }
  if (intDigits + fracDigits === 0 || (point && fracDigits === 0)) return undefined;
  if (fracDigits > UNIT_SCALE || intDigits + UNIT_SCALE > 15) return Number.NaN;
  const units = value * 10 ** (UNIT_SCALE - fracDigits);
  return negative ? -units : units;
}

/**
 * Parses a plain decimal string ("12.50", "-3", ".5") exactly: units when it has them, otherwise a
 * Decimal. Returns undefined when the text is not plain decimal notation. Does not trim.
 */
export function parseAmountText(text: string): ParsedAmount | undefined {
  const units = amountTextUnits(text);
  if (units === undefined) return undefined;
  if (Number.isNaN(units)) return { units: undefined, decimal: new Dec(text) };
  return { units, decimal: undefined };
}

/**
 * The units (value x 10^4) of a finite decimal.js value when that is an integer within the safe range,
 * otherwise undefined. Reads the documented read-only fields `d` (base-10^7 digit words), `e`
 * (decimal exponent of the leading digit) and `s` (sign) instead of doing decimal arithmetic.
 */
export function decimalToUnits(x: DecimalValue): number | undefined {
  const words = x.d;
  if (!words) return undefined;
  const w0 = words[0]!;
  if (w0 === 0) return 0;
  let n = w0;
  let digitCount = digitCountOf(w0);
  for (let i = 1; i < words.length; i += 1) {
    n = n * 1e7 + words[i]!;
    if (n > MAX_SAFE) return undefined;
    digitCount += 7;
  }
  // value = n x 10^(e - digitCount + 1); units = value x 10^UNIT_SCALE
  const power = x.e - digitCount + 1 + UNIT_SCALE;
  let units: number;
  if (power >= 0) {
    if (power > 15) return undefined;
    units = n * 10 ** power;
  } else {
    if (power < -15) return undefined;
    // n / 10^k is an integer exactly when 10^k divides n (n < 2^53: a non-zero remainder can
    // never round away), and a division is much cheaper than a float remainder.
    units = n / 10 ** -power;
    if (!Number.isInteger(units)) return undefined;
  }
  if (units > MAX_SAFE) return undefined;
  return x.s < 0 ? -units : units;
}

/** Number of decimal digits of a word 1..9999999. */
function digitCountOf(w: number): number {
  if (w < 1e3) return w < 10 ? 1 : w < 100 ? 2 : 3;
  if (w < 1e5) return w < 1e4 ? 4 : 5;
  return w < 1e6 ? 6 : 7;
}

/**
 * The canonical decimal string of a units value, identical to decimal.js `toString()` for the same
 * value in the library's context: no trailing zeros, no exponent, `"0"` for zero.
 */
export function unitsToString(units: number): string {
  if (units === 0) return '0';
  const abs = units < 0 ? -units : units;
  const whole = Math.floor(abs / UNITS_PER_ONE);
  let fraction = abs - whole * UNITS_PER_ONE;
  const sign = units < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  let places = UNIT_SCALE;
  while (fraction % 10 === 0) {
    fraction /= 10;
    places -= 1;
  }
  return `${sign}${whole}.${String(fraction).padStart(places, '0')}`;
}

/** The Decimal value of a units count. */
export function unitsToDecimal(units: number): DecimalValue {
  return new Dec(units).div(UNITS_PER_ONE);
}

/** `units / n` (n a positive integer) as a canonical decimal string, exact to 40 significant digits. */
export function unitsMean(units: number, n: number): string {
  if (units % n === 0) return unitsToString(units / n);
  return decimalToString(new Dec(units).div(n * UNITS_PER_ONE));
}

/** Canonical string of a Decimal (no `-0`). */
export function decimalToString(x: DecimalValue): string {
  return x.isZero() ? '0' : x.toString();
}

/** Thrown inside exact number sums when a partial sum leaves the safe-integer range. */
export class UnitsOverflow extends Error {}

/** Adds two units values, throwing {@link UnitsOverflow} when the result is not exact. */
export function addUnits(a: number, b: number): number {
  const s = a + b;
  if (s > MAX_SAFE || s < -MAX_SAFE) throw new UnitsOverflow();
  return s;
}

/**
 * A running exact total of amounts: units while they fit, a Decimal from the first overflow or
 * non-unit amount on.
 */
export class ExactTotal {
  private units = 0;
  private decimal: DecimalValue | undefined;

  addUnits(units: number): void {
    if (this.decimal !== undefined) {
      this.decimal = this.decimal.plus(unitsToDecimal(units));
      return;
    }
    const s = this.units + units;
    if (s > MAX_SAFE || s < -MAX_SAFE)
      this.decimal = unitsToDecimal(this.units).plus(unitsToDecimal(units));
    else this.units = s;
  }

  addDecimal(value: DecimalValue): void {
    this.decimal = (this.decimal ?? unitsToDecimal(this.units)).plus(value);
  }

  toString(): string {
    return this.decimal === undefined ? unitsToString(this.units) : decimalToString(this.decimal);
  }
}
