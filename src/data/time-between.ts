import { z } from 'zod';
import { parseInput } from '../core/validate.js';
import { type CalendarTimeUnit, elapsed, parseIsoDate } from './calendar.js';

const DateSchema = z.string().refine((text) => parseIsoDate(text) !== undefined, {
  message: 'Must be a calendar date written YYYY-MM-DD',
});

const ArgsSchema = z.object({
  from: DateSchema,
  to: DateSchema,
  unit: z.enum(['day', 'week', 'month', 'quarter', 'year']),
});

/**
 * Time from one calendar date to another in a calendar unit, by the rules RFM summaries use:
 * days; weeks as days / 7; calendar months as the whole months from `from` (clamped to the end of
 * shorter months: 2023-01-31 plus one month is 2023-02-28) plus the days left over divided by the
 * length of the following month; quarters as months / 3; years as months / 12. Never "30 days".
 * Negative when `to` is before `from`.
 *
 * Same day of the month gives whole months, so 2024-01-15 to 2024-07-15 is 6 months, 2 quarters,
 * 0.5 years. The month count is continuous and increasing in `to`.
 *
 * Numerical caveats: the result is float64 (weeks = days / 7 and month fractions are not
 * terminating binary fractions).
 *
 * @throws CustomerAssetError `input/invalid` when a date is not `YYYY-MM-DD` or the unit unknown.
 *
 * @example
 * ```ts
 * import { timeBetween } from 'customer-asset';
 *
 * console.log(timeBetween('2024-01-15', '2024-07-15', 'month')); // 6
 * console.log(timeBetween('2024-01-31', '2024-02-29', 'month')); // 1 (end of month)
 * console.log(timeBetween('2024-01-15', '2024-02-01', 'month')); // 0.5483870967741935 (17 of 31 days)
 * console.log(timeBetween('1997-01-01', '1997-09-30', 'week')); // 38.857142857142854 (272 / 7)
 * ```
 */
export function timeBetween(from: string, to: string, unit: CalendarTimeUnit): number {
  const args = parseInput(ArgsSchema, { from, to, unit }, 'timeBetween', 'arguments');
  return elapsed(parseIsoDate(args.from)!, parseIsoDate(args.to)!, args.unit);
}
