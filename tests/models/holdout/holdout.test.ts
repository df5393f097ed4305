import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../../src/core/errors.js';
import { parseTransactions, rfmSummary, rfmSummaryFromRows } from '../../../src/data/index.js';
import {
  holdoutReport,
  holdoutTracking,
  safeHoldoutReport,
  safeHoldoutTracking,
} from '../../../src/models/holdout/index.js';
import { poissonExponential, toyExpected } from '../../valuation/helpers/toy-model.js';

const params = { lambda: 0.15, mu: 0.01 };

// Calibration to 2024-03-31 (Sunday), holdout 2024-04-01 .. 2024-04-28: exactly 4 weeks.
const log = parseTransactions(
  [
    { customerId: 'a', date: '2024-01-01', amount: '10' },
    { customerId: 'a', date: '2024-02-01', amount: '12' },
    { customerId: 'a', date: '2024-03-01', amount: '8' },
    { customerId: 'a', date: '2024-04-02', amount: '9' }, // holdout day 2 (week 1)
    { customerId: 'a', date: '2024-04-02', amount: '1' }, // same day: merged
    { customerId: 'a', date: '2024-04-20', amount: '5' }, // day 20 (week 3)
    { customerId: 'b', date: '2024-01-15', amount: '30' },
    { customerId: 'b', date: '2024-04-08', amount: '-30' }, // a refund only: not an occasion
    { customerId: 'c', date: '2024-02-20', amount: '20' },
    { customerId: 'c', date: '2024-03-10', amount: '20' },
    { customerId: 'c', date: '2024-04-07', amount: '20' }, // day 7 (end of week 1)
    { customerId: 'c', date: '2024-04-08', amount: '20' }, // day 8 (week 2)
    { customerId: 'c', date: '2024-04-28', amount: '20' }, // day 28 (week 4)
    { customerId: 'd', date: '2024-04-10', amount: '50' }, // acquired in the holdout: left out
  ],
  { currency: 'USD' },
);
const options = {
  calibrationEnd: '2024-03-31',
  observationEnd: '2024-04-28',
  timeUnit: 'week',
} as const;
const summary = rfmSummary(log, options);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CustomerAssetError ? error.code : 'not-coded';
  }
  return undefined;
}

describe('holdoutReport', () => {
  const report = holdoutReport(poissonExponential, params, summary);
  const histories = summary.customers.map((r) => ({
    frequency: r.frequency,
    recency: r.recency,
    T: r.T,
  }));
  const predicted = histories.map((c) => toyExpected(params, c, 4));
  const actual = [2, 0, 3];

  it('predicts E[Y(duration)] per customer and compares with the holdout counts', () => {
    expect(summary.customers.map((r) => r.customerId)).toEqual(['a', 'b', 'c']);
    expect([...report.actual]).toEqual(actual);
    for (let i = 0; i < 3; i += 1) expect(report.predicted[i]).toBeCloseTo(predicted[i]!, 12);
    expect(report.durations).toEqual([4]);
    expect(report.customers).toBe(3);
    expect(report.totalActual).toBe(5);
  });

  it('reports MAE, RMSE and bias per customer', () => {
    const errors = predicted.map((p, i) => p - actual[i]!);
    expect(report.meanAbsoluteError).toBeCloseTo(
      errors.reduce((s, e) => s + Math.abs(e), 0) / 3,
      12,
    );
    expect(report.rootMeanSquaredError).toBeCloseTo(
      Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / 3),
      12,
    );
    expect(report.bias).toBeCloseTo(errors.reduce((s, e) => s + e, 0) / 3, 12);
  });

  it('tabulates mean actual against mean predicted by calibration frequency 0..6 and 7+', () => {
    expect(report.byFrequency.map((b) => b.label)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7+',
    ]);
    const zero = report.byFrequency[0]!;
    expect(zero).toMatchObject({ from: 0, to: 0, customers: 1, meanActual: 0, totalActual: 0 });
    expect(zero.meanPredicted).toBeCloseTo(predicted[1]!, 12);
    const one = report.byFrequency[1]!;
    expect(one).toMatchObject({ customers: 1, meanActual: 3 });
    expect(report.byFrequency[2]).toMatchObject({ customers: 1, meanActual: 2 });
    expect(report.byFrequency[7]).toMatchObject({ from: 7, to: null, customers: 0, meanActual: 0 });
  });

  it('takes other buckets and weights rows by their count', () => {
    const rows = rfmSummaryFromRows([{ frequency: 3, recency: 2, T: 5, count: 4 }], {
      timeUnit: 'week',
    });
    expect(codeOf(() => holdoutReport(poissonExponential, params, rows))).toBe('input/invalid');
    const custom = holdoutReport(poissonExponential, params, summary, { frequencyBuckets: [0, 2] });
    expect(custom.byFrequency.map((b) => b.label)).toEqual(['0-1', '2+']);
    expect(custom.byFrequency[0]).toMatchObject({ customers: 2, totalActual: 3 });
  });

  it('refuses bad buckets, bad params and a summary without holdout data', () => {
    expect(
      codeOf(() =>
        holdoutReport(poissonExponential, params, summary, { frequencyBuckets: [1, 2] }),
      ),
    ).toBe('input/invalid');
    expect(
      codeOf(() =>
        holdoutReport(poissonExponential, params, summary, { frequencyBuckets: [0, 3, 2] }),
      ),
    ).toBe('input/invalid');
    expect(codeOf(() => holdoutReport(poissonExponential, { lambda: 0, mu: 1 }, summary))).toBe(
      'input/invalid',
    );
    const noHoldout = rfmSummary(log, { timeUnit: 'week', observationEnd: '2024-04-28' });
    const result = safeHoldoutReport(poissonExponential, params, noHoldout);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.path).toEqual(['summary', 'customers', 0, 'holdout']);
  });
});

