import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate, periodStart } from '../../src/data/calendar.js';
import {
  addPeriods,
  type CalendarPeriod,
  dayFromIsoDate,
  isoDateFromDay,
  periodEndDay,
  periodIndex,
  periodLabel,
  periodStartDay,
} from '../../src/data/cohort-calendar.js';

const day = (text: string) => parseIsoDate(text)!;
const PERIODS: readonly CalendarPeriod[] = ['week', 'month', 'quarter', 'year'];

describe('cohort calendar (internal)', () => {
  it('labels periods, with ISO week-years at the turn of the year', () => {
    expect(periodLabel(periodIndex(day('2021-01-03'), 'week'), 'week')).toBe('2020-W53');
    expect(periodLabel(periodIndex(day('2021-01-04'), 'week'), 'week')).toBe('2021-W01');
    expect(periodLabel(periodIndex(day('2024-12-30'), 'week'), 'week')).toBe('2025-W01');
    expect(periodLabel(periodIndex(day('2026-01-01'), 'week'), 'week')).toBe('2026-W01');
    expect(periodLabel(periodIndex(day('2024-02-29'), 'month'), 'month')).toBe('2024-02');
    expect(periodLabel(periodIndex(day('2024-08-15'), 'quarter'), 'quarter')).toBe('2024-Q3');
    expect(periodLabel(periodIndex(day('1969-12-31'), 'year'), 'year')).toBe('1969');
  });

  it('starts weeks on Monday, before and after the epoch', () => {
    expect(isoDateFromDay(periodStartDay(periodIndex(day('1970-01-01'), 'week'), 'week'))).toBe(
      '1969-12-29',
    );
    expect(isoDateFromDay(periodStartDay(periodIndex(day('2024-06-09'), 'week'), 'week'))).toBe(
      '2024-06-03',
    );
    expect(isoDateFromDay(periodEndDay(periodIndex(day('2024-02-10'), 'month'), 'month'))).toBe(
      '2024-02-29',
    );
  });

  it('adds whole periods as anniversaries clamped to the month end', () => {
    expect(isoDateFromDay(addPeriods(day('2024-01-31'), 1, 'month'))).toBe('2024-02-29');
    expect(isoDateFromDay(addPeriods(day('2024-01-31'), 2, 'month'))).toBe('2024-03-31');
    expect(isoDateFromDay(addPeriods(day('2023-01-31'), 1, 'month'))).toBe('2023-02-28');
    expect(isoDateFromDay(addPeriods(day('2024-02-29'), 1, 'year'))).toBe('2025-02-28');
    expect(isoDateFromDay(addPeriods(day('2024-11-30'), 1, 'quarter'))).toBe('2025-02-28');
    expect(isoDateFromDay(addPeriods(day('2024-12-30'), 1, 'week'))).toBe('2025-01-06');
  });

  it('rejects dates that do not exist', () => {
    expect(dayFromIsoDate('2023-02-29')).toBeUndefined();
    expect(dayFromIsoDate('2024-1-01')).toBeUndefined();
  });

  const days = fc.integer({ min: day('1900-01-01'), max: day('2200-12-31') });
  const periods = fc.constantFrom(...PERIODS);

  it('property: a day lies in the period whose index it maps to, and indices are consecutive', () => {
    fc.assert(
      fc.property(days, periods, (d, p) => {
        const index = periodIndex(d, p);
        expect(periodStartDay(index, p)).toBeLessThanOrEqual(d);
        expect(periodEndDay(index, p)).toBeGreaterThanOrEqual(d);
        expect(periodIndex(periodEndDay(index, p) + 1, p)).toBe(index + 1);
        expect(periodStartDay(index, p)).toBe(periodStart(d, p));
      }),
    );
  });

  it('property: anniversaries are strictly increasing and never skip a calendar period', () => {
    fc.assert(
      fc.property(days, periods, fc.integer({ min: 0, max: 50 }), (d, p, k) => {
        const a = addPeriods(d, k, p);
        const b = addPeriods(d, k + 1, p);
        expect(b).toBeGreaterThan(a);
        expect(periodIndex(b, p) - periodIndex(a, p)).toBe(1);
      }),
    );
  });
});
