import { describe, expect, it } from 'vitest';
import { hyp2f1 } from '../../src/math/index.js';
import { shiftedBetaGeometric } from '../../src/models/shifted-beta-geometric/index.js';
import { money } from '../../src/money/index.js';
import {
  acquisitionEconomics,
  type CustomerBase,
  retentionVsAcquisition,
  safeRetentionVsAcquisition,
} from '../../src/roi/index.js';
import { caught, D40, expectClose, referenceBase, sbgParams, usd } from './helpers.js';

describe('retentionVsAcquisition: simple rates, no acquisition (GLS closed forms)', () => {
  const rva = retentionVsAcquisition({
    base: referenceBase,
    discountRate: '0.1',
    acquisitionCost: usd('300'),
  });

  it('values the base and one more point of retention', () => {
    // N m r/(1 + d − r) = 1e5 × 160/0.3
    expectClose(rva.customerEquity, new D40(16e6).div('0.3').toString(), '1e-25');
    // N m [(r + .01)/(1 + d − r − .01) − r/(1 + d − r)] = 2e7 (0.81/0.29 − 0.8/0.3)
    const gain = new D40(2e7).times(new D40('0.81').div('0.29').minus(new D40('0.8').div('0.3')));
    expectClose(rva.retentionGain, gain.toString(), '1e-25');
    expect(rva.retentionGain.amount.toFixed(2)).toBe('2528735.63');
  });

  it('finds the acquisition spend that buys the same gain, and their ratio', () => {
    // A new customer is worth m(1 + d)/(1 + d − r) = 733.33; net of CAC 433.33.
    const net = new D40(220).div('0.3').minus(300);
    const gain = rva.retentionGain.amount;
    expectClose(
      rva.equivalentAcquisition!.customers,
      new D40(gain.toString()).div(net).toString(),
      '1e-25',
    );
    expectClose(
      rva.equivalentAcquisition!.spend,
      new D40(gain.toString()).div(net).times(300).toString(),
      '1e-20',
    );
    // ratio = CAC/(CLV − CAC) = 300/433.33 = 0.6923
    expectClose(rva.spendPerDollarOfGain!, new D40(300).div(net).toString(), '1e-30');
    // Acquisition returns CLV/CAC = 733.33/300 per $1; retention matches it up to gain × 300/733.33.
    expectClose(
      rva.breakEvenRetentionSpend!,
      new D40(gain.toString()).times(300).times('0.3').div(220).toString(),
      '1e-20',
    );
  });

  it('gives the GLS elasticities: (1+d)/(1+d−r), 1, 0 and −d/(1+d−r)', () => {
    const e = rva.elasticities!;
    expect(e.retention!).toBeCloseTo(1.1 / 0.3, 10);
    expect(e.margin).toBe(1);
    expect(e.acquisitionCost).toBe(0);
    expect(e.discountRate).toBeCloseTo(-0.1 / 0.3, 10);
  });

  it('gives the discrete 1% improvements as GLS report them', () => {
    const i = rva.onePercentImprovement!;
    // r × 1.01 = 0.808: (0.808/0.292)/(0.8/0.3) − 1
    expect(i.retention!).toBeCloseTo((0.808 / 0.292 / (0.8 / 0.3) - 1) * 100, 9);
    expect(i.margin).toBe(1);
    expect(i.acquisitionCost).toBe(0);
    // d × 0.99 = 0.099: (0.3/0.299 − 1) × 100
    expect(i.discountRate).toBeCloseTo((0.3 / 0.299 - 1) * 100, 9);
  });
});

describe('retentionVsAcquisition: with future cohorts (GLS customer equity)', () => {
  const rva = retentionVsAcquisition({
    base: referenceBase,
    discountRate: '0.1',
    acquisitionCost: usd('300'),
    newCustomersPerPeriod: 10_000,
  });

  it('customer equity = existing + Σ_τ v^τ n (CLV_new − CAC)', () => {
    // 1e5 × 533.33 + (1e4/0.1)(733.33 − 300) = 53.33M + 73.33M − 30M
    expectClose(rva.customerEquity, '96666666.66666666666666666666666666667', '1e-20');
    expectClose(rva.futureCustomers, '73333333.33333333333333333333333333333', '1e-20');
    expectClose(rva.acquisitionSpend, '30000000', '1e-20');
    expectClose(rva.retentionGain, '5057471.264367816091954022988505747126', '1e-20');
  });

  it('margin elasticity is 1 + acquisition share; acquisition cost is minus that share', () => {
    const share = 30 / (290 / 3);
    expect(rva.elasticities!.margin).toBeCloseTo(1 + share, 12);
    expect(rva.elasticities!.acquisitionCost).toBeCloseTo(-share, 12);
    expect(rva.onePercentImprovement!.acquisitionCost).toBeCloseTo(share, 12);
  });

  it('retention and discount-rate elasticities match the derivatives (mpmath)', () => {
    expect(rva.elasticities!.retention!).toBeCloseTo(4.045977011494253, 9);
    expect(rva.elasticities!.discountRate).toBeCloseTo(-0.8160919540229885, 9);
    expect(rva.onePercentImprovement!.retention!).toBeCloseTo(4.156825696740671, 9);
    expect(rva.onePercentImprovement!.discountRate).toBeCloseTo(0.8237140171173155, 9);
  });
});

