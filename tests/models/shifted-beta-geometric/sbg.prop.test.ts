import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../../src/core/errors.js';
import { shiftedBetaGeometric as sbg } from '../../../src/models/shifted-beta-geometric/index.js';
import { bruteDel, bruteDerl } from './reference/contractual.js';

const shape = (min: number, max: number) =>
  fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const params = fc.record({ alpha: shape(1e-3, 1e3), beta: shape(1e-3, 1e3) });
const moderate = fc.record({ alpha: shape(0.05, 20), beta: shape(0.05, 50) });
const rate = shape(1e-3, 5);
const tenure = fc.integer({ min: 0, max: 2000 });

describe('shiftedBetaGeometric laws', () => {
  it('survival starts at 1 and never increases with age', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 100_000 }), (p, t) => {
        expect(sbg.survival(p, 0)).toBe(1);
        const now = sbg.survival(p, t);
        const next = sbg.survival(p, t + 1);
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(next).toBeLessThanOrEqual(now);
      }),
    );
  });

  it('retention rates never decrease with tenure (the sorting effect)', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 100_000 }), (p, t) => {
        expect(sbg.retentionRate(p, t + 1)).toBeGreaterThanOrEqual(sbg.retentionRate(p, t));
      }),
    );
  });

  it('cancellation probabilities up to tau plus survival at tau sum to 1', () => {
    fc.assert(
      fc.property(moderate, fc.integer({ min: 1, max: 60 }), (p, tau) => {
        let total = sbg.survival(p, tau);
        for (let t = 1; t <= tau; t += 1) total += sbg.churnProbability(p, t);
        expect(total).toBeCloseTo(1, 12);
      }),
    );
  });

  it('DERL never decreases with periods survived', () => {
    fc.assert(
      fc.property(params, rate, tenure, (p, d, k) => {
        const now = sbg.derl(p, { periodsSurvived: k, discountRate: d });
        const later = sbg.derl(p, { periodsSurvived: k + 1, discountRate: d });
        expect(later).toBeGreaterThanOrEqual(now * (1 - 1e-12));
      }),
    );
  });

  it('DEL and DERL fall as the discount rate rises', () => {
    fc.assert(
      fc.property(params, rate, shape(1.01, 3), tenure, (p, d, factor, k) => {
        expect(sbg.del(p, d * factor)).toBeLessThan(sbg.del(p, d));
        expect(sbg.derl(p, { periodsSurvived: k, discountRate: d * factor })).toBeLessThan(
          sbg.derl(p, { periodsSurvived: k, discountRate: d }),
        );
      }),
    );
  });

  it('the 2F1 closed forms of DEL and DERL equal brute-force discounted sums', () => {
    fc.assert(
      fc.property(moderate, shape(0.02, 2), fc.integer({ min: 0, max: 50 }), (p, d, k) => {
        const S = (t: number) => sbg.survival(p, t);
        expect(Math.abs(sbg.del(p, d) / bruteDel(S, d) - 1)).toBeLessThan(1e-10);
        const closed = sbg.derl(p, { periodsSurvived: k, discountRate: d });
        expect(Math.abs(closed / bruteDerl(S, k + 1, d) - 1)).toBeLessThan(1e-10);
      }),
      { numRuns: 60 },
    );
  });

  it('DERL for many tenures equals DERL tenure by tenure', () => {
    fc.assert(
      fc.property(params, rate, fc.array(tenure, { minLength: 1, maxLength: 12 }), (p, d, ks) => {
        const many = sbg.derlByTenure(p, { periodsSurvived: ks, discountRate: d });
        ks.forEach((k, i) => {
          const one = sbg.derl(p, { periodsSurvived: k, discountRate: d });
          expect(Math.abs(many[i]! / one - 1)).toBeLessThan(1e-11);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the log-likelihood of several cohorts is the sum of their log-likelihoods', () => {
    const cohort = fc
      .array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 10 })
      .map((losses) => {
        const alive = [500];
        for (const loss of losses) alive.push(Math.max(0, alive[alive.length - 1]! - loss));
        return alive;
      });
    fc.assert(
      fc.property(moderate, fc.array(cohort, { minLength: 1, maxLength: 5 }), (p, cohorts) => {
        const whole = sbg.logLikelihood(p, { cohorts: cohorts.map((alive) => ({ alive })) });
        const parts = cohorts.reduce((sum, alive) => sum + sbg.logLikelihood(p, { alive }), 0);
        expect(whole).toBeCloseTo(parts, 8);
      }),
    );
  });

  it('outputs are finite numbers, or coded errors, across params near their bounds', () => {
    fc.assert(
      fc.property(
        params,
        fc.oneof(fc.constant(0), shape(1e-6, 1e3)),
        fc.integer({ min: 0, max: 1e7 }),
        (p, d, k) => {
          for (const value of [
            sbg.survival(p, k),
            sbg.churnProbability(p, k + 1),
            sbg.retentionRate(p, k + 1),
          ])
            expect(Number.isFinite(value)).toBe(true);
          for (const run of [
            () => sbg.del(p, d),
            () => sbg.derl(p, { periodsSurvived: k, discountRate: d }),
          ]) {
            try {
              const value = run();
              expect(Number.isFinite(value) && value >= 0).toBe(true);
            } catch (error) {
              expect(error).toBeInstanceOf(CustomerAssetError);
            }
          }
        },
      ),
    );
  });

  it('fitted records survive a JSON round trip', () => {
    fc.assert(
      fc.property(
        fc.record({ alpha: shape(0.3, 3), beta: shape(0.5, 8) }),
        fc.integer({ min: 0, max: 1000 }),
        (p, seed) => {
          const data = sbg.simulate(p, { cohorts: [{ size: 3000, periods: 8 }], seed });
          const result = sbg.safeFit(data);
          if (!result.success) return; // e.g. a sample without rising retention: a coded error
          expect(sbg.fromJSON(JSON.parse(JSON.stringify(result.data)))).toEqual(result.data);
        },
      ),
      { numRuns: 10 },
    );
  });
});
