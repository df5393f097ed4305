import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EquityLedger, EquityMovement, EquitySeries } from '../../src/ledger/index.js';
import { equityLedger, retentionValuation, transactionValuation } from '../../src/ledger/index.js';
import { Dec } from '../../src/money/decimal.js';
import { money } from '../../src/money/index.js';
import { day, isoDate, makeLog, stubModel, transactionRowsArb } from './helpers.js';

const FIRST = day('2023-01-01');
const settings = { numRuns: 30 };

/** Decimal sum of every line of a movement: opening + gains − losses ... + revaluation. */
function rolled(m: EquityMovement) {
  return m.opening.amount
    .plus(m.acquired.amount)
    .plus(m.reactivated.amount)
    .minus(m.lost.amount)
    .minus(m.marginRealised.amount)
    .plus(m.unwind.amount)
    .plus(m.experience.amount)
    .plus(m.revaluation.reduce((s, r) => s.plus(r.amount.amount), new Dec(0)));
}

const allSeries = (l: EquityLedger): EquitySeries[] => [
  l.total,
  ...l.cohorts,
  ...(l.dimension?.groups ?? []),
];

const eventsArb = fc
  .array(
    fc.record({
      start: fc.integer({ min: 0, max: 250 }),
      gaps: fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((list) => {
    const events: { customerId: string; date: string; type: 'start' | 'cancel' | 'reactivate' }[] =
      [];
    list.forEach(({ start, gaps }, c) => {
      let d = FIRST + start;
      events.push({ customerId: `s${c}`, date: isoDate(d), type: 'start' });
      gaps.forEach((gap, i) => {
        d += gap;
        events.push({
          customerId: `s${c}`,
          date: isoDate(d),
          type: i % 2 === 0 ? 'cancel' : 'reactivate',
        });
      });
    });
    return events;
  });

const retentionArb = fc.record({
  retention: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
  margin: fc
    .integer({ min: 1, max: 10_000 })
    .map((c) => money(new Dec(c).div(100).toFixed(2), 'USD')),
  discountRate: fc.double({ min: 0.001, max: 0.05, noNaN: true }),
});

const rowsArb = transactionRowsArb({
  first: FIRST,
  customers: 8,
  days: 300,
  minCents: -2_000,
  maxCents: 40_000,
  channels: ['web', 'store'],
  maxRows: 30,
});

describe('equity ledger laws', () => {
  it('the value lines add up exactly to the change in equity (subscriptions, with revisions)', () => {
    fc.assert(
      fc.property(
        eventsArb,
        retentionArb,
        retentionArb,
        fc.constantFrom('month', 'quarter'),
        (events, a0, a1, period) => {
          const l = equityLedger(
            { events },
            {
              period,
              lossRule: { kind: 'cancellation' },
              valuation: retentionValuation({ period: 'month' }),
              assumptions: a0,
              revisions: [{ period: period === 'month' ? '2023-06' : '2023-Q2', assumptions: a1 }],
              by: { name: 'half', groups: { s0: 'x', s1: 'x', s2: 'y' } },
              start: '2023-01-01',
              end: '2023-12-31',
            },
          );
          for (const s of allSeries(l)) {
            for (const row of s.rows) expect(rolled(row).eq(row.closing.amount)).toBe(true);
            expect(rolled(s.summary).eq(s.summary.closing.amount)).toBe(true);
          }
          expect(l.checks.ok).toBe(true);
        },
      ),
      settings,
    );
  });

  it('the value lines add up exactly to the change in equity (transactions, inactivity and model rules)', () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), fc.integer({ min: 5, max: 90 }), (rows, model, days) => {
        const l = equityLedger(makeLog(rows), {
          period: 'month',
          lossRule: model
            ? { kind: 'model', model: stubModel, params: { k: 3 }, timeUnit: 'week' }
            : { kind: 'inactivity', days },
          valuation: transactionValuation({ model: stubModel, timeUnit: 'week' }),
          assumptions: {
            retention: { k: 3 },
            spend: { kind: 'fixed', amount: money('25', 'USD') },
            margin: 0.3,
            discountRate: 0.002,
          },
          revisions: [
            {
              period: '2023-05',
              assumptions: { margin: 0.35, spend: { kind: 'fixed', amount: money('30', 'USD') } },
            },
          ],
          by: 'channel',
          start: '2023-01-01',
          end: '2023-12-31',
        });
        for (const s of allSeries(l))
          for (const row of s.rows) {
            expect(rolled(row).eq(row.closing.amount)).toBe(true);
            expect(row.customers.difference).toBe(0);
          }
        expect(l.checks.ok).toBe(true);
      }),
      settings,
    );
  });

  it('cohorts and groups add up to the total, line by line', () => {
    fc.assert(
      fc.property(eventsArb, retentionArb, (events, assumptions) => {
        const l = equityLedger(
          { events },
          {
            period: 'month',
            lossRule: { kind: 'cancellation' },
            valuation: retentionValuation({ period: 'month' }),
            assumptions,
            by: { name: 'half', groups: { s0: 'x', s1: 'x', s2: 'y' } },
            end: '2023-12-31',
          },
        );
        const keys = [
          'opening',
          'acquired',
          'reactivated',
          'lost',
          'marginRealised',
          'unwind',
          'experience',
          'closing',
        ] as const;
        for (const parts of [l.cohorts, l.dimension!.groups])
          l.total.rows.forEach((row, k) => {
            for (const key of keys) {
              const sum = parts.reduce((acc, s) => acc.plus(s.rows[k]![key].amount), new Dec(0));
              expect(sum.eq(row[key].amount)).toBe(true);
            }
          });
      }),
      settings,
    );
  });

  it('a business with no churn and no acquisition has equity change equal to unwind minus margin realised', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 2, 4, 6, 7, 9, 11), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(2, 4, 5, 10, 20, 25, 50),
        (startMonths, cents, k) => {
          // every subscriber starts on the 31st of a month of 2022: renewals fall on every month end
          // (clamped), so each payment is on a period end, where the statement values the base
          const events = startMonths.map((m, c) => {
            const end = new Date(Date.UTC(2022, m + 1, 0)).toISOString().slice(0, 10);
            return { customerId: `s${c}`, date: end, type: 'start' as const };
          });
          const l = equityLedger(
            { events },
            {
              period: 'month',
              start: '2023-01-01',
              end: '2023-12-31',
              lossRule: { kind: 'cancellation' },
              valuation: retentionValuation({ period: 'month' }),
              assumptions: {
                retention: 1,
                margin: money(new Dec(cents).div(100).toFixed(2), 'USD'),
                discountRate: 1 / k,
              },
            },
          );
          for (const row of l.total.rows) {
            expect(row.acquired.amount.isZero() && row.lost.amount.isZero()).toBe(true);
            expect(row.experience.amount.isZero()).toBe(true);
            const change = row.closing.amount.minus(row.opening.amount);
            expect(change.eq(row.unwind.amount.minus(row.marginRealised.amount))).toBe(true);
            expect(
              row.marginRealised.amount.eq(new Dec(cents).div(100).times(startMonths.length)),
            ).toBe(true);
          }
        },
      ),
      settings,
    );
  });

  it('reordering input rows changes nothing', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        eventsArb,
        retentionArb,
        ([rows, shuffled], events, assumptions) => {
          const tx = {
            period: 'month',
            lossRule: { kind: 'inactivity', days: 30 },
            valuation: transactionValuation({ model: stubModel, timeUnit: 'day' }),
            assumptions: {
              retention: { k: 20 },
              spend: { kind: 'gamma-gamma', p: 6.25, q: 3.74, gamma: 15.44 },
              margin: 0.3,
              discountRate: 0.0003,
            },
            by: 'channel',
          } as const;
          expect(JSON.stringify(equityLedger(makeLog(shuffled), tx))).toBe(
            JSON.stringify(equityLedger(makeLog(rows), tx)),
          );
          const subs = {
            period: 'month',
            lossRule: { kind: 'cancellation' },
            valuation: retentionValuation({ period: 'month' }),
            assumptions,
          } as const;
          expect(JSON.stringify(equityLedger({ events: [...events].reverse() }, subs))).toBe(
            JSON.stringify(equityLedger({ events }, subs)),
          );
        },
      ),
      settings,
    );
  });
});
