import { describe, expect, it } from 'vitest';
import {
  parseTransactions,
  type RfmSummary,
  rfmSummary,
  safeRfmSummary,
  type TransactionLog,
} from '../../src/data/index.js';
import { Dec } from '../../src/money/decimal.js';

type Row = { customerId: string; date: string; amount: string };
const log = (rows: Row[]) => parseTransactions(rows, { currency: 'USD' });
const row = (summary: RfmSummary, id: string) => summary.customers.find((r) => r.customerId === id);

describe('rfmSummary: merging, refunds, holdout and exclusions', () => {
  const rows: Row[] = [
    { customerId: 'a', date: '2024-01-01', amount: '10' },
    { customerId: 'a', date: '2024-01-01', amount: '5' }, // same day: merged, 15
    { customerId: 'a', date: '2024-01-08', amount: '20' },
    { customerId: 'a', date: '2024-01-08', amount: '-5' }, // refund netted into the day: 15
    { customerId: 'a', date: '2024-01-20', amount: '-3' }, // a day of refunds only
    { customerId: 'a', date: '2024-02-10', amount: '7' }, // holdout
    { customerId: 'a', date: '2024-03-05', amount: '100' }, // after observationEnd
    { customerId: 'b', date: '2024-02-02', amount: '9' }, // first purchase in the holdout
    { customerId: 'c', date: '2024-01-05', amount: '-2' }, // refunds only
    { customerId: 'd', date: '2024-01-31', amount: '0.00' }, // zero-value purchase
    { customerId: 'd', date: '2024-01-02', amount: '4' },
  ];
  const summary = rfmSummary(log(rows), {
    timeUnit: 'day',
    calibrationEnd: '2024-01-31',
    observationEnd: '2024-02-29',
  });

  it('merges same-day purchases and nets refunds within the day', () => {
    expect(row(summary, 'a')).toEqual({
      customerId: 'a',
      frequency: 1,
      recency: 7,
      T: 30,
      monetaryValue: '15',
      count: 1,
      spend: { first: '15', repeat: '15', standaloneRefunds: '-3' },
      holdout: { frequency: 1, spend: '7', duration: 29 },
    });
  });

  it('counts zero-value purchases as occasions', () => {
    expect(row(summary, 'd')).toMatchObject({
      frequency: 1,
      recency: 29,
      T: 29,
      monetaryValue: '0',
      spend: { first: '4', repeat: '0', standaloneRefunds: '0' },
    });
  });

  it('leaves out and counts what is not summarised, with its exact amount', () => {
    expect(summary.customers.map((r) => r.customerId)).toEqual(['a', 'd']);
    expect(summary.excluded).toEqual({
      transactionsAfterObservationEnd: 1,
      customersFirstPurchaseInHoldout: 1,
      customersWithoutPurchase: 1,
      transactions: 3,
      amount: '107',
    });
  });

  it('names every convention', () => {
    expect(summary.conventions).toEqual({
      source: 'transactions',
      mergeBy: 'day',
      timeUnit: 'day',
      timeScale: 'days',
      timeZone: 'UTC',
      observationEnd: '2024-02-29',
      calibrationEnd: '2024-01-31',
      frequency: 'repeat-occasions',
      monetaryValue: 'mean-repeat-occasion-value',
      refunds: 'netted-within-merge-period',
    });
    expect(summary.kind).toBe('rfm-summary');
    expect(summary.currency).toBe('USD');
    expect(Object.isFrozen(summary.customers[0])).toBe(true);
    expect(Object.isFrozen(summary.customers[0]!.holdout)).toBe(true);
  });

  it('without calibrationEnd, T runs to observationEnd and there is no holdout', () => {
    const full = rfmSummary(log(rows), { timeUnit: 'day', observationEnd: '2024-02-29' });
    expect(row(full, 'a')).toEqual({
      customerId: 'a',
      frequency: 2,
      recency: 40,
      T: 59,
      monetaryValue: '11',
      count: 1,
      spend: { first: '15', repeat: '22', standaloneRefunds: '-3' },
    });
    expect(row(full, 'b')).toMatchObject({ frequency: 0, recency: 0, T: 27, monetaryValue: null });
    expect(full.conventions.calibrationEnd).toBeNull();
  });
});

