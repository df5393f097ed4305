import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCustomerAssetError } from '../../../src/core/errors.js';
import { rfmSummaryFromRows } from '../../../src/data/index.js';
import { type BgBbParams, bgBb } from '../../../src/models/bg-bb/index.js';

/** Shapes from 0.01 to 100, log-uniform-ish, including values at and near 1. */
const shape = fc.oneof(
  fc.double({ min: Math.log(0.01), max: Math.log(100), noNaN: true }).map(Math.exp),
  fc.constantFrom(1, 1 - 1e-9, 1 + 1e-9, 0.01, 100),
);
const params: fc.Arbitrary<BgBbParams> = fc.record({
  alpha: shape,
  beta: shape,
  gamma: shape,
  delta: shape,
});

/** A discrete history: n opportunities (up to `maxN`), x <= t_x <= n. */
const history = (maxN: number) =>
  fc.integer({ min: 0, max: maxN }).chain((n) =>
    fc.integer({ min: 0, max: n }).chain((tx) =>
      fc.integer({ min: tx === 0 ? 0 : 1, max: tx }).map((x) => ({
        frequency: tx === 0 ? 0 : x,
        recency: tx === 0 || x === 0 ? 0 : tx,
        T: n,
      })),
    ),
  );

/** Runs f and returns its value, or null if it threw a coded error (any other error fails). */
function codedOrValue(f: () => number): number | null {
  try {
    return f();
  } catch (error) {
    expect(isCustomerAssetError(error)).toBe(true);
    return null;
  }
}

describe('BG/BB laws', () => {
  it('no NaN, no Infinity and no uncoded exception for histories up to 3000 opportunities', () => {
    fc.assert(
      fc.property(
        params,
        history(3000),
        fc.integer({ min: 0, max: 5000 }),
        fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 2, noNaN: true })),
        (p, c, t, d) => {
          const alive = bgBb.probabilityAlive(p, c);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          const e = bgBb.expectedPurchases(p, c, t);
          expect(Number.isFinite(e) && e >= 0).toBe(true);
          expect(Number.isFinite(bgBb.expectedPurchasesNewCustomer(p, t))).toBe(true);
          const dert = codedOrValue(() => bgBb.dert(p, c, d));
          if (dert === null) expect(d === 0 && p.gamma <= 1).toBe(true);
          else expect(Number.isFinite(dert) && dert >= 0).toBe(true);
          const ll = bgBb.logLikelihood(p, rfmSummaryFromRows([c], { timeUnit: 'period' }));
          expect(Number.isFinite(ll) && ll <= 1e-12).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('P(alive) lies in (0, 1], and is 1 when the last purchase is at the last opportunity', () => {
    fc.assert(
      fc.property(params, history(200), fc.integer({ min: 0, max: 50 }), (p, c, k) => {
        const alive = bgBb.probabilityAlive(p, c, k);
        expect(alive).toBeGreaterThan(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (c.recency === c.T && k === 0) expect(alive).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('P(alive) and expected purchases rise with recency t_x at fixed x and n', () => {
    fc.assert(
      fc.property(params, history(60), fc.integer({ min: 1, max: 100 }), (p, c, t) => {
        fc.pre(c.frequency > 0 && c.recency < c.T);
        const later = { ...c, recency: c.recency + 1 };
        expect(bgBb.probabilityAlive(p, later)).toBeGreaterThanOrEqual(
          bgBb.probabilityAlive(p, c) * (1 - 1e-12),
        );
        expect(bgBb.expectedPurchases(p, later, t)).toBeGreaterThanOrEqual(
          bgBb.expectedPurchases(p, c, t) * (1 - 1e-12),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('expected purchases rise with frequency when the last purchase is at n (no frequency paradox there)', () => {
    fc.assert(
      fc.property(
        params,
        fc.integer({ min: 2, max: 500 }),
        fc.integer({ min: 1, max: 200 }),
        (p, n, t) => {
          const x = Math.max(1, Math.floor(n / 3));
          const a = bgBb.expectedPurchases(p, { frequency: x, recency: n, T: n }, t);
          const b = bgBb.expectedPurchases(p, { frequency: x + 1, recency: n, T: n }, t);
          expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('expected purchases rise with the horizon, and DERT falls with the discount rate', () => {
    fc.assert(
      fc.property(
        params,
        history(100),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        (p, c, t, d) => {
          expect(bgBb.expectedPurchases(p, c, t + 1)).toBeGreaterThanOrEqual(
            bgBb.expectedPurchases(p, c, t) * (1 - 1e-12),
          );
          expect(bgBb.dert(p, c, d * 1.5)).toBeLessThanOrEqual(bgBb.dert(p, c, d) * (1 + 1e-10));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Σ_k P(X(t) = k) = 1 and E[X(t)] = Σ_k k P(X(t) = k)', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 80 }), (p, t) => {
        let total = 0;
        let mean = 0;
        for (let k = 0; k <= t; k += 1) {
          const pk = bgBb.probabilityOfPurchases(p, k, t);
          total += pk;
          mean += k * pk;
        }
        expect(total).toBeCloseTo(1, 10);
        const e = bgBb.expectedPurchasesNewCustomer(p, t);
        expect(Math.abs(mean - e)).toBeLessThan(1e-9 * Math.max(1, e));
      }),
      { numRuns: 200 },
    );
  });

  it('the log-likelihood of a summary is the sum of the log-likelihoods of its parts', () => {
    fc.assert(
      fc.property(
        params,
        fc.array(fc.tuple(history(30), fc.integer({ min: 1, max: 1000 })), {
          minLength: 2,
          maxLength: 12,
        }),
        fc.nat(),
        (p, rows, cut) => {
          const all = rows.map(([c, count]) => ({ ...c, count }));
          const k = 1 + (cut % (all.length - 1));
          const of = (r: typeof all) => rfmSummaryFromRows(r, { timeUnit: 'period' });
          const whole = bgBb.logLikelihood(p, of(all));
          const parts =
            bgBb.logLikelihood(p, of(all.slice(0, k))) + bgBb.logLikelihood(p, of(all.slice(k)));
          expect(Math.abs(whole - parts)).toBeLessThan(1e-9 * Math.max(1, Math.abs(whole)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a customer summary and its compressed patterns score the same rows alike', () => {
    fc.assert(
      fc.property(params, fc.array(history(12), { minLength: 1, maxLength: 40 }), (p, rows) => {
        const summary = rfmSummaryFromRows(rows, { timeUnit: 'period' });
        const scores = bgBb.score(p, summary, { horizon: 7 });
        rows.forEach((c, i) => {
          expect(scores.probabilityAlive[i]).toBe(bgBb.probabilityAlive(p, c));
          expect(scores.expectedPurchases[i]).toBe(bgBb.expectedPurchases(p, c, 7));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('a fitted record survives a JSON round trip through fromJSON unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const summary = bgBb.simulate(
          { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 },
          { customers: 2000, T: 6, seed },
        );
        const fitted = bgBb.safeFit(summary);
        if (!fitted.success) return; // a small sample can put the optimum on a boundary
        expect(bgBb.fromJSON(JSON.parse(JSON.stringify(fitted.data)))).toEqual(fitted.data);
      }),
      { numRuns: 5 },
    );
  });
});
