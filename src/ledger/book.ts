/**
 * The ledger's view of its source: one record per customer (acquisition day, and the customer's
 * dated entries in ascending order), stored column-wise so that ten million transactions cost a few
 * typed arrays, not ten million objects.
 *
 * - From a transaction log: entries are the customer's distinct transaction days, each with the net
 *   amount of the day (refunds included) in integer units of 10^-4 and whether the day holds a
 *   purchase (an amount >= 0; a refund alone is not activity). A customer's acquisition day is their
 *   first purchase day; customers with refunds only, and refunds dated before a customer's first
 *   purchase, belong to no customer and are counted in `unattributed`.
 * - From a subscription event log: entries are the customer's events (start, cancel, reactivate),
 *   ordered by date; several events of one customer on one day are put in the only order that is a
 *   valid sequence (start first, then cancel and reactivate alternating), so the input's row order
 *   never matters.
 *
 * @internal
 */

import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { dayFromIsoDate } from '../data/cohort-calendar.js';
import { checkTransactionLog } from '../data/cohort-input.js';
import {
  columnsOf,
  rememberedColumns,
  type TransactionColumns,
} from '../data/transaction-columns.js';
import type { Transaction, TransactionLog } from '../data/types.js';
import { IdIndex } from './id-index.js';

/** Entry kinds of a subscription book. */
export const START = 0;
export const CANCEL = 1;
export const REACTIVATE = 2;

