/**
 * Each customer's spells in the base under an observed loss rule, as an alternating list of days:
 * gain, loss, gain, loss, ... The first gain is the acquisition; later gains are reactivations. A
 * customer still in the base at the end has an odd number of days (the last spell is open).
 *
 * @internal
 */
import { CANCEL, type CustomerBook } from './book.js';

/**
 * Inactivity rule: a customer is in the base on day d when their last purchase on or before d was at
 * most `days` days earlier. The loss is dated on the first day out of the base, `days + 1` days after
 * the last purchase, and is recognised only if that day is on or before `endDay`; a later purchase
 * is a reactivation. Writes into `out` and returns how many days it wrote.
 */
export function inactivitySpells(
  book: CustomerBook,
  c: number,
  days: number,
  endDay: number,
  out: Int32Array,
): number {
  const a = book.offsets[c]!;
  const b = book.offsets[c + 1]!;
  const kinds = book.kinds;
  const entryDays = book.days;
  let n = 0;
  let last = -1;
  for (let i = a; i < b; i += 1) {
    if (kinds[i] !== 1) continue;
    const d = entryDays[i]!;
    if (n === 0) out[n++] = d;
    else if (d - last > days + 1) {
      out[n++] = last + days + 1;
      out[n++] = d;
    }
    last = d;
  }
  if (last + days + 1 <= endDay) out[n++] = last + days + 1;
  return n;
}

/**
 * Cancellation rule: spells run from a start or reactivation to the next cancellation (effective on
 * its date: the subscriber is out of the base on the day of the cancel).
 */
export function subscriptionSpells(book: CustomerBook, c: number, out: Int32Array): number {
  const a = book.offsets[c]!;
  const b = book.offsets[c + 1]!;
  let n = 0;
  for (let i = a; i < b; i += 1) {
    const isLoss = book.kinds[i] === CANCEL;
    // events alternate by construction: gains at even positions, losses at odd ones
    if (isLoss !== (n % 2 === 1)) continue;
    out[n++] = book.days[i]!;
  }
  return n;
}

/** The largest number of spell days any customer of the book can have. */
export function maxSpellDays(book: CustomerBook): number {
  let max = 1;
  for (let c = 0; c < book.size; c += 1) {
    const span = book.offsets[c + 1]! - book.offsets[c]!;
    if (span > max) max = span;
  }
  return 2 * max + 1;
}
