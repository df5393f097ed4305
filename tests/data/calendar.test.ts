import { describe, expect, it } from 'vitest';
import {
  calendarMonthsBetween,
  civilFromDays,
  daysFromCivil,
  elapsed,
  formatDay,
  parseCompactDate,
  parseDateTime,
  parseIsoDate,
  periodStart,
  ZoneDayResolver,
} from '../../src/data/calendar.js';
import { timeBetween } from '../../src/data/index.js';

const day = (text: string) => parseIsoDate(text)!;

describe('day numbers', () => {
  it('match Date.UTC over four centuries of first-of-months and leap days', () => {
    for (let year = 1800; year <= 2200; year += 7) {
      for (const [m, d] of [
        [1, 1],
        [2, 28],
        [3, 1],
        [12, 31],
      ] as const) {
        expect(daysFromCivil(year, m, d)).toBe(Date.UTC(year, m - 1, d) / 86_400_000);
      }
    }
    expect(daysFromCivil(2000, 2, 29)).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
  });

  it('round-trip through civilFromDays and formatDay', () => {
    for (let n = -719_000; n <= 2_900_000; n += 997) {
      const [y, m, d] = civilFromDays(n);
      expect(daysFromCivil(y, m, d)).toBe(n);
      expect(parseIsoDate(formatDay(n))).toBe(n);
    }
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(day('1997-09-30'))).toBe('1997-09-30');
  });
});

describe('date parsing', () => {
  it('reads YYYY-MM-DD strictly', () => {
    expect(parseIsoDate('1997-01-01')).toBe(9862);
    expect(parseIsoDate('2024-02-29')).toBe(19782);
    for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-01', '2024/01/01', ''])
      expect(parseIsoDate(bad)).toBeUndefined();
  });

  it('reads YYYYMMDD strictly', () => {
    expect(parseCompactDate('19970101')).toBe(9862);
    expect(parseCompactDate('19970230')).toBeUndefined();
    expect(parseCompactDate('1997011')).toBeUndefined();
    expect(parseCompactDate('1997-1-1')).toBeUndefined();
  });

  it('places an instant with an offset on its calendar date in the stated zone', () => {
    const utc = new ZoneDayResolver('UTC');
    const ny = new ZoneDayResolver('America/New_York');
    // 23:30 at -05:00 is 04:30 UTC the next day.
    expect(formatDay(parseDateTime('2024-02-10T23:30:00-05:00', utc)!)).toBe('2024-02-11');
    expect(formatDay(parseDateTime('2024-02-10T23:30:00-05:00', ny)!)).toBe('2024-02-10');
    expect(formatDay(parseDateTime('2024-02-11T03:00:00Z', ny)!)).toBe('2024-02-10');
    expect(formatDay(parseDateTime('2024-02-11T05:00:00Z', ny)!)).toBe('2024-02-11');
    expect(formatDay(parseDateTime('2024-02-11 05:00:00.123+0000', ny)!)).toBe('2024-02-11');
  });

  it('is right on both sides of a DST change (New York, 2024-03-10 and 2024-11-03)', () => {
    const ny = new ZoneDayResolver('America/New_York');
    // Spring forward: local midnight of 2024-03-11 is 04:00 UTC (EDT, -4).
    expect(formatDay(parseDateTime('2024-03-11T03:59:59Z', ny)!)).toBe('2024-03-10');
    expect(formatDay(parseDateTime('2024-03-11T04:00:00Z', ny)!)).toBe('2024-03-11');
    // Before the change (EST, -5) local midnight of 2024-03-10 is 05:00 UTC.
    expect(formatDay(parseDateTime('2024-03-10T04:59:59Z', ny)!)).toBe('2024-03-09');
    expect(formatDay(parseDateTime('2024-03-10T05:00:00Z', ny)!)).toBe('2024-03-10');
    // Fall back: midnight of 2024-11-04 is 05:00 UTC again.
    expect(formatDay(parseDateTime('2024-11-04T04:59:59Z', ny)!)).toBe('2024-11-03');
    expect(formatDay(parseDateTime('2024-11-04T05:00:00Z', ny)!)).toBe('2024-11-04');
  });

  it('handles zones whose day starts at a quarter or half hour', () => {
    const kathmandu = new ZoneDayResolver('Asia/Kathmandu'); // +05:45
    expect(formatDay(parseDateTime('2024-06-01T18:14:59Z', kathmandu)!)).toBe('2024-06-01');
    expect(formatDay(parseDateTime('2024-06-01T18:15:00Z', kathmandu)!)).toBe('2024-06-02');
    const lordHowe = new ZoneDayResolver('Australia/Lord_Howe'); // +11 in January, +10:30 in June
    expect(formatDay(parseDateTime('2024-01-10T12:59:00Z', lordHowe)!)).toBe('2024-01-10');
    expect(formatDay(parseDateTime('2024-01-10T13:00:00Z', lordHowe)!)).toBe('2024-01-11');
    expect(formatDay(parseDateTime('2024-06-10T13:29:00Z', lordHowe)!)).toBe('2024-06-10');
    expect(formatDay(parseDateTime('2024-06-10T13:30:00Z', lordHowe)!)).toBe('2024-06-11');
  });

  it('is exact in a UTC hour that contains an offset change at local midnight', () => {
    // Nepal moved from +05:30 to +05:45 at local midnight 1986-01-01, 18:30 UTC: the UTC hour
    // 18:00-19:00 holds both offsets, so the hour cache must not be used for it.
    const kathmandu = new ZoneDayResolver('Asia/Kathmandu');
    expect(formatDay(parseDateTime('1985-12-31T18:10:00Z', kathmandu)!)).toBe('1985-12-31');
    expect(formatDay(parseDateTime('1985-12-31T18:29:00Z', kathmandu)!)).toBe('1985-12-31');
    expect(formatDay(parseDateTime('1985-12-31T18:30:00Z', kathmandu)!)).toBe('1986-01-01');
    expect(formatDay(parseDateTime('1985-12-31T18:40:00Z', kathmandu)!)).toBe('1986-01-01');
  });

  it('reads a date-time without an offset as wall-clock time in the zone', () => {
    const tokyo = new ZoneDayResolver('Asia/Tokyo');
    expect(formatDay(parseDateTime('2014-03-08 00:00:00', tokyo)!)).toBe('2014-03-08');
    expect(parseDateTime('2014-03-08 24:00:00', tokyo)).toBeUndefined();
    expect(parseDateTime('2014-02-30T10:00Z', tokyo)).toBeUndefined();
    expect(parseDateTime('2014-02-03T10:00+25:00', tokyo)).toBeUndefined();
  });
});