/** The customers of a ledger source, column-wise. */
export interface CustomerBook {
  readonly source: 'transactions' | 'subscriptions';
  /** The log's currency (transactions), or null (subscription events carry no amounts). */
  readonly currency: string | null;
  readonly size: number;
  readonly ids: readonly string[];
  /** Acquisition day of each customer. */
  readonly firstDay: Int32Array;
  /** Entries of customer c are offsets[c] .. offsets[c + 1] - 1. */
  readonly offsets: Int32Array;
  /** Day of each entry, ascending within a customer. */
  readonly days: Int32Array;
  /** Transactions: net amount of the day in units of 10^-4. Subscriptions: 0. */
  readonly units: Float64Array;
  /** Transactions: 1 for a purchase day, 0 for a refund-only day. Subscriptions: START/CANCEL/REACTIVATE. */
  readonly kinds: Uint8Array;
  /** Earliest and latest entry days (unattributed refunds included). */
  readonly minDay: number;
  readonly maxDay: number;
  /** Transactions that belong to no customer, and their net amount in units of 10^-4. */
  readonly unattributed: { readonly transactions: number; readonly units: number };
  /** Transactions: index (in the log) of the first-day purchase row that names the customer's attributes. */
  readonly firstRow: Int32Array | null;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** True for an object that looks like a transaction log (`transactions` array). */
export function isTransactionSource(source: unknown): source is TransactionLog {
  return typeof source === 'object' && source !== null && 'transactions' in source;
}

/** True for an object that looks like a subscription source (`events` array). */
export function isSubscriptionSource(source: unknown): source is { events: readonly unknown[] } {
  return typeof source === 'object' && source !== null && 'events' in source;
}

/**
 * Builds the book of a transaction log. A log made by the library's parsers is frozen and was
 * validated row by row when it was read, so it is not checked again; any other log is checked with
 * the data layer's row check (naming row and field).
 */
export function transactionBook(log: unknown, fn: string): CustomerBook {
  const source = log as TransactionLog;
  let columns: TransactionColumns | undefined;
  if (
    typeof source === 'object' &&
    source !== null &&
    Array.isArray(source.transactions) &&
    Object.isFrozen(source.transactions)
  )
    columns = rememberedColumns(source.transactions);
  if (columns === undefined) {
    checkTransactionLog(log, fn);
    columns = columnsOf(source.transactions);
  }
  if (typeof source.currency !== 'string' || !/^[A-Z]{3}$/.test(source.currency))
    fail('input/invalid', fn, 'log.currency is not an ISO 4217 code', {
      path: ['currency'],
      expected: 'a code such as "USD"',
      received: source.currency,
    });
  if (columns.size === 0)
    fail('input/empty', fn, 'the transaction log has no transactions', {
      path: ['transactions'],
      expected: 'at least one transaction',
      received: 0,
    });
  return fromColumns(columns, source.transactions, source.currency);
}

function fromColumns(
  columns: TransactionColumns,
  transactions: readonly Transaction[],
  currency: string,
): CustomerBook {
  const n = columns.size;
  const names = columns.names;
  const k = names.length;
  const { customer, days, units } = columns;
  for (const [position] of columns.decimals)
    fail(
      'input/invalid',
      'customerLedger',
      `log.transactions[${position}].amount has more than 4 decimal places or is too large`,
      {
        path: ['transactions', position, 'amount'],
        expected: 'an amount with at most 4 decimals and below 9e11 in absolute value',
        received: String(transactions[position]?.amount),
      },
    );
  // Counting sort of the rows by customer, then by day within each customer.
  const start = new Int32Array(k + 1);
  for (let i = 0; i < n; i += 1) start[customer[i]! + 1]! += 1;
  for (let c = 0; c < k; c += 1) start[c + 1]! += start[c]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, k);
  for (let i = 0; i < n; i += 1) order[fill[customer[i]!]!++] = i;
  for (let c = 0; c < k; c += 1) {
    const a = start[c]!;
    const b = start[c + 1]!;
    for (let i = a + 1; i < b; i += 1) {
      const row = order[i]!;
      const d = days[row]!;
      let j = i - 1;
      while (j >= a && (days[order[j]!]! > d || (days[order[j]!]! === d && order[j]! > row))) {
        order[j + 1] = order[j]!;
        j -= 1;
      }
      order[j + 1] = row;
    }
  }
  // Merge same-day rows; drop customers without a purchase and refunds before the first purchase.
  const ids: string[] = [];
  const firstDay: number[] = [];
  const firstRow: number[] = [];
  const offsets: number[] = [0];
  const outDays = new Int32Array(n);
  const outUnits = new Float64Array(n);
  const outKinds = new Uint8Array(n);
  let m = 0;
  let unattributedCount = 0;
  let unattributedUnits = 0;
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c += 1) {
    const a = start[c]!;
    const b = start[c + 1]!;
    let first = -1;
    for (let i = a; i < b; i += 1) {
      const row = order[i]!;
      const d = days[row]!;
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
      if (first < 0 && units[row]! >= 0) first = i;
    }
    if (first < 0) {
      unattributedCount += b - a;
      for (let i = a; i < b; i += 1) unattributedUnits += units[order[i]!]!;
      continue;
    }
    const acquisition = days[order[first]!]!;
    let i = a;
    for (; i < b && days[order[i]!]! < acquisition; i += 1) {
      unattributedCount += 1;
      unattributedUnits += units[order[i]!]!;
    }
    // The first-day purchase row that names the customer's attributes: the lowest channel, segment
    // pair among the first-day purchases (row order never matters).
    let named = -1;
    for (let j = i; j < b && days[order[j]!]! === acquisition; j += 1) {
      const row = order[j]!;
      if (units[row]! < 0) continue;
      if (named < 0 || compareAttributes(transactions[row], transactions[named]) < 0) named = row;
    }
    ids.push(names[c]!);
    firstDay.push(acquisition);
    firstRow.push(named);
    while (i < b) {
      const d = days[order[i]!]!;
      let sum = 0;
      let purchase = 0;
      for (; i < b && days[order[i]!]! === d; i += 1) {
        const u = units[order[i]!]!;
        sum += u;
        if (u >= 0) purchase = 1;
      }
      if (sum > MAX_SAFE || sum < -MAX_SAFE) tooLarge(names[c]!);
      outDays[m] = d;
      outUnits[m] = sum;
      outKinds[m] = purchase;
      m += 1;
    }
    offsets.push(m);
  }
  if (Math.abs(unattributedUnits) > MAX_SAFE) tooLarge('(unattributed)');
  return {
    source: 'transactions',
    currency,
    size: ids.length,
    ids,
    firstDay: Int32Array.from(firstDay),
    offsets: Int32Array.from(offsets),
    days: outDays.subarray(0, m),
    units: outUnits.subarray(0, m),
    kinds: outKinds.subarray(0, m),
    minDay,
    maxDay,
    unattributed: { transactions: unattributedCount, units: unattributedUnits },
    firstRow: Int32Array.from(firstRow),
  };
}

