import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, parseIsoDate } from '../../src/data/calendar.js';
import {
  compressSummary,
  parseTransactions,
  type RfmSummary,
  readTransactionsCsv,
  rfmSummary,
  rfmSummaryFromCsv,
  type TransactionLog,
  toColumns,
} from '../../src/data/index.js';
import { Dec } from '../../src/money/decimal.js';

const START = parseIsoDate('2024-01-01')!;
const OPTIONS = {
  timeUnit: 'week',
  calibrationEnd: '2024-02-15',
  observationEnd: '2024-03-15',
} as const;

type Row = { customerId: string; date: string; amount: string };

const amountArb = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.integer({ min: 0, max: 99_999 }).map((c) => new Dec(c).div(100).toFixed(2)),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: -5_000, max: -1 }).map((c) => new Dec(c).div(100).toFixed(2)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 99_999 }).map((c) => new Dec(c).div(100_000).toFixed(5)),
  },
);

const rowArb: fc.Arbitrary<Row> = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f10', 'f9'),
  date: fc.integer({ min: 0, max: 90 }).map((d) => formatDay(START + d)),
  amount: amountArb,
});

const rowsArb = fc.array(rowArb, { maxLength: 60 });
const logOf = (rows: Row[]) => parseTransactions(rows, { currency: 'USD' });

function summed(values: (string | undefined)[]): string {
  return values.reduce((s, v) => s.plus(v ?? '0'), new Dec(0)).toString();
}

/** Everything a summary row accounts for: first, repeat, holdout spend and standalone refunds. */
function rowTotal(row: RfmSummary['customers'][number]): string {
  return summed([
    row.spend?.first,
    row.spend?.repeat,
    row.spend?.standaloneRefunds,
    row.holdout?.spend,
  ]);
}

describe('rfmSummary laws', () => {
  it('revenue totals agree exactly: sum of log amounts = summarised spend + excluded amount', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const summary = rfmSummary(logOf(rows), OPTIONS);
        const logTotal = summed(rows.map((r) => r.amount));
        const summaryTotal = summed([...summary.customers.map(rowTotal), summary.excluded!.amount]);
        expect(summaryTotal).toBe(logTotal);
      }),
    );
  });

  it('every transaction lands in exactly one customer: each row holds exactly its own transactions', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const endDay = parseIsoDate(OPTIONS.observationEnd)!;
        const summary = rfmSummary(logOf(rows), OPTIONS);
        const ids = summary.customers.map((r) => r.customerId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const row of summary.customers) {
          const own = rows.filter(
            (r) => r.customerId === row.customerId && parseIsoDate(r.date)! <= endDay,
          );
          expect(rowTotal(row)).toBe(summed(own.map((r) => r.amount)));
        }
        const excludedCount =
          summary.excluded!.transactions +
          rows.filter((r) => ids.includes(r.customerId) && parseIsoDate(r.date)! <= endDay).length;
        expect(excludedCount).toBe(rows.length);
      }),
    );
  });

  it('the summary is invariant to row order', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          expect(rfmSummary(logOf(shuffled), OPTIONS)).toEqual(rfmSummary(logOf(rows), OPTIONS));
        },
      ),
    );
  });

  it('frequency <= transactions of the customer - 1, and 0 <= recency <= T', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
        (rows, unit) => {
          const summary = rfmSummary(logOf(rows), { ...OPTIONS, timeUnit: unit, mergeBy: 'day' });
          for (const row of summary.customers) {
            const n = rows.filter((r) => r.customerId === row.customerId).length;
            expect(row.frequency).toBeLessThanOrEqual(n - 1);
            expect(row.recency).toBeGreaterThanOrEqual(0);
            expect(row.recency).toBeLessThanOrEqual(row.T);
            if (row.frequency === 0) expect(row.recency).toBe(0);
          }
        },
      ),
    );
  });

  it('equals a brute-force count of distinct purchase days (purchases only, day merge)', () => {
    const purchases = fc.array(
      fc.record({
        customerId: fc.constantFrom('a', 'b', 'c'),
        date: fc.integer({ min: 0, max: 40 }).map((d) => formatDay(START + d)),
        amount: fc.integer({ min: 0, max: 9_999 }).map((c) => new Dec(c).div(100).toFixed(2)),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(purchases, (rows) => {
        const summary = rfmSummary(logOf(rows), { timeUnit: 'day', observationEnd: '2024-02-29' });
        const end = parseIsoDate('2024-02-29')!;
        for (const row of summary.customers) {
          const mine = rows.filter((r) => r.customerId === row.customerId);
          const days = [...new Set(mine.map((r) => parseIsoDate(r.date)!))].sort((a, b) => a - b);
          const first = days[0]!;
          expect(row.frequency).toBe(days.length - 1);
          expect(row.recency).toBe(days.at(-1)! - first);
          expect(row.T).toBe(end - first);
          const repeat = summed(
            mine.filter((r) => parseIsoDate(r.date)! !== first).map((r) => r.amount),
          );
          expect(row.spend?.repeat).toBe(repeat);
          if (row.frequency > 0)
            expect(row.monetaryValue).toBe(new Dec(repeat).div(row.frequency).toString());
        }
      }),
    );
  });
});

