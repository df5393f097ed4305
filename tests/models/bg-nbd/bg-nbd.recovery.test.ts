import { describe, expect, it } from 'vitest';
import { bgNbd } from '../../../src/models/bg-nbd/index.js';

describe('BG/NBD parameter recovery', () => {
  it('100,000 customers simulated from known params (exact continuous-time story) are fitted back within 1.96 SE', () => {
    const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const summary = bgNbd.simulate(truth, { customers: 100_000, T: 39, seed: 20_261_123 });
    const fitted = bgNbd.fit(summary);
    expect(fitted.diagnostics.converged).toBe(true);
    expect(fitted.standardErrors).not.toBeNull();
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const se = fitted.standardErrors![name];
      expect(
        Math.abs(fitted.params[name] - truth[name]),
        `${name} = ${fitted.params[name]} ± ${se}`,
      ).toBeLessThan(1.96 * se);
      // and the interval is informative (not a flat direction)
      expect(se / truth[name]).toBeLessThan(0.2);
    }
  });
});
