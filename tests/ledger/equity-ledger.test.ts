import { describe, expect, it } from 'vitest';
import type { EquityMovement } from '../../src/ledger/index.js';
import {
  contractualValuation,
  equityLedger,
  retentionValuation,
  safeEquityLedger,
  transactionValuation,
} from '../../src/ledger/index.js';
import { bgNbd } from '../../src/models/bg-nbd/index.js';
import { shiftedBetaGeometric } from '../../src/models/shifted-beta-geometric/index.js';
import { money } from '../../src/money/index.js';
import { day, makeLog, stubModel } from './helpers.js';

const text = (m: EquityMovement) => ({
  opening: m.opening.amount.toString(),
  acquired: m.acquired.amount.toString(),
  reactivated: m.reactivated.amount.toString(),
  lost: m.lost.amount.toString(),
  marginRealised: m.marginRealised.amount.toString(),
  unwind: m.unwind.amount.toString(),
  experience: m.experience.amount.toString(),
  revaluation: m.revaluation.map((r) => [r.assumption, r.amount.amount.toString()]),
  closing: m.closing.amount.toString(),
  difference: m.difference.amount.toString(),
});

const EVENTS = [
  { customerId: 'a', date: '2024-01-31', type: 'start' },
  { customerId: 'b', date: '2024-01-31', type: 'start' },
  { customerId: 'b', date: '2024-03-15', type: 'cancel' },
] as const;

describe('equityLedger: constant retention, hand-checked', () => {
  // Two subscribers start on Jan 31 (anniversaries Feb 29, Mar 31); m = 10, r = 0.9, d = 1% a month.
  // Just after a payment a subscriber is worth 10 × 0.9 / 0.11 = 81.8181... → 81.82.
  const ledger = equityLedger(
    { events: EVENTS },
    {
      period: 'month',
      lossRule: { kind: 'cancellation' },
      valuation: retentionValuation({ period: 'month' }),
      assumptions: { retention: 0.9, margin: money('10', 'USD'), discountRate: 0.01 },
      revisions: [{ period: '2024-03', assumptions: { discountRate: 0.02, retention: 0.95 } }],
      acquisitionCosts: { '2024-01': money('40', 'USD') },
      end: '2024-03-31',
    },
  );
  const zero = [
    ['retention', '0'],
    ['margin', '0'],
    ['discountRate', '0'],
  ];

  it('books acquisition at CLV (start payment included) and the payment as margin realised', () => {
    expect(text(ledger.total.rows[0]!)).toEqual({
      opening: '0',
      acquired: '183.64', // 2 × (10 + 81.82)
      reactivated: '0',
      lost: '0',
      marginRealised: '20',
      unwind: '0',
      experience: '0',
      revaluation: zero,
      closing: '163.64',
      difference: '0',
    });
  });

  it('accrues interest, takes the renewals and releases the churn allowance of survivors', () => {
    expect(text(ledger.total.rows[1]!)).toEqual({
      opening: '163.64',
      acquired: '0',
      reactivated: '0',
      lost: '0',
      marginRealised: '20',
      unwind: '1.64', // 2 × 81.82 × 1%
      experience: '18.36', // 2 × (81.82 − (81.82 + 0.82 − 10)): the 10% churn priced in, not suffered
      revaluation: zero,
      closing: '163.64',
      difference: '0',
    });
  });

  it('writes off a cancelled subscriber at carrying amount and revalues one assumption at a time', () => {
    expect(text(ledger.total.rows[2]!)).toEqual({
      opening: '163.64',
      acquired: '0',
      reactivated: '0',
      lost: '82.21', // b: 81.82 × 1.01^(15/31) on Mar 15
      marginRealised: '10',
      unwind: '1.21', // a 0.82 + b 0.39
      experience: '9.18',
      revaluation: [
        ['retention', '76.51'], // 10 × 0.95 / 0.06 = 158.33
        ['margin', '0'],
        ['discountRate', '-22.62'], // 10 × 0.95 / 0.07 = 135.71
      ],
      closing: '135.71',
      difference: '0',
    });
    expect(ledger.assumptions[2]!.revised).toEqual(['retention', 'discountRate']);
    expect(ledger.assumptions[2]!.closing).toMatchObject({ retention: 0.95, discountRate: 0.02 });
    expect(ledger.assumptions[1]!.revised).toEqual([]);
  });

  it('carries the customer counts, the statement record and its checks', () => {
    expect(
      ledger.total.rows.map((r) => [r.customers.opening, r.customers.lost, r.customers.closing]),
    ).toEqual([
      [0, 0, 2],
      [2, 0, 2],
      [2, 1, 1],
    ]);
    expect(ledger.valuation).toEqual({
      name: 'retention-rate',
      timeUnit: 'month',
      revaluationOrder: ['retention', 'margin', 'discountRate'],
    });
    expect(ledger.rounding).toEqual({ decimalPlaces: 2, mode: 'half-even' });
    expect(ledger.currency).toBe('USD');
    expect(ledger.checks.ok).toBe(true);
    expect(text(ledger.total.summary)).toMatchObject({
      acquired: '183.64',
      marginRealised: '50',
      closing: '135.71',
      difference: '0',
    });
  });

  it('states acquisition economics per cohort', () => {
    const [jan] = ledger.acquisition!;
    expect(jan!.customers).toBe(2);
    expect(jan!.costPerCustomer!.amount.toString()).toBe('20');
    expect(jan!.clvAtAcquisition!.amount.toString()).toBe('91.82');
    expect(jan!.clvToCac).toBeCloseTo(183.64 / 40, 12);
    expect(jan!.marginToDate.amount.toString()).toBe('50');
    // cumulative margin 20, 40 against a cost of 40: paid back at the end of the second period
    expect(jan!.paybackPeriods).toBe(2);
  });

  it('rounds as declared', () => {
    const fine = equityLedger(
      { events: EVENTS.slice(0, 2) },
      {
        period: 'month',
        lossRule: { kind: 'cancellation' },
        valuation: retentionValuation({ period: 'month' }),
        assumptions: { retention: 0.9, margin: money('10', 'USD'), discountRate: 0.01 },
        rounding: { decimalPlaces: 4, mode: 'half-up' },
        end: '2024-01-31',
      },
    );
    expect(fine.total.rows[0]!.acquired.amount.toString()).toBe('183.6364');
    expect(fine.rounding).toEqual({ decimalPlaces: 4, mode: 'half-up' });
  });
});

