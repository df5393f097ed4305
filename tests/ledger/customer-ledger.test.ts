import { describe, expect, it } from 'vitest';
import { isCustomerAssetError } from '../../src/core/errors.js';
import type { LedgerRow } from '../../src/ledger/index.js';
import { customerLedger, safeCustomerLedger } from '../../src/ledger/index.js';
import { makeLog, stubModel } from './helpers.js';

const lines = (rows: readonly LedgerRow[]) =>
  rows.map((r) => [r.period, r.opening, r.acquired, r.reactivated, r.lost, r.closing]);

const DOC_ROWS = [
  ['a', '2024-01-05', '20'],
  ['b', '2024-01-20', '35'],
  ['a', '2024-02-10', '25'],
  ['c', '2024-03-02', '15'],
  ['b', '2024-05-01', '40'],
] as const;

describe('customerLedger: inactivity rule, hand-checked', () => {
  // a: buys Jan 5 and Feb 10, lost Apr 11 (Feb 10 + 61). b: Jan 20, lost Mar 21 (Jan 20 + 61),
  // back May 1. c: Mar 2, lost May 2.
  const ledger = customerLedger(makeLog(DOC_ROWS), {
    period: 'month',
    lossRule: { kind: 'inactivity', days: 60 },
    end: '2024-05-31',
  });

  it('rolls the base forward month by month', () => {
    expect(lines(ledger.total.rows)).toEqual([
      ['2024-01', 0, 2, 0, 0, 2],
      ['2024-02', 2, 0, 0, 0, 2],
      ['2024-03', 2, 1, 0, 1, 2],
      ['2024-04', 2, 0, 0, 1, 1],
      ['2024-05', 1, 0, 1, 1, 1],
    ]);
    expect(ledger.total.summary).toEqual({
      opening: 0,
      acquired: 3,
      reactivated: 1,
      lost: 3,
      closing: 1,
      difference: 0,
    });
    expect(ledger.checks).toEqual({
      balanced: true,
      continuous: true,
      cohortsAddUp: true,
      groupsAddUp: null,
      revenueBalanced: true,
      ok: true,
    });
  });

  it('states retention, the quick ratio and the revenue roll-forward', () => {
    const [, feb, mar, apr, may] = ledger.total.rows;
    // March: a retained from the opening {a, b}; b lost; c acquired
    expect(mar!.retained).toBe(1);
    expect(mar!.customerRetentionRate).toBe(0.5);
    expect(mar!.quickRatio).toBe(1);
    expect(apr!.quickRatio).toBe(0);
    expect(may!.quickRatio).toBe(1);
    expect(feb!.quickRatio).toBeNull();
    // February: Jan revenue 55 (a 20, b 35); a spends 25 (+5 expansion), b nothing (35 churned)
    const r = feb!.revenue!;
    expect(
      [r.previous, r.acquired, r.reactivated, r.expansion, r.contraction, r.churned, r.current].map(
        (m) => m.amount.toString(),
      ),
    ).toEqual(['55', '0', '0', '5', '0', '35', '25']);
    expect(r.netRevenueRetention).toBeCloseTo(25 / 55, 15);
    expect(r.grossRevenueRetention).toBeCloseTo(20 / 55, 15);
    expect(r.quickRatio).toBeCloseTo(5 / 35, 15);
    // May: b's 40 is reactivated revenue after none in April; c's nothing
    expect(may!.revenue!.reactivated.amount.toString()).toBe('40');
    expect(may!.revenue!.previous.amount.toString()).toBe('0');
    expect(may!.revenue!.netRevenueRetention).toBeNull();
  });

  it('splits by acquisition cohort', () => {
    expect(ledger.cohorts.map((c) => [c.name, c.start, c.customers])).toEqual([
      ['2024-01', '2024-01-01', 2],
      ['2024-03', '2024-03-01', 1],
    ]);
    expect(ledger.cohorts[0]!.rows.map((r) => r.closing)).toEqual([2, 2, 1, 0, 1]);
    expect(ledger.cohorts[1]!.rows.map((r) => r.closing)).toEqual([0, 0, 1, 1, 0]);
  });

  it('is frozen and survives a JSON round trip', () => {
    expect(Object.isFrozen(ledger)).toBe(true);
    expect(Object.isFrozen(ledger.total.rows[0])).toBe(true);
    const json = JSON.parse(JSON.stringify(ledger));
    expect(json.total.rows[1].revenue.churned).toEqual({ amount: '35', currency: 'USD' });
    expect(json.lossRule).toEqual({ kind: 'inactivity', days: 60 });
  });

  it('counts a loss and a return within one period as both', () => {
    const log = makeLog([
      ['x', '2024-01-01', '10'],
      ['x', '2024-01-20', '10'],
    ]);
    const l = customerLedger(log, { period: 'month', lossRule: { kind: 'inactivity', days: 7 } });
    // lost Jan 9, back Jan 20; still in the base at Jan 20 (the last observed day)
    expect(lines(l.total.rows)).toEqual([['2024-01', 0, 1, 1, 1, 1]]);
    expect(l.total.rows[0]!.complete).toBe(false);
    expect(l.end).toBe('2024-01-20');
  });

  it('does not recognise a loss dated after the last observed day', () => {
    const log = makeLog([['x', '2024-01-01', '10']]);
    const l = customerLedger(log, {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 30 },
      end: '2024-01-31',
    });
    // with 30 days the loss is dated Jan 1 + 31 = Feb 1, after the end; with 29 days, Jan 31
    expect(lines(l.total.rows)).toEqual([['2024-01', 0, 1, 0, 0, 1]]);
    const l2 = customerLedger(log, {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 29 },
      end: '2024-01-31',
    });
    expect(lines(l2.total.rows)).toEqual([['2024-01', 0, 1, 0, 1, 0]]);
  });

  it('ignores refunds for activity and keeps those before a first purchase unattributed', () => {
    const log = makeLog([
      ['x', '2024-01-03', '-5'],
      ['x', '2024-01-10', '30'],
      ['x', '2024-03-01', '-10'],
      ['y', '2024-02-01', '-7'],
    ]);
    const l = customerLedger(log, { period: 'month', lossRule: { kind: 'inactivity', days: 30 } });
    expect(lines(l.total.rows)).toEqual([
      ['2024-01', 0, 1, 0, 0, 1],
      ['2024-02', 1, 0, 0, 1, 0],
      ['2024-03', 0, 0, 0, 0, 0],
    ]);
    expect(l.unattributed!.transactions).toBe(2);
    expect(l.unattributed!.revenue.amount.toString()).toBe('-12');
    expect(l.total.rows[2]!.revenue!.current.amount.toString()).toBe('-10');
    expect(l.total.customers).toBe(1);
  });

  it('reports from a later start, with the earlier customers in the opening base', () => {
    const l = customerLedger(makeLog(DOC_ROWS), {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 60 },
      start: '2024-03-15',
      end: '2024-05-31',
    });
    expect(lines(l.total.rows)).toEqual([
      ['2024-03', 2, 1, 0, 1, 2],
      ['2024-04', 2, 0, 0, 1, 1],
      ['2024-05', 1, 0, 1, 1, 1],
    ]);
    expect(l.start).toBe('2024-03-01');
    expect(l.total.rows[0]!.revenue!.previous.amount.toString()).toBe('25');
  });

  it('labels ISO weeks and quarters', () => {
    const log = makeLog([
      ['a', '2023-12-31', '1'],
      ['a', '2024-01-01', '1'],
    ]);
    const weeks = customerLedger(log, {
      period: 'week',
      lossRule: { kind: 'inactivity', days: 3 },
    });
    expect(weeks.total.rows.map((r) => [r.period, r.start, r.end])).toEqual([
      ['2023-W52', '2023-12-25', '2023-12-31'],
      ['2024-W01', '2024-01-01', '2024-01-01'],
    ]);
    const quarters = customerLedger(log, {
      period: 'quarter',
      lossRule: { kind: 'inactivity', days: 3 },
    });
    expect(quarters.total.rows.map((r) => r.period)).toEqual(['2023-Q4', '2024-Q1']);
  });
});

