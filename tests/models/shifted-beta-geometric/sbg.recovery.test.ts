import { describe, expect, it } from 'vitest';
import { simulateSubscriptions } from '../../../src/data/simulate-subscriptions.js';
import { survivalTable } from '../../../src/data/survival-table.js';
import { shiftedBetaGeometric as sbg } from '../../../src/models/shifted-beta-geometric/index.js';

describe('shiftedBetaGeometric: simulated cohorts from known parameters are recovered', () => {
  it('100 right-censored cohorts, 100,000 customers: every true value in its 95% interval', () => {
    const truth = { alpha: 0.704, beta: 1.182 };
    const cohorts = Array.from({ length: 100 }, (_, i) => ({
      cohort: `c${i}`,
      size: 1000,
      periods: 1 + (i % 24),
    }));
    const data = sbg.simulate(truth, { cohorts, seed: 2024 });
    const fit = sbg.fit(data);
    expect(fit.observations).toBe(100_000);
    for (const name of ['alpha', 'beta'] as const) {
      const se = fit.standardErrors![name];
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(1.96 * se);
      expect(se / truth[name]).toBeLessThan(0.1);
    }
  });

  it('from a subscription event log through survivalTable to the fit', () => {
    const truth = { alpha: 1.3, beta: 7.8 };
    const { events } = simulateSubscriptions({
      params: truth,
      customers: 30_000,
      start: '2021-01-01',
      acquisitionEnd: '2023-12-31',
      end: '2024-12-31',
      period: 'month',
      seed: 5,
    });
    const table = survivalTable({ events, period: 'month', end: '2024-12-31' });
    expect(table.cohorts.length).toBe(36);
    const fit = sbg.fit(table);
    expect(fit.timeUnit).toBe('month');
    for (const name of ['alpha', 'beta'] as const)
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(
        1.96 * fit.standardErrors![name],
      );
  });
});
