/**
 * The periods of a ledger: calendar periods (ISO weeks, months, quarters, years) from the first
 * reported period to the one holding the last observed day, with a day-to-slot lookup table.
 *
 * Slots: slot 0 stands for everything before the first reported period (its check day is the day
 * before the first period starts, so its closing balance is the first period's opening); slots
 * 1..P are the reported periods. A period's check day is its last day, or the last observed day for
 * a period that has not ended yet.
 *
 * @internal
 */
import {
  type CalendarPeriod,
  isoDateFromDay,
  periodEndDay,
  periodIndex,
  periodLabel,
  periodStartDay,
} from '../data/cohort-calendar.js';

/** The reported periods of a ledger and how days map onto them. */
export interface Timeline {
  readonly period: CalendarPeriod;
  /** periodIndex of the first reported period. */
  readonly firstIndex: number;
  /** Number of reported periods, P >= 1. */
  readonly count: number;
  /** First day of the first reported period. */
  readonly startDay: number;
  /** Last observed day (inclusive). */
  readonly endDay: number;
  /** Check day of each slot 0..P: the day balances are struck (slot 0: the day before startDay). */
  readonly checkDays: Int32Array;
  readonly labels: readonly string[];
  readonly starts: readonly string[];
  readonly ends: readonly string[];
  /** Whether each reported period has ended by endDay. */
  readonly complete: readonly boolean[];
  /** First day covered by {@link Timeline.slotOfDay}. */
  readonly origin: number;
  /** Slot of each day from `origin` to `endDay` (0 for days before the first period). */
  readonly slots: Int32Array;
}

/** Builds the timeline from the first reported period's index to the period holding `endDay`. */
export function buildTimeline(
  period: CalendarPeriod,
  firstIndex: number,
  endDay: number,
  minDay: number,
): Timeline {
  const lastIndex = periodIndex(endDay, period);
  const count = lastIndex - firstIndex + 1;
  const startDay = periodStartDay(firstIndex, period);
  const checkDays = new Int32Array(count + 1);
  checkDays[0] = startDay - 1;
  const labels: string[] = [];
  const starts: string[] = [];
  const ends: string[] = [];
  const complete: boolean[] = [];
  for (let s = 1; s <= count; s += 1) {
    const index = firstIndex + s - 1;
    const last = periodEndDay(index, period);
    checkDays[s] = Math.min(last, endDay);
    labels.push(periodLabel(index, period));
    starts.push(isoDateFromDay(periodStartDay(index, period)));
    ends.push(isoDateFromDay(Math.min(last, endDay)));
    complete.push(last <= endDay);
  }
  const origin = Math.min(minDay, startDay - 1);
  const slots = new Int32Array(endDay - origin + 1);
  let s = 1;
  for (let day = startDay; day <= endDay; day += 1) {
    while (day > checkDays[s]!) s += 1;
    slots[day - origin] = s;
  }
  return {
    period,
    firstIndex,
    count,
    startDay,
    endDay,
    checkDays,
    labels,
    starts,
    ends,
    complete,
    origin,
    slots,
  };
}

/** The slot of a day between `origin` and `endDay`. */
export function slotOfDay(timeline: Timeline, day: number): number {
  return timeline.slots[day - timeline.origin]!;
}
