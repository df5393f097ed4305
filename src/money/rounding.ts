import type Decimal from 'decimal.js';
import { z } from 'zod';
import { parseInput } from '../core/validate.js';
import { Dec } from './decimal.js';
import { amountOf, type Money, makeMoney, parseMoney } from './money.js';

/**
 * How to round to a currency's minor units.
 * - `'half-even'` (banker's rounding): ties go to the even digit, 0.125 -> 0.12, 0.135 -> 0.14. No
 *   upward bias when many rounded amounts are added: use it for aggregation (IEEE 754's default, .NET
 *   `Math.Round`, Python `round`, Java `HALF_EVEN`).
 * - `'half-up'`: ties away from zero, 0.125 -> 0.13, -0.125 -> -0.13. What Excel's ROUND, ICU/Intl
 *   and most invoices do: use it for presentation and documents a person checks by hand. (Not JS
 *   `Math.round`, which sends -2.5 to -2.)
 * - `'down'` toward zero (truncate), `'up'` away from zero, `'floor'` toward -Infinity, `'ceil'`
 *   toward +Infinity.
 */
export type RoundingMode = 'half-even' | 'half-up' | 'down' | 'up' | 'floor' | 'ceil';

/** zod schema for {@link RoundingMode}. */
export const RoundingModeSchema = z.enum(['half-even', 'half-up', 'down', 'up', 'floor', 'ceil']);

const DECIMAL_ROUNDING: Readonly<Record<RoundingMode, Decimal.Rounding>> = Object.freeze({
  'half-even': Dec.ROUND_HALF_EVEN,
  'half-up': Dec.ROUND_HALF_UP,
  down: Dec.ROUND_DOWN,
  up: Dec.ROUND_UP,
  floor: Dec.ROUND_FLOOR,
  ceil: Dec.ROUND_CEIL,
});

/** The decimal.js rounding constant of a {@link RoundingMode}. Internal. */
export function decimalRounding(mode: RoundingMode): Decimal.Rounding {
  return DECIMAL_ROUNDING[mode];
}

/**
 * Rounds an amount to its currency's ISO 4217 minor units (2 decimals for USD, 0 for JPY, 3 for KWD)
 * with a named mode, `'half-even'` unless you say otherwise. This is the only place the library
 * rounds money: sums, products, NPVs and CLVs are kept unrounded, so round once, at the end.
 * Idempotent: rounding a rounded amount changes nothing. REFERENCE.md §10, `fin.rounding`.
 *
 * Which mode: `'half-even'` for amounts that will be aggregated (no bias), `'half-up'` for invoices
 * and presentation (what people and spreadsheets expect: 0.125 -> 0.13).
 *
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { money, roundMoney } from 'customer-asset';
 * roundMoney(money('0.125', 'USD')).amount.toString(); // '0.12' (half-even)
 * roundMoney(money('0.125', 'USD'), 'half-up').amount.toString(); // '0.13'
 * roundMoney(money('-2.5', 'JPY'), 'half-up').amount.toString(); // '-3'
 * roundMoney(money('1.0005', 'KWD'), 'half-even').amount.toString(); // '1'
 * ```
 */
export function roundMoney(value: Money, mode: RoundingMode = 'half-even'): Money {
  const fn = 'roundMoney';
  parseMoney(value, fn, 'value');
  const rm = DECIMAL_ROUNDING[parseInput(RoundingModeSchema, mode, fn, 'mode')];
  const amount = amountOf(value);
  if (amount.decimalPlaces() <= value.minorUnits) return makeMoney(amount, value.currency);
  return makeMoney(amount.toDecimalPlaces(value.minorUnits, rm), value.currency);
}