describe('contractualValuation (sBG) follows the DERL timing convention', () => {
  const params = { alpha: 0.764, beta: 1.296 };
  const valuation = contractualValuation({ model: shiftedBetaGeometric, period: 'year' });
  const bound = valuation.bind({
    retention: params,
    margin: money('100', 'USD'),
    discountRate: 0.1,
  });
  const S = (t: number) => shiftedBetaGeometric.survival(params, t);
  /** Σ_{t>k} S(t)/S(k) (1.1)^-(t−k): the payments after the k-th renewal, valued at it. */
  const brute = (k: number) => {
    let sum = 0;
    for (let t = k + 1; t < 20_000; t += 1) sum += (S(t) / S(k)) * 1.1 ** -(t - k);
    return 100 * sum;
  };
  const state = (d: number) => ({
    customerId: 'x',
    day: d,
    acquisitionDay: 0,
    spellStartDay: 0,
    lastPurchaseDay: 0,
    repeatPurchases: 0,
    repeatSpend: 0,
  });

  it('values a subscriber just after each renewal at the discounted expected future payments', () => {
    // 1971-01-01 (day 365) is the first anniversary of 1970-01-01, 1972-01-01 (day 730) the second
    expect(bound.value(state(0))).toBeCloseTo(brute(0), 6);
    expect(bound.value(state(365))).toBeCloseTo(brute(1), 6);
    expect(bound.value(state(730))).toBeCloseTo(brute(2), 6);
  });

  it('accrues interest between renewals', () => {
    // half way through the second year (1971-07-02 is day 547 of [365, 730))
    const tau = valuation.clock(state(547), 547);
    expect(tau).toBeCloseTo(1 + 182 / 365, 12);
    expect(bound.value(state(547))).toBeCloseTo(brute(1) * 1.1 ** (182 / 365), 6);
  });

  it('expects cancellations from the retention curve', () => {
    const e = bound.expectation(state(400), 800); // one renewal due (day 730), the second
    const q = 1 - shiftedBetaGeometric.retentionRate(params, 2);
    expect(e.mean).toBeCloseTo(q, 14);
    expect(e.variance).toBeCloseTo(q * (1 - q), 14);
  });
});