describe('holdoutTracking', () => {
  const tracking = holdoutTracking(poissonExponential, params, log, options);

  it('counts the holdout occasions of the calibration customers week by week', () => {
    // a: day 2 (two rows merged) and day 20; c: days 7, 8 and 28; b's refund and d are left out.
    expect(tracking.periods.map((p) => p.actual)).toEqual([2, 1, 1, 1]);
    expect(tracking.periods.map((p) => p.cumulativeActual)).toEqual([2, 3, 4, 5]);
    expect(tracking.periods.map((p) => p.end)).toEqual([
      '2024-04-07',
      '2024-04-14',
      '2024-04-21',
      '2024-04-28',
    ]);
    expect(tracking.totalActual).toBe(
      summary.customers.reduce((s, r) => s + (r.holdout?.frequency ?? 0), 0),
    );
    expect(tracking.customers).toBe(3);
  });

  it('accumulates the expected purchases Σ E[Y_i(t_k)]', () => {
    const histories = summary.customers.map((r) => ({
      frequency: r.frequency,
      recency: r.recency,
      T: r.T,
    }));
    tracking.periods.forEach((p, k) => {
      const cumulative = histories.reduce((s, c) => s + toyExpected(params, c, k + 1), 0);
      expect(p.t).toBe(k + 1);
      expect(p.cumulativeExpected).toBeCloseTo(cumulative, 12);
    });
    expect(tracking.totalExpected).toBeCloseTo(
      holdoutReport(poissonExponential, params, summary).totalPredicted,
      12,
    );
  });

  it('tracks by day and ends with a shorter period when the holdout is not whole units', () => {
    const daily = holdoutTracking(poissonExponential, { lambda: 0.02, mu: 0.001 }, log, {
      ...options,
      timeUnit: 'day',
    });
    expect(daily.periods).toHaveLength(28);
    expect(daily.periods[1]!.actual).toBe(1);
    expect(daily.periods[6]!.actual).toBe(1);
    const odd = holdoutTracking(poissonExponential, params, log, {
      ...options,
      observationEnd: '2024-04-24',
    });
    expect(odd.periods).toHaveLength(4);
    expect(odd.periods[3]!.t).toBeCloseTo(24 / 7, 14);
    expect(odd.periods.map((p) => p.actual)).toEqual([2, 1, 1, 0]);
  });

  it('merges occasions by week when asked, as the summary does', () => {
    const weekly = holdoutTracking(poissonExponential, params, log, {
      ...options,
      mergeBy: 'week',
    });
    const weeklySummary = rfmSummary(log, { ...options, mergeBy: 'week' });
    expect(weekly.totalActual).toBe(
      weeklySummary.customers.reduce((s, r) => s + (r.holdout?.frequency ?? 0), 0),
    );
  });

  it('refuses a holdout that ends before it starts', () => {
    const result = safeHoldoutTracking(poissonExponential, params, log, {
      ...options,
      observationEnd: '2024-03-01',
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe('input/invalid');
  });
});
