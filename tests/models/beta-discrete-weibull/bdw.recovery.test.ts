import { describe, expect, it } from 'vitest';
import { betaDiscreteWeibull as bdw } from '../../../src/models/beta-discrete-weibull/index.js';

describe('betaDiscreteWeibull: simulated cohorts from known parameters are recovered', () => {
  it('60 right-censored cohorts, 120,000 customers: every true value in its 95% interval', () => {
    const truth = { alpha: 0.8, beta: 2.2, c: 1.5 };
    const cohorts = Array.from({ length: 60 }, (_, i) => ({ size: 2000, periods: 3 + (i % 20) }));
    const fit = bdw.fit(bdw.simulate(truth, { cohorts, seed: 77 }));
    for (const name of ['alpha', 'beta', 'c'] as const)
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(
        1.96 * fit.standardErrors![name],
      );
  });
});
