import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import {
  type CustomerEquityTestInput,
  calibrateResponseCurve,
  customerEquityPerProspect,
  customerEquitySurface,
  customerEquityTest,
} from '../../src/roi/index.js';
import { caught, usd } from './helpers.js';

describe('customerEquityPerProspect (Blattberg & Deighton 1996)', () => {
  const ce = (A: string, a: string, R: string, r: string) =>
    customerEquityPerProspect({
      margin: usd('200'),
      discountRate: '0.1',
      acquisitionSpend: usd(A),
      acquisitionRate: a,
      retentionSpend: usd(R),
      retentionRate: r,
    });

  it('the textbook exercise: (A=20, a=.2, R=30, r=.6) gives 56 and (30, .3, 20, .5) gives 70', () => {
    // .2 × 200 − 20 + .2 × (200 − 30/.6) × .6/.5 = 40 − 20 + 36
    expect(ce('20', '0.2', '30', '0.6').amount.toString()).toBe('56');
    // .3 × 200 − 30 + .3 × (200 − 20/.5) × .5/.6 = 60 − 30 + 40
    expect(ce('30', '0.3', '20', '0.5').amount.toString()).toBe('70');
  });

  it('rejects rates outside [0, 1] and retention spend with no retention', () => {
    expect(caught(() => ce('20', '1.2', '30', '0.6')).path).toEqual(['acquisitionRate']);
    expect(caught(() => ce('20', '0.2', '30', '0')).path).toEqual(['retentionRate']);
    expect(ce('20', '0.2', '0', '0').amount.toString()).toBe('20'); // .2 × 200 − 20
  });
});

describe('calibrateResponseCurve', () => {
  it('from a ceiling: k = −ln(1 − rate/ceiling)/spend (REFERENCE.md §7)', () => {
    const a = calibrateResponseCurve({ current: { spend: usd('30'), rate: 0.2 }, ceiling: 0.4 });
    const r = calibrateResponseCurve({ current: { spend: usd('20'), rate: 0.5 }, ceiling: 0.8 });
    expect(a.efficiency).toBeCloseTo(0.023104906018664842, 16); // ln 2 / 30
    expect(r.efficiency).toBeCloseTo(0.049041462650586315, 16); // −ln(0.375)/20
    expect(a.currency).toBe('USD');
  });

  it('from a second point: recovers the curve through both', () => {
    // On the curve 0.4(1 − e^(−0.0231 A)): A = 30 → 0.2, A = 60 → 0.3.
    const curve = calibrateResponseCurve({
      current: { spend: usd('30'), rate: 0.2 },
      judgement: { spend: usd('60'), rate: 0.3 },
    });
    expect(curve.ceiling).toBeCloseTo(0.4, 12);
    expect(curve.efficiency).toBeCloseTo(Math.LN2 / 30, 14);
    const swapped = calibrateResponseCurve({
      current: { spend: usd('60'), rate: 0.3 },
      judgement: { spend: usd('30'), rate: 0.2 },
    });
    expect(swapped.ceiling).toBeCloseTo(0.4, 12);
  });

  it('refuses points no saturating curve passes through', () => {
    const bad = (s2: string, y2: number) =>
      caught(() =>
        calibrateResponseCurve({
          current: { spend: usd('30'), rate: 0.2 },
          judgement: { spend: usd(s2), rate: y2 },
        }),
      );
    expect(bad('60', 0.15).path).toEqual(['judgement']); // falling
    expect(bad('60', 0.45).path).toEqual(['judgement']); // rising faster than proportionally
    expect(bad('31', 0.2066).message).toMatch(/ceiling above 1|saturating/);
    expect(
      caught(() =>
        calibrateResponseCurve({ current: { spend: usd('30'), rate: 0.5 }, ceiling: 0.4 }),
      ).path,
    ).toEqual(['current', 'rate']);
    expect(
      caught(() =>
        calibrateResponseCurve({
          current: { spend: usd('30'), rate: 0.2 },
          judgement: { spend: money('60', 'EUR'), rate: 0.3 },
        }),
      ).code,
    ).toBe('money/currency-mismatch');
  });
});

