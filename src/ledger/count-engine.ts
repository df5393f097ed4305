/**
 * The count roll-forward engines: per row (total, cohorts, groups) and slot (0 = before the first
 * reported period, 1..P), the customers acquired, reactivated and lost, the closing base and the
 * customers retained from the opening base.
 *
 * Closing balances are computed independently of the movements: movements are counted from the
 * dated gain and loss events, closing balances from the spells that cover each period's check day.
 * The identity closing = opening + acquired + reactivated − lost is then a real check of the two
 * computations against each other, which the statement reports.
 *
 * @internal
 */
import { fail } from '../core/errors.js';
import type { CalendarTimeUnit } from '../data/calendar.js';
import { elapsed } from '../data/calendar.js';
import type { CustomerHistory } from '../models/types.js';
import type { CustomerBook } from './book.js';
import { inactivitySpells, maxSpellDays, subscriptionSpells } from './spells.js';
import { slotOfDay, type Timeline } from './timeline.js';
import type { AliveModel } from './types.js';

/** Count lines per row and slot, row-major: index = row * width + slot. */
export interface CountGrid {
  readonly rows: number;
  /** P + 1 slots. */
  readonly width: number;
  readonly acquired: Float64Array;
  readonly reactivated: Float64Array;
  readonly lost: Float64Array;
  readonly closing: Float64Array;
  readonly retained: Float64Array;
}

/** The rows a customer's figures are added to: the total (row 0), a cohort row and a group row. */
export interface RowMap {
  readonly rows: number;
  readonly cohortRow: Int32Array;
  /** Group row of each customer, or null when there is no `by` dimension. */
  readonly groupRow: Int32Array | null;
}

function emptyGrid(rows: number, width: number): CountGrid {
  const size = rows * (width + 1);
  return {
    rows,
    width,
    acquired: new Float64Array(size),
    reactivated: new Float64Array(size),
    lost: new Float64Array(size),
    closing: new Float64Array(size),
    retained: new Float64Array(size),
  };
}

/** Turns the difference arrays of closing and retained into levels and trims the extra slot. */
function finish(grid: CountGrid): CountGrid {
  const { rows, width } = grid;
  const stride = width + 1;
  const take = (a: Float64Array, cumulative: boolean) => {
    const out = new Float64Array(rows * width);
    for (let r = 0; r < rows; r += 1) {
      let running = 0;
      for (let s = 0; s < width; s += 1) {
        running = cumulative ? running + a[r * stride + s]! : a[r * stride + s]!;
        out[r * width + s] = running;
      }
    }
    return out;
  };
  return {
    rows,
    width,
    acquired: take(grid.acquired, false),
    reactivated: take(grid.reactivated, false),
    lost: take(grid.lost, false),
    closing: take(grid.closing, true),
    retained: take(grid.retained, true),
  };
}

/**
 * Observed counts under the inactivity or the cancellation rule. Each spell [gain, loss) adds 1 to
 * the closing base of every slot whose check day it covers (slots slot(gain) .. slot(loss) − 1); a
 * customer is retained in a slot when they are in the base at both its check day and the previous
 * one (possibly in two spells, having left and come back in between).
 */
export function observedCounts(
  book: CustomerBook,
  timeline: Timeline,
  rule: { readonly kind: 'inactivity'; readonly days: number } | { readonly kind: 'cancellation' },
  map: RowMap,
): CountGrid {
  const width = timeline.count + 1;
  const stride = width + 1;
  const grid = emptyGrid(map.rows, width);
  const { acquired, reactivated, lost, closing, retained } = grid;
  const spells = new Int32Array(maxSpellDays(book) + 2);
  const endDay = timeline.endDay;
  const rowsOf = [0, 0, 0];
  const groupRow = map.groupRow;
  const k = groupRow === null ? 2 : 3;
  const retain = (from: number, to: number) => {
    // in the base at the check days of slots from..to: retained in slots from + 1 .. to
    if (to <= from) return;
    for (let j = 0; j < k; j += 1) {
      const base = rowsOf[j]! * stride;
      retained[base + from + 1]! += 1;
      retained[base + to + 1]! -= 1;
    }
  };
  for (let c = 0; c < book.size; c += 1) {
    const n =
      rule.kind === 'inactivity'
        ? inactivitySpells(book, c, rule.days, endDay, spells)
        : subscriptionSpells(book, c, spells);
    rowsOf[1] = map.cohortRow[c]!;
    if (groupRow !== null) rowsOf[2] = groupRow[c]!;
    // slots whose check day a spell covers, merged when one spell's range follows the previous one
    let from = -1;
    let to = -2;
    for (let i = 0; i < n; i += 2) {
      const gain = slotOfDay(timeline, spells[i]!);
      const loss = i + 1 < n ? slotOfDay(timeline, spells[i + 1]!) : width;
      for (let j = 0; j < k; j += 1) {
        const base = rowsOf[j]! * stride;
        if (i === 0) acquired[base + gain]! += 1;
        else reactivated[base + gain]! += 1;
        if (loss < width) lost[base + loss]! += 1;
        if (loss > gain) {
          closing[base + gain]! += 1;
          closing[base + loss]! -= 1;
        }
      }
      if (loss > gain) {
        if (gain === to + 1) to = loss - 1;
        else {
          retain(from, to);
          from = gain;
          to = loss - 1;
        }
      }
    }
    retain(from, to);
  }
  return finish(grid);
}

