/**
 * Durations in the model's time unit: the horizon and period of a valuation carry their own unit and
 * are converted to the unit the params were fitted in, exactly where the calendar allows and only
 * with a stated average where it does not (STYLE.md: no hidden "a month is 30 days").
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import type { Duration, TimeUnit } from '../core/time-unit.js';

/**
 * How to convert between calendar families (day/week against month/quarter/year):
 * - `'exact'` (default): only exact conversions (7 days a week; 12 months, 4 quarters a year);
 *   anything else is refused with a message saying how to state it.
 * - `'gregorian-average'`: the mean Gregorian year of 365.2425 days (so a month is 30.436875 days
 *   and 4.348125 weeks, a year 52.1775 weeks), named in the output wherever it was used.
 */
export type CalendarConvention = 'exact' | 'gregorian-average';

/** zod schema of {@link CalendarConvention}. */
export const CalendarConventionSchema = /* @__PURE__ */ z.enum(['exact', 'gregorian-average']);

/** Days in the mean Gregorian year (400-year cycle: 146,097 days). */
export const GREGORIAN_YEAR_DAYS = 365.2425;

type Family = 'days' | 'months' | 'period';

/** Family and length of each unit within its family. */
const UNITS: Readonly<Record<TimeUnit, readonly [Family, number]>> = Object.freeze({
  day: ['days', 1],
  week: ['days', 7],
  month: ['months', 1],
  quarter: ['months', 3],
  year: ['months', 12],
  period: ['period', 1],
});

/** A duration converted to another unit, with the rule that was used. */
export interface ConvertedDuration {
  /** The value in `unit`. */
  readonly value: number;
  readonly unit: TimeUnit;
  /** How it was converted, e.g. `'1 year = 52.1775 week (Gregorian average year of 365.2425 days)'`. */
  readonly conversion: string;
}

/** Length of one `unit` in days under the Gregorian average (only for day- and month-families). */
function averageDays(unit: TimeUnit): number {
  const [family, length] = UNITS[unit];
  return family === 'days' ? length : (length * GREGORIAN_YEAR_DAYS) / 12;
}

/** Ratio (length of `from`) / (length of `to`), or undefined when no conversion is allowed. */
export function unitRatio(
  from: TimeUnit,
  to: TimeUnit,
  calendar: CalendarConvention,
): number | undefined {
  const [familyFrom, lengthFrom] = UNITS[from];
  const [familyTo, lengthTo] = UNITS[to];
  if (familyFrom === familyTo) return lengthFrom / lengthTo;
  if (calendar === 'exact' || familyFrom === 'period' || familyTo === 'period') return undefined;
  return averageDays(from) / averageDays(to);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/**
 * Converts a validated duration to `unit`. Throws `input/invalid` (with `path`) when the units belong
 * to different calendar families and `calendar` is `'exact'`, or when one of them is the abstract
 * `'period'` and the other is not.
 */
export function durationIn(
  duration: Duration,
  unit: TimeUnit,
  calendar: CalendarConvention,
  fn: string,
  path: readonly (string | number)[],
): ConvertedDuration {
  const ratio = unitRatio(duration.unit, unit, calendar);
  if (ratio === undefined) {
    const periodInvolved = duration.unit === 'period' || unit === 'period';
    return fail(
      'input/invalid',
      fn,
      periodInvolved
        ? `a duration in '${duration.unit}' cannot be converted to '${unit}': 'period' is an abstract opportunity with no calendar length`
        : `a duration in '${duration.unit}' cannot be converted exactly to the model's unit '${unit}'; give it in '${unit}' (e.g. { value: 52, unit: 'week' } for a year of 52 weeks) or pass calendar: 'gregorian-average' (365.2425 days a year)`,
      {
        expected: `a duration in '${unit}' or a unit convertible to it`,
        received: duration.unit,
        path,
      },
    );
  }
  const value = duration.value * ratio;
  let conversion: string;
  if (duration.unit === unit)
    conversion = `${formatNumber(duration.value)} ${unit} (the model's unit)`;
  else if (UNITS[duration.unit][0] === UNITS[unit][0])
    conversion = `${formatNumber(duration.value)} ${duration.unit} = ${formatNumber(value)} ${unit} (exact)`;
  else
    conversion = `${formatNumber(duration.value)} ${duration.unit} = ${formatNumber(value)} ${unit} (Gregorian average year of ${GREGORIAN_YEAR_DAYS} days: 1 ${duration.unit} = ${formatNumber(averageDays(duration.unit))} days, 1 ${unit} = ${formatNumber(averageDays(unit))} days)`;
  return Object.freeze({ value, unit, conversion });
}

/** The span `per` of a rate: a unit (one of it) or a duration. */
export function spanOf(per: TimeUnit | Duration): Duration {
  return typeof per === 'string' ? { value: 1, unit: per } : per;
}
