import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../../src/core/errors.js';
import { betaDiscreteWeibull as bdw } from '../../../src/models/beta-discrete-weibull/index.js';
import { shiftedBetaGeometric as sbg } from '../../../src/models/shifted-beta-geometric/index.js';
import { bruteDel, bruteDerl } from '../shifted-beta-geometric/reference/contractual.js';

const logUniform = (min: number, max: number) =>
  fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const params = fc.record({
  alpha: logUniform(1e-2, 100),
  beta: logUniform(1e-2, 100),
  c: logUniform(0.2, 5),
});

describe('betaDiscreteWeibull laws', () => {
  it('BdW with c = 1 equals the sBG', () => {
    fc.assert(
      fc.property(
        logUniform(1e-2, 100),
        logUniform(1e-2, 100),
        fc.integer({ min: 0, max: 500 }),
        logUniform(0.01, 2),
        (alpha, beta, k, d) => {
          const s = { alpha, beta };
          const b = { alpha, beta, c: 1 };
          expect(Math.abs(bdw.survival(b, k) - sbg.survival(s, k))).toBeLessThan(
            1e-12 * Math.max(1e-300, sbg.survival(s, k)) + 1e-300,
          );
          expect(bdw.retentionRate(b, k + 1)).toBeCloseTo(sbg.retentionRate(s, k + 1), 12);
          const a = bdw.derl(b, { periodsSurvived: k, discountRate: d });
          const e = sbg.derl(s, { periodsSurvived: k, discountRate: d });
          expect(Math.abs(a / e - 1)).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('survival starts at 1 and never increases with age', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 100_000 }), (p, t) => {
        expect(bdw.survival(p, 0)).toBe(1);
        expect(bdw.survival(p, t + 1)).toBeLessThanOrEqual(bdw.survival(p, t));
      }),
    );
  });

  it('DEL and DERL fall as the discount rate rises', () => {
    fc.assert(
      fc.property(
        params,
        logUniform(0.01, 2),
        logUniform(1.01, 3),
        fc.integer({ min: 0, max: 200 }),
        (p, d, f, k) => {
          // Strictly lower wherever the discounted tail is representable; where survival beyond the
          // next renewal underflows (huge churn), both values equal the undiscounted first term.
          const fallsOrTies = (high: number, low: number) =>
            expect(high < low || (high === low && high <= Number.EPSILON * 1e6)).toBe(true);
          fallsOrTies(bdw.del(p, d * f), bdw.del(p, d));
          fallsOrTies(
            bdw.derl(p, { periodsSurvived: k, discountRate: d * f }),
            bdw.derl(p, { periodsSurvived: k, discountRate: d }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the numerical DEL and DERL equal brute-force discounted sums', () => {
    fc.assert(
      fc.property(params, logUniform(0.05, 2), fc.integer({ min: 0, max: 30 }), (p, d, k) => {
        const S = (t: number) => bdw.survival(p, t);
        expect(Math.abs(bdw.del(p, d) / bruteDel(S, d) - 1)).toBeLessThan(1e-10);
        const value = bdw.derl(p, { periodsSurvived: k, discountRate: d });
        expect(Math.abs(value / bruteDerl(S, k + 1, d) - 1)).toBeLessThan(1e-10);
      }),
      { numRuns: 40 },
    );
  });

  it('E[T] is finite exactly when c * alpha > 1, and then equals DEL at d = 0', () => {
    fc.assert(
      fc.property(params, (p) => {
        const life = bdw.expectedLifetime(p);
        expect(life.finite).toBe(p.c * p.alpha > 1);
        if (life.finite) {
          expect(Number.isFinite(life.value) && life.value >= 1).toBe(true);
          expect(bdw.del(p, 0)).toBe(life.value);
          expect(life.value).toBeGreaterThan(bdw.del(p, 0.01));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('outputs are finite numbers, or coded errors, across params near their bounds', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 1e6 }), logUniform(1e-3, 10), (p, k, d) => {
        expect(Number.isFinite(bdw.survival(p, k))).toBe(true);
        expect(Number.isFinite(bdw.churnProbability(p, k + 1))).toBe(true);
        try {
          const value = bdw.derl(p, { periodsSurvived: k, discountRate: d });
          expect(Number.isFinite(value) && value >= 0).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(CustomerAssetError);
        }
      }),
      { numRuns: 60 },
    );
  });
});
