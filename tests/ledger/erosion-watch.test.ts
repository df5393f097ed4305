import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/data/calendar.js';
import { simulateSubscriptions } from '../../src/data/simulate-subscriptions.js';
import { simulateTransactions } from '../../src/data/simulate-transactions.js';
import type { TransactionLog } from '../../src/data/types.js';
import {
  contractualValuation,
  erosionWatch,
  retentionValuation,
  safeErosionWatch,
  transactionValuation,
} from '../../src/ledger/index.js';
import { bgNbd } from '../../src/models/bg-nbd/index.js';
import { shiftedBetaGeometric } from '../../src/models/shifted-beta-geometric/index.js';
import { money } from '../../src/money/index.js';
import { isoDate } from './helpers.js';

describe('erosionWatch: hand-checked constant retention', () => {
  // 40 subscribers start on 2023-01-15; r = 0.98 a month, so 0.8 cancellations are expected a month
  // among 40; 12 cancel on 2023-06-15.
  const events: { customerId: string; date: string; type: 'start' | 'cancel' }[] = [];
  for (let i = 0; i < 40; i += 1) {
    events.push({ customerId: `c${i}`, date: '2023-01-15', type: 'start' });
    if (i < 12) events.push({ customerId: `c${i}`, date: '2023-06-15', type: 'cancel' });
  }
  const watch = erosionWatch(
    { events },
    {
      period: 'month',
      valuation: retentionValuation({ period: 'month' }),
      assumptions: { retention: 0.98, margin: money('20', 'USD'), discountRate: 0.01 },
      recent: 3,
      level: 0.95,
      end: '2023-06-30',
    },
  );
  const total = watch.groups[0]!;

  it('expects 1 − r cancellations per subscriber and renewal', () => {
    expect(watch.measure).toBe('cancellations');
    expect(watch.adverse).toBe('above');
    expect(watch.window).toEqual({
      start: '2023-04-01',
      end: '2023-06-30',
      periods: ['2023-04', '2023-05', '2023-06'],
    });
    expect(total.periods.map((p) => p.expected)).toEqual(
      [0.8, 0.8, 0.8].map((x) => expect.closeTo(x, 12)),
    );
    expect(total.periods.map((p) => p.actual)).toEqual([0, 0, 12]);
    expect(total.expected).toBeCloseTo(2.4, 12);
    // variance 40 × 0.02 × 0.98 per month; baseline Feb and Mar had no cancellations: z² = 0.8/0.98 each
    expect(watch.dispersion).toBe(1);
    expect(watch.baselineCells).toBe(2);
    expect(total.upper).toBeCloseTo(2.4 + 1.959963984540054 * Math.sqrt(3 * 40 * 0.02 * 0.98), 8);
    expect(total.status).toBe('above');
  });

  it('values the watched base and the excess cancellations', () => {
    // each subscriber at 2023-03-31: 20 × 0.98 × 1.01 / 0.03 × 1.01^-(15/31) (half way to Apr 15)
    const each = Math.round(((20 * 0.98 * 1.01) / 0.03) * 1.01 ** -(15 / 31) * 100) / 100;
    expect(total.value.amount.toNumber()).toBeCloseTo(40 * each, 2);
    expect(total.valueAtRisk.amount.toNumber()).toBeCloseTo((12 - 2.4) * each, 1);
    expect(watch.alerts.map((g) => [g.dimension, g.group])).toEqual([
      ['total', 'total'],
      ['cohort', '2023-01'],
    ]);
  });
});

