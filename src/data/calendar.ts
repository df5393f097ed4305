/**
 * Calendar arithmetic for transaction logs and RFM summaries: day numbers (days since 1970-01-01 in
 * the proleptic Gregorian calendar), date parsing (`YYYY-MM-DD`, `YYYYMMDD`, ISO 8601 date-times),
 * the local calendar date of an instant in an IANA time zone, merge periods and elapsed time in a
 * {@link TimeUnit} (calendar months, never "30 days").
 *
 * Day numbers follow Howard Hinnant's `days_from_civil` / `civil_from_days` ("chrono-Compatible
 * Low-Level Date Algorithms", 2013): pure integer arithmetic, exact for years 0000-9999.
 *
 * @internal
 */

/** Days since 1970-01-01 of a civil date (`month` 1-12). Hinnant's `days_from_civil`. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1-12) and day of a day number. Hinnant's `civil_from_days`. */
export function civilFromDays(dayNumber: number): [year: number, month: number, day: number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Number of days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: number): string {
  const [y, m, d] = civilFromDays(dayNumber);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Day number of a validated civil date, or undefined when the date does not exist. */
function civilDay(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** Value of the decimal digits `text[from, from + length)`, or -1 when one of them is not a digit. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i += 1) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** Day number of a strict `YYYY-MM-DD` calendar date, or undefined. */
export function parseIsoDate(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return undefined;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  return y < 0 || m < 0 || d < 0 ? undefined : civilDay(y, m, d);
}

/** Day number of a strict `YYYYMMDD` calendar date (ISO 8601 basic format), or undefined. */
export function parseCompactDate(text: string): number | undefined {
  if (text.length !== 8) return undefined;
  const y = digits(text, 0, 4);
  const m = digits(text, 4, 2);
  const d = digits(text, 6, 2);
  return y < 0 || m < 0 || d < 0 ? undefined : civilDay(y, m, d);
}

/**
 * ISO 8601 extended date-time: `YYYY-MM-DD` then `T` or a space, `HH:MM`, optional `:SS` and
 * fraction, then an optional offset `Z`, `+HH:MM`, `+HHMM` or `+HH`.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/**
 * Finds the local calendar day of instants in one IANA time zone with `Intl.DateTimeFormat`, which
 * applies the zone's full rule history (DST included). The zone's UTC offset is looked up once per
 * UTC hour and cached in this resolver (not globally): the offset is taken as constant over an hour
 * only when it is the same at both ends of that hour, otherwise the instant is resolved on its own,
 * so the answer is exact even in the hour of a transition.
 */
export class ZoneDayResolver {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat | undefined;
  private readonly hourOffsets = new Map<number, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.format =
      timeZone === 'UTC'
        ? undefined
        : new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
            era: 'short',
          });
  }

  /** Local day number of an instant given in milliseconds since the epoch. */
  dayOfInstant(ms: number): number {
    if (this.format === undefined) return Math.floor(ms / MS_PER_DAY);
    const hour = Math.floor(ms / MS_PER_HOUR);
    let offset = this.hourOffsets.get(hour);
    if (offset === undefined) {
      const start = this.offsetAt(hour * MS_PER_HOUR);
      const end = this.offsetAt((hour + 1) * MS_PER_HOUR - 1000);
      if (start !== end) return Math.floor((ms + this.offsetAt(ms)) / MS_PER_DAY);
      offset = start;
      this.hourOffsets.set(hour, offset);
    }
    return Math.floor((ms + offset) / MS_PER_DAY);
  }

  /** The zone's UTC offset in milliseconds at an instant (local wall time minus UTC, whole seconds). */
  private offsetAt(ms: number): number {
    const parts = this.format!.formatToParts(new Date(ms));
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of parts) {
      if (part.type === 'year') year = Number(part.value);
      else if (part.type === 'month') month = Number(part.value);
      else if (part.type === 'day') day = Number(part.value);
      else if (part.type === 'hour') hour = Number(part.value);
      else if (part.type === 'minute') minute = Number(part.value);
      else if (part.type === 'second') second = Number(part.value);
      else if (part.type === 'era') bc = part.value.startsWith('B');
    }
    if (bc) year = 1 - year;
    const local =
      daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
    return local - Math.floor(ms / 1000) * 1000;
  }
}

/** True when `timeZone` is an IANA zone name the runtime's Intl knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Local day number of an ISO 8601 date-time. With an offset (`Z`, `+02:00`) the text names an
 * instant and its calendar date is taken in `zone`; without one it is wall-clock time in `zone` and
 * its date part is the calendar date. Undefined when the text is not such a date-time.
 */
