import { describe, expect, it } from 'vitest';
import type { SubscriptionEvent } from '../../src/data/survival-subscriptions.js';
import { safeSurvivalTable, survivalTable } from '../../src/data/survival-table.js';
import { makeLog, WORKED_EXAMPLE_ROWS } from './cohort-helpers.js';

/**
 * Hand-checked subscription log (docs/guide/cohorts.md), monthly contract periods, end 2024-04-30:
 * - a: starts Jan 5, never cancels: alive at every age.
 * - b: starts Jan 20, cancels Mar 1 (after the Feb 20 renewal, before Mar 20), comes back Mar 15:
 *   alive at ages 0, 1 only (first lifetime).
 * - d: starts Jan 31, cancels Feb 29 = its first anniversary (Jan 31 + 1 month, clamped): did not
 *   renew, alive at age 0 only.
 * - c: starts Feb 10, never cancels.
 * - e: starts and cancels Feb 10: alive at age 0 only.
 * January cohort: latest start Jan 31, anniversaries Feb 29, Mar 31, Apr 30 <= end: ages 0..3.
 * February cohort: latest start Feb 10, anniversaries Mar 10, Apr 10 <= end < May 10: ages 0..2.
 */
const EVENTS: readonly SubscriptionEvent[] = [
  { customerId: 'a', date: '2024-01-05', type: 'start' },
  { customerId: 'b', date: '2024-03-15', type: 'reactivate' },
  { customerId: 'b', date: '2024-01-20', type: 'start' },
  { customerId: 'b', date: '2024-03-01', type: 'cancel' },
  { customerId: 'd', date: '2024-01-31', type: 'start' },
  { customerId: 'd', date: '2024-02-29', type: 'cancel' },
  { customerId: 'c', date: '2024-02-10', type: 'start' },
  { customerId: 'e', date: '2024-02-10', type: 'start' },
  { customerId: 'e', date: '2024-02-10', type: 'cancel' },
];

describe('survivalTable from a subscription log', () => {
  const table = survivalTable({ events: EVENTS, period: 'month', end: '2024-04-30' });

  it('counts first lifetimes on anniversaries, right-censored per cohort', () => {
    expect(table.cohorts).toEqual([
      { cohort: '2024-01', start: '2024-01-01', size: 3, alive: [3, 2, 1, 1] },
      { cohort: '2024-02', start: '2024-02-01', size: 2, alive: [2, 1, 1] },
    ]);
    expect(table).toMatchObject({
      source: 'subscriptions',
      rule: { kind: 'first-lifetime' },
      period: 'month',
      cohortBy: 'month',
      weekStart: 'monday',
      end: '2024-04-30',
      reactivations: 1,
    });
  });

  it('shortens the curves when the end comes earlier, and defaults the end to the last event', () => {
    const early = survivalTable({ events: EVENTS, period: 'month', end: '2024-03-30' });
    // January: Feb 29 <= Mar 30 < Mar 31, so ages 0..1. February: Mar 10 <= Mar 30: ages 0..1.
    expect(early.cohorts.map((c) => c.alive)).toEqual([
      [3, 2],
      [2, 1],
    ]);
    expect(survivalTable({ events: EVENTS }).end).toBe('2024-03-15');
  });

  it('groups by a coarser cohort period with weekly contract periods', () => {
    const weekly = survivalTable({
      events: EVENTS,
      period: 'week',
      cohortBy: 'quarter',
      end: '2024-03-20',
    });
    // Latest start Feb 10: weekly anniversaries Feb 17 ... Mar 16 <= end < Mar 23: ages 0..5.
    // a, c: never cancel. b: its 5th anniversary Feb 24 is before its cancel (Mar 1): alive at 0..5.
    // d: 4th anniversary Feb 28 < cancel Feb 29 <= 5th anniversary Mar 6: alive at 0..4.
    // e: cancelled on its start day: age 0 only.
    expect(weekly.cohorts).toEqual([
      { cohort: '2024-Q1', start: '2024-01-01', size: 5, alive: [5, 4, 4, 4, 4, 3] },
    ]);
  });

  it('is frozen and JSON round-trips', () => {
    expect(Object.isFrozen(table.cohorts[0]!.alive)).toBe(true);
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });
});

