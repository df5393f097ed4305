import { describe, expect, it } from 'vitest';
import {
  annuityFactor,
  bergerNasrCase1,
  type ClvTiming,
  marginMultiple,
  money,
  multiplyMoney,
  simpleClv,
  simpleClvCashFlows,
  simpleClvElasticities,
  sumMoney,
} from '../../src/money/index.js';
import { caught } from '../helpers/errors.js';
import { expectClose, usd } from '../helpers/money.js';

const base = { margin: usd(100), retention: '0.8', discountRate: '0.1', period: 'year' } as const;

describe('simple retention CLV (clv.three_formulas, Fader & Hardie note 024)', () => {
  it('m=100, r=0.8, d=0.1: 366.6666667 now, 266.6666667 next period, 333.3333333 end of period', () => {
    expectClose(simpleClv({ ...base, timing: 'now' }).value, '366.6666667', 1e-7);
    expectClose(simpleClv({ ...base, timing: 'next-period' }).value, '266.6666667', 1e-7);
    expectClose(simpleClv({ ...base, timing: 'end-of-period' }).value, '333.3333333', 1e-7);
  });

  it('mid-period discounting of case 2 gives 279.6823595 (x (1+d)^0.5)', () => {
    expectClose(simpleClv({ ...base, timing: 'mid-period' }).value, '279.6823595', 1e-7);
  });

  it('a 10-period horizon of case 2 gives 255.6273612', () => {
    const result = simpleClv({ ...base, timing: 'next-period', horizon: 10 });
    expectClose(result.value, '255.6273612', 1e-7);
    expect(result.horizon).toBe(10);
    expect(result.period).toBe('year');
  });

  it('reports the multiple, the period and the timing, frozen', () => {
    const result = simpleClv({ ...base, period: 'quarter', timing: 'next-period' });
    expectClose(result.multiple, '2.666666666666666666666666666666666666667', 1e-38);
    expect(result.period).toBe('quarter');
    expect(result.timing).toBe('next-period');
    expect(result.horizon).toBeNull();
    expect(Object.isFrozen(result)).toBe(true);
    expect(result.value.currency).toBe('USD');
  });

  it('margin growth g: m r / (1 + d - r(1+g))', () => {
    const result = simpleClv({ ...base, timing: 'next-period', growth: '0.05' });
    expectClose(result.value, (100 * 0.8) / (1.1 - 0.8 * 1.05), 1e-12);
  });

  it('Gupta, Lehmann & Stuart: m=100, r=0.8, i=12% is worth 250, not the 5-year annuity 360.48', () => {
    // Expected lifetime 1/(1-r) = 5 years treated as a fixed life overstates the value.
    const correct = simpleClv({ ...base, discountRate: '0.12', timing: 'next-period' }).value;
    expect(correct.amount.toString()).toBe('250');
    const fixedLife = multiplyMoney(usd(100), annuityFactor('0.12', 5));
    expectClose(fixedLife, '360.4776202345', 1e-10);
  });

  it('refuses retention outside [0, 1], divergent infinite sums and missing timing', () => {
    expect(caught(() => simpleClv({ ...base, retention: '1.1', timing: 'now' })).code).toBe(
      'input/invalid',
    );
    const diverges = caught(() =>
      simpleClv({ ...base, retention: '1', discountRate: '0', timing: 'now' }),
    );
    expect(diverges.code).toBe('finance/growth-at-or-above-rate');
    expect(caught(() => simpleClv({ ...base, timing: 'now', growth: '0.4' })).code).toBe(
      'finance/growth-at-or-above-rate',
    );
    // With a finite horizon the same inputs are fine: 5 payments of 100.
    expect(
      simpleClv({
        ...base,
        retention: '1',
        discountRate: '0',
        timing: 'now',
        horizon: 5,
      }).value.amount.toString(),
    ).toBe('500');
    expect(caught(() => simpleClv({ ...base } as never)).code).toBe('input/invalid');
    expect(caught(() => simpleClv({ ...base, timing: 'now', discountRate: '-1' })).code).toBe(
      'finance/invalid-rate',
    );
    expect(
      caught(() => simpleClv({ ...base, timing: 'now', period: 'fortnight' as never })).code,
    ).toBe('input/invalid');
  });
});