describe('reading laws', () => {
  const cell = fc.oneof(
    fc.constantFrom('a', 'b', '2024-01-05', '2024-02-30', '12.50', '-3', 'x', '1e3', ''),
    fc.integer({ min: 0, max: 9 }).map(String),
  );
  const rawRows = fc.array(
    fc.record({ customerId: cell, date: cell, amount: cell }, { requiredKeys: [] }),
    { maxLength: 30 },
  );

  it('rejected + accepted = input rows (in memory)', () => {
    fc.assert(
      fc.property(rawRows, (rows) => {
        const log = parseTransactions(rows, { currency: 'USD', onInvalid: 'collect' });
        expect(log.transactions.length + log.rejected.length).toBe(rows.length);
        const lines = [...log.transactions.map((t) => t.line), ...log.rejected.map((r) => r.line)];
        expect(lines.sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 1));
      }),
    );
  });

  it('rejected + accepted = input rows (CSV), and streaming gives the summary of the parsed log', async () => {
    await fc.assert(
      fc.asyncProperty(rawRows, async (rows) => {
        const text = `customerId,date,amount\n${rows
          .map((r) => `${r.customerId ?? ''},${r.date ?? ''},${r.amount ?? ''}`)
          .join('\n')}\n`;
        const options = { currency: 'USD', onInvalid: 'collect' } as const;
        const log: TransactionLog = await readTransactionsCsv(Readable.from([text]), options);
        expect(log.transactions.length + log.rejected.length).toBe(rows.length);
        const streamed = await rfmSummaryFromCsv(Readable.from([text]), { ...options, ...OPTIONS });
        expect(streamed.rowCount).toBe(rows.length);
        expect(streamed.rejected).toEqual(log.rejected);
        expect(streamed.summary).toEqual(rfmSummary(log, OPTIONS));
      }),
      { numRuns: 40 },
    );
  });
});

describe('compressSummary laws', () => {
  // Any per-row function: a weighted sum over patterns must equal the plain sum over customers.
  const f = (x: number, t: number, T: number) =>
    x * Math.log1p(T) - (t / (1 + T)) ** 2 + Math.sqrt(x + t);

  it('the count-weighted sum of a per-row function over patterns equals its sum over rows', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom('day', 'week', 'month'), (rows, unit) => {
        const summary = rfmSummary(logOf(rows), { ...OPTIONS, timeUnit: unit });
        const compressed = compressSummary(summary);
        const perRow = summary.customers.reduce((s, r) => s + f(r.frequency, r.recency, r.T), 0);
        const columns = toColumns(compressed);
        let weighted = 0;
        for (let i = 0; i < columns.size; i += 1)
          weighted +=
            columns.count[i]! * f(columns.frequency[i]!, columns.recency[i]!, columns.T[i]!);
        expect(weighted).toBeCloseTo(perRow, 9);
        expect(compressed.customerCount).toBe(summary.customers.length);
        // Exact for an integer-valued function.
        const g = (x: number) => x * x + 1;
        expect(compressed.patterns.reduce((s, p) => s + p.count * g(p.frequency), 0)).toBe(
          summary.customers.reduce((s, r) => s + g(r.frequency), 0),
        );
      }),
    );
  });
});