describe('retentionVsAcquisition: finite horizon and other bases', () => {
  it('counts only the horizon', () => {
    const rva = retentionVsAcquisition({
      base: referenceBase,
      discountRate: '0.1',
      acquisitionCost: usd('300'),
      horizon: 10,
    });
    expectClose(rva.retentionGain, '2118170.428281258425083527436063041994', '1e-20');
    expect(rva.horizon).toBe(10);
    expect(rva.acquisition.paybackSearchedPeriods).toBe(10);
  });

  const sbgBase: CustomerBase = {
    kind: 'sbg',
    params: sbgParams,
    customersByTenure: [369, 163, 86, 56, 37],
    margin: usd('100'),
    period: 'year',
  };

  it('values an sBG base by DERL and a new subscriber by DEL (Fader & Hardie 2010)', () => {
    const rva = retentionVsAcquisition({
      base: sbgBase,
      discountRate: '0.1',
      acquisitionCost: usd('150'),
    });
    // Σ_k n_k m DERL(k + 1)/(1 + d), DERL(n) = (β+n−1)/(α+β+n−1) ₂F₁(1, β+n; α+β+n; 1/(1+d))
    const { alpha: a, beta: b } = sbgParams;
    const derl = (n: number) =>
      ((b + n - 1) / (a + b + n - 1)) * hyp2f1(1, b + n, a + b + n, 1 / 1.1);
    const expected = [369, 163, 86, 56, 37].reduce(
      (s, count, k) => s + (count * 100 * derl(k + 1)) / 1.1,
      0,
    );
    expect(expected).toBeCloseTo(237441.406656392, 6);
    expect(rva.existingCustomers.amount.toNumber()).toBeCloseTo(237441.406656392, 6);
    expect(rva.acquisition.breakEvenAcquisitionCost.amount.toNumber()).toBeCloseTo(
      362.0990599975045,
      8,
    );
    expect(rva.aggregateRetention).toBeCloseTo(0.7091219683713429, 14);
    expect(rva.retentionGain.amount.gt(0)).toBe(true);
  });

  it('agrees with the sBG model’s own DERL and DEL (shiftedBetaGeometric)', () => {
    const rva = retentionVsAcquisition({
      base: sbgBase,
      discountRate: '0.1',
      acquisitionCost: usd('150'),
    });
    const derl = shiftedBetaGeometric.derlByTenure(sbgParams, {
      periodsSurvived: [0, 1, 2, 3, 4],
      discountRate: 0.1,
    });
    const expected = [369, 163, 86, 56, 37].reduce(
      (s, count, k) => s + (count * 100 * derl[k]!) / 1.1,
      0,
    );
    expect(rva.existingCustomers.amount.toNumber() / expected).toBeCloseTo(1, 12);
    const del = shiftedBetaGeometric.del(sbgParams, 0.1);
    expect(rva.acquisition.breakEvenAcquisitionCost.amount.toNumber() / (100 * del)).toBeCloseTo(
      1,
      12,
    );
  });

  it('the perpetuity shortcut for a churn-scaled sBG equals the long finite sum', () => {
    const infinite = retentionVsAcquisition({
      base: sbgBase,
      discountRate: '0.1',
      acquisitionCost: usd('150'),
      newCustomersPerPeriod: 50,
      retentionPoints: 0.05,
    });
    const finite = retentionVsAcquisition({
      base: sbgBase,
      discountRate: '0.1',
      acquisitionCost: usd('150'),
      newCustomersPerPeriod: 50,
      retentionPoints: 0.05,
      horizon: 700,
    });
    const rel = (x: { amount: { toNumber(): number } }, y: { amount: { toNumber(): number } }) =>
      Math.abs(x.amount.toNumber() / y.amount.toNumber() - 1);
    expect(rel(finite.retentionGain, infinite.retentionGain)).toBeLessThan(1e-9);
    expect(rel(finite.customerEquity, infinite.customerEquity)).toBeLessThan(1e-9);
  });

  it('a customer-values base maps each customer to its equivalent retention', () => {
    // Two customers: V = 533.33 with e = 160 (r = 0.8, m = 200); V = 100 with e = 50 (r = 0.6, m = 83.33).
    const rva = retentionVsAcquisition({
      base: {
        kind: 'customer-values',
        customers: [
          {
            residualValue: usd('533.3333333333333333333333333333333333333'),
            nextPeriodMargin: usd('160'),
          },
          { residualValue: usd('100'), nextPeriodMargin: usd('50'), count: 3 },
        ],
        valuedAt: '0.1',
        newCustomer: { margin: usd('100'), retention: '0.7' },
        period: 'year',
      },
      discountRate: '0.1',
      acquisitionCost: usd('50'),
    });
    expect(rva.existingCustomers.amount.toNumber()).toBeCloseTo(533.3333333333 + 300, 8);
    expect(rva.aggregateRetention).toBeCloseTo((0.8 + 3 * 0.6) / 4, 14);
    // A new customer: 100 × 1.1/(1.1 − 0.7) = 275
    expect(rva.acquisition.breakEvenAcquisitionCost.amount.toNumber()).toBeCloseTo(275, 10);
  });

  it('rejects customer values that no retention rate explains', () => {
    const bad = (residualValue: string, nextPeriodMargin: string) =>
      caught(() =>
        retentionVsAcquisition({
          base: {
            kind: 'customer-values',
            customers: [
              { residualValue: usd(residualValue), nextPeriodMargin: usd(nextPeriodMargin) },
            ],
            valuedAt: '0.1',
            newCustomer: { margin: usd('100'), retention: '0.7' },
            period: 'year',
          },
          discountRate: '0.1',
          acquisitionCost: usd('50'),
        }),
      );
    // e >= (1 + d)V: retention <= 0; e < dV: retention > 1.
    expect(bad('100', '120').path).toEqual(['base', 'customers', 0]);
    expect(bad('100', '5').message).toMatch(/outside \(0, 1\]/);
    expect(bad('0', '0').code).toBe('input/empty');
  });
});