describe('rfmSummary: time units and merge granularity', () => {
  it('weeks are days / 7, months calendar months, quarters months / 3, years months / 12', () => {
    const l = log([
      { customerId: 'x', date: '2024-01-31', amount: '1' },
      { customerId: 'x', date: '2024-02-29', amount: '1' },
    ]);
    const at = (timeUnit: 'day' | 'week' | 'month' | 'quarter' | 'year') =>
      rfmSummary(l, { timeUnit, observationEnd: '2024-07-31' }).customers[0]!;
    expect(at('day')).toMatchObject({ recency: 29, T: 182 });
    expect(at('week')).toMatchObject({ recency: 29 / 7, T: 182 / 7 });
    expect(at('month')).toMatchObject({ recency: 1, T: 6 });
    expect(at('quarter')).toMatchObject({ recency: 1 / 3, T: 2 });
    expect(at('year')).toMatchObject({ recency: 1 / 12, T: 0.5 });
    expect(
      rfmSummary(l, { timeUnit: 'month', observationEnd: '2024-07-31' }).conventions.timeScale,
    ).toBe('calendar-months');
  });

  it("mergeBy 'week' merges within ISO weeks (Monday to Sunday) and measures between week starts", () => {
    const l = log([
      { customerId: 'x', date: '2024-01-01', amount: '1' }, // Monday
      { customerId: 'x', date: '2024-01-07', amount: '2' }, // Sunday, same week
      { customerId: 'x', date: '2024-01-08', amount: '4' }, // Monday, next week
      { customerId: 'x', date: '2024-01-17', amount: '8' }, // Wednesday, week of 01-15
    ]);
    const byDay = rfmSummary(l, { timeUnit: 'week', observationEnd: '2024-01-31' }).customers[0]!;
    expect(byDay).toMatchObject({ frequency: 3, recency: 16 / 7, T: 30 / 7 });
    const byWeek = rfmSummary(l, {
      timeUnit: 'week',
      observationEnd: '2024-01-31',
      mergeBy: 'week',
    });
    // Weeks starting 01-01, 01-08, 01-15; observationEnd falls in the week of 01-29.
    expect(byWeek.customers[0]).toMatchObject({
      frequency: 2,
      recency: 2,
      T: 4,
      monetaryValue: '6',
      spend: { first: '3', repeat: '12', standaloneRefunds: '0' },
    });
    expect(byWeek.conventions.mergeBy).toBe('week');
  });

  it("mergeBy 'month' splits a month that straddles calibrationEnd between calibration and holdout", () => {
    const l = log([
      { customerId: 'x', date: '2024-01-10', amount: '1' },
      { customerId: 'x', date: '2024-03-05', amount: '2' },
      { customerId: 'x', date: '2024-03-25', amount: '4' },
    ]);
    const s = rfmSummary(l, {
      timeUnit: 'month',
      mergeBy: 'month',
      calibrationEnd: '2024-03-15',
      observationEnd: '2024-04-30',
    });
    expect(s.customers[0]).toMatchObject({
      frequency: 1,
      recency: 2,
      T: 2,
      holdout: { frequency: 1, spend: '4', duration: 1 },
    });
  });
});

describe('rfmSummary: exact money', () => {
  it('gives non-terminating means to 40 significant digits and keeps totals exact', () => {
    const s = rfmSummary(
      log([
        { customerId: 'x', date: '2024-01-01', amount: '1' },
        { customerId: 'x', date: '2024-01-02', amount: '3.33' },
        { customerId: 'x', date: '2024-01-03', amount: '3.33' },
        { customerId: 'x', date: '2024-01-04', amount: '3.34' },
      ]),
      { timeUnit: 'day', observationEnd: '2024-01-31' },
    );
    expect(s.customers[0]!.monetaryValue).toBe('3.333333333333333333333333333333333333333');
    expect(s.customers[0]!.spend?.repeat).toBe('10');
  });

  it('sums amounts beyond four decimals and beyond 2^53 units in decimal.js', () => {
    const s = rfmSummary(
      log([
        { customerId: 'x', date: '2024-01-01', amount: '0.1' },
        { customerId: 'x', date: '2024-01-02', amount: '0.00001' },
        { customerId: 'x', date: '2024-01-02', amount: '0.2' },
        { customerId: 'y', date: '2024-01-01', amount: '1' },
        { customerId: 'y', date: '2024-01-02', amount: '900000000000' },
        { customerId: 'y', date: '2024-01-03', amount: '900000000000.01' },
      ]),
      { timeUnit: 'day', observationEnd: '2024-01-31' },
    );
    expect(s.customers[0]!.spend).toEqual({
      first: '0.1',
      repeat: '0.20001',
      standaloneRefunds: '0',
    });
    expect(s.customers[1]!.spend?.repeat).toBe('1800000000000.01');
    expect(s.customers[1]!.monetaryValue).toBe('900000000000.005');
  });
});

