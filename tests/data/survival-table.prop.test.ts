import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/data/calendar.js';
import type { CalendarPeriod } from '../../src/data/cohort-calendar.js';
import { validateSurvivalCounts } from '../../src/data/survival-counts.js';
import type { SubscriptionEvent } from '../../src/data/survival-subscriptions.js';
import { survivalTable } from '../../src/data/survival-table.js';
import { makeLog, type Row } from './cohort-helpers.js';

const FIRST = parseIsoDate('2023-01-01')!;
const isoDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const period = fc.constantFrom<CalendarPeriod>('week', 'month', 'quarter', 'year');

/** Up to 15 subscribers, each a start and maybe a cancel and a reactivation, within two years. */
const subscriptionLogs = fc
  .array(
    fc.record({
      start: fc.integer({ min: 0, max: 700 }),
      cancelAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
      backAfter: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 15 },
  )
  .map((subs) =>
    subs.flatMap(({ start, cancelAfter, backAfter }, i): SubscriptionEvent[] => {
      const id = `s${i}`;
      const events: SubscriptionEvent[] = [
        { customerId: id, date: isoDate(FIRST + start), type: 'start' },
      ];
      if (cancelAfter !== undefined) {
        const cancel = FIRST + start + cancelAfter;
        events.push({ customerId: id, date: isoDate(cancel), type: 'cancel' });
        if (backAfter !== undefined)
          events.push({ customerId: id, date: isoDate(cancel + backAfter), type: 'reactivate' });
      }
      return events;
    }),
  );

const transactionLogs = fc
  .array(
    fc.record({ customer: fc.integer({ min: 0, max: 9 }), day: fc.integer({ min: 0, max: 729 }) }),
    { minLength: 1, maxLength: 50 },
  )
  .map((list) =>
    makeLog(list.map(({ customer, day }): Row => [`c${customer}`, isoDate(FIRST + day), '1'])),
  );

function checkCurves(table: ReturnType<typeof survivalTable>, customers: number) {
  let total = 0;
  for (const cohort of table.cohorts) {
    expect(cohort.alive[0]).toBe(cohort.size);
    for (let k = 1; k < cohort.alive.length; k += 1)
      expect(cohort.alive[k]!).toBeLessThanOrEqual(cohort.alive[k - 1]!);
    total += cohort.size;
  }
  expect(total).toBe(customers);
  // The curves pass the validator that contractual model fits use.
  expect(() => validateSurvivalCounts({ cohorts: table.cohorts })).not.toThrow();
}

describe('survivalTable laws', () => {
  it('subscription curves start with the cohort size and never increase', () => {
    fc.assert(
      fc.property(subscriptionLogs, period, period, (events, p, cohortBy) => {
        const table = survivalTable({ events, period: p, cohortBy, end: '2026-01-01' });
        checkCurves(table, new Set(events.map((e) => e.customerId)).size);
      }),
    );
  });

  it('a later end never shortens a curve nor changes the counts already known', () => {
    fc.assert(
      fc.property(
        subscriptionLogs,
        period,
        fc.integer({ min: 0, max: 400 }),
        (events, p, extra) => {
          const last = Math.max(...events.map((e) => parseIsoDate(e.date)!));
          const a = survivalTable({ events, period: p, end: isoDate(last) });
          const b = survivalTable({ events, period: p, end: isoDate(last + extra) });
          a.cohorts.forEach((cohort, i) => {
            const later = b.cohorts[i]!.alive;
            expect(later.length).toBeGreaterThanOrEqual(cohort.alive.length);
            expect(later.slice(0, cohort.alive.length)).toEqual(cohort.alive);
          });
        },
      ),
    );
  });

  it('inactivity curves start with the cohort size, never increase, and shrink as n grows', () => {
    fc.assert(
      fc.property(transactionLogs, period, fc.integer({ min: 1, max: 4 }), (log, p, n) => {
        const table = survivalTable({ log, rule: { kind: 'inactivity', periods: n }, period: p });
        checkCurves(table, new Set(log.transactions.map((t) => t.customerId)).size);
        const longer = survivalTable({
          log,
          rule: { kind: 'inactivity', periods: n + 1 },
          period: p,
        });
        table.cohorts.forEach((cohort, i) => {
          const other = longer.cohorts[i]!.alive;
          expect(other.length).toBeLessThanOrEqual(cohort.alive.length);
          expect(cohort.alive.slice(0, other.length)).toEqual(other);
        });
      }),
    );
  });
});
