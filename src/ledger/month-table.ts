/**
 * Month arithmetic on day numbers without allocation, for the contract clocks that the equity
 * ledger calls several times per subscriber and period: a constant table of the first day of every
 * month from 1900 to 2299 (Hinnant's days_from_civil, via the data layer), with the calendar
 * functions as the fallback outside it.
 *
 * @internal
 */
import { civilFromDays, daysFromCivil } from '../data/calendar.js';

const FIRST_INDEX = 1900 * 12;
const COUNT = 400 * 12;

function buildStarts(): Int32Array {
  const starts = new Int32Array(COUNT + 1);
  for (let i = 0; i <= COUNT; i += 1) {
    const index = FIRST_INDEX + i;
    const year = Math.floor(index / 12);
    starts[i] = daysFromCivil(year, index - year * 12 + 1, 1);
  }
  return starts;
}

const STARTS: Int32Array = /* @__PURE__ */ buildStarts();
const FIRST_DAY = STARTS[0]!;
const LAST_DAY = STARTS[COUNT]!;

/** First day of the month with index `index` (= year × 12 + month − 1). */
export function monthStart(index: number): number {
  const i = index - FIRST_INDEX;
  if (i >= 0 && i <= COUNT) return STARTS[i]!;
  const year = Math.floor(index / 12);
  return daysFromCivil(year, index - year * 12 + 1, 1);
}

/** Index (year × 12 + month − 1) of the month holding `day`. */
export function monthOf(day: number): number {
  if (day < FIRST_DAY || day >= LAST_DAY) {
    const [y, m] = civilFromDays(day);
    return y * 12 + m - 1;
  }
  let i = Math.floor((day - FIRST_DAY) / 30.436875);
  if (i >= COUNT) i = COUNT - 1;
  while (STARTS[i + 1]! <= day) i += 1;
  while (STARTS[i]! > day) i -= 1;
  return FIRST_INDEX + i;
}

/**
 * The day `months` months after the month with index `base`, on day of month `dom` clamped to the
 * month's length (31 January + 1 month is the last day of February).
 */
export function anniversary(base: number, dom: number, months: number): number {
  const index = base + months;
  const i = index - FIRST_INDEX;
  if (i >= 0 && i < COUNT) {
    // inside the table: two reads (the ledger calls this once per renewal of every subscriber)
    const first = STARTS[i]!;
    const length = STARTS[i + 1]! - first;
    return first + Math.min(dom, length) - 1;
  }
  const start = monthStart(index);
  const length = monthStart(index + 1) - start;
  return start + Math.min(dom, length) - 1;
}