describe('transactionValuation: CLV = margin × E(M) × DERT', () => {
  const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const valuation = transactionValuation({ model: bgNbd, timeUnit: 'week' });
  const bound = valuation.bind({
    retention: params,
    spend: { kind: 'gamma-gamma', p: 6.25, q: 3.74, gamma: 15.44 },
    margin: 0.3,
    discountRate: 0.0027,
  });
  // first purchase 1997-01-01, repeats on Jan 29 and Mar 12 (x = 2, t_x = 10 weeks), valued on
  // 1997-04-02 (T = 13 weeks), repeat spend 70 (m_x = 35)
  const state = {
    customerId: 'x',
    day: day('1997-04-02'),
    acquisitionDay: day('1997-01-01'),
    spellStartDay: day('1997-01-01'),
    lastPurchaseDay: day('1997-03-12'),
    repeatPurchases: 2,
    repeatSpend: 70,
  };

  it('multiplies the margin, the Gamma-Gamma conditional spend and the model DERT', () => {
    const spend = ((15.44 + 70) * 6.25) / (6.25 * 2 + 3.74 - 1); // FHL 2005 / note 025
    const dert = bgNbd.dert(params, { frequency: 2, recency: 10, T: 13 }, 0.0027);
    expect(bound.value(state)).toBeCloseTo(0.3 * spend * dert, 10);
    expect(bound.margin(100)).toBeCloseTo(30, 12);
    expect(bound.currency).toBeNull();
  });

  it('expects the model expected purchases over the window', () => {
    const e = bound.expectation(state, day('1997-04-30'));
    expect(e.mean).toBeCloseTo(
      bgNbd.expectedPurchases(params, { frequency: 2, recency: 10, T: 13 }, 4),
      12,
    );
    expect(e.variance).toBe(e.mean);
  });
});

describe('equityLedger on a transaction log', () => {
  const log = makeLog([
    ['a', '2024-01-01', '100'],
    ['a', '2024-01-15', '50'],
    ['b', '2024-01-10', '80'],
    ['b', '2024-03-20', '20'],
  ]);
  const valuation = transactionValuation({ model: stubModel, timeUnit: 'week' });
  const assumptions = {
    retention: { k: 4 },
    spend: { kind: 'fixed', amount: money('40', 'USD') },
    margin: 0.25,
    discountRate: 0.001,
  } as const;

  it('realises margin on every purchase in the base and books the lines exactly', () => {
    const l = equityLedger(log, {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 40 },
      valuation,
      assumptions,
      end: '2024-03-31',
    });
    // margins: Jan 25 + 12.5 + 20 (a's two purchases, b's first); Mar: b back (reactivation, 5)
    expect(l.total.rows.map((r) => r.marginRealised.amount.toString())).toEqual(['57.5', '0', '5']);
    expect(l.total.rows.map((r) => r.customers.lost)).toEqual([0, 2, 0]);
    expect(l.total.rows[2]!.customers.reactivated).toBe(1);
    expect(l.total.rows[1]!.closing.amount.toString()).toBe('0');
    expect(Number(l.total.rows[1]!.lost.amount)).toBeGreaterThan(0);
    expect(Number(l.total.rows[2]!.reactivated.amount)).toBeGreaterThan(5);
    expect(l.checks.ok).toBe(true);
    expect(l.currency).toBe('USD');
  });

  it('books expected churn from P(alive) under the model rule', () => {
    const l = equityLedger(log, {
      period: 'month',
      lossRule: { kind: 'model', model: stubModel, params: { k: 4 }, timeUnit: 'week' },
      valuation,
      assumptions,
      end: '2024-03-31',
    });
    expect(l.basis).toBe('expected');
    expect(Number(l.total.rows[1]!.lost.amount)).toBeGreaterThan(0);
    expect(l.total.rows[1]!.customers.lost).toBeGreaterThan(0);
    expect(l.checks.ok).toBe(true);
  });
});

