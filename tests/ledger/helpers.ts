import fc from 'fast-check';
import { z } from 'zod';
import { parseIsoDate } from '../../src/data/calendar.js';
import type { CalendarPeriod } from '../../src/data/cohort-calendar.js';
import { periodEndDay, periodIndex } from '../../src/data/cohort-calendar.js';
import { parseTransactions } from '../../src/data/index.js';
import type { TransactionLog } from '../../src/data/types.js';
import type { CustomerHistory, TransactionModel } from '../../src/models/types.js';
import { Dec } from '../../src/money/decimal.js';

/** A row of a test log: customer, date, amount, optional channel. */
export type Row = readonly [customerId: string, date: string, amount: string, channel?: string];

/** Parses rows into a log (USD). */
export function makeLog(rows: readonly Row[]): TransactionLog {
  return parseTransactions(
    rows.map(([customerId, date, amount, channel]) =>
      channel === undefined ? { customerId, date, amount } : { customerId, date, amount, channel },
    ),
    { currency: 'USD' },
  );
}

export const day = (iso: string): number => parseIsoDate(iso)!;

export const isoDate = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);

/**
 * A brute-force oracle for the inactivity rule, day by day: a customer is in the base on day d when
 * they bought on some day p <= d with d − p <= days. Returns, per period index from `first` to the
 * period of `end`, the five lines and the retained count for the customers `filter` keeps.
 */
export function inactivityOracle(
  rows: readonly Row[],
  days: number,
  period: CalendarPeriod,
  end: number,
  filter: (customerId: string) => boolean = () => true,
) {
  const purchases = new Map<string, Set<number>>();
  let firstDay = Number.POSITIVE_INFINITY;
  for (const [id, date, amount] of rows) {
    if (amount.startsWith('-') || !filter(id)) continue;
    const d = day(date);
    if (!purchases.has(id)) purchases.set(id, new Set());
    purchases.get(id)!.add(d);
  }
  for (const set of purchases.values()) for (const d of set) firstDay = Math.min(firstDay, d);
  const first = periodIndex(Math.min(firstDay, end), period);
  const last = periodIndex(end, period);
  const active = (set: Set<number>, d: number) => {
    for (const p of set) if (p <= d && d - p <= days) return true;
    return false;
  };
  const out = [];
  for (let q = first; q <= last; q += 1) {
    const check = Math.min(periodEndDay(q, period), end);
    const previousCheck = periodEndDay(q - 1, period);
    let acquired = 0;
    let reactivated = 0;
    let lost = 0;
    let closing = 0;
    let opening = 0;
    let retained = 0;
    for (const set of purchases.values()) {
      const acquisition = Math.min(...set);
      if (active(set, check)) closing += 1;
      if (active(set, previousCheck)) opening += 1;
      if (active(set, check) && active(set, previousCheck)) retained += 1;
      for (let d = previousCheck + 1; d <= check; d += 1) {
        const now = active(set, d);
        const before = active(set, d - 1);
        if (d === acquisition) acquired += 1;
        else if (now && !before) reactivated += 1;
        if (!now && before) lost += 1;
      }
    }
    out.push({ opening, acquired, reactivated, lost, closing, retained });
  }
  return out;
}

/**
 * A transaction model stub with a P(alive) that is easy to compute by hand:
 * P = 1 when x = 0, else 1 / (1 + (T − t_x) / 4). Only probabilityAlive is meaningful.
 */
export const stubModel: TransactionModel<'stub', { readonly k: number }> = Object.freeze({
  name: 'stub' as const,
  parameterNames: ['k'] as const,
  paramsSchema: z.object({ k: z.number().positive() }).strict(),
  logLikelihood: () => 0,
  fit: () => {
    throw new Error('stub');
  },
  safeFit: () => {
    throw new Error('stub');
  },
  fromJSON: () => {
    throw new Error('stub');
  },
  expectedPurchases: (_p: { k: number }, c: CustomerHistory, t: number) =>
    (c.frequency + 1) * t * 0.1,
  expectedPurchasesNewCustomer: () => 0,
  probabilityAlive: (p: { k: number }, c: CustomerHistory) =>
    c.frequency === 0 ? 1 : 1 / (1 + (c.T - c.recency) / p.k),
  probabilityOfPurchases: () => 0,
  dert: (_p: { k: number }, c: CustomerHistory, d: number) =>
    (c.frequency + 1) / (1 + d) / (1 + c.T - c.recency),
  score: () => {
    throw new Error('stub');
  },
  simulate: () => {
    throw new Error('stub');
  },
});

/**
 * Transaction rows for the ledger properties: up to `maxRows` purchases and refunds of `customers`
 * customers (ids c0, c1, ...) over `days` days from `first`, amounts in cents from `minCents` to
 * `maxCents`, each in one of `channels`; at least one row is a purchase.
 */
export function transactionRowsArb(options: {
  readonly first: number;
  readonly customers: number;
  readonly days: number;
  readonly minCents: number;
  readonly maxCents: number;
  readonly channels: readonly [string, ...string[]];
  readonly maxRows: number;
}): fc.Arbitrary<Row[]> {
  const { first, customers, days, minCents, maxCents, channels, maxRows } = options;
  return fc
    .array(
      fc.record({
        customer: fc.integer({ min: 0, max: customers - 1 }),
        offset: fc.integer({ min: 0, max: days }),
        cents: fc.integer({ min: minCents, max: maxCents }),
        channel: fc.constantFrom(...channels),
      }),
      { minLength: 1, maxLength: maxRows },
    )
    .map((list) =>
      list.map(
        ({ customer, offset, cents, channel }): Row => [
          `c${customer}`,
          isoDate(first + offset),
          new Dec(cents).div(100).toFixed(2),
          channel,
        ],
      ),
    )
    .filter((rows) => rows.some(([, , amount]) => !amount.startsWith('-')));
}