/** Expected counts are kept in integer units of 2^-24 customers: every sum is exact in float64. */
export const EXPECTED_SCALE = 2 ** 24;

/** The model loss rule, validated. */
export interface ResolvedModelRule {
  readonly model: AliveModel<Readonly<Record<string, number>>>;
  readonly params: Readonly<Record<string, number>>;
  readonly timeUnit: CalendarTimeUnit;
}

/**
 * P(alive) of customer `c` at the check day of every slot from their acquisition on, from the
 * model: the history (x repeat purchase days, t_x, T) is measured from the acquisition day in the
 * rule's time unit (days merged: several purchases on one day are one purchase occasion). Calls
 * `visit(slot, p)` in slot order, for slots whose check day is on or after the acquisition day.
 */
export function aliveBySlot(
  book: CustomerBook,
  c: number,
  timeline: Timeline,
  rule: ResolvedModelRule,
  fn: string,
  visit: (slot: number, p: number) => void,
): void {
  const a = book.offsets[c]!;
  const b = book.offsets[c + 1]!;
  const acquisition = book.firstDay[c]!;
  const width = timeline.count + 1;
  let i = a;
  let x = -1;
  let last = acquisition;
  const history = { frequency: 0, recency: 0, T: 0 };
  for (let s = slotOfDay(timeline, acquisition); s < width; s += 1) {
    const day = timeline.checkDays[s]!;
    for (; i < b && book.days[i]! <= day; i += 1) {
      if (book.kinds[i] !== 1) continue;
      x += 1;
      last = book.days[i]!;
    }
    history.frequency = x;
    history.recency = x === 0 ? 0 : elapsed(acquisition, last, rule.timeUnit);
    history.T = elapsed(acquisition, day, rule.timeUnit);
    const p = rule.model.probabilityAlive(rule.params, history as CustomerHistory, 0);
    if (!(p >= 0 && p <= 1))
      fail('model/non-finite', fn, 'the model returned a probability outside [0, 1]', {
        expected: 'P(alive) in [0, 1]',
        received: p,
        details: { customerId: book.ids[c], slot: s, history: { ...history } },
      });
    visit(s, p);
  }
}

/**
 * Expected counts under the model rule. Each customer counts P(alive) at every check day; the change
 * from one check day to the next is a loss when it falls and a reactivation when it rises (a purchase
 * that raises the model's belief that the customer is alive). A customer counts 1 on acquisition.
 * Every P(alive) is rounded to a multiple of 2^-24, so the lines are exact binary fractions.
 */
export function expectedCounts(
  book: CustomerBook,
  timeline: Timeline,
  rule: ResolvedModelRule,
  map: RowMap,
  fn: string,
): CountGrid {
  const width = timeline.count + 1;
  const stride = width + 1;
  const grid = emptyGrid(map.rows, width);
  const { acquired, reactivated, lost, closing, retained } = grid;
  const groupRow = map.groupRow;
  const k = groupRow === null ? 2 : 3;
  const rowsOf = [0, 0, 0];
  for (let c = 0; c < book.size; c += 1) {
    rowsOf[1] = map.cohortRow[c]!;
    if (groupRow !== null) rowsOf[2] = groupRow[c]!;
    let previous = -1;
    aliveBySlot(book, c, timeline, rule, fn, (s, p) => {
      const q = Math.round(p * EXPECTED_SCALE);
      for (let j = 0; j < k; j += 1) {
        const base = rowsOf[j]! * stride;
        // closing and retained are levels here (no difference arrays): undo finish()'s prefix sum
        // by writing the change from the previous slot.
        closing[base + s]! += q;
        closing[base + s + 1]! -= q;
        if (previous < 0) {
          if (s > 0) {
            acquired[base + s]! += EXPECTED_SCALE;
            lost[base + s]! += EXPECTED_SCALE - q;
          }
        } else {
          const delta = q - previous;
          if (delta < 0) lost[base + s]! -= delta;
          else reactivated[base + s]! += delta;
          const kept = Math.min(q, previous);
          retained[base + s]! += kept;
          retained[base + s + 1]! -= kept;
        }
      }
      previous = q;
    });
  }
  const out = finish(grid);
  for (const a of [out.acquired, out.reactivated, out.lost, out.closing, out.retained])
    for (let i = 0; i < a.length; i += 1) a[i] = a[i]! / EXPECTED_SCALE;
  return out;
}
