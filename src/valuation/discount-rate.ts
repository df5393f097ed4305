/**
 * A discount rate with its unit (`{ rate: '0.15', per: 'year' }`) converted to the effective rate per
 * time unit of the model, exactly, with the money module's rate conversion (REFERENCE.md §11 item 9:
 * the models take a discrete effective rate d per time unit; continuous-time models use
 * δ = ln(1 + d)).
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { type Duration, DurationSchema, type TimeUnit, TimeUnitSchema } from '../core/time-unit.js';
import type { DecimalInput } from '../money/decimal.js';
import { DecimalInputSchema } from '../money/decimal-input.js';
import { convertRate } from '../money/rates.js';
import {
  type CalendarConvention,
  GREGORIAN_YEAR_DAYS,
  spanOf,
  unitRatio,
} from './time-conversion.js';

/** A discount rate and the span it is quoted for, e.g. `{ rate: '0.15', per: 'year' }`. */
export interface DiscountInput {
  /** Effective rate per `per` (a decimal string such as `'0.15'`, or a number), > -1. */
  readonly rate: DecimalInput;
  /** The span the rate is quoted for: a unit (one of it) or a duration such as `{ value: 52, unit: 'week' }`. */
  readonly per: TimeUnit | Duration;
}

/** zod schema of {@link DiscountInput}. */
export const DiscountInputSchema = /* @__PURE__ */ z
  .object({
    rate: DecimalInputSchema,
    per: z.union([
      TimeUnitSchema,
      DurationSchema.refine((d) => d.value > 0, { message: 'Must be a span longer than zero' }),
    ]),
  })
  .strict();

/** The discount rate as the valuation used it, named in its output. */
export interface DiscountConvention {
  /** The rate as given (decimal string). */
  readonly rate: string;
  /** The span it was quoted for. */
  readonly per: Duration;
  /** The effective rate per one model time unit, as a decimal string (40 significant digits). */
  readonly ratePerTimeUnit: string;
  /** The same as a float64: the `discountRate` d given to the models. */
  readonly ratePerTimeUnitFloat: number;
  readonly timeUnit: TimeUnit;
  /** How it was converted: `(1 + rate)^(1 week / 1 year) - 1`, and the calendar rule if one was needed. */
  readonly conversion: string;
}

/**
 * Converts a validated discount input to the effective rate per `unit`. Within a calendar family
 * (days/weeks; months/quarters/years) the conversion is exact ((1 + i)^(to/from) − 1 in 40-digit
 * decimals); across families it needs `calendar: 'gregorian-average'` (the spans are then
 * expressed in days, a year being 365.2425 days), otherwise `input/invalid`.
 */
export function discountPerUnit(
  discount: { rate: DecimalInput; per: TimeUnit | Duration },
  unit: TimeUnit,
  calendar: CalendarConvention,
  fn: string,
): DiscountConvention {
  const per = spanOf(discount.per);
  const rateText = String(discount.rate);
  const ratio = unitRatio(per.unit, unit, calendar);
  if (ratio === undefined)
    fail(
      'input/invalid',
      fn,
      `a rate per '${per.unit}' cannot be converted exactly to a rate per '${unit}'; quote it per a span in '${unit}' (e.g. per: { value: 52, unit: 'week' }) or pass calendar: 'gregorian-average'`,
      {
        expected: `a rate quoted per a span convertible to '${unit}'`,
        received: per.unit,
        path: ['discount', 'per'],
      },
    );
  const sameFamily = unitRatio(per.unit, unit, 'exact') !== undefined;
  let converted: ReturnType<typeof convertRate>;
  let rule: string;
  if (sameFamily) {
    converted = convertRate(discount.rate, per, { value: 1, unit });
    rule = 'exact';
  } else {
    // Both spans in days under the Gregorian average.
    const days = (u: TimeUnit) => (u === 'day' ? 1 : u === 'week' ? 7 : 0);
    const monthDays = GREGORIAN_YEAR_DAYS / 12;
    const length = (u: TimeUnit) =>
      days(u) ||
      (u === 'month' ? monthDays : u === 'quarter' ? 3 * monthDays : GREGORIAN_YEAR_DAYS);
    converted = convertRate(
      discount.rate,
      { value: per.value * length(per.unit), unit: 'day' },
      { value: length(unit), unit: 'day' },
    );
    rule = `Gregorian average year of ${GREGORIAN_YEAR_DAYS} days`;
  }
  const perText = `${per.value} ${per.unit}`;
  return Object.freeze({
    rate: rateText,
    per: Object.freeze({ value: per.value, unit: per.unit }),
    ratePerTimeUnit: converted.toString(),
    ratePerTimeUnitFloat: converted.toNumber(),
    timeUnit: unit,
    conversion:
      per.value === 1 && per.unit === unit
        ? `${rateText} per ${unit} (the model's unit)`
        : `(1 + ${rateText})^(1 ${unit} / ${perText}) - 1 (${rule})`,
  });
}