describe('customerEquityTest: the illustrative calibration of REFERENCE.md §7', () => {
  const input: CustomerEquityTestInput = {
    margin: usd('200'),
    discountRate: '0.1',
    acquisition: calibrateResponseCurve({ current: { spend: usd('30'), rate: 0.2 }, ceiling: 0.4 }),
    retention: calibrateResponseCurve({ current: { spend: usd('20'), rate: 0.5 }, ceiling: 0.8 }),
    current: { acquisitionSpend: usd('30'), retentionSpend: usd('20') },
  };
  const test = customerEquityTest(input);

  it('values today’s budgets: CE = 0.2 × V(20) − 30 with V = (220 − 20)/(1.1 − 0.5)', () => {
    expect(test.current.customerValue.amount.toNumber()).toBeCloseTo(1000 / 3, 10);
    expect(test.current.customerEquity.amount.toNumber()).toBeCloseTo(0.2 * (1000 / 3) - 30, 10);
    expect(test.current.acquisitionRate).toBeCloseTo(0.2, 15);
    expect(test.current.retentionRate).toBeCloseTo(0.5, 15);
  });

  it('finds the optimum (derived with mpmath at 40 digits)', () => {
    const o = test.optimum;
    expect(o.retentionSpend.amount.toNumber()).toBeCloseTo(59.32544342976845, 9);
    expect(o.retentionRate).toBeCloseTo(0.7563935441443476, 12);
    expect(o.customerValue.amount.toNumber()).toBeCloseTo(467.6121587125541, 9);
    expect(o.acquisitionSpend.amount.toNumber()).toBeCloseTo(63.347507076583526, 9);
    expect(o.acquisitionRate).toBeCloseTo(0.30744284463040644, 12);
    expect(o.customerEquity.amount.toNumber()).toBeCloseTo(80.41650518176921, 9);
    expect(test.gainPerProspect.amount.toNumber()).toBeCloseTo(80.41650518176921 - 110 / 3, 9);
  });

  it('the next dollar returns more than a dollar in both today (both budgets are too small)', () => {
    expect(test.current.marginalReturn.acquisition).toBeCloseTo(1.5403270679109895, 12);
    expect(test.current.marginalReturn.retention).toBeCloseTo(3.6195034560359445, 12);
  });

  it('at the optimum the last dollar returns one in each, and Pfeifer’s rule holds', () => {
    const o = test.optimum;
    expect(o.marginalReturn.acquisition).toBeCloseTo(1, 12);
    expect(o.marginalReturn.retention).toBeCloseTo(1, 12);
    const value = o.customerValue.amount.toNumber();
    expect(o.marginalCost.acquire.amount.toNumber()).toBeCloseTo(value, 9);
    expect(o.marginalCost.retain.amount.toNumber()).toBeCloseTo(value, 9);
  });

  it('gives customer equity as a function of both budgets, peaking at the optimum', () => {
    const surface = customerEquitySurface(input, {
      steps: 41,
      maxAcquisitionSpend: 120,
      maxRetentionSpend: 120,
    });
    expect(surface.values).toHaveLength(41);
    expect(surface.values[0]).toHaveLength(41);
    expect(surface.acquisitionSpends[20]).toBe(60);
    const max = Math.max(...surface.values.flat());
    expect(max).toBeLessThanOrEqual(surface.optimum.value);
    expect(surface.optimum.value).toBeCloseTo(80.41650518176921, 10);
    expect(surface.values[0]![0]).toBe(0); // no spend, no customers
  });

  it('rejects a retention ceiling at or above 1 + d and curves in another currency', () => {
    const euros = calibrateResponseCurve({
      current: { spend: money('20', 'EUR'), rate: 0.5 },
      ceiling: 0.8,
    });
    expect(caught(() => customerEquityTest({ ...input, retention: euros })).code).toBe(
      'money/currency-mismatch',
    );
    expect(caught(() => customerEquityTest({ ...input, discountRate: '-0.3' })).code).toBe(
      'finance/growth-at-or-above-rate',
    );
  });

  it('a curve too weak to pay: no acquisition at the optimum', () => {
    const weak = customerEquityTest({
      ...input,
      acquisition: calibrateResponseCurve({
        current: { spend: usd('300'), rate: 0.01 },
        ceiling: 0.02,
      }),
    });
    expect(weak.optimum.acquisitionSpend.amount.toNumber()).toBe(0);
    expect(weak.optimum.customerEquity.amount.toNumber()).toBe(0);
    expect(weak.optimum.marginalReturn.acquisition).toBeLessThanOrEqual(1);
  });
});