function compareAttributes(x: Transaction | undefined, y: Transaction | undefined): number {
  const a = `${x?.channel ?? ''}\u0000${x?.segment ?? ''}`;
  const b = `${y?.channel ?? ''}\u0000${y?.segment ?? ''}`;
  return a < b ? -1 : a > b ? 1 : 0;
}

function tooLarge(customerId: string): never {
  return fail('input/invalid', 'customerLedger', 'a day total is too large to be kept exactly', {
    expected: 'net amounts per customer and day below 9e11 in absolute value',
    received: customerId,
  });
}

const EventsSchema = z.object({ events: z.array(z.unknown()) });

function badEvent(
  fn: string,
  index: number,
  field: string,
  problem: string,
  expected: string,
  received: unknown,
): never {
  return fail('input/invalid', fn, `events[${index}].${field} ${problem}`, {
    path: ['events', index, field],
    expected,
    received,
  });
}

/**
 * Builds the book of a subscription event log `{ events }`. Rows are checked with plain comparisons
 * (a zod parse per row would dominate the cost on a large log), raising `input/invalid` naming the
 * row and field; a customer's sequence must be a valid one: `start` first and once, then `cancel`
 * and `reactivate` alternating.
 */
export function subscriptionBook(input: unknown, fn: string): CustomerBook {
  const { events } = parseInput(EventsSchema, input, fn, 'source');
  const n = events.length;
  if (n === 0)
    fail('input/empty', fn, 'the subscription log has no events', {
      path: ['events'],
      expected: 'at least one event',
      received: 0,
    });
  const index = new IdIndex();
  const names = index.names;
  const customer = new Int32Array(n);
  const days = new Int32Array(n);
  const kinds = new Uint8Array(n);
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  const dayCache = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const e = events[i] as Record<string, unknown> | null;
    if (e === null || typeof e !== 'object')
      fail('input/invalid', fn, `events[${i}] is not an event`, {
        path: ['events', i],
        expected: 'an object { customerId, date, type }',
        received: e,
      });
    const { customerId, date, type } = e;
    if (typeof customerId !== 'string' || customerId.length === 0)
      badEvent(fn, i, 'customerId', 'is not a non-empty string', 'a customer id', customerId);
    let day = typeof date === 'string' ? dayCache.get(date) : undefined;
    if (day === undefined) {
      day = typeof date === 'string' ? dayFromIsoDate(date) : undefined;
      if (day === undefined)
        badEvent(fn, i, 'date', 'is not a real date written YYYY-MM-DD', 'YYYY-MM-DD', date);
      dayCache.set(date as string, day);
    }
    const kind =
      type === 'start'
        ? START
        : type === 'cancel'
          ? CANCEL
          : type === 'reactivate'
            ? REACTIVATE
            : -1;
    if (kind < 0)
      badEvent(fn, i, 'type', 'is not an event type', "'start', 'cancel' or 'reactivate'", type);
    customer[i] = index.indexOf(customerId);
    days[i] = day;
    kinds[i] = kind;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  const k = names.length;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < n; i += 1) start[customer[i]! + 1]! += 1;
  for (let c = 0; c < k; c += 1) start[c + 1]! += start[c]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, k);
  for (let i = 0; i < n; i += 1) order[fill[customer[i]!]!++] = i;
  const outDays = new Int32Array(n);
  const outKinds = new Uint8Array(n);
  const firstDay = new Int32Array(k);
  for (let c = 0; c < k; c += 1) {
    const a = start[c]!;
    const b = start[c + 1]!;
    // Sort by day, then by kind, then by row (a canonical order; row order is used only for errors).
    for (let i = a + 1; i < b; i += 1) {
      const row = order[i]!;
      let j = i - 1;
      while (j >= a && eventAfter(order[j]!, row, days, kinds)) {
        order[j + 1] = order[j]!;
        j -= 1;
      }
      order[j + 1] = row;
    }
    placeEvents(order, a, b, days, kinds, outDays, outKinds, names[c]!, fn);
    firstDay[c] = outDays[a]!;
  }
  return {
    source: 'subscriptions',
    currency: null,
    size: k,
    ids: names,
    firstDay,
    offsets: start,
    days: outDays,
    units: new Float64Array(n),
    kinds: outKinds,
    minDay,
    maxDay,
    unattributed: { transactions: 0, units: 0 },
    firstRow: null,
  };
}