export function parseDateTime(text: string, zone: ZoneDayResolver): number | undefined {
  const m = DATE_TIME.exec(text);
  if (m === null) return undefined;
  const day = civilDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // 24:00 is not accepted (it would name the next day); a leap second 60 is.
  if (day === undefined || hour > 23 || minute > 59 || second > 60) return undefined;
  const offsetText = m[7];
  if (offsetText === undefined) return day;
  let offsetMinutes = 0;
  if (offsetText !== 'Z' && offsetText !== 'z') {
    const sign = offsetText.charCodeAt(0) === 45 ? -1 : 1;
    const hh = Number(offsetText.slice(1, 3));
    const mm = offsetText.length > 3 ? Number(offsetText.slice(-2)) : 0;
    if (hh > 23 || mm > 59) return undefined;
    offsetMinutes = sign * (hh * 60 + mm);
  }
  const fraction = /[.,](\d+)/.exec(text);
  const ms = fraction === null ? 0 : Math.floor(Number(`0.${fraction[1]}`) * 1000);
  const instant =
    day * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms;
  return zone.dayOfInstant(instant);
}

/** The calendar granularity at which purchases are merged into one purchase occasion. */
export type MergeBy = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * First day of the merge period that contains `dayNumber`: the day itself, the Monday of its ISO 8601
 * week, the first of its month, quarter (January, April, July, October) or year.
 */
export function periodStart(dayNumber: number, mergeBy: MergeBy): number {
  switch (mergeBy) {
    case 'day':
      return dayNumber;
    case 'week':
      // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
      return dayNumber - ((((dayNumber + 3) % 7) + 7) % 7);
    default: {
      const [y, m] = civilFromDays(dayNumber);
      if (mergeBy === 'month') return daysFromCivil(y, m, 1);
      if (mergeBy === 'quarter') return daysFromCivil(y, m - ((m - 1) % 3), 1);
      return daysFromCivil(y, 1, 1);
    }
  }
}

/**
 * The day number of the civil date `year-month-day` moved by `months` calendar months, clamped to the
 * end of a shorter month (2023-01-31 plus one month is 2023-02-28), as java.time and date-fns do.
 */
export function addMonths(year: number, month: number, day: number, months: number): number {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * Calendar months from day `from` to day `to` (`from <= to`): the whole months n such that `from`
 * plus n months (clamped to month end) is on or before `to`, plus the days left over divided by the
 * length in days of the month that follows (from `from` + n months to `from` + n + 1 months).
 * Same day of the month gives whole numbers (2024-01-15 to 2024-07-15 is exactly 6); the result is
 * continuous and increasing in `to`.
 */
export function calendarMonthsBetween(from: number, to: number): number {
  if (to < from) return -calendarMonthsBetween(to, from);
  const [fy, fm, fd] = civilFromDays(from);
  const [ty, tm] = civilFromDays(to);
  let whole = (ty - fy) * 12 + (tm - fm);
  let anchor = addMonths(fy, fm, fd, whole);
  if (anchor > to) {
    whole -= 1;
    anchor = addMonths(fy, fm, fd, whole);
  }
  if (anchor === to) return whole;
  const next = addMonths(fy, fm, fd, whole + 1);
  return whole + (to - anchor) / (next - anchor);
}

/** A time unit in which RFM times can be expressed (a calendar unit: not `period`). */
export type CalendarTimeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** How each {@link CalendarTimeUnit} is computed from calendar dates, as named in summaries. */
export const TIME_SCALES = Object.freeze({
  day: 'days',
  week: 'days/7',
  month: 'calendar-months',
  quarter: 'calendar-months/3',
  year: 'calendar-months/12',
} as const);

/** Rule by which a time is computed from two calendar dates (see {@link TIME_SCALES}). */
export type TimeScale = (typeof TIME_SCALES)[CalendarTimeUnit];

/**
 * Time from day `from` to day `to` in `unit`: days; weeks as days / 7; calendar months by
 * {@link calendarMonthsBetween}; quarters as calendar months / 3; years as calendar months / 12.
 */
export function elapsed(from: number, to: number, unit: CalendarTimeUnit): number {
  switch (unit) {
    case 'day':
      return to - from;
    case 'week':
      return (to - from) / 7;
    case 'month':
      return calendarMonthsBetween(from, to);
    case 'quarter':
      return calendarMonthsBetween(from, to) / 3;
    case 'year':
      return calendarMonthsBetween(from, to) / 12;
  }
}