describe('customerLedger: by dimension', () => {
  const log = makeLog([
    ['a', '2024-01-05', '20', 'web'],
    ['a', '2024-01-05', '5', 'app'],
    ['b', '2024-01-20', '35', 'store'],
    ['a', '2024-02-10', '25', 'store'],
    ['c', '2024-03-02', '15'],
  ]);

  it('groups by the acquisition channel (lowest value on a tied first day)', () => {
    const l = customerLedger(log, {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 60 },
      by: 'channel',
      end: '2024-03-31',
    });
    expect(l.dimension!.name).toBe('channel');
    expect(l.dimension!.groups.map((g) => [g.name, g.customers])).toEqual([
      ['(none)', 1],
      ['app', 1],
      ['store', 1],
    ]);
    expect(l.checks.groupsAddUp).toBe(true);
    expect(l.dimension!.groups[1]!.rows.map((r) => r.closing)).toEqual([1, 1, 1]);
  });

  it('groups by a named map, with unassigned customers', () => {
    const l = customerLedger(log, {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 60 },
      by: { name: 'stage', groups: { a: 'loyal', b: 'new' }, unassigned: 'unknown' },
    });
    expect(l.dimension!.groups.map((g) => [g.name, g.customers])).toEqual([
      ['loyal', 1],
      ['new', 1],
      ['unknown', 1],
    ]);
    const viaMap = customerLedger(log, {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 60 },
      by: {
        name: 'stage',
        groups: new Map([
          ['a', 'loyal'],
          ['b', 'new'],
        ]),
        unassigned: 'unknown',
      },
    });
    expect(JSON.stringify(viaMap)).toBe(JSON.stringify(l));
  });
});