function eventAfter(x: number, y: number, days: Int32Array, kinds: Uint8Array): boolean {
  const dx = days[x]!;
  const dy = days[y]!;
  if (dx !== dy) return dx > dy;
  if (kinds[x] !== kinds[y]) return kinds[x]! > kinds[y]!;
  return x > y;
}

/**
 * Writes one customer's events (sorted by day, kind, row) in a valid order: on each day, a start
 * first, then cancel and reactivate alternating as the subscription state requires.
 */
function placeEvents(
  order: Int32Array,
  a: number,
  b: number,
  days: Int32Array,
  kinds: Uint8Array,
  outDays: Int32Array,
  outKinds: Uint8Array,
  customerId: string,
  fn: string,
): void {
  let subscribed = false;
  let started = false;
  let out = a;
  let i = a;
  while (i < b) {
    const d = days[order[i]!]!;
    let j = i;
    while (j < b && days[order[j]!]! === d) j += 1;
    if (j === i + 1 && (kinds[order[i]!] === START ? !started : started)) {
      // the common case: one event on the day
      const kind = kinds[order[i]!]!;
      if (kind === START) started = true;
      else if ((kind === CANCEL) !== subscribed) {
        const row = order[i]!;
        if (kind === CANCEL)
          badEvent(
            fn,
            row,
            'type',
            `cancels customer ${JSON.stringify(customerId)}, who is not subscribed`,
            "'reactivate'",
            'cancel',
          );
        else
          badEvent(
            fn,
            row,
            'type',
            `reactivates customer ${JSON.stringify(customerId)}, who is subscribed`,
            "'cancel'",
            'reactivate',
          );
      }
      subscribed = kind !== CANCEL;
      outDays[out] = d;
      outKinds[out++] = kind;
      i = j;
      continue;
    }
    // rows of this day, grouped by kind: [i, j)
    const byKind: number[][] = [[], [], []];
    for (let x = i; x < j; x += 1) byKind[kinds[order[x]!]!]!.push(order[x]!);
    const [starts, cancels, reactivations] = byKind as [number[], number[], number[]];
    if (starts.length > 0) {
      if (started || starts.length > 1)
        badEvent(
          fn,
          starts.at(-1)!,
          'type',
          `is a second 'start' for customer ${JSON.stringify(customerId)}`,
          "'reactivate'",
          'start',
        );
      started = true;
      subscribed = true;
      outDays[out] = d;
      outKinds[out++] = START;
    }
    let c = 0;
    let r = 0;
    while (c < cancels.length || r < reactivations.length) {
      if (!started)
        badEvent(
          fn,
          (cancels[c] ?? reactivations[r])!,
          'type',
          `comes before customer ${JSON.stringify(customerId)}'s 'start'`,
          "'start' first",
          kinds[(cancels[c] ?? reactivations[r])!] === CANCEL ? 'cancel' : 'reactivate',
        );
      if (subscribed) {
        if (c >= cancels.length)
          badEvent(
            fn,
            reactivations[r]!,
            'type',
            `reactivates customer ${JSON.stringify(customerId)}, who is subscribed`,
            "'cancel'",
            'reactivate',
          );
        c += 1;
        subscribed = false;
        outDays[out] = d;
        outKinds[out++] = CANCEL;
      } else {
        if (r >= reactivations.length)
          badEvent(
            fn,
            cancels[c]!,
            'type',
            `cancels customer ${JSON.stringify(customerId)}, who is not subscribed`,
            "'reactivate'",
            'cancel',
          );
        r += 1;
        subscribed = true;
        outDays[out] = d;
        outKinds[out++] = REACTIVATE;
      }
    }
    i = j;
  }
}