describe('survivalTable: subscription log errors name the row and field', () => {
  const fails = (events: unknown[], pattern: RegExp, path?: unknown[]) => {
    const result = safeSurvivalTable({ events } as never);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe('input/invalid');
      expect(result.error.message).toMatch(pattern);
      if (path) expect(result.error.path).toEqual(path);
    }
  };

  it('rejects malformed rows with zod, naming row and field', () => {
    fails([{ customerId: 'a', date: '2024-01-01', type: 'pause' }], /events\[0\]\.type/, [
      0,
      'type',
    ]);
    fails(
      [
        { customerId: 'a', date: '2024-01-01', type: 'start' },
        { customerId: 'a', date: '2024-02-30', type: 'cancel' },
      ],
      /events\[1\]\.date/,
      [1, 'date'],
    );
    fails([{ customerId: '', date: '2024-01-01', type: 'start' }], /events\[0\]\.customerId/);
  });

  it('rejects impossible event sequences', () => {
    fails(
      [{ customerId: 'a', date: '2024-01-01', type: 'cancel' }],
      /events\[0\]\.type comes before/,
    );
    fails(
      [
        { customerId: 'a', date: '2024-01-01', type: 'start' },
        { customerId: 'a', date: '2024-02-01', type: 'start' },
      ],
      /events\[1\]\.type is a second 'start'.*expected 'reactivate'/,
    );
    fails(
      [
        { customerId: 'a', date: '2024-01-01', type: 'start' },
        { customerId: 'a', date: '2024-02-01', type: 'reactivate' },
      ],
      /events\[1\]\.type reactivates customer "a", who is subscribed/,
    );
    fails(
      [
        { customerId: 'a', date: '2024-01-01', type: 'start' },
        { customerId: 'a', date: '2024-02-01', type: 'cancel' },
        { customerId: 'a', date: '2024-03-01', type: 'cancel' },
      ],
      /events\[2\]\.type cancels customer "a", who is not subscribed/,
    );
  });

  it('rejects an event after the end, an empty log and an input of neither kind', () => {
    const late = safeSurvivalTable({ events: EVENTS, end: '2024-03-01' });
    expect(late.success || late.error.message).toMatch(/an event falls after input\.end/);
    const empty = safeSurvivalTable({ events: [] });
    expect(empty.success || empty.error.code).toBe('input/empty');
    const neither = safeSurvivalTable({ rows: [] } as never);
    expect(neither.success || neither.error.message).toMatch(/neither `events` nor `log`/);
    const extra = safeSurvivalTable({
      events: EVENTS,
      rule: { kind: 'inactivity', periods: 1 },
    } as never);
    expect(extra.success || extra.error.code).toBe('input/invalid');
  });
});

/** The cohort-table worked example (tests/data/cohort-helpers.ts): end 2024-03-31. */
const log = makeLog(WORKED_EXAMPLE_ROWS);

describe('survivalTable from a transaction log with an inactivity rule', () => {
  it('one period of inactivity: alive at age k if a purchase at some age >= k', () => {
    const table = survivalTable({ log, rule: { kind: 'inactivity', periods: 1 }, period: 'month' });
    // January: last purchases A Mar (age 2), B Mar (2; no purchase in Feb but alive), C Feb (1).
    // February: D Feb only (its March refund is not a purchase), E Mar. March: F.
    expect(table.cohorts.map((c) => [c.cohort, c.alive])).toEqual([
      ['2024-01', [3, 3, 2]],
      ['2024-02', [2, 1]],
      ['2024-03', [1]],
    ]);
    expect(table).toMatchObject({
      source: 'transactions',
      rule: { kind: 'inactivity', periods: 1 },
    });
  });

  it('n periods of inactivity censor the last n - 1 complete periods', () => {
    const two = survivalTable({ log, rule: { kind: 'inactivity', periods: 2 }, period: 'month' });
    expect(two.cohorts.map((c) => c.alive)).toEqual([[3, 3], [2], [1]]);
  });

  it('an unfinished final period is censored too', () => {
    const table = survivalTable({
      log,
      rule: { kind: 'inactivity', periods: 1 },
      period: 'month',
      end: '2024-04-15',
    });
    expect(table.cohorts.map((c) => c.alive)).toEqual([[3, 3, 2], [2, 1], [1]]);
    const may = survivalTable({
      log,
      rule: { kind: 'inactivity', periods: 1 },
      period: 'month',
      end: '2024-04-30',
    });
    // April is now complete and nobody bought in it.
    expect(may.cohorts.map((c) => c.alive)).toEqual([
      [3, 3, 2, 0],
      [2, 1, 0],
      [1, 0],
    ]);
  });

  it('rejects a rule of zero periods and a log of refunds only', () => {
    const zero = safeSurvivalTable({ log, rule: { kind: 'inactivity', periods: 0 } });
    expect(zero.success || zero.error.message).toMatch(/input\.rule\.periods/);
    const refunds = safeSurvivalTable({
      log: makeLog([['a', '2024-01-01', '-1']]),
      rule: { kind: 'inactivity', periods: 1 },
    });
    expect(refunds.success || refunds.error.code).toBe('input/empty');
  });
});
