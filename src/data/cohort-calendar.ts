/**
 * Calendar periods for cohort and survival tables, in pure integer arithmetic on day numbers (days
 * since 1970-01-01, proleptic Gregorian calendar), built on the data layer's day-number conversions
 * (`calendar.ts`, Hinnant's algorithms). No `Date`, no time zones: a transaction's `day` is already a
 * calendar day in the log's zone.
 *
 * @internal
 */
import { addMonths, civilFromDays, daysFromCivil, formatDay, parseIsoDate } from './calendar.js';

/** A calendar period used to group customers into cohorts and to count periods since acquisition. */
export type CalendarPeriod = 'week' | 'month' | 'quarter' | 'year';

/** The periods accepted by cohort and survival tables. */
export const CALENDAR_PERIODS: readonly CalendarPeriod[] = Object.freeze([
  'week',
  'month',
  'quarter',
  'year',
]);

/** 1970-01-05, the first Monday on or after the epoch (1970-01-01 was a Thursday). */
const FIRST_MONDAY = 4;

/** The day number of a strict `YYYY-MM-DD` date, or `undefined` when it is not a real date. */
export const dayFromIsoDate: (text: string) => number | undefined = parseIsoDate;

/** `YYYY-MM-DD` of a day number. */
export const isoDateFromDay: (dayNumber: number) => string = formatDay;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * A sequential integer index of the period containing `dayNumber`: consecutive periods have
 * consecutive indices, so "periods since acquisition" is a difference of indices. Weeks start on
 * Monday (ISO 8601).
 */
export function periodIndex(dayNumber: number, period: CalendarPeriod): number {
  if (period === 'week') return Math.floor((dayNumber - FIRST_MONDAY) / 7);
  const [year, month] = civilFromDays(dayNumber);
  if (period === 'month') return year * 12 + (month - 1);
  if (period === 'quarter') return year * 4 + Math.floor((month - 1) / 3);
  return year;
}

/** The first day of the period with this index (a Monday for weeks). */
export function periodStartDay(index: number, period: CalendarPeriod): number {
  if (period === 'week') return index * 7 + FIRST_MONDAY;
  const months = period === 'month' ? index : period === 'quarter' ? index * 3 : index * 12;
  const year = Math.floor(months / 12);
  return daysFromCivil(year, months - year * 12 + 1, 1);
}

/** The last day of the period with this index. */
export function periodEndDay(index: number, period: CalendarPeriod): number {
  return periodStartDay(index + 1, period) - 1;
}

/**
 * A label for the period with this index: ISO week `2024-W01` (the ISO week-numbering year, which
 * can differ from the calendar year around New Year), `2024-01`, `2024-Q1`, `2024`.
 */
export function periodLabel(index: number, period: CalendarPeriod): string {
  if (period === 'week') {
    const monday = periodStartDay(index, 'week');
    const isoYear = civilFromDays(monday + 3)[0];
    const week = Math.floor((monday + 3 - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
    return `${pad(isoYear, 4)}-W${pad(week, 2)}`;
  }
  const [year, month] = civilFromDays(periodStartDay(index, period));
  if (period === 'month') return `${pad(year, 4)}-${pad(month, 2)}`;
  if (period === 'quarter') return `${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
  return pad(year, 4);
}

/**
 * The `k`-th anniversary of `dayNumber` in whole periods: `k` weeks later, or `k` months (3k, 12k)
 * later on the same day of the month, clamped to the month's last day (Jan 31 + 1 month = Feb 28 or
 * 29; Feb 29 + 1 year = Feb 28). Counted from the original day, never step by step, so it is
 * strictly increasing in `k`.
 */
export function addPeriods(dayNumber: number, k: number, period: CalendarPeriod): number {
  if (period === 'week') return dayNumber + 7 * k;
  const months = period === 'month' ? k : period === 'quarter' ? 3 * k : 12 * k;
  const [year, month, day] = civilFromDays(dayNumber);
  return addMonths(year, month, day, months);
}