describe('customerLedger: cancellation rule', () => {
  const events = [
    { customerId: 'a', date: '2024-01-10', type: 'start' },
    { customerId: 'b', date: '2024-01-15', type: 'start' },
    { customerId: 'b', date: '2024-02-01', type: 'cancel' },
    { customerId: 'b', date: '2024-03-05', type: 'reactivate' },
    { customerId: 'c', date: '2024-02-20', type: 'start' },
    { customerId: 'c', date: '2024-02-20', type: 'cancel' },
    { customerId: 'a', date: '2024-03-31', type: 'cancel' },
  ] as const;

  it('counts starts, cancellations and reactivations as dated', () => {
    const l = customerLedger({ events }, { period: 'month', lossRule: { kind: 'cancellation' } });
    expect(lines(l.total.rows)).toEqual([
      ['2024-01', 0, 2, 0, 0, 2],
      ['2024-02', 2, 1, 0, 2, 1],
      ['2024-03', 1, 0, 1, 1, 1],
    ]);
    expect(l.source).toBe('subscriptions');
    expect(l.currency).toBeNull();
    expect(l.unattributed).toBeNull();
    expect(l.total.rows[0]!.revenue).toBeNull();
    expect(l.checks.revenueBalanced).toBeNull();
    expect(l.checks.ok).toBe(true);
  });

  it('does not depend on the order of same-day events', () => {
    const reordered = [events[5], events[4], ...events.slice(0, 4), events[6]];
    const a = customerLedger({ events }, { period: 'month', lossRule: { kind: 'cancellation' } });
    const b = customerLedger(
      { events: reordered },
      { period: 'month', lossRule: { kind: 'cancellation' } },
    );
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('rejects impossible sequences, naming the row', () => {
    const bad = safeCustomerLedger(
      {
        events: [
          { customerId: 'a', date: '2024-01-10', type: 'start' },
          { customerId: 'a', date: '2024-01-12', type: 'reactivate' },
        ],
      },
      { period: 'month', lossRule: { kind: 'cancellation' } },
    );
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error.code).toBe('input/invalid');
      expect(bad.error.path).toEqual(['events', 1, 'type']);
      expect(bad.error.message).toMatch(/reactivates customer "a", who is subscribed/);
    }
  });
});

