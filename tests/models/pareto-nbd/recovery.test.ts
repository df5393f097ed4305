import { describe, expect, it } from 'vitest';
import { paretoNbd } from '../../../src/models/pareto-nbd/index.js';

describe('Pareto/NBD parameter recovery from its own simulator', () => {
  it('100,000 customers drawn from known params (T spread over a year of cohorts): every true value lies within ±1.96 SE', () => {
    const truth = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
    const customers = 100_000;
    const T = Array.from({ length: customers }, (_, i) => 26 + (i % 365) / 7);
    const summary = paretoNbd.simulate(truth, { customers, T, seed: 20_240_601, timeUnit: 'week' });
    const fitted = paretoNbd.fit(summary);
    expect(fitted.diagnostics.converged).toBe(true);
    const se = fitted.standardErrors!;
    for (const k of ['r', 'alpha', 's', 'beta'] as const) {
      const z = Math.abs(fitted.params[k] - truth[k]) / se[k];
      expect(z, `${k}: fitted ${fitted.params[k]}, SE ${se[k]}`).toBeLessThan(1.96);
    }
  });

  it('the simulator matches the model: mean repeat purchases ≈ E[X(T)] and zero share ≈ P(X(T) = 0)', () => {
    const p = { r: 0.8, alpha: 6, s: 1.4, beta: 9 };
    const customers = 40_000;
    const summary = paretoNbd.simulate(p, { customers, T: 30, seed: 5 });
    let total = 0;
    let zeros = 0;
    let recencyBeyondT = 0;
    for (const c of summary.customers) {
      total += c.frequency;
      if (c.frequency === 0) zeros += 1;
      if (c.recency > c.T) recencyBeyondT += 1;
    }
    expect(recencyBeyondT).toBe(0);
    const mean = paretoNbd.expectedPurchasesNewCustomer(p, 30);
    const p0 = paretoNbd.probabilityOfPurchases(p, 0, 30);
    // Monte Carlo error: the SD of X(30) is about 2.5 here, so the mean's SE is about 0.013.
    expect(Math.abs(total / customers - mean)).toBeLessThan(0.05);
    expect(Math.abs(zeros / customers - p0)).toBeLessThan(
      4 * Math.sqrt((p0 * (1 - p0)) / customers),
    );
  });
});