describe('acquisitionEconomics', () => {
  it('break-even CAC m(1+d)/(1+d−r), CLV/CAC and payback (hand-checked)', () => {
    const unit = acquisitionEconomics({
      base: { kind: 'rates', customers: 1, margin: usd('100'), retention: '0.8', period: 'year' },
      acquisitionCost: usd('250'),
      discountRate: '0.1',
    });
    expectClose(unit.breakEvenAcquisitionCost, new D40(110).div('0.3').toString(), '1e-30');
    expectClose(unit.clvToCac!, new D40(110).div('0.3').div(250).toString(), '1e-30');
    // Expected margins 100, 80, 64, 51.2: cumulative −150, −70, −6, +45.2 → 2 + 6/51.2
    expectClose(unit.payback.simple!, new D40(6).div('51.2').plus(2).toString(), '1e-30');
    // Discounted: 100, 72.73, 52.89, 38.47 → −150, −77.27, −24.38, +14.09 → 2 + 24.38/38.47
    const disc = [100, 80 / 1.1, 64 / 1.21, 51.2 / 1.331];
    const short = 250 - disc[0]! - disc[1]! - disc[2]!;
    expect(unit.payback.discounted!.toNumber()).toBeCloseTo(2 + short / disc[3]!, 12);
  });

  it('null payback when a customer never repays the CAC; null ratio for a free acquisition', () => {
    const base = {
      kind: 'rates',
      customers: 1,
      margin: usd('10'),
      retention: '0.5',
      period: 'month',
    } as const;
    const never = acquisitionEconomics({ base, acquisitionCost: usd('25'), discountRate: '0.01' });
    expect(never.payback.simple).toBeNull(); // at most 10/(1 − 0.5) = 20 < 25
    const free = acquisitionEconomics({ base, acquisitionCost: usd('0'), discountRate: '0.01' });
    expect(free.clvToCac).toBeNull();
    expect(free.payback.simple?.toString()).toBe('0');
  });
});

describe('retentionVsAcquisition: bad input', () => {
  const input = { base: referenceBase, discountRate: '0.1', acquisitionCost: usd('300') };

  it('needs a positive discount rate for an infinite horizon', () => {
    const result = safeRetentionVsAcquisition({ ...input, discountRate: '0' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe('finance/invalid-rate');
    expect(retentionVsAcquisition({ ...input, discountRate: '0', horizon: 5 }).horizon).toBe(5);
  });

  it('rejects an uplift beyond retention 1, a CAC in another currency or negative', () => {
    expect(caught(() => retentionVsAcquisition({ ...input, retentionPoints: 0.3 })).path).toEqual([
      'retentionPoints',
    ]);
    expect(
      caught(() => retentionVsAcquisition({ ...input, acquisitionCost: money('3', 'EUR') })).code,
    ).toBe('money/currency-mismatch');
    expect(
      caught(() => retentionVsAcquisition({ ...input, acquisitionCost: usd('-3') })).path,
    ).toEqual(['acquisitionCost']);
  });

  it('returns null equivalents when acquisition does not pay', () => {
    const rva = retentionVsAcquisition({ ...input, acquisitionCost: usd('800') });
    expect(rva.equivalentAcquisition).toBeNull();
    expect(rva.spendPerDollarOfGain).toBeNull();
    expect(Object.isFrozen(rva)).toBe(true);
  });
});