describe('merge periods', () => {
  it('start on the day, the ISO Monday, the first of the month, quarter and year', () => {
    const d = day('2024-08-15'); // a Thursday
    expect(formatDay(periodStart(d, 'day'))).toBe('2024-08-15');
    expect(formatDay(periodStart(d, 'week'))).toBe('2024-08-12');
    expect(formatDay(periodStart(day('2024-08-12'), 'week'))).toBe('2024-08-12');
    expect(formatDay(periodStart(day('2024-08-18'), 'week'))).toBe('2024-08-12');
    expect(formatDay(periodStart(day('1969-12-31'), 'week'))).toBe('1969-12-29');
    expect(formatDay(periodStart(d, 'month'))).toBe('2024-08-01');
    expect(formatDay(periodStart(d, 'quarter'))).toBe('2024-07-01');
    expect(formatDay(periodStart(d, 'year'))).toBe('2024-01-01');
  });
});

describe('calendar months', () => {
  it('are whole for the same day of the month and clamp at month ends', () => {
    expect(calendarMonthsBetween(day('2024-01-15'), day('2024-07-15'))).toBe(6);
    expect(calendarMonthsBetween(day('2023-01-31'), day('2023-02-28'))).toBe(1);
    expect(calendarMonthsBetween(day('2024-01-31'), day('2024-02-29'))).toBe(1);
    expect(calendarMonthsBetween(day('2024-01-31'), day('2024-03-31'))).toBe(2);
    expect(calendarMonthsBetween(day('2024-02-29'), day('2025-02-28'))).toBe(12);
  });

  it('add the elapsed fraction of the following month', () => {
    // 2024-01-15 + 0 months .. 2024-02-15 is 31 days; 17 of them elapsed.
    expect(calendarMonthsBetween(day('2024-01-15'), day('2024-02-01'))).toBeCloseTo(17 / 31, 15);
    // 2024-02-15 .. 2024-03-15 is 29 days (leap year).
    expect(calendarMonthsBetween(day('2024-01-15'), day('2024-03-01'))).toBeCloseTo(
      1 + 15 / 29,
      15,
    );
    expect(calendarMonthsBetween(day('2024-03-01'), day('2024-01-15'))).toBeCloseTo(
      -(1 + 15 / 29),
      15,
    );
  });

  it('increase with the end date, never by "30 days"', () => {
    const from = day('2023-01-31');
    let previous = -1;
    for (let to = from; to < from + 800; to += 1) {
      const months = calendarMonthsBetween(from, to);
      expect(months).toBeGreaterThan(previous);
      previous = months;
    }
    expect(elapsed(day('2024-01-01'), day('2024-01-31'), 'month')).not.toBe(1);
  });

  it('give quarters and years as months / 3 and / 12, weeks as days / 7', () => {
    expect(timeBetween('2024-01-15', '2024-07-15', 'quarter')).toBe(2);
    expect(timeBetween('2024-01-15', '2024-07-15', 'year')).toBe(0.5);
    expect(timeBetween('1997-01-01', '1997-09-30', 'week')).toBe(272 / 7);
    expect(timeBetween('1997-01-01', '1997-09-30', 'day')).toBe(272);
    expect(timeBetween('1997-09-30', '1997-01-01', 'day')).toBe(-272);
  });

  it('timeBetween rejects bad dates with input/invalid', () => {
    expect(() => timeBetween('2024-02-30', '2024-03-01', 'day')).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(() => timeBetween('2024-02-01', '2024-03-01', 'fortnight' as 'day')).toThrow(/unit/);
  });
});
