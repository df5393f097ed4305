import Decimal from 'decimal.js';

/**
 * The library's private decimal.js constructor: 40 significant digits (more than IEEE 754 decimal128's
 * 34), half-even rounding for intermediate arithmetic, and no exponential notation in the range money
 * lives in. A clone, so the global `Decimal` a caller may configure is never touched
 * (STYLE.md: never `Decimal.set`). This module is the only place decimal.js is constructed.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});

/** A decimal value made by {@link Dec}. */
export type DecimalValue = Decimal;

/** What the library accepts where a decimal is expected. */
export type DecimalInput = string | number | Decimal;
