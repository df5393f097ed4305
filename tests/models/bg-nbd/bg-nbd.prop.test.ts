import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../../src/core/errors.js';
import { rfmSummaryFromRows } from '../../../src/data/index.js';
import { bgNbd } from '../../../src/models/bg-nbd/index.js';

const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map((v) => Math.exp(v));

/** Params from near their bounds to well beyond any data (r, a, b shapes; α a rate). */
const params = fc.record({
  r: logUniform(1e-3, 100),
  alpha: logUniform(1e-3, 1e4),
  a: fc.oneof(logUniform(1e-2, 50), fc.constantFrom(1, 1 - 1e-9, 1 + 1e-9)),
  b: logUniform(1e-2, 100),
});

/** A customer history: heavy buyers, t_x = T, zero repeats, T near 0 and in the thousands. */
const customer = fc
  .record({
    frequency: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 500 })),
    T: fc.oneof(logUniform(1e-3, 5000), fc.constant(0)),
    share: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)),
  })
  .map(({ frequency, T, share }) => ({
    frequency,
    recency: frequency === 0 ? 0 : T * share,
    T,
  }));

const horizon = fc.oneof(logUniform(1e-3, 5000), fc.constant(0));

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

describe('BG/NBD laws', () => {
  it('no NaN, no Infinity, no uncoded exception over params near bounds and extreme customers', () => {
    fc.assert(
      fc.property(params, customer, horizon, (p, c, t) => {
        const alive = finiteOrCoded(() => bgNbd.probabilityAlive(p, c));
        if (alive !== undefined) {
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
        }
        const later = finiteOrCoded(() => bgNbd.probabilityAlive(p, c, t));
        if (later !== undefined) expect(later).toBeGreaterThanOrEqual(0);
        const y = finiteOrCoded(() => bgNbd.expectedPurchases(p, c, t));
        if (y !== undefined) expect(y).toBeGreaterThanOrEqual(0);
        finiteOrCoded(() => bgNbd.expectedPurchasesNewCustomer(p, t));
        finiteOrCoded(() => bgNbd.logLikelihood(p, rfmSummaryFromRows([c], { timeUnit: 'day' })));
      }),
      { numRuns: 150 },
    );
  });

  it('P(alive) is 1 when x = 0 and (b+x−1)/(a+b+x−1) when the last purchase is at T', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 500 }), logUniform(1e-3, 5000), (p, x, T) => {
        expect(bgNbd.probabilityAlive(p, { frequency: 0, recency: 0, T })).toBe(1);
        const v = bgNbd.probabilityAlive(p, { frequency: x, recency: T, T });
        const want = (p.b + x - 1) / (p.a + p.b + x - 1);
        expect(Math.abs(v - want)).toBeLessThan(1e-13);
      }),
    );
  });

  it('P(alive at T + t) does not increase with t and starts at P(alive at T)', () => {
    fc.assert(
      fc.property(params, customer, logUniform(1e-3, 1000), (p, c, t) => {
        const now = bgNbd.probabilityAlive(p, c);
        const soon = bgNbd.probabilityAlive(p, c, t);
        const later = bgNbd.probabilityAlive(p, c, 2 * t);
        expect(soon).toBeLessThanOrEqual(now * (1 + 1e-12));
        expect(later).toBeLessThanOrEqual(soon * (1 + 1e-12));
      }),
      { numRuns: 60 },
    );
  });

  it('expected purchases rise with the horizon, with recency, and with frequency x >= 1 when the last purchase is at T', () => {
    fc.assert(
      fc.property(params, customer, logUniform(1e-2, 1000), (p, c, t) => {
        const y1 = bgNbd.expectedPurchases(p, c, t);
        const y2 = bgNbd.expectedPurchases(p, c, 1.5 * t);
        expect(y2).toBeGreaterThanOrEqual(y1 * (1 - 1e-10));
        if (c.frequency > 0 && c.recency < c.T) {
          const fresher = bgNbd.expectedPurchases(p, { ...c, recency: (c.recency + c.T) / 2 }, t);
          expect(fresher).toBeGreaterThanOrEqual(y1 * (1 - 1e-10));
        }
        // The frequency paradox (more purchases, lower E[Y]) needs low recency; for x >= 1 with the
        // last purchase at T, one more purchase means more to come. (From x = 0 to 1 it need not:
        // a BG/NBD customer with x = 0 cannot have dropped out yet.)
        const x = Math.max(1, c.frequency);
        const atT = { frequency: x, recency: c.T, T: c.T };
        const more = { frequency: x + 1, recency: c.T, T: c.T };
        expect(bgNbd.expectedPurchases(p, more, t)).toBeGreaterThanOrEqual(
          bgNbd.expectedPurchases(p, atT, t) * (1 - 1e-10),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('the log-likelihood of a summary is the sum of the log-likelihoods of its parts', () => {
    fc.assert(
      fc.property(params, fc.array(customer, { minLength: 2, maxLength: 12 }), (p, rows) => {
        const whole = bgNbd.logLikelihood(p, rfmSummaryFromRows(rows, { timeUnit: 'week' }));
        const parts = rows.reduce(
          (s, c) => s + bgNbd.logLikelihood(p, rfmSummaryFromRows([c], { timeUnit: 'week' })),
          0,
        );
        expect(Math.abs(whole - parts)).toBeLessThan(1e-9 * Math.max(1, Math.abs(whole)));
      }),
      { numRuns: 60 },
    );
  });

  it('dividing every time by k divides α by k and adds Σx ln k to the log-likelihood', () => {
    fc.assert(
      fc.property(
        params,
        fc.array(customer, { minLength: 1, maxLength: 8 }),
        logUniform(0.01, 100),
        (p, rows, k) => {
          const ll = bgNbd.logLikelihood(p, rfmSummaryFromRows(rows, { timeUnit: 'day' }));
          const scaled = rows.map((c) => ({ ...c, recency: c.recency / k, T: c.T / k }));
          const ll2 = bgNbd.logLikelihood(
            { ...p, alpha: p.alpha / k },
            rfmSummaryFromRows(scaled, { timeUnit: 'week' }),
          );
          const sx = rows.reduce((s, c) => s + c.frequency, 0);
          expect(Math.abs(ll2 - (ll + sx * Math.log(k)))).toBeLessThan(
            1e-8 * Math.max(1, Math.abs(ll)),
          );
          // Predictions are unit-free: E[Y(t)] in days equals E[Y(t/k)] in the new unit.
          const c = rows[0]!;
          const y = bgNbd.expectedPurchases(p, c, 10);
          const y2 = bgNbd.expectedPurchases({ ...p, alpha: p.alpha / k }, scaled[0]!, 10 / k);
          expect(Math.abs(y - y2)).toBeLessThan(1e-8 * Math.max(1, y));
        },
      ),
      { numRuns: 60 },
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
          const v = bgNbd.probabilityOfPurchases(p, n, t);
          total += v;
          mean += n * v;
          if (n > 10 && v < 1e-17) break;
        }
        expect(Math.abs(total - 1)).toBeLessThan(1e-10);
        const e = bgNbd.expectedPurchasesNewCustomer(p, t);
        expect(Math.abs(mean - e)).toBeLessThan(1e-8 * Math.max(1, e));
      }),
      { numRuns: 40 },
    );
  });

  it('a fitted record survives a JSON round trip through fromJSON', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const summary = bgNbd.simulate(
          { r: 0.5, alpha: 3, a: 0.8, b: 2 },
          { customers: 400, T: 30, seed },
        );
        const fitted = bgNbd.fit(summary);
        const back = bgNbd.fromJSON(JSON.parse(JSON.stringify(fitted)));
        expect(back).toEqual(fitted);
        expect(Object.isFrozen(back.params)).toBe(true);
      }),
      { numRuns: 4 },
    );
  });
});
