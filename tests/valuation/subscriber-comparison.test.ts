import { describe, expect, it } from 'vitest';
import { geometric } from '../../src/models/geometric/index.js';
import { shiftedBetaGeometric } from '../../src/models/shifted-beta-geometric/index.js';
import { money, roundMoney } from '../../src/money/index.js';
import { compareWithConstantRetention } from '../../src/valuation/contractual.js';

const HANDBOOK = { alpha: 0.764, beta: 1.296 };

describe('compareWithConstantRetention: the perils of ignoring heterogeneity (Fader & Hardie 2010)', () => {
  it('reproduces the handbook table: constant $343.18 at every tenure, true value rising', () => {
    const table = compareWithConstantRetention({
      model: shiftedBetaGeometric,
      params: HANDBOOK,
      margin: money('100', 'USD'),
      discountRate: 0.1,
      retentionRate: 0.833,
      subscribers: [0, 1, 4].map((periodsSurvived) => ({ periodsSurvived, count: 1 })),
    });
    expect(table.retentionRateSource).toBe('given');
    const show = (m: { amount: { toString(): string } } & Parameters<typeof roundMoney>[0]) =>
      roundMoney(m).amount.toString();
    expect(table.byTenure.map((r) => show(r.heterogeneousValue))).toEqual([
      '288.22',
      '393.94',
      '568.25',
    ]);
    expect(table.byTenure.map((r) => show(r.constantValue))).toEqual([
      '343.18',
      '343.18',
      '343.18',
    ]);
    expect(table.byTenure.map((r) => show(r.difference))).toEqual(['-54.96', '50.76', '225.07']);
    const expectedRates = [1.296 / 2.06, 2.296 / 3.06, 5.296 / 6.06];
    table.byTenure.forEach((r, i) => {
      expect(r.retentionRate).toBeCloseTo(expectedRates[i]!, 14);
    });
    expect(show(table.newSubscriber.heterogeneousValue)).toBe('362.02');
    expect(table.newSubscriber.constantValue.amount.toNumber()).toBeCloseTo(110 / (1.1 - 0.833), 9);
    expect(show(table.total.heterogeneousValue)).toBe('1250.41');
    expect(table.total.understatement).toBeCloseTo((1250.412276 - 3 * 343.183521) / 1250.412276, 5);
  });

  it("defaults to the base's aggregate retention: expected renewals over subscribers", () => {
    const subscribers = [
      { periodsSurvived: 0, count: 1000 },
      { periodsSurvived: 1, count: 631 },
      { periodsSurvived: 6, count: 262 },
    ];
    const table = compareWithConstantRetention({
      model: shiftedBetaGeometric,
      params: HANDBOOK,
      margin: money('100', 'USD'),
      discountRate: 0.1,
      subscribers,
    });
    const renewals = subscribers.reduce(
      (sum, g) =>
        sum + g.count * shiftedBetaGeometric.retentionRate(HANDBOOK, g.periodsSurvived + 1),
      0,
    );
    expect(table.retentionRateSource).toBe('base-aggregate');
    expect(table.retentionRate).toBeCloseTo(renewals / 1893, 14);
    // Jensen + rising retention: the single rate undervalues the base.
    expect(table.total.understatement).toBeGreaterThan(0);
    expect(table.total.difference.amount.toNumber()).toBeCloseTo(
      table.total.heterogeneousValue.amount.toNumber() -
        table.total.constantValue.amount.toNumber(),
      6,
    );
  });

  it('the geometric model compared with its own rate shows no difference', () => {
    const table = compareWithConstantRetention({
      model: geometric,
      params: { theta: 0.25 },
      margin: money('20', 'GBP'),
      discountRate: 0.02,
      subscribers: [
        { periodsSurvived: 0, count: 10 },
        { periodsSurvived: 9, count: 5 },
      ],
    });
    expect(table.retentionRate).toBeCloseTo(0.75, 15);
    expect(Math.abs(table.total.understatement)).toBeLessThan(1e-12);
  });

  it('rejects a retention rate of 1 or more', () => {
    expect(() =>
      compareWithConstantRetention({
        model: shiftedBetaGeometric,
        params: HANDBOOK,
        margin: money('1', 'USD'),
        discountRate: 0.1,
        retentionRate: 1,
        subscribers: [],
      }),
    ).toThrow(/retentionRate/);
  });
});
