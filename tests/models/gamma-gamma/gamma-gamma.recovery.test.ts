import { expect, it } from 'vitest';
import { rfmSummaryFromRows } from '../../../src/data/index.js';
import { gammaGamma } from '../../../src/models/gamma-gamma/index.js';

// Parameter recovery: 100,000 repeat customers with 1–12 repeat purchases each, mean spends drawn
// from the Gamma-Gamma story at the published CDNOW estimates, fitted back: every true value must
// lie within its 95% interval (estimate ± 1.96 SE).
it('recovers the generating parameters from 100,000 simulated spends within 95% intervals', () => {
  const truth = { p: 6.25, q: 3.74, gamma: 15.44 };
  const counts = rfmSummaryFromRows(
    Array.from({ length: 100_000 }, (_, i) => ({
      frequency: 1 + ((i * 7919) % 12),
      recency: 1,
      T: 2,
    })),
    { timeUnit: 'week' },
  );
  const summary = gammaGamma.simulate(truth, { summary: counts, seed: 2005 });
  const fitted = gammaGamma.fit(summary);
  expect(fitted.diagnostics.converged).toBe(true);
  expect(fitted.observations).toBe(100_000);
  const se = fitted.standardErrors!;
  for (const name of ['p', 'q', 'gamma'] as const) {
    expect(Math.abs(fitted.params[name] - truth[name])).toBeLessThan(1.96 * se[name]);
    expect(se[name]).toBeLessThan(0.05 * truth[name]);
  }
});