describe('rfmSummary: order, hand-made logs and validation', () => {
  it('sorts customers by id whatever the row order', () => {
    const rows: Row[] = [
      { customerId: 'b', date: '2024-01-02', amount: '1' },
      { customerId: 'a10', date: '2024-01-01', amount: '1' },
      { customerId: 'a9', date: '2024-01-03', amount: '1' },
    ];
    const s = rfmSummary(log(rows), { timeUnit: 'day', observationEnd: '2024-01-31' });
    expect(s.customers.map((r) => r.customerId)).toEqual(['a10', 'a9', 'b']);
  });

  it('summarises a hand-made log the same way as a parsed one', () => {
    const parsed = log([
      { customerId: 'a', date: '2024-01-01', amount: '2.5' },
      { customerId: 'a', date: '2024-01-09', amount: '1.25' },
    ]);
    const handMade: TransactionLog = {
      ...parsed,
      transactions: parsed.transactions.map((t) => ({ ...t, amount: new Dec(t.amount) })),
    };
    const options = { timeUnit: 'week', observationEnd: '2024-01-31' } as const;
    expect(rfmSummary(handMade, options)).toEqual(rfmSummary(parsed, options));
    const broken = { ...parsed, transactions: [{ ...parsed.transactions[0]!, day: 1.5 }] };
    expect(() => rfmSummary(broken, options)).toThrow(/log.transactions\[0\].day is invalid/);
  });

  it('validates options', () => {
    const l = log([]);
    expect(
      safeRfmSummary(l, {
        timeUnit: 'week',
        calibrationEnd: '2024-02-01',
        observationEnd: '2024-01-31',
      }),
    ).toMatchObject({ success: false, error: { code: 'input/invalid', path: ['calibrationEnd'] } });
    expect(() =>
      rfmSummary(l, { timeUnit: 'period' as 'day', observationEnd: '2024-01-31' }),
    ).toThrow(/options.timeUnit/);
    expect(() =>
      rfmSummary(l, { timeUnit: 'day', observationEnd: '2024-01-31', mergeby: 'week' } as never),
    ).toThrow(expect.objectContaining({ code: 'input/invalid' }));
    expect(() =>
      rfmSummary({} as TransactionLog, { timeUnit: 'day', observationEnd: '2024-01-31' }),
    ).toThrow(/log.transactions must be an array/);
    expect(rfmSummary(l, { timeUnit: 'day', observationEnd: '2024-01-31' }).customers).toEqual([]);
  });
});

describe('rfmSummary: customers with many transactions', () => {
  it('sorts a long shuffled history (typed-array path) with decimal amounts mixed in', () => {
    const rows: Row[] = [];
    // Days 0, 3, 6, ... 297 (100 days), two transactions each; one amount per day has 5 decimals.
    for (let k = 0; k < 100; k += 1) {
      const date = new Date(Date.UTC(2023, 0, 1 + 3 * k)).toISOString().slice(0, 10);
      rows.push({ customerId: 'big', date, amount: `${k}.25` });
      rows.push({ customerId: 'big', date, amount: k % 10 === 0 ? '0.00001' : '1' });
    }
    // A deterministic shuffle.
    const shuffled = rows
      .map((r, i) => ({ r, key: (i * 7919) % rows.length }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.r);
    const s = rfmSummary(log(shuffled), { timeUnit: 'day', observationEnd: '2023-12-31' });
    const row = s.customers[0]!;
    expect(row.frequency).toBe(99);
    expect(row.recency).toBe(297);
    expect(row.T).toBe(364);
    // first day: 0.25 + 0.00001; repeats: sum_{k=1..99} (k + 0.25) + 90 x 1 + 9 x 0.00001
    expect(row.spend).toEqual({
      first: '0.25001',
      repeat: new Dec(4950)
        .plus(99 * 0.25)
        .plus(90)
        .plus('0.00009')
        .toString(),
      standaloneRefunds: '0',
    });
    expect(rfmSummary(log(rows), { timeUnit: 'day', observationEnd: '2023-12-31' })).toEqual(s);
  });
});

describe('rfmSummaryFromCsv', () => {
  it('throws data/invalid-row by default and checks the period order', async () => {
    const { Readable } = await import('node:stream');
    const { rfmSummaryFromCsv } = await import('../../src/data/index.js');
    const csv = 'customerId,date,amount\na,2024-01-01,1\na,2024-01-02,-\n';
    await expect(
      rfmSummaryFromCsv(Readable.from([csv]), {
        currency: 'USD',
        timeUnit: 'day',
        observationEnd: '2024-01-31',
      }),
    ).rejects.toMatchObject({ code: 'data/invalid-row', path: [3, 'amount'] });
    await expect(
      rfmSummaryFromCsv(Readable.from([csv]), {
        currency: 'USD',
        timeUnit: 'day',
        calibrationEnd: '2024-02-01',
        observationEnd: '2024-01-31',
      }),
    ).rejects.toThrow(/calibrationEnd/);
  });
});
