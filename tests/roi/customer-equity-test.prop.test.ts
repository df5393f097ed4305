import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equityAt, optimumOf } from '../../src/roi/customer-equity-test.js';
import { calibrateResponseCurve, customerEquityTest } from '../../src/roi/index.js';
import { usd } from './helpers.js';

/** A random calibration: margin, discount, ceilings and one observed point each. */
const problem = fc
  .record({
    margin: fc.integer({ min: 20, max: 2000 }),
    discount: fc.integer({ min: 2, max: 30 }),
    ca: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
    aShare: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    A: fc.integer({ min: 1, max: 200 }),
    cr: fc.double({ min: 0.3, max: 0.95, noNaN: true }),
    rShare: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    R: fc.integer({ min: 1, max: 200 }),
  })
  .map((p) => {
    const acquisition = calibrateResponseCurve({
      current: { spend: usd(p.A), rate: p.ca * p.aShare },
      ceiling: p.ca,
    });
    const retention = calibrateResponseCurve({
      current: { spend: usd(p.R), rate: p.cr * p.rShare },
      ceiling: p.cr,
    });
    return {
      input: {
        margin: usd(p.margin),
        discountRate: `0.${String(p.discount).padStart(2, '0')}`,
        acquisition,
        retention,
        current: { acquisitionSpend: usd(p.A), retentionSpend: usd(p.R) },
      },
      numbers: {
        m: p.margin,
        d: p.discount / 100,
        ca: acquisition.ceiling,
        k1: acquisition.efficiency,
        cr: retention.ceiling,
        k2: retention.efficiency,
      },
    };
  });

describe('customer-equity test laws (fast-check)', () => {
  it('at an interior optimum the marginal return of the last dollar is one in each budget', () => {
    fc.assert(
      fc.property(problem, ({ input }) => {
        const { optimum } = customerEquityTest(input);
        fc.pre(optimum.acquisitionSpend.amount.gt(1e-6) && optimum.retentionSpend.amount.gt(1e-6));
        expect(optimum.marginalReturn.acquisition).toBeCloseTo(1, 8);
        expect(optimum.marginalReturn.retention).toBeCloseTo(1, 8);
        // Pfeifer (2005): marginal cost to acquire = marginal cost to retain = customer value.
        const value = optimum.customerValue.amount.toNumber();
        expect(optimum.marginalCost.acquire.amount.toNumber() / value).toBeCloseTo(1, 8);
        expect(optimum.marginalCost.retain.amount.toNumber() / value).toBeCloseTo(1, 8);
      }),
      { numRuns: 200 },
    );
  });

  it('the optimal budgets beat every nearby budget', () => {
    fc.assert(
      fc.property(
        problem,
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
        ({ numbers }, u, w, scale) => {
          const best = optimumOf(numbers);
          const top = equityAt(numbers, best.A, best.R).equity;
          const A = Math.max(0, best.A + u * scale * (1 + best.A));
          const R = Math.max(0, best.R + w * scale * (1 + best.R));
          expect(equityAt(numbers, A, R).equity).toBeLessThanOrEqual(
            top + 1e-9 * Math.max(1, Math.abs(top)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the optimum is at least as good as today’s budgets', () => {
    fc.assert(
      fc.property(problem, ({ input }) => {
        const test = customerEquityTest(input);
        expect(test.gainPerProspect.amount.toNumber()).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 100 },
    );
  });
});
