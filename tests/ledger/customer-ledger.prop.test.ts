import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerLedger, LedgerSeries } from '../../src/ledger/index.js';
import { customerLedger } from '../../src/ledger/index.js';
import { Dec } from '../../src/money/decimal.js';
import {
  day,
  inactivityOracle,
  isoDate,
  makeLog,
  stubModel,
  transactionRowsArb,
} from './helpers.js';

const FIRST = day('2023-01-01');

/** Up to 10 customers over 15 months, amounts in cents (some refunds), channels a/b. */
const rowsArb = transactionRowsArb({
  first: FIRST,
  customers: 10,
  days: 450,
  minCents: -3_000,
  maxCents: 50_000,
  channels: ['a', 'b'],
  maxRows: 40,
});

const periodArb = fc.constantFrom('week', 'month', 'quarter') as fc.Arbitrary<
  'week' | 'month' | 'quarter'
>;

const allSeries = (l: CustomerLedger): LedgerSeries[] => [
  l.total,
  ...l.cohorts,
  ...(l.dimension?.groups ?? []),
];

const settings = { numRuns: 40 };

describe('customer ledger laws (inactivity rule)', () => {
  it('closing customers equal opening plus gained minus lost, in every period, cohort and group', () => {
    fc.assert(
      fc.property(rowsArb, periodArb, fc.integer({ min: 1, max: 120 }), (rows, period, days) => {
        const l = customerLedger(makeLog(rows), {
          period,
          lossRule: { kind: 'inactivity', days },
          by: 'channel',
        });
        for (const s of allSeries(l))
          for (const r of s.rows)
            expect(r.closing).toBe(r.opening + r.acquired + r.reactivated - r.lost);
        expect(l.checks.balanced).toBe(true);
      }),
      settings,
    );
  });

  it('matches a day-by-day oracle of who is in the base', () => {
    fc.assert(
      fc.property(rowsArb, periodArb, fc.integer({ min: 1, max: 120 }), (rows, period, days) => {
        const l = customerLedger(makeLog(rows), { period, lossRule: { kind: 'inactivity', days } });
        const end = Math.max(...rows.map(([, date]) => day(date)));
        const oracle = inactivityOracle(rows, days, period, end);
        expect(
          l.total.rows.map(({ opening, acquired, reactivated, lost, closing, retained }) => ({
            opening,
            acquired,
            reactivated,
            lost,
            closing,
            retained,
          })),
        ).toEqual(oracle);
      }),
      settings,
    );
  });

  it("one period's closing is the next period's opening", () => {
    fc.assert(
      fc.property(rowsArb, periodArb, fc.integer({ min: 1, max: 120 }), (rows, period, days) => {
        const l = customerLedger(makeLog(rows), { period, lossRule: { kind: 'inactivity', days } });
        for (const s of allSeries(l))
          s.rows.forEach((r, k) => {
            if (k > 0) expect(r.opening).toBe(s.rows[k - 1]!.closing);
          });
        expect(l.total.rows[0]!.opening).toBe(0);
      }),
      settings,
    );
  });

  it('cohorts and groups add up to the total, line by line', () => {
    fc.assert(
      fc.property(rowsArb, periodArb, fc.integer({ min: 1, max: 120 }), (rows, period, days) => {
        const l = customerLedger(makeLog(rows), {
          period,
          lossRule: { kind: 'inactivity', days },
          by: 'channel',
        });
        const keys = ['opening', 'acquired', 'reactivated', 'lost', 'closing', 'retained'] as const;
        for (const parts of [l.cohorts, l.dimension!.groups])
          l.total.rows.forEach((row, k) => {
            for (const key of keys)
              expect(parts.reduce((sum, s) => sum + s.rows[k]![key], 0)).toBe(row[key]);
            const revenue = parts.reduce(
              (sum, s) => sum.plus(s.rows[k]!.revenue!.current.amount),
              new Dec(0),
            );
            expect(revenue.eq(row.revenue!.current.amount)).toBe(true);
          });
        expect(l.checks.ok).toBe(true);
      }),
      settings,
    );
  });

  it('the revenue roll-forward balances exactly in decimal', () => {
    fc.assert(
      fc.property(rowsArb, periodArb, (rows, period) => {
        const l = customerLedger(makeLog(rows), {
          period,
          lossRule: { kind: 'inactivity', days: 30 },
          by: 'channel',
        });
        for (const s of allSeries(l))
          for (const { revenue: r } of s.rows) {
            const rolled = r!.previous.amount
              .plus(r!.acquired.amount)
              .plus(r!.reactivated.amount)
              .plus(r!.expansion.amount)
              .minus(r!.contraction.amount)
              .minus(r!.churned.amount);
            expect(rolled.eq(r!.current.amount)).toBe(true);
          }
        // every attributed amount lands in exactly one period's current revenue
        const total = l.total.rows.reduce(
          (sum, r) => sum.plus(r.revenue!.current.amount),
          new Dec(0),
        );
        const all = rows.reduce((sum, [, , amount]) => sum.plus(amount), new Dec(0));
        expect(total.plus(l.unattributed!.revenue.amount).eq(all)).toBe(true);
      }),
      settings,
    );
  });

  it('reordering input rows changes nothing', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        periodArb,
        ([rows, shuffled], period) => {
          const options = {
            period,
            lossRule: { kind: 'inactivity', days: 45 },
            by: 'channel',
          } as const;
          expect(JSON.stringify(customerLedger(makeLog(shuffled), options))).toBe(
            JSON.stringify(customerLedger(makeLog(rows), options)),
          );
        },
      ),
      settings,
    );
  });
});

