import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../../src/core/errors.js';
import { rfmSummaryFromRows } from '../../../src/data/index.js';
import { mbgNbd } from '../../../src/models/mbg-nbd/index.js';

const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map((v) => Math.exp(v));

const params = fc.record({
  r: logUniform(1e-3, 100),
  alpha: logUniform(1e-3, 1e4),
  a: fc.oneof(logUniform(1e-2, 50), fc.constantFrom(1, 1 - 1e-9, 1 + 1e-9)),
  b: logUniform(1e-2, 100),
});

const customer = fc
  .record({
    frequency: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 500 })),
    T: fc.oneof(logUniform(1e-3, 5000), fc.constant(0)),
    share: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)),
  })
  .map(({ frequency, T, share }) => ({ frequency, recency: frequency === 0 ? 0 : T * share, T }));

function finiteOrCoded(f: () => number): number | undefined {
  try {
    const v = f();
    expect(Number.isFinite(v)).toBe(true);
    return v;
  } catch (e) {
    expect(e).toBeInstanceOf(CustomerAssetError);
    return undefined;
  }
}

describe('MBG/NBD laws', () => {
  it('no NaN, no Infinity, no uncoded exception; P(alive) in [0, 1] and below 1 for every customer', () => {
    fc.assert(
      fc.property(params, customer, logUniform(1e-3, 5000), (p, c, t) => {
        const alive = finiteOrCoded(() => mbgNbd.probabilityAlive(p, c));
        if (alive !== undefined) {
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThan(1);
        }
        finiteOrCoded(() => mbgNbd.probabilityAlive(p, c, t));
        finiteOrCoded(() => mbgNbd.expectedPurchases(p, c, t));
        finiteOrCoded(() => mbgNbd.expectedPurchasesNewCustomer(p, t));
        finiteOrCoded(() => mbgNbd.logLikelihood(p, rfmSummaryFromRows([c], { timeUnit: 'day' })));
      }),
      { numRuns: 120 },
    );
  });

  it('expected purchases rise with the horizon and with recency; P(alive at T + t) falls with t', () => {
    fc.assert(
      fc.property(params, customer, logUniform(1e-2, 1000), (p, c, t) => {
        expect(mbgNbd.expectedPurchases(p, c, 1.5 * t)).toBeGreaterThanOrEqual(
          mbgNbd.expectedPurchases(p, c, t) * (1 - 1e-10),
        );
        expect(mbgNbd.probabilityAlive(p, c, 2 * t)).toBeLessThanOrEqual(
          mbgNbd.probabilityAlive(p, c, t) * (1 + 1e-12),
        );
        if (c.frequency > 0 && c.recency < c.T) {
          const fresher = { ...c, recency: (c.recency + c.T) / 2 };
          expect(mbgNbd.expectedPurchases(p, fresher, t)).toBeGreaterThanOrEqual(
            mbgNbd.expectedPurchases(p, c, t) * (1 - 1e-10),
          );
        }
      }),
      { numRuns: 50 },
    );
  });

  it('the log-likelihood of a summary is the sum of its parts; rescaling time shifts it by Σx ln k', () => {
    fc.assert(
      fc.property(
        params,
        fc.array(customer, { minLength: 1, maxLength: 10 }),
        logUniform(0.01, 100),
        (p, rows, k) => {
          const whole = mbgNbd.logLikelihood(p, rfmSummaryFromRows(rows, { timeUnit: 'day' }));
          const parts = rows.reduce(
            (s, c) => s + mbgNbd.logLikelihood(p, rfmSummaryFromRows([c], { timeUnit: 'day' })),
            0,
          );
          expect(Math.abs(whole - parts)).toBeLessThan(1e-9 * Math.max(1, Math.abs(whole)));
          const scaled = rows.map((c) => ({ ...c, recency: c.recency / k, T: c.T / k }));
          const ll2 = mbgNbd.logLikelihood(
            { ...p, alpha: p.alpha / k },
            rfmSummaryFromRows(scaled, { timeUnit: 'week' }),
          );
          const sx = rows.reduce((s, c) => s + c.frequency, 0);
          expect(Math.abs(ll2 - (whole + sx * Math.log(k)))).toBeLessThan(
            1e-8 * Math.max(1, Math.abs(whole)),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('Σ_n P(X(t)=n) = 1 and Σ_n n P(X(t)=n) = E[X(t)]', () => {
    const moderate = fc.record({
      r: logUniform(0.05, 5),
      alpha: logUniform(0.5, 20),
      a: logUniform(1.5, 10),
      b: logUniform(0.5, 10),
    });
    fc.assert(
      fc.property(moderate, logUniform(0.1, 20), (p, t) => {
        let total = 0;
        let mean = 0;
        for (let n = 0; n < 3000; n += 1) {
          const v = mbgNbd.probabilityOfPurchases(p, n, t);
          total += v;
          mean += n * v;
          if (n > 10 && v < 1e-17) break;
        }
        expect(Math.abs(total - 1)).toBeLessThan(1e-10);
        const e = mbgNbd.expectedPurchasesNewCustomer(p, t);
        expect(Math.abs(mean - e)).toBeLessThan(1e-8 * Math.max(1, e));
      }),
      { numRuns: 40 },
    );
  });

  it('a fitted record survives a JSON round trip through fromJSON', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const fitted = mbgNbd.fit(
          mbgNbd.simulate({ r: 0.5, alpha: 3, a: 0.8, b: 2 }, { customers: 400, T: 30, seed }),
        );
        expect(mbgNbd.fromJSON(JSON.parse(JSON.stringify(fitted)))).toEqual(fitted);
      }),
      { numRuns: 4 },
    );
  });
});
