import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromUnconstrained,
  maximizeLikelihood,
  minimize,
  type ParamTransform,
  toUnconstrained,
} from '../../src/optimize/index.js';

const entry = fc.double({ min: -3, max: 3, noNaN: true });

/** A = BᵀB + 0.1 I: symmetric positive definite, eigenvalues in [0.1, about 150]. */
const positiveDefinite = fc
  .integer({ min: 2, max: 4 })
  .chain((n) =>
    fc.record({
      b: fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
      centre: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), {
        minLength: n,
        maxLength: n,
      }),
    }),
  )
  .map(({ b, centre }) => {
    const n = centre.length;
    const a = Array.from({ length: n }, (_, i) =>
      Array.from(
        { length: n },
        (_, j) => b.reduce((s, row) => s + row[i]! * row[j]!, 0) + (i === j ? 0.1 : 0),
      ),
    );
    return { a, centre };
  });

function quadratic(a: number[][], centre: number[]) {
  return (x: readonly number[]) => {
    const d = x.map((v, i) => v - centre[i]!);
    let s = 0;
    for (let i = 0; i < d.length; i += 1) {
      for (let j = 0; j < d.length; j += 1) s += d[i]! * a[i]![j]! * d[j]!;
    }
    return 0.5 * s;
  };
}

describe('optimizer laws', () => {
  it('a random positive-definite quadratic is minimised to its known optimum', () => {
    fc.assert(
      fc.property(positiveDefinite, ({ a, centre }) => {
        const r = minimize(
          { value: quadratic(a, centre) },
          centre.map(() => 0),
        );
        expect(r.diagnostics.converged).toBe(true);
        // |g| <= 1e-6 and the smallest eigenvalue >= 0.1 bound the distance by 1e-5.
        r.x.forEach((v, i) => {
          expect(Math.abs(v - centre[i]!)).toBeLessThan(1e-4);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the minimum found is never above the objective at the start', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 4 }),
        (x0) => {
          const value = (x: readonly number[]) => {
            let s = 0;
            for (let i = 0; i < x.length - 1; i += 1) {
              s += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
            }
            return s;
          };
          const r = minimize({ value }, x0, { maxIterations: 5 });
          expect(r.value).toBeLessThanOrEqual(value(x0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fromUnconstrained inverts toUnconstrained (to rounding)', () => {
    const pair = fc.oneof(
      fc.record({
        t: fc.constant<ParamTransform>('log'),
        v: fc.double({ min: 1e-200, max: 1e200, noNaN: true }),
      }),
      fc.record({
        t: fc.constant<ParamTransform>('logit'),
        v: fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
      }),
      fc.record({
        t: fc.constant<ParamTransform>('identity'),
        v: fc.double({ min: -1e300, max: 1e300, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 5 }), (pairs) => {
        const values = pairs.map((p) => p.v);
        const transforms = pairs.map((p) => p.t);
        const back = fromUnconstrained(toUnconstrained(values, transforms), transforms);
        back.forEach((b, i) => {
          const v = values[i]!;
          // logit near 1 loses relative precision in 1 − v, so compare the complement there.
          const scale = transforms[i] === 'logit' ? Math.min(v, 1 - v) : Math.abs(v);
          expect(Math.abs(b - v)).toBeLessThanOrEqual(
            1e-12 * scale + 4 * Number.EPSILON * Math.abs(v),
          );
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the delta method scales the covariance by dθ/dz: a log-scale SE is θ times the z-scale SE', () => {
    // A normal likelihood in θ = e^z with known curvature: −LL = (θ − m)² / (2 s²) around m.
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        (m, relSd) => {
          const s = relSd * m;
          const fit = maximizeLikelihood({
            parameterOrder: ['theta'],
            transforms: { theta: 'log' },
            logLikelihood: ({ theta }) => -((theta - m) ** 2) / (2 * s * s),
            starts: [{ theta: m * 1.5 }],
          });
          expect(fit.params.theta / m).toBeCloseTo(1, 5);
          expect(fit.standardErrors!.theta / s).toBeCloseTo(1, 4);
        },
      ),
      { numRuns: 40 },
    );
  });
});