describe('customer ledger laws (model rule, expected counts)', () => {
  it('expected closing customers equal opening plus gained minus lost, exactly', () => {
    fc.assert(
      fc.property(
        rowsArb,
        periodArb,
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        (rows, period, k) => {
          const l = customerLedger(makeLog(rows), {
            period,
            lossRule: { kind: 'model', model: stubModel, params: { k }, timeUnit: 'week' },
            by: 'channel',
          });
          for (const s of allSeries(l))
            for (const r of s.rows) {
              expect(r.closing).toBe(r.opening + r.acquired + r.reactivated - r.lost);
              expect(r.lost).toBeGreaterThanOrEqual(0);
              expect(r.reactivated).toBeGreaterThanOrEqual(0);
              expect(r.retained).toBeLessThanOrEqual(r.opening);
            }
          expect(l.checks.ok).toBe(true);
        },
      ),
      settings,
    );
  });
});

const eventsArb = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 7 }),
      start: fc.integer({ min: 0, max: 300 }),
      gaps: fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((list) => {
    const seen = new Set<number>();
    const events: { customerId: string; date: string; type: 'start' | 'cancel' | 'reactivate' }[] =
      [];
    for (const { customer, start, gaps } of list) {
      if (seen.has(customer)) continue;
      seen.add(customer);
      let d = FIRST + start;
      events.push({ customerId: `s${customer}`, date: isoDate(d), type: 'start' });
      gaps.forEach((gap, i) => {
        d += gap;
        events.push({
          customerId: `s${customer}`,
          date: isoDate(d),
          type: i % 2 === 0 ? 'cancel' : 'reactivate',
        });
      });
    }
    return events;
  });

describe('customer ledger laws (cancellation rule)', () => {
  it('closing subscribers equal opening plus gained minus lost, and match the event-by-event status', () => {
    fc.assert(
      fc.property(eventsArb, periodArb, (events, period) => {
        const l = customerLedger({ events }, { period, lossRule: { kind: 'cancellation' } });
        for (const s of allSeries(l))
          for (const r of s.rows)
            expect(r.closing).toBe(r.opening + r.acquired + r.reactivated - r.lost);
        // oracle: status at each period end from the last event on or before it
        const last = l.total.rows.at(-1)!;
        const endDay = day(last.end);
        let subscribed = 0;
        const byCustomer = new Map<string, { d: number; type: string }[]>();
        for (const e of events) {
          if (!byCustomer.has(e.customerId)) byCustomer.set(e.customerId, []);
          byCustomer.get(e.customerId)!.push({ d: day(e.date), type: e.type });
        }
        for (const list of byCustomer.values()) {
          // list is in valid order already (generated so); the state after the last event <= end
          let on = false;
          for (const e of list) if (e.d <= endDay) on = e.type !== 'cancel';
          if (on) subscribed += 1;
        }
        expect(last.closing).toBe(subscribed);
        const shuffled = [...events].reverse();
        expect(
          JSON.stringify(
            customerLedger({ events: shuffled }, { period, lossRule: { kind: 'cancellation' } }),
          ),
        ).toBe(JSON.stringify(l));
      }),
      settings,
    );
  });
});
