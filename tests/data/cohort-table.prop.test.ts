import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/data/calendar.js';
import type { CalendarPeriod } from '../../src/data/cohort-calendar.js';
import { cohortTable } from '../../src/data/cohort-table.js';
import { Dec } from '../../src/money/decimal.js';
import { makeLog, type Row } from './cohort-helpers.js';

const FIRST = parseIsoDate('2023-01-01')!;
const PERIODS: readonly CalendarPeriod[] = ['week', 'month', 'quarter', 'year'];

const isoDate = (day: number) => {
  const d = new Date(day * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** Rows over two years: up to 12 customers, amounts in cents (refunds when `refunds`). */
function rows(refunds: boolean): fc.Arbitrary<Row[]> {
  const cents = refunds
    ? fc.integer({ min: -5_000, max: 100_000 })
    : fc.integer({ min: 0, max: 100_000 });
  return fc
    .array(
      fc.record({
        customer: fc.integer({ min: 0, max: 11 }),
        day: fc.integer({ min: 0, max: 729 }),
        cents,
        order: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 60 },
    )
    .map((list) =>
      list.map(({ customer, day, cents: c, order }): Row => {
        const amount = new Dec(c).div(100).toFixed(2);
        const id = `c${customer}`;
        const date = isoDate(FIRST + day);
        return order === undefined
          ? [id, date, amount]
          : [id, date, amount, `o${customer}-${order}`];
      }),
    );
}
const purchases = rows(false);
const withRefunds = rows(true).filter((list) => list.some((r) => !r[2].startsWith('-')));
const period = fc.constantFrom(...PERIODS);

const sum = (values: readonly string[]) =>
  values.reduce((acc, v) => acc.plus(v), new Dec(0)).toFixed(2);

describe('cohortTable laws', () => {
  it('revenue over all cells plus unattributed revenue equals the sum of amounts, exactly', () => {
    fc.assert(
      fc.property(withRefunds, period, period, (list, cohortBy, p) => {
        const table = cohortTable(makeLog(list), { cohortBy, period: p });
        const cells = table.cohorts.flatMap((c) => c.cells.map((cell) => cell.revenue));
        const total = sum(list.map((r) => r[2]));
        expect(sum([...cells, table.unattributed.revenue])).toBe(total);
        expect(table.totals.revenue).toBe(total);
        expect(sum(table.layerCake.series.flatMap((s) => s.revenue))).toBe(sum(cells));
        expect(sum(table.layerCake.totals.map((t) => t.revenue))).toBe(sum(cells));
      }),
    );
  });

  it('every purchase lands in exactly one cohort cell', () => {
    fc.assert(
      fc.property(purchases, period, period, (list, cohortBy, p) => {
        const noOrderIds = list.map((r): Row => [r[0], r[1], r[2]]);
        const table = cohortTable(makeLog(noOrderIds), { cohortBy, period: p });
        const orders = table.cohorts.flatMap((c) => c.cells.map((cell) => cell.orders));
        expect(orders.reduce((a, b) => a + b, 0)).toBe(list.length);
        expect(table.unattributed.transactions).toBe(0);
        const customers = new Set(list.map((r) => r[0]));
        expect(table.cohorts.reduce((a, c) => a + c.size, 0)).toBe(customers.size);
      }),
    );
  });

  it('active customers at age 0 equal the cohort size, and retention stays in [0, 1]', () => {
    fc.assert(
      fc.property(withRefunds, period, period, (list, cohortBy, p) => {
        const table = cohortTable(makeLog(list), { cohortBy, period: p });
        for (const cohort of table.cohorts) {
          expect(cohort.cells[0]!.activeCustomers).toBe(cohort.size);
          expect(cohort.cells[0]!.newCustomers).toBe(cohort.size);
          expect(cohort.retention[0]).toBe(1);
          for (const r of cohort.retention) expect(r >= 0 && r <= 1).toBe(true);
          for (const cell of cohort.cells.slice(1)) expect(cell.newCustomers).toBe(0);
        }
      }),
    );
  });

  it('the table is invariant to the order of the rows', () => {
    fc.assert(
      fc.property(
        withRefunds.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
          ),
        ),
        period,
        period,
        ([list, shuffled], cohortBy, p) => {
          const a = cohortTable(makeLog(list), { cohortBy, period: p });
          const b = cohortTable(makeLog(shuffled), { cohortBy, period: p });
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('cumulative revenue is the running sum of revenue', () => {
    fc.assert(
      fc.property(withRefunds, period, (list, p) => {
        const table = cohortTable(makeLog(list), { period: p, cohortBy: p });
        for (const cohort of table.cohorts) {
          let running = new Dec(0);
          for (const cell of cohort.cells) {
            running = running.plus(cell.revenue);
            expect(cell.cumulativeRevenue).toBe(running.toFixed(2));
          }
        }
      }),
    );
  });

  it('without refunds, gross revenue retention is at most net revenue retention and at most 1', () => {
    fc.assert(
      fc.property(purchases, period, (list, p) => {
        const table = cohortTable(makeLog(list), { period: p, cohortBy: p });
        for (const { revenueRetention: r } of table.cohorts) {
          r.netVsAcquisition.forEach((net, k) => {
            const gross = r.grossVsAcquisition[k];
            if (net === null || gross === null || gross === undefined) return;
            expect(gross).toBeLessThanOrEqual(net + 1e-12);
            expect(gross).toBeLessThanOrEqual(1 + 1e-12);
          });
          r.netVsPrevious.forEach((net, k) => {
            const gross = r.grossVsPrevious[k];
            if (net === null || gross === null || gross === undefined) return;
            expect(gross).toBeLessThanOrEqual(net + 1e-12);
            expect(gross).toBeLessThanOrEqual(1 + 1e-12);
          });
        }
      }),
    );
  });

  it('new plus returning customers equal active customers in every calendar period', () => {
    fc.assert(
      fc.property(withRefunds, period, period, (list, cohortBy, p) => {
        const table = cohortTable(makeLog(list), { cohortBy, period: p });
        table.layerCake.totals.forEach((t, i) => {
          expect(t.newCustomers + t.returningCustomers).toBe(t.activeCustomers);
          const stacked = table.layerCake.series.reduce((a, s) => a + s.activeCustomers[i]!, 0);
          expect(stacked).toBe(t.activeCustomers);
        });
        const acquired = table.layerCake.totals.reduce((a, t) => a + t.newCustomers, 0);
        expect(acquired).toBe(table.totals.customers);
      }),
    );
  });
});
