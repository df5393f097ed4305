import { describe, expect, it } from 'vitest';
import { betaDiscreteWeibull } from '../../src/models/beta-discrete-weibull/index.js';
import { geometric } from '../../src/models/geometric/index.js';
import { shiftedBetaGeometric } from '../../src/models/shifted-beta-geometric/index.js';
import { money, roundMoney } from '../../src/money/index.js';
import {
  subscriberBaseValue,
  subscriberLifetimeValue,
  subscriberResidualValue,
  subscribersByTenure,
  subscribersFromEvents,
} from '../../src/valuation/contractual.js';
import { errorOf } from '../helpers/errors.js';

const HANDBOOK = { alpha: 0.764, beta: 1.296 };
const USD100 = money('100', 'USD');

describe('subscriber values in money (Fader & Hardie 2010; the 2015 handbook example)', () => {
  it('CLV of a new subscriber = margin x DEL, first payment included: $362.02', () => {
    const clv = subscriberLifetimeValue({
      model: shiftedBetaGeometric,
      params: HANDBOOK,
      margin: USD100,
      discountRate: 0.1,
    });
    expect(clv.currency).toBe('USD');
    expect(roundMoney(clv).amount.toString()).toBe('362.02');
    expect(clv.amount.toNumber()).toBeCloseTo(362.019219957, 8);
  });

  it('RLV at the end of periods 1, 2 and 5 (0, 1 and 4 renewals made): $288.22, $393.94, $568.25', () => {
    const values = [0, 1, 4].map((periodsSurvived) =>
      roundMoney(
        subscriberResidualValue({
          model: shiftedBetaGeometric,
          params: HANDBOOK,
          margin: USD100,
          discountRate: 0.1,
          periodsSurvived,
        }),
      ).amount.toString(),
    );
    expect(values).toEqual(['288.22', '393.94', '568.25']);
  });

  it('values a base of mixed tenure as the sum of its subscribers', () => {
    const base = subscriberBaseValue({
      model: shiftedBetaGeometric,
      params: HANDBOOK,
      margin: USD100,
      discountRate: 0.1,
      subscribers: [
        { periodsSurvived: 4, count: 300 },
        { periodsSurvived: 0, count: 600 },
        { periodsSurvived: 0, count: 400 },
      ],
    });
    expect(base.subscribers).toBe(1300);
    expect(base.byTenure.map((row) => [row.periodsSurvived, row.count])).toEqual([
      [0, 1000],
      [4, 300],
    ]);
    const single = (k: number) =>
      shiftedBetaGeometric.derl(HANDBOOK, { periodsSurvived: k, discountRate: 0.1 });
    expect(base.total.amount.toNumber()).toBeCloseTo(100 * (1000 * single(0) + 300 * single(4)), 6);
    expect(base.byTenure[1]!.value.amount.toString()).toBe(
      base.byTenure[1]!.valuePerSubscriber.amount.times(300).toString(),
    );
    expect(Object.isFrozen(base) && Object.isFrozen(base.byTenure[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(base)).total).toEqual({
      amount: base.total.amount.toString(),
      currency: 'USD',
    });
  });

  it('takes any contractual model: BdW and the geometric benchmark', () => {
    const bdw = subscriberResidualValue({
      model: betaDiscreteWeibull,
      params: { alpha: 0.9, beta: 2.5, c: 1.4 },
      margin: money('10', 'EUR'),
      discountRate: 0.05,
      periodsSurvived: 4,
    });
    expect(bdw.amount.toNumber()).toBeCloseTo(53.5634525831554, 9);
    const flat = subscriberResidualValue({
      model: geometric,
      params: { theta: 0.2 },
      margin: money('10', 'EUR'),
      discountRate: 0.1,
      periodsSurvived: 40,
    });
    expect(flat.amount.toNumber()).toBeCloseTo((10 * 0.8 * 1.1) / 0.3, 10);
  });

  it('rejects a wrong model, params of another model, negative rates, bad groups', () => {
    const base = {
      model: shiftedBetaGeometric,
      params: HANDBOOK,
      margin: USD100,
      discountRate: 0.1,
    };
    expect(errorOf(() => subscriberLifetimeValue({ ...base, model: {} as never })).path).toEqual([
      'model',
    ]);
    expect(
      errorOf(() =>
        subscriberLifetimeValue({ ...base, params: { theta: 0.2 } as unknown as typeof HANDBOOK }),
      ).code,
    ).toBe('input/invalid');
    expect(errorOf(() => subscriberLifetimeValue({ ...base, discountRate: -0.1 })).path).toEqual([
      'discountRate',
    ]);
    expect(errorOf(() => subscriberLifetimeValue({ ...base, margin: 100 as never })).path).toEqual([
      'margin',
    ]);
    expect(
      errorOf(() =>
        subscriberBaseValue({ ...base, subscribers: [{ periodsSurvived: 1.5, count: 1 }] }),
      ).path,
    ).toEqual(['subscribers', 0, 'periodsSurvived']);
    expect(errorOf(() => subscriberLifetimeValue({ ...base, discountRate: 0 })).code).toBe(
      'model/undefined-quantity',
    );
  });
});

describe('subscriber bases from tenures and from event logs', () => {
  it('groups one tenure per subscriber, ascending', () => {
    expect(subscribersByTenure(Int32Array.from([3, 0, 3, 1]))).toEqual([
      { periodsSurvived: 0, count: 1 },
      { periodsSurvived: 1, count: 1 },
      { periodsSurvived: 3, count: 2 },
    ]);
    expect(subscribersByTenure([1e9, 2])).toEqual([
      { periodsSurvived: 2, count: 1 },
      { periodsSurvived: 1e9, count: 1 },
    ]);
    expect(errorOf(() => subscribersByTenure([0, -2])).path).toEqual([1]);
  });

  it('counts renewals made by the valuation date and leaves out cancelled subscribers', () => {
    const events = [
      { customerId: 'a', date: '2024-01-31', type: 'start' as const },
      { customerId: 'b', date: '2024-01-15', type: 'start' as const },
      { customerId: 'b', date: '2024-02-10', type: 'cancel' as const },
      { customerId: 'c', date: '2024-03-01', type: 'start' as const },
      { customerId: 'd', date: '2023-03-01', type: 'start' as const },
      { customerId: 'd', date: '2023-06-01', type: 'cancel' as const },
      { customerId: 'd', date: '2023-08-01', type: 'reactivate' as const },
    ];
    // a: anniversaries 2024-02-29 (clamped), 2024-03-31: 2 renewals by 2024-04-15; c: 1 (2024-04-01).
    expect(subscribersFromEvents({ events, period: 'month', end: '2024-04-15' })).toEqual([
      { periodsSurvived: 1, count: 1 },
      { periodsSurvived: 2, count: 1 },
    ]);
    expect(errorOf(() => subscribersFromEvents({ events, end: '2024-01-01' })).path).toEqual([
      'end',
    ]);
    expect(errorOf(() => subscribersFromEvents({ events: [] })).code).toBe('input/empty');
  });
});