describe('the period-by-period stream', () => {
  const timings: ClvTiming[] = ['now', 'next-period', 'end-of-period', 'mid-period'];

  it('adds up to the finite-horizon value for every timing', () => {
    for (const timing of timings) {
      const stream = simpleClvCashFlows({ ...base, timing, growth: '0.02', horizon: 12 });
      expect(stream).toHaveLength(12);
      const total = sumMoney(stream.map((f) => f.presentValue));
      expectClose(
        total,
        simpleClv({ ...base, timing, growth: '0.02', horizon: 12 }).value.amount.toString(),
        1e-30,
      );
    }
  });

  it('states time, survival and discount factor of each margin', () => {
    const [first, second] = simpleClvCashFlows({ ...base, timing: 'mid-period', horizon: 2 });
    expect(first!.time.toString()).toBe('0.5');
    expect(first!.survival.toString()).toBe('0.8');
    expectClose(first!.discountFactor, 1.1 ** -0.5, 1e-15);
    expect(second!.time.toString()).toBe('1.5');
    expect(second!.survival.toString()).toBe('0.64');
    const [now] = simpleClvCashFlows({ ...base, timing: 'now', horizon: 1 });
    expect(now!.time.toString()).toBe('0');
    expect(now!.presentValue.amount.toString()).toBe('100');
    const [end] = simpleClvCashFlows({ ...base, timing: 'end-of-period', horizon: 1 });
    expect(end!.survival.toString()).toBe('1');
    expect(end!.time.toString()).toBe('1');
  });
});

describe('Gupta & Lehmann margin multiple (clv.margin_multiple)', () => {
  const rs = ['0.6', '0.7', '0.8', '0.9'];
  const table: Record<string, number[]> = {
    '0.08': [1.25, 1.84211, 2.85714, 5.0],
    '0.1': [1.2, 1.75, 2.66667, 4.5],
    '0.12': [1.15385, 1.66667, 2.5, 4.09091],
    '0.14': [1.11111, 1.59091, 2.35294, 3.75],
    '0.16': [1.07143, 1.52174, 2.22222, 3.46154],
  };

  it('matches the table to 1e-5 (printed to 5 decimals) and the published 2-dp table', () => {
    for (const [i, row] of Object.entries(table)) {
      rs.forEach((r, k) => {
        const multiple = marginMultiple(r, i);
        expectClose(multiple, row[k]!, 5e-6);
        expect(multiple.toFixed(2)).toBe(row[k]!.toFixed(2));
      });
    }
    // Published (Gupta & Lehmann 2003): i = 10%: 1.20 1.75 2.67 4.50; i = 16%: 1.07 1.52 2.22 3.46.
    expect(rs.map((r) => marginMultiple(r, '0.16').toFixed(2))).toEqual([
      '1.07',
      '1.52',
      '2.22',
      '3.46',
    ]);
  });

  it('with growth: r / (1 + i - r(1+g))', () => {
    expectClose(marginMultiple('0.8', '0.1', '0.05'), 0.8 / (1.1 - 0.84), 1e-14);
    expect(caught(() => marginMultiple('0.9', '0.1', '0.25')).code).toBe(
      'finance/growth-at-or-above-rate',
    );
  });
});

describe('GLS closed-form elasticities', () => {
  it('next-period: (1+i)/(1+i-r), 1, -i/(1+i-r)', () => {
    const e = simpleClvElasticities({
      retention: '0.8',
      discountRate: '0.12',
      timing: 'next-period',
    });
    expectClose(e.retention, '3.5', 1e-38);
    expect(e.margin.toString()).toBe('1');
    expectClose(e.discountRate, '-0.375', 1e-38);
    expect(Object.isFrozen(e)).toBe(true);
  });

  it('retention matters about 5x the discount rate at GLS-like inputs (r = 0.85, quarterly 3%)', () => {
    // GLS's abstract: retention ~5x the discount rate. With r = 0.85, i = 3% a quarter:
    // (1.03)/(0.18) = 5.72 against 0.03/0.18 = 0.167.
    const e = simpleClvElasticities({
      retention: '0.85',
      discountRate: '0.03',
      timing: 'next-period',
    });
    expectClose(e.retention, 1.03 / 0.18, 1e-14);
    expectClose(e.discountRate, -0.03 / 0.18, 1e-14);
  });
});

describe('Berger & Nasr case 1 (clv.berger_nasr_case1)', () => {
  it('GC=260, M=50, r=0.75, d=0.2, n=5 gives 541.8990765', () => {
    const clv = bergerNasrCase1({
      grossContribution: usd(260),
      promotionCost: usd(50),
      retention: '0.75',
      discountRate: '0.2',
      years: 5,
    });
    expectClose(clv, '541.8990765', 1e-6);
    // Brute force of the printed formula in float64.
    let brute = 0;
    for (let i = 0; i <= 5; i++) brute += (260 * 0.75 ** i) / 1.2 ** i;
    for (let i = 1; i <= 5; i++) brute -= (50 * 0.75 ** (i - 1)) / 1.2 ** (i - 0.5);
    expectClose(clv, brute, 1e-10);
  });

  it('refuses mixed currencies', () => {
    const error = caught(() =>
      bergerNasrCase1({
        grossContribution: usd(260),
        promotionCost: money('50', 'EUR'),
        retention: '0.75',
        discountRate: '0.2',
        years: 5,
      }),
    );
    expect(error.code).toBe('money/currency-mismatch');
  });
});
