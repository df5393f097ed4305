import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCustomerAssetError } from '../../../src/core/errors.js';
import { paretoNbd } from '../../../src/models/pareto-nbd/index.js';
import { summaryOf } from './helpers.js';

/** Log-uniform positive numbers. */
const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);

const paramsArb = fc.record({
  r: logUniform(1e-3, 1e3),
  alpha: logUniform(1e-3, 1e4),
  s: logUniform(1e-3, 1e2),
  beta: logUniform(1e-3, 1e4),
});

/** Customers from zero-repeaters to heavy buyers, T from near 0 to thousands, t_x = T included. */
const customerArb = fc
  .record({
    x: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 100, max: 3000 }),
    ),
    T: fc.oneof(logUniform(1e-6, 1), logUniform(1, 5000)),
    u: fc.oneof(fc.constant(1), fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  })
  .map(({ x, T, u }) => ({ frequency: x, recency: x === 0 ? 0 : u * T, T }));

/** Runs f and accepts a result or a coded error; anything else fails the property. */
function finiteOrCoded(f: () => number): number | null {
  try {
    const value = f();
    expect(Number.isFinite(value)).toBe(true);
    return value;
  } catch (error) {
    expect(isCustomerAssetError(error)).toBe(true);
    return null;
  }
}

describe('Pareto/NBD laws', () => {
  it('no NaN, no Infinity, no uncoded exception over params near bounds and heavy buyers; P(alive) in [0, 1]', () => {
    fc.assert(
      fc.property(paramsArb, customerArb, (p, c) => {
        finiteOrCoded(() => paretoNbd.logLikelihood(p, summaryOf([c])));
        const pa = finiteOrCoded(() => paretoNbd.probabilityAlive(p, c));
        if (pa !== null) {
          expect(pa).toBeGreaterThanOrEqual(0);
          expect(pa).toBeLessThanOrEqual(1);
        }
        const e = finiteOrCoded(() => paretoNbd.expectedPurchases(p, c, 52));
        if (e !== null) expect(e).toBeGreaterThanOrEqual(0);
        const d = finiteOrCoded(() => paretoNbd.dert(p, c, 0.003));
        if (d !== null) expect(d).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('at realistic params the functions never throw on any valid customer', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: logUniform(0.05, 20),
          alpha: logUniform(0.5, 200),
          s: logUniform(0.05, 20),
          beta: logUniform(0.5, 200),
        }),
        customerArb,
        (p, c) => {
          expect(Number.isFinite(paretoNbd.logLikelihood(p, summaryOf([c])))).toBe(true);
          const pa = paretoNbd.probabilityAlive(p, c);
          expect(pa >= 0 && pa <= 1).toBe(true);
          expect(Number.isFinite(paretoNbd.expectedPurchases(p, c, 10))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('P(alive) is 1 when the last purchase is now (t_x = T)', () => {
    fc.assert(
      fc.property(
        paramsArb,
        fc.integer({ min: 1, max: 2000 }),
        logUniform(1e-3, 5000),
        (p, x, T) => {
          expect(paretoNbd.probabilityAlive(p, { frequency: x, recency: T, T })).toBe(1);
        },
      ),
    );
  });

  it('P(alive at T + t) falls with t and equals P(alive) ((β+T)/(β+T+t))^s', () => {
    fc.assert(
      fc.property(paramsArb, customerArb, logUniform(1e-3, 1e3), (p, c, t) => {
        const now = paretoNbd.probabilityAlive(p, c);
        const later = paretoNbd.probabilityAlive(p, c, t);
        expect(later).toBeLessThanOrEqual(now);
        const expected = now * ((p.beta + c.T) / (p.beta + c.T + t)) ** p.s;
        expect(Math.abs(later - expected)).toBeLessThanOrEqual(
          1e-12 * Math.max(now, 1e-300) + 1e-300,
        );
      }),
    );
  });

  it('expected purchases do not fall as the horizon grows (to rounding: with s near 100 they saturate)', () => {
    fc.assert(
      fc.property(
        paramsArb,
        customerArb,
        logUniform(1e-3, 1e3),
        logUniform(1.0001, 10),
        (p, c, t, k) => {
          const a = paretoNbd.expectedPurchases(p, c, t);
          const b = paretoNbd.expectedPurchases(p, c, t * k);
          expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-14));
        },
      ),
    );
  });

  it('expected purchases rise with frequency when the last purchase is now (t_x = T: P(alive) = 1, E[Y] ∝ r + x)', () => {
    fc.assert(
      fc.property(
        paramsArb,
        fc.integer({ min: 0, max: 2000 }),
        logUniform(1e-3, 5000),
        (p, x, T) => {
          const a = paretoNbd.expectedPurchases(p, { frequency: x + 1, recency: T, T }, 52);
          const b = paretoNbd.expectedPurchases(p, { frequency: x + 2, recency: T, T }, 52);
          expect(b).toBeGreaterThan(a);
        },
      ),
    );
  });

  it('the log-likelihood of a summary is the sum of its customers’ log-likelihoods', () => {
    fc.assert(
      fc.property(paramsArb, fc.array(customerArb, { minLength: 1, maxLength: 12 }), (p, cs) => {
        const total = paretoNbd.logLikelihood(p, summaryOf(cs));
        let sum = 0;
        let scale = 0;
        for (const c of cs) {
          const ll = paretoNbd.logLikelihood(p, summaryOf([c]));
          sum += ll;
          scale += Math.abs(ll);
        }
        expect(Math.abs(total - sum)).toBeLessThanOrEqual(1e-12 * Math.max(1, scale));
      }),
    );
  });

  it('dividing every time by k divides α and β by k and adds Σx ln k to the log-likelihood', () => {
    fc.assert(
      fc.property(
        paramsArb,
        fc.array(customerArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(2, 4, 7, 52, 0.25),
        (p, cs, k) => {
          const ll = paretoNbd.logLikelihood(p, summaryOf(cs));
          const scaled = summaryOf(cs.map((c) => ({ ...c, recency: c.recency / k, T: c.T / k })));
          const llk = paretoNbd.logLikelihood(
            { ...p, alpha: p.alpha / k, beta: p.beta / k },
            scaled,
          );
          const shift = cs.reduce((acc, c) => acc + c.frequency, 0) * Math.log(k);
          expect(Math.abs(llk - (ll + shift))).toBeLessThanOrEqual(
            1e-10 * Math.max(1, Math.abs(ll), shift),
          );
        },
      ),
    );
  });

  it('Σ_n P(X(t) = n) = 1 and Σ_n n P(X(t) = n) = E[X(t)] (s > 1, so the mean converges fast)', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: logUniform(0.2, 3),
          alpha: logUniform(2, 30),
          s: logUniform(1.5, 5),
          beta: logUniform(2, 30),
        }),
        logUniform(1, 60),
        (p, t) => {
          let total = 0;
          let mean = 0;
          let n = 0;
          for (; n < 2000; n += 1) {
            const q = paretoNbd.probabilityOfPurchases(p, n, t);
            total += q;
            mean += n * q;
            if (n > 5 && q < 1e-17) break;
          }
          expect(Math.abs(total - 1)).toBeLessThan(1e-10);
          const ex = paretoNbd.expectedPurchasesNewCustomer(p, t);
          expect(Math.abs(mean - ex)).toBeLessThan(1e-9 * Math.max(1, ex));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('score gives the single-customer P(alive), E[Y] and DERT, row by row', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: logUniform(0.05, 20),
          alpha: logUniform(0.5, 200),
          s: logUniform(0.05, 20),
          beta: logUniform(0.5, 200),
        }),
        fc.array(customerArb, { minLength: 1, maxLength: 10 }),
        (p, cs) => {
          const scores = paretoNbd.score(p, summaryOf(cs), { horizon: 26, discountRate: 0.002 });
          cs.forEach((c, i) => {
            const pa = paretoNbd.probabilityAlive(p, c);
            const e = paretoNbd.expectedPurchases(p, c, 26);
            const d = paretoNbd.dert(p, c, 0.002);
            expect(Math.abs(scores.probabilityAlive[i]! - pa)).toBeLessThanOrEqual(
              1e-13 * pa + 1e-300,
            );
            expect(Math.abs(scores.expectedPurchases[i]! - e)).toBeLessThanOrEqual(
              1e-12 * e + 1e-300,
            );
            expect(Math.abs(scores.dert![i]! - d)).toBeLessThanOrEqual(1e-12 * d + 1e-300);
          });
        },
      ),
    );
  });

  it('fitted record JSON round trip: fromJSON(JSON.parse(JSON.stringify(fitted))) equals fitted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const summary = paretoNbd.simulate(
          { r: 0.6, alpha: 8, s: 0.8, beta: 10 },
          { customers: 300, T: 39, seed, timeUnit: 'week' },
        );
        const fitted = paretoNbd.fit(summary);
        expect(paretoNbd.fromJSON(JSON.parse(JSON.stringify(fitted)))).toEqual(fitted);
      }),
      { numRuns: 5 },
    );
  });
});
