/**
 * The shared-grid DERT of beta-geometric-dert-grid.ts is a faster route to the number the
 * single-customer quadrature (aliveDiscountedCount) gives, never a different rule: the two agree
 * to 1e-11 over a sweep of parameters (a below and above 1), discount rates, ages and frequencies,
 * and the vectorised scores of BG/NBD and MBG/NBD equal their single-customer DERT.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmSummaryFromRows } from '../../../src/data/index.js';
import { bgNbd } from '../../../src/models/bg-nbd/index.js';
import { mbgNbd } from '../../../src/models/mbg-nbd/index.js';
import { DiscountedCountGrid } from '../../../src/models/shared/beta-geometric-dert-grid.js';
import { aliveDiscountedCount } from '../../../src/models/shared/beta-geometric-predict.js';

const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);

const paramsArb = fc.record({
  r: logUniform(0.02, 20),
  alpha: logUniform(0.05, 500),
  a: logUniform(0.05, 20),
  b: logUniform(0.05, 50),
});

const relativeGap = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);

describe('DiscountedCountGrid (shared quadrature grids for K(δ))', () => {
  it('matches a 2-D mpmath quadrature without ₂F₁ (scripts/reference/dert_grid_cases.py) to 1e-13', () => {
    // An old customer whose discount falls within u = 0.03, and a CDNOW-like customer.
    const old = new DiscountedCountGrid(1, 1, 1, 1, 1).value(50, 1381.8417238018617);
    expect(relativeGap(old, 0.0368539448667051)).toBeLessThan(1e-13);
    const cdnow = new DiscountedCountGrid(0.2425945, 4.413602, 0.792922, 2.425907, 0.0026916);
    expect(relativeGap(cdnow.value(2, 38.86), 7.1088731449096745)).toBeLessThan(1e-13);
  });

  it('equals aliveDiscountedCount for every (x, T), one grid serving many customers', () => {
    fc.assert(
      fc.property(
        paramsArb,
        logUniform(1e-5, 1),
        fc.constantFrom(0, 1),
        fc.array(
          fc.record({
            x: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 50, max: 500 })),
            T: fc.oneof(fc.constant(0), logUniform(1e-3, 5000)),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        ({ r, alpha, a, b }, delta, o, customers) => {
          const grid = new DiscountedCountGrid(r, alpha, a, b + o, delta);
          for (const { x, T } of customers) {
            const fast = grid.value(x, T);
            const reference = aliveDiscountedCount(r + x, alpha + T, a, b + x + o, delta);
            expect(relativeGap(fast, reference)).toBeLessThan(1e-11);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('BG/NBD and MBG/NBD score DERT equal the single-customer dert row by row', () => {
    fc.assert(
      fc.property(
        paramsArb,
        logUniform(1e-4, 0.2),
        fc.array(
          fc
            .record({
              x: fc.integer({ min: 0, max: 40 }),
              T: logUniform(0.5, 400),
              u: fc.double({ min: 0, max: 1, noNaN: true }),
            })
            .map(({ x, T, u }) => ({ frequency: x, recency: x === 0 ? 0 : u * T, T })),
          { minLength: 1, maxLength: 6 },
        ),
        (params, discountRate, rows) => {
          const summary = rfmSummaryFromRows(rows, { timeUnit: 'week' });
          for (const model of [bgNbd, mbgNbd]) {
            const scores = model.score(params, summary, { horizon: 0, discountRate });
            rows.forEach((row, i) => {
              const single = model.dert(params, row, discountRate);
              expect(relativeGap(scores.dert![i]!, single)).toBeLessThan(1e-11);
            });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
