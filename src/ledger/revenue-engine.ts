/**
 * The revenue roll-forward of a transaction ledger, per row and period, in exact integer units of
 * 10^-4 of the currency. For the customers acquired before the period, last period's revenue moves to
 * this period's by four lines (the growth-accounting decomposition of subscription finance):
 *
 *   previous + reactivated + expansion − contraction − churned = revenue from existing customers,
 *
 * and `acquired` (the revenue of the customers acquired in the period) completes the period's
 * revenue: previous + acquired + reactivated + expansion − contraction − churned = current.
 * Per customer, with r the net revenue of the previous period and r' of this one: r = 0 < r' is
 * reactivated revenue, r' = 0 < r churned, otherwise the change is expansion or contraction.
 *
 * @internal
 */
import { fail } from '../core/errors.js';
import { periodStartDay } from '../data/cohort-calendar.js';
import type { CustomerBook } from './book.js';
import type { RowMap } from './count-engine.js';
import { slotOfDay, type Timeline } from './timeline.js';
import { type UnitsGrid, unitsGrid } from './units-grid.js';

/** The lines of the revenue roll-forward, in the order of the identity. */
export const REVENUE_LINES = [
  'previous',
  'acquired',
  'reactivated',
  'expansion',
  'contraction',
  'churned',
  'current',
] as const;

/** One exact grid per revenue line; index = row * width + slot. */
export type RevenueGrids = Readonly<Record<(typeof REVENUE_LINES)[number], UnitsGrid>>;

/** Computes the revenue lines of every row and slot 1..P (slot 0 is unused). */
export function revenueGrids(book: CustomerBook, timeline: Timeline, map: RowMap): RevenueGrids {
  const width = timeline.count + 1;
  let bound = 0;
  for (let i = 0; i < book.units.length; i += 1) bound += Math.abs(book.units[i]!);
  // An amount enters a grid at most twice per row (as this period's and as next period's revenue),
  // in at most three rows: 6 * bound bounds every grid's sum of absolute addends.
  const grids = Object.fromEntries(
    REVENUE_LINES.map((line) => [line, unitsGrid(map.rows * width, 6 * bound)]),
  ) as Record<(typeof REVENUE_LINES)[number], UnitsGrid>;
  const { previous, acquired, reactivated, expansion, contraction, churned, current } = grids;
  const previousStart = periodStartDay(timeline.firstIndex - 1, timeline.period);
  const perSlot = new Float64Array(width + 1);
  const touched = new Int32Array(width + 1);
  const groupRow = map.groupRow;
  const k = groupRow === null ? 2 : 3;
  const rowsOf = [0, 0, 0];
  for (let c = 0; c < book.size; c += 1) {
    rowsOf[1] = map.cohortRow[c]!;
    if (groupRow !== null) rowsOf[2] = groupRow[c]!;
    const acquisition = slotOfDay(timeline, book.firstDay[c]!);
    let m = 0;
    for (let i = book.offsets[c]!; i < book.offsets[c + 1]!; i += 1) {
      const day = book.days[i]!;
      if (day < previousStart) continue;
      const s = slotOfDay(timeline, day);
      if (m === 0 || touched[m - 1] !== s) touched[m++] = s;
      const sum = perSlot[s]! + book.units[i]!;
      if (Math.abs(sum) > Number.MAX_SAFE_INTEGER)
        fail('input/invalid', 'customerLedger', 'a period total is too large to be kept exactly', {
          expected: 'net revenue per customer and period below 9e11 in absolute value',
          received: book.ids[c],
        });
      perSlot[s] = sum;
    }
    for (let t = 0; t < m; t += 1) {
      const s0 = touched[t]!;
      // visit s0 and, when it is not touched itself, the slot after it
      const next = t + 1 < m && touched[t + 1] === s0 + 1;
      for (let s = s0; s <= (next ? s0 : s0 + 1); s += 1) {
        if (s < 1 || s >= width) continue;
        const cur = perSlot[s]!;
        const prev = perSlot[s - 1]!;
        for (let j = 0; j < k; j += 1) {
          const index = rowsOf[j]! * width + s;
          if (s === acquisition) {
            acquired.add(index, cur);
          } else if (s > acquisition) {
            previous.add(index, prev);
            if (prev === 0) reactivated.add(index, cur);
            else if (cur === 0) churned.add(index, prev);
            else if (cur > prev) expansion.add(index, cur - prev);
            else contraction.add(index, prev - cur);
          }
          if (s >= acquisition) current.add(index, cur);
        }
      }
    }
    for (let t = 0; t < m; t += 1) perSlot[touched[t]!] = 0;
  }
  return grids;
}