describe('erosionWatch: sBG subscribers', () => {
  const params = { alpha: 1.2, beta: 4 };
  const sim = simulateSubscriptions({
    params,
    customers: 3000,
    start: '2023-01-01',
    acquisitionEnd: '2023-06-30',
    end: '2024-06-30',
    seed: 11,
  });
  const half = Object.fromEntries(
    sim.customers.map((c, i) => [c.customerId, i % 2 === 0 ? 'promo' : 'organic']),
  );
  const options = {
    period: 'month',
    valuation: contractualValuation({ model: shiftedBetaGeometric, period: 'month' }),
    assumptions: { retention: params, margin: money('15', 'USD'), discountRate: 0.008 },
    by: { name: 'campaign', groups: half },
    recent: 3,
    level: 0.99,
  } as const;

  it('raises no alert when cancellations follow the model', () => {
    const watch = erosionWatch({ events: sim.events }, options);
    expect(watch.alerts).toEqual([]);
    const total = watch.groups[0]!;
    expect(Math.abs(total.actual - total.expected)).toBeLessThan(3 * Math.sqrt(total.expected));
  });

  it('flags the group that loses customers faster than expected, ranked by value at risk', () => {
    // a fifth of the promo subscribers still active on 2024-04-01 cancel in May 2024
    const cancelled = new Set(
      sim.events.filter((e) => e.type === 'cancel').map((e) => e.customerId),
    );
    const extra = sim.customers
      .filter((c, i) => i % 2 === 0 && i % 5 === 0 && !cancelled.has(c.customerId))
      .map((c) => ({ customerId: c.customerId, date: '2024-05-10', type: 'cancel' as const }));
    const watch = erosionWatch({ events: [...sim.events, ...extra] }, options);
    expect(watch.alerts[0]!.dimension).toBe('campaign');
    expect(watch.alerts[0]!.group).toBe('promo');
    expect(watch.alerts.some((g) => g.group === 'organic')).toBe(false);
    const promo = watch.groups.find((g) => g.group === 'promo')!;
    expect(promo.periods.find((p) => p.period === '2024-05')!.status).toBe('above');
    expect(Number(promo.valueAtRisk.amount)).toBeGreaterThan(0);
    const values = watch.alerts.map((g) => Number(g.valueAtRisk.amount));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
  });
});

describe('erosionWatch: BG/NBD buyers', () => {
  const params = { r: 0.8, alpha: 6, a: 0.6, b: 3 };
  const sim = simulateTransactions({
    model: 'bg-nbd',
    params,
    customers: 2000,
    start: '2023-01-01',
    acquisitionEnd: '2023-03-31',
    end: '2024-01-01',
    seed: 5,
    spend: { amount: '20' },
  });
  const options = {
    period: 'month',
    valuation: transactionValuation({ model: bgNbd, timeUnit: 'week' }),
    assumptions: {
      retention: params,
      spend: { kind: 'fixed', amount: money('20', 'USD') },
      margin: 0.3,
      discountRate: 0.002,
    },
    recent: 2,
    level: 0.99,
  } as const;

  it('raises no alert when purchases follow the model', () => {
    const watch = erosionWatch(sim.log, options);
    expect(watch.measure).toBe('repeat-purchases');
    expect(watch.alerts).toEqual([]);
  });

  it('flags a cohort that goes quiet', () => {
    // February's customers stop buying in the last two months
    const cutoff = parseIsoDate('2023-11-01')!;
    const feb = new Set(
      sim.customers.filter((c) => c.acquisitionDate.startsWith('2023-02')).map((c) => c.customerId),
    );
    const quiet: TransactionLog = {
      ...sim.log,
      transactions: sim.log.transactions.filter((t) => !(feb.has(t.customerId) && t.day >= cutoff)),
    };
    const watch = erosionWatch(quiet, { ...options, end: isoDate(parseIsoDate('2023-12-31')!) });
    const cohort = watch.groups.find((g) => g.group === '2023-02')!;
    expect(cohort.status).toBe('below');
    expect(cohort.actual).toBe(0);
    expect(watch.alerts.map((g) => g.group)).toContain('2023-02');
    expect(Number(cohort.valueAtRisk.amount)).toBeCloseTo(Number(cohort.value.amount), 0);
  });

  it('refuses a subscription valuation for a transaction log', () => {
    const r = safeErosionWatch(sim.log, {
      period: 'month',
      valuation: retentionValuation({ period: 'month' }),
      assumptions: { retention: 0.9, margin: money('1', 'USD'), discountRate: 0.01 },
    });
    expect(r.success || r.error.path).toEqual(['valuation']);
  });
});