describe('equityLedger: errors', () => {
  const base = {
    period: 'month' as const,
    lossRule: { kind: 'cancellation' } as const,
    valuation: retentionValuation({ period: 'month' }),
    assumptions: { retention: 0.9, margin: money('10', 'USD'), discountRate: 0.01 },
  };

  it('refuses a valuation of the other kind of source', () => {
    const r = safeEquityLedger(makeLog([['a', '2024-01-01', '1']]), {
      ...base,
      lossRule: { kind: 'inactivity', days: 30 },
    });
    expect(r.success || [r.error.code, r.error.path]).toEqual(['input/invalid', ['valuation']]);
  });

  it('checks revisions: period, assumption names and values', () => {
    const unknownPeriod = safeEquityLedger(
      { events: EVENTS },
      {
        ...base,
        revisions: [{ period: '2023-12', assumptions: { retention: 0.8 } }],
      },
    );
    expect(unknownPeriod.success || unknownPeriod.error.path).toEqual(['revisions', 0, 'period']);
    const unknownKey = safeEquityLedger(
      { events: EVENTS },
      {
        ...base,
        revisions: [{ period: '2024-02', assumptions: { churn: 0.1 } as never }],
      },
    );
    expect(unknownKey.success || unknownKey.error.path).toEqual([
      'revisions',
      0,
      'assumptions',
      'churn',
    ]);
    const badValue = safeEquityLedger(
      { events: EVENTS },
      {
        ...base,
        revisions: [{ period: '2024-02', assumptions: { retention: 1.5 } }],
      },
    );
    expect(badValue.success || badValue.error.message).toMatch(
      /options\.revisions\[0\]\.assumptions\.retention/,
    );
  });

  it('refuses an infinite value and a currency mismatch', () => {
    const infinite = safeEquityLedger(
      { events: EVENTS },
      {
        ...base,
        assumptions: { retention: 1, margin: money('10', 'USD'), discountRate: 0 },
      },
    );
    expect(infinite.success || infinite.error.path).toEqual(['discountRate']);
    const mismatch = safeEquityLedger(
      { events: EVENTS },
      {
        ...base,
        revisions: [{ period: '2024-02', assumptions: { margin: money('10', 'EUR') } }],
      },
    );
    expect(mismatch.success || mismatch.error.code).toBe('money/currency-mismatch');
  });
});

describe('equityLedger leaves its inputs alone', () => {
  it('does not freeze or keep the caller’s assumption objects', () => {
    const retention = { k: 4 };
    const assumptions = {
      retention,
      spend: { kind: 'fixed' as const, amount: money('40', 'USD') },
      margin: 0.25,
      discountRate: 0.001,
    };
    const revision = { margin: 0.3 };
    const l = equityLedger(makeLog([['a', '2024-01-01', '100']]), {
      period: 'month',
      lossRule: { kind: 'inactivity', days: 40 },
      valuation: transactionValuation({ model: stubModel, timeUnit: 'week' }),
      assumptions,
      revisions: [{ period: '2024-01', assumptions: revision }],
    });
    expect(Object.isFrozen(retention)).toBe(false);
    expect(Object.isFrozen(assumptions)).toBe(false);
    expect(Object.isFrozen(revision)).toBe(false);
    expect(l.assumptions[0]!.opening.retention).not.toBe(retention);
    expect(l.assumptions[0]!.closing).toMatchObject({ margin: 0.3 });
    expect(Object.isFrozen(l.assumptions[0]!.opening)).toBe(true);
  });
});

describe('equityLedger beyond 2^53 units', () => {
  it('keeps totals exact when they outgrow float64 integers', () => {
    // each subscriber is worth about 2.75e13 USD at acquisition (2.75e15 cents): four of them
    // exceed 2^53 cents, and the totals are accumulated in bigint
    const options = {
      period: 'month',
      lossRule: { kind: 'cancellation' },
      valuation: retentionValuation({ period: 'month' }),
      assumptions: { retention: 0.9, margin: money('3000000000000', 'USD'), discountRate: 0.01 },
      end: '2024-03-31',
    } as const;
    const one = equityLedger(
      { events: [{ customerId: 'a', date: '2024-01-31', type: 'start' }] },
      options,
    );
    const four = equityLedger(
      {
        events: ['a', 'b', 'c', 'd'].map((customerId) => ({
          customerId,
          date: '2024-01-31',
          type: 'start' as const,
        })),
      },
      options,
    );
    expect(Number(four.total.rows[0]!.acquired.amount) * 100).toBeGreaterThan(2 ** 53);
    for (const [k, row] of four.total.rows.entries()) {
      const single = one.total.rows[k]!;
      for (const key of ['acquired', 'marginRealised', 'unwind', 'experience', 'closing'] as const)
        expect(row[key].amount.eq(single[key].amount.times(4))).toBe(true);
    }
    expect(four.checks.ok).toBe(true);
  });
});
