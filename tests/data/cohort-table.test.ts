import { describe, expect, it } from 'vitest';
import { cohortTable, safeCohortTable } from '../../src/data/cohort-table.js';
import { parseTransactions } from '../../src/data/parse-transactions.js';
import { Dec } from '../../src/money/decimal.js';
import { makeLog, type Row, WORKED_EXAMPLE_ROWS } from './cohort-helpers.js';

/** The worked example of docs/guide/cohorts.md (see {@link WORKED_EXAMPLE_ROWS}). */
const log = makeLog(WORKED_EXAMPLE_ROWS);

describe('cohortTable: worked example, monthly cohorts and periods', () => {
  const table = cohortTable(log, { cohortBy: 'month', period: 'month' });

  it('states its conventions and observation window', () => {
    expect(table.cohortBy).toBe('month');
    expect(table.period).toBe('month');
    expect(table.weekStart).toBe('monday');
    expect(table.currency).toBe('USD');
    expect(table.start).toBe('2024-01-05');
    expect(table.end).toBe('2024-03-31');
    expect(table.cohorts.map((c) => [c.cohort, c.start, c.size])).toEqual([
      ['2024-01', '2024-01-01', 3],
      ['2024-02', '2024-02-01', 2],
      ['2024-03', '2024-03-01', 1],
    ]);
  });

  it('January cohort: actives, orders, revenue and running totals by age', () => {
    const jan = table.cohorts[0]!;
    expect(jan.cells).toEqual([
      {
        age: 0,
        activeCustomers: 3,
        newCustomers: 3,
        returningCustomers: 0,
        orders: 4,
        revenue: '53.00',
        cumulativeRevenue: '53.00',
        cumulativeRevenuePerCustomer: '17.666667',
        customersObserved: 3,
        complete: true,
      },
      {
        age: 1,
        activeCustomers: 2,
        newCustomers: 0,
        returningCustomers: 2,
        orders: 2,
        revenue: '24.00',
        cumulativeRevenue: '77.00',
        cumulativeRevenuePerCustomer: '25.666667',
        customersObserved: 3,
        complete: true,
      },
      {
        age: 2,
        activeCustomers: 2,
        newCustomers: 0,
        returningCustomers: 2,
        orders: 2,
        revenue: '25.00',
        cumulativeRevenue: '102.00',
        cumulativeRevenuePerCustomer: '34.000000',
        customersObserved: 3,
        complete: true,
      },
    ]);
    expect(jan.retention).toEqual([1, 2 / 3, 2 / 3]);
  });

  it('January cohort: net and gross revenue retention against age 0 and the previous age', () => {
    const r = table.cohorts[0]!.revenueRetention;
    expect(r.netVsAcquisition).toEqual([1, 24 / 53, 25 / 53]);
    // age 1: A min(20, 15) + C min(4, 8) = 19; age 2: A min(10, 15) + B min(15, 30) = 25.
    expect(r.grossVsAcquisition).toEqual([1, 19 / 53, 25 / 53]);
    expect(r.netVsPrevious).toEqual([null, 24 / 53, 25 / 24]);
    // age 2 against age 1: only A bought in both (min(10, 20)); B did not buy at age 1.
    expect(r.grossVsPrevious).toEqual([null, 19 / 53, 10 / 24]);
  });

  it('February cohort: one order of two lines, and a refund that nets revenue but is not activity', () => {
    const feb = table.cohorts[1]!;
    expect(
      feb.cells.map((c) => [c.activeCustomers, c.orders, c.revenue, c.cumulativeRevenue]),
    ).toEqual([
      [2, 2, '87.00', '87.00'],
      [1, 1, '-13.00', '74.00'],
    ]);
    expect(feb.cells.map((c) => c.cumulativeRevenuePerCustomer)).toEqual([
      '43.500000',
      '37.000000',
    ]);
    expect(feb.retention).toEqual([1, 0.5]);
    expect(feb.revenueRetention.netVsAcquisition).toEqual([1, -13 / 87]);
    expect(feb.revenueRetention.grossVsAcquisition).toEqual([1, 12 / 87]);
    expect(feb.revenueRetention.grossVsPrevious).toEqual([null, 12 / 87]);
  });

  it('March cohort: a single customer acquired on the last day', () => {
    const mar = table.cohorts[2]!;
    expect(mar.cells).toHaveLength(1);
    expect(mar.cells[0]!.revenue).toBe('100.00');
    expect(mar.revenueRetention.netVsPrevious).toEqual([null]);
  });

  it('layer cake: revenue by cohort over calendar months, and new versus returning customers', () => {
    expect(table.layerCake.periods).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(table.layerCake.series).toEqual([
      { cohort: '2024-01', revenue: ['53.00', '24.00', '25.00'], activeCustomers: [3, 2, 2] },
      { cohort: '2024-02', revenue: ['0.00', '87.00', '-13.00'], activeCustomers: [0, 2, 1] },
      { cohort: '2024-03', revenue: ['0.00', '0.00', '100.00'], activeCustomers: [0, 0, 1] },
    ]);
    expect(
      table.layerCake.totals.map((t) => [
        t.period,
        t.activeCustomers,
        t.newCustomers,
        t.returningCustomers,
        t.orders,
        t.revenue,
      ]),
    ).toEqual([
      ['2024-01', 3, 3, 0, 4, '53.00'],
      ['2024-02', 4, 2, 2, 4, '111.00'],
      ['2024-03', 4, 1, 3, 4, '112.00'],
    ]);
  });

  it('totals and the unattributed refund', () => {
    expect(table.totals).toEqual({ customers: 6, transactions: 15, orders: 12, revenue: '271.00' });
    expect(table.unattributed).toEqual({ transactions: 1, revenue: '-5.00' });
  });

  it('is frozen and survives a JSON round trip unchanged', () => {
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.cohorts[0]!.cells[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });
});

describe('cohortTable: quarterly cohorts with monthly ages', () => {
  const table = cohortTable(log, { cohortBy: 'quarter', period: 'month' });
  const q1 = table.cohorts[0]!;

  it('counts each customer from their own acquisition month', () => {
    expect(table.cohorts.map((c) => [c.cohort, c.size])).toEqual([['2024-Q1', 6]]);
    expect(q1.cells.map((c) => [c.activeCustomers, c.revenue])).toEqual([
      [6, '240.00'],
      [3, '11.00'],
      [2, '25.00'],
    ]);
    expect(q1.retention).toEqual([1, 0.5, 1 / 3]);
  });

  it('flags ages not yet reached by every customer as incomplete', () => {
    expect(q1.cells.map((c) => [c.customersObserved, c.complete])).toEqual([
      [6, true],
      [5, false],
      [3, false],
    ]);
  });
});

describe('cohortTable: weeks, end dates and amounts', () => {
  it('labels ISO weeks (Monday start, ISO week-year)', () => {
    const weekly = makeLog([
      ['a', '2020-12-31', '1'], // Thursday of 2020-W53
      ['a', '2021-01-04', '1'], // Monday of 2021-W01
      ['b', '2024-12-30', '1'], // Monday of 2025-W01
      ['b', '2025-01-05', '1'], // Sunday of the same week
    ]);
    const table = cohortTable(weekly, { cohortBy: 'week' });
    expect(table.cohorts.map((c) => [c.cohort, c.start])).toEqual([
      ['2020-W53', '2020-12-28'],
      ['2025-W01', '2024-12-30'],
    ]);
    expect(table.cohorts[0]!.cells[1]!.activeCustomers).toBe(1);
    expect(table.cohorts[1]!.cells.map((c) => c.orders)).toEqual([2]);
  });

  it('extends the table to an explicit end and marks the unfinished month incomplete', () => {
    const table = cohortTable(log, { end: '2024-04-15' });
    expect(table.end).toBe('2024-04-15');
    const jan = table.cohorts[0]!;
    expect(jan.cells).toHaveLength(4);
    expect(jan.cells[3]).toMatchObject({ activeCustomers: 0, revenue: '0.00', complete: false });
    expect(table.layerCake.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
  });

  it('writes amounts with the currency minor units, or more when the log has more', () => {
    const yen = cohortTable(makeLog([['a', '2024-01-01', '1500']], 'JPY'));
    expect(yen.totals.revenue).toBe('1500');
    const fine = cohortTable(
      makeLog([
        ['a', '2024-01-01', '0.125'],
        ['a', '2024-01-02', '1'],
      ]),
    );
    expect(fine.totals.revenue).toBe('1.125');
    expect(fine.cohorts[0]!.cells[0]!.cumulativeRevenuePerCustomer).toBe('1.1250000');
  });

  it('keeps exact sums far beyond binary floating point', () => {
    const big = cohortTable(
      makeLog([
        ['a', '2024-01-01', '9007199254740993.01'],
        ['b', '2024-01-02', '0.02'],
      ]),
    );
    expect(big.totals.revenue).toBe('9007199254740993.03');
    expect(big.cohorts[0]!.cells[0]!.cumulativeRevenuePerCustomer).toBe('4503599627370496.515000');
  });

  it('rounds the revenue per customer half-even', () => {
    const customers = (first: string): Row[] =>
      Array.from({ length: 32 }, (_, i): Row => [`c${i}`, '2024-01-01', i === 0 ? first : '0']);
    // 0.01 / 32 = 0.0003125 and 0.03 / 32 = 0.0009375: exact ties at the 6th decimal place.
    const perCustomer = (first: string) =>
      cohortTable(makeLog(customers(first))).cohorts[0]!.cells[0]!.cumulativeRevenuePerCustomer;
    expect(perCustomer('0.01')).toBe('0.000312');
    expect(perCustomer('0.03')).toBe('0.000938');
  });

  it('reads a log made by parseTransactions (the documented example)', () => {
    const parsed = parseTransactions(
      [
        { customerId: 'a', date: '2024-01-05', amount: '10.00' },
        { customerId: 'a', date: '2024-02-03', amount: '20.00' },
        { customerId: 'b', date: '2024-01-10', amount: '30.00' },
        { customerId: 'c', date: '2024-02-14', amount: '50.00' },
      ],
      { currency: 'USD' },
    );
    const table = cohortTable(parsed, { cohortBy: 'month', period: 'month' });
    expect(table.cohorts[0]!.retention).toEqual([1, 0.5]);
    expect(table.layerCake.series.map((s) => s.revenue)).toEqual([
      ['40.00', '20.00'],
      ['0.00', '50.00'],
    ]);
  });
});

describe('cohortTable: errors', () => {
  it('rejects a malformed row naming the row and field', () => {
    const bad = makeLog([['a', '2024-01-01', '1']]);
    const wrongDay = { ...bad, transactions: [{ ...bad.transactions[0]!, day: 1 }] };
    expect(() => cohortTable(wrongDay)).toThrowError(
      /cohortTable: log\.transactions\[0\]\.day does not match its date 2024-01-01/,
    );
    const wrongAmount = { ...bad, transactions: [{ ...bad.transactions[0]!, amount: 1 }] };
    const result = safeCohortTable(wrongAmount as never);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe('input/invalid');
      expect(result.error.path).toEqual(['transactions', 0, 'amount']);
    }
    const nan = {
      ...bad,
      transactions: [{ ...bad.transactions[0]!, amount: new Dec(Number.NaN) }],
    };
    expect(() => cohortTable(nan)).toThrowError(/amount is not a finite decimal/);
  });

  it('rejects unknown periods, unknown options and an end before the data', () => {
    expect(() => cohortTable(log, { cohortBy: 'day' as never })).toThrowError(/options\.cohortBy/);
    expect(() => cohortTable(log, { bogus: 1 } as never)).toThrowError(/cohortTable/);
    const early = safeCohortTable(log, { end: '2024-02-01' });
    expect(early.success).toBe(false);
    if (!early.success) {
      expect(early.error.code).toBe('input/invalid');
      expect(early.error.message).toMatch(/expected an end on or after 2024-03-31/);
    }
    expect(() => cohortTable(log, { end: '2024-02-30' })).toThrowError(/options\.end/);
  });

  it('reports an empty log, or one of refunds only, as input/empty', () => {
    const empty = safeCohortTable(makeLog([]));
    expect(empty.success || empty.error.code).toBe('input/empty');
    const refunds = safeCohortTable(makeLog([['a', '2024-01-01', '-1']]));
    expect(refunds.success || refunds.error.code).toBe('input/empty');
  });
});
