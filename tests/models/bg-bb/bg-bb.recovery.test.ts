import { expect, it } from 'vitest';
import { bgBb } from '../../../src/models/bg-bb/index.js';

// Parameter recovery: 100,000 customers drawn from the BG/BB story (per-opportunity death, then a
// Bernoulli purchase) at the published donations estimates, six opportunities each as in FHS 2010,
// fitted back: every true value must lie within its 95% interval (estimate ± 1.96 SE).
it('recovers the generating parameters of 100,000 simulated customers within 95% intervals', () => {
  const truth = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
  const summary = bgBb.simulate(truth, { customers: 100_000, T: 6, seed: 20100601 });
  const fitted = bgBb.fit(summary);
  expect(fitted.diagnostics.converged).toBe(true);
  expect(fitted.observations).toBe(100_000);
  const se = fitted.standardErrors!;
  for (const name of ['alpha', 'beta', 'gamma', 'delta'] as const) {
    expect(Math.abs(fitted.params[name] - truth[name])).toBeLessThan(1.96 * se[name]);
    expect(se[name]).toBeLessThan(0.1 * truth[name]);
  }
});