describe('customerLedger: model rule (expected counts)', () => {
  // stub: P(alive) = 1 when x = 0, else 1 / (1 + (T − t_x) / k), times in months.
  const log = makeLog([
    ['a', '2024-01-01', '10'],
    ['a', '2024-02-01', '10'],
    ['b', '2024-01-01', '10'],
  ]);
  const l = customerLedger(log, {
    period: 'month',
    lossRule: { kind: 'model', model: stubModel, params: { k: 4 }, timeUnit: 'month' },
    end: '2024-04-30',
  });

  it('counts P(alive) at every period end and books its changes', () => {
    // a: P = 1 at Jan 31 (x = 0); from Feb 1, x = 1 and t_x = 1 month; at Feb 29 T − t_x is
    // 28/29 of a calendar month (Feb 1 to Mar 1 has 29 days), so P = 1 / (1 + (28/29) / 4).
    // b never repeats: P = 1.
    const feb = 1 / (1 + 28 / 29 / 4);
    expect(l.basis).toBe('expected');
    expect(l.total.rows[0]!.closing).toBe(2);
    const row = l.total.rows[1]!;
    expect(row.opening).toBe(2);
    expect(row.closing).toBeCloseTo(1 + feb, 7);
    expect(row.lost).toBeCloseTo(1 - feb, 7);
    expect(row.reactivated).toBe(0);
    expect(row.difference).toBe(0);
    expect(l.checks.ok).toBe(true);
    expect(l.lossRule).toEqual({
      kind: 'model',
      model: 'stub',
      params: { k: 4 },
      timeUnit: 'month',
    });
  });

  it('keeps every figure a multiple of 2^-24', () => {
    for (const row of l.total.rows)
      for (const v of [row.opening, row.acquired, row.reactivated, row.lost, row.closing])
        expect(Number.isInteger(v * 2 ** 24)).toBe(true);
  });

  it('books a rise in P(alive) as an expected reactivation', () => {
    const back = makeLog([
      ['a', '2024-01-01', '10'],
      ['a', '2024-01-02', '10'],
      ['a', '2024-04-01', '10'],
    ]);
    const m = customerLedger(back, {
      period: 'month',
      lossRule: { kind: 'model', model: stubModel, params: { k: 4 }, timeUnit: 'month' },
      end: '2024-04-30',
    });
    const april = m.total.rows[3]!;
    expect(april.reactivated).toBeGreaterThan(0);
    expect(april.lost).toBe(0);
  });
});

describe('customerLedger: errors', () => {
  const log = makeLog(DOC_ROWS as unknown as [string, string, string][]);

  it('needs a loss rule that fits the source', () => {
    const r = safeCustomerLedger(log, { period: 'month', lossRule: { kind: 'cancellation' } });
    expect(r.success || r.error.path).toEqual(['lossRule', 'kind']);
    const s = safeCustomerLedger(
      { events: [{ customerId: 'a', date: '2024-01-01', type: 'start' }] },
      { period: 'month', lossRule: { kind: 'inactivity', days: 30 } },
    );
    expect(s.success).toBe(false);
  });

  it('refuses entries after end and a start after end', () => {
    const r = safeCustomerLedger(log, {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 30 },
      end: '2024-02-01',
    });
    expect(r.success || [r.error.code, r.error.path]).toEqual(['input/invalid', ['end']]);
    const s = safeCustomerLedger(log, {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 30 },
      start: '2025-01-01',
    });
    expect(s.success || s.error.path).toEqual(['start']);
  });

  it('checks options with zod, naming the field', () => {
    try {
      customerLedger(log, { period: 'month', lossRule: { kind: 'inactivity', days: 0 } });
      expect.unreachable();
    } catch (error) {
      expect(isCustomerAssetError(error) && error.code).toBe('input/invalid');
      expect((error as Error).message).toMatch(/^customerLedger: options\.lossRule\.days/);
    }
    const r = safeCustomerLedger(log, {
      period: 'fortnight' as 'month',
      lossRule: { kind: 'inactivity', days: 30 },
    });
    expect(r.success || r.error.path).toEqual(['period']);
  });

  it('checks every event and every hand-made transaction row, naming row and field', () => {
    const r = safeCustomerLedger(
      {
        events: [
          { customerId: 'a', date: '2024-01-10', type: 'start' },
          { customerId: 'a', date: '2024-02-30', type: 'cancel' },
        ],
      },
      { period: 'month', lossRule: { kind: 'cancellation' } },
    );
    expect(r.success || r.error.path).toEqual(['events', 1, 'date']);
    const t = safeCustomerLedger(
      { events: [{ customerId: 'a', date: '2024-01-10', type: 'pause' as 'start' }] },
      { period: 'month', lossRule: { kind: 'cancellation' } },
    );
    expect(t.success || t.error.path).toEqual(['events', 0, 'type']);
    const handMade = {
      ...log,
      transactions: [{ ...log.transactions[0]!, day: 0 }],
    };
    const h = safeCustomerLedger(handMade, {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 30 },
    });
    expect(h.success || h.error.path).toEqual(['transactions', 0, 'day']);
  });

  it('reports an empty source', () => {
    const r = safeCustomerLedger(
      { events: [] },
      { period: 'month', lossRule: { kind: 'cancellation' } },
    );
    expect(r.success || r.error.code).toBe('input/empty');
    const refundsOnly = makeLog([['a', '2024-01-01', '-1']]);
    const s = safeCustomerLedger(refundsOnly, {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 30 },
    });
    expect(s.success || s.error.code).toBe('input/empty');
  });
});
