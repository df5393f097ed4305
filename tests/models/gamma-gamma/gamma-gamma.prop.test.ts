import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCustomerAssetError } from '../../../src/core/errors.js';
import { rfmSummaryFromRows } from '../../../src/data/index.js';
import { type GammaGammaParams, gammaGamma } from '../../../src/models/gamma-gamma/index.js';

const positive = (min: number, max: number) =>
  fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const params: fc.Arbitrary<GammaGammaParams> = fc.record({
  p: positive(0.01, 1000),
  q: fc.oneof(positive(0.01, 1000), fc.constantFrom(1, 1 + 1e-12)),
  gamma: positive(1e-3, 1e6),
});
const spend = positive(0.01, 1e6);
const customer = fc.record({ frequency: fc.integer({ min: 1, max: 1000 }), monetaryValue: spend });

/** Summary rows with 2-decimal spends (as money is written). */
const rowsOf = (cs: { frequency: number; monetaryValue: number; count: number }[]) =>
  rfmSummaryFromRows(
    cs.map((c) => ({ ...c, recency: 1, T: 2, monetaryValue: c.monetaryValue.toFixed(2) })),
    { timeUnit: 'week' },
  );
const rowArb = fc.record({
  frequency: fc.integer({ min: 1, max: 300 }),
  monetaryValue: fc
    .double({ min: 0.01, max: 5000, noNaN: true })
    .map((v) => Math.max(0.01, Math.round(v * 100) / 100)),
  count: fc.integer({ min: 1, max: 50 }),
});

describe('Gamma-Gamma laws', () => {
  it('no NaN, no Infinity, no uncoded exception: E(M) is finite or model/undefined-quantity exactly when px + q <= 1', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 1000 }), spend, (p, x, m) => {
        try {
          const e = gammaGamma.expectedSpend(p, { frequency: x, monetaryValue: m });
          expect(Number.isFinite(e) && e > 0).toBe(true);
          expect(p.p * x + p.q - 1).toBeGreaterThan(0);
        } catch (error) {
          expect(isCustomerAssetError(error) && error.code).toBe('model/undefined-quantity');
          expect(p.p * x + p.q).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the log-likelihood is finite for heavy buyers (x up to 300) and any positive spend', () => {
    fc.assert(
      fc.property(params, fc.array(rowArb, { minLength: 1, maxLength: 10 }), (p, rows) => {
        expect(Number.isFinite(gammaGamma.logLikelihood(p, rowsOf(rows)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('E(M) lies between the population mean pγ/(q − 1) and the customer mean m_x (q > 1)', () => {
    fc.assert(
      fc.property(params, positive(1.001, 1000), customer, (base, q, c) => {
        const p = { ...base, q };
        const e = gammaGamma.expectedSpend(p, c);
        const pop = gammaGamma.populationMeanSpend(p);
        const lo = Math.min(pop, c.monetaryValue);
        const hi = Math.max(pop, c.monetaryValue);
        expect(e).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
        expect(e).toBeLessThanOrEqual(hi * (1 + 1e-12));
      }),
      { numRuns: 200 },
    );
  });

  it('E(M) rises with m_x at fixed x, and moves towards m_x as x grows', () => {
    fc.assert(
      fc.property(params, customer, positive(1.0001, 10), (p, c, factor) => {
        fc.pre(p.p * c.frequency + p.q > 1);
        const e = gammaGamma.expectedSpend(p, c);
        const richer = gammaGamma.expectedSpend(p, {
          ...c,
          monetaryValue: c.monetaryValue * factor,
        });
        expect(richer).toBeGreaterThan(e);
        const more = gammaGamma.expectedSpend(p, { ...c, frequency: c.frequency + 1 });
        expect(Math.abs(more - c.monetaryValue)).toBeLessThanOrEqual(
          Math.abs(e - c.monetaryValue) * (1 + 1e-12),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('the log-likelihood of a summary is the sum of the log-likelihoods of its parts', () => {
    fc.assert(
      fc.property(
        params,
        fc.array(rowArb, { minLength: 2, maxLength: 12 }),
        fc.nat(),
        (p, rows, cut) => {
          const k = 1 + (cut % (rows.length - 1));
          const whole = gammaGamma.logLikelihood(p, rowsOf(rows));
          const parts =
            gammaGamma.logLikelihood(p, rowsOf(rows.slice(0, k))) +
            gammaGamma.logLikelihood(p, rowsOf(rows.slice(k)));
          expect(Math.abs(whole - parts)).toBeLessThan(1e-9 * Math.max(1, Math.abs(whole)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('changing the money unit by k scales γ by k and shifts the LL by −N ln k', () => {
    fc.assert(
      fc.property(
        params,
        fc.array(rowArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(100, 0.01, 1000),
        (p, rows, k) => {
          const scaled = rows.map((r) => ({ ...r, monetaryValue: r.monetaryValue }));
          const a = gammaGamma.logLikelihood(p, rowsOf(rows));
          const b = gammaGamma.logLikelihood(
            { ...p, gamma: p.gamma * k },
            rfmSummaryFromRows(
              scaled.map((c) => ({
                ...c,
                recency: 1,
                T: 2,
                monetaryValue: (c.monetaryValue * k).toFixed(6),
              })),
              { timeUnit: 'week' },
            ),
          );
          const n = rows.reduce((s, r) => s + r.count, 0);
          expect(Math.abs(b - (a - n * Math.log(k)))).toBeLessThan(1e-7 * Math.max(1, Math.abs(a)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a fitted record survives a JSON round trip through fromJSON unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const counts = rfmSummaryFromRows(
          Array.from({ length: 400 }, (_, i) => ({ frequency: 1 + (i % 9), recency: 3, T: 9 })),
          { timeUnit: 'week' },
        );
        const data = gammaGamma.simulate({ p: 6, q: 4, gamma: 15 }, { summary: counts, seed });
        const fitted = gammaGamma.safeFit(data);
        if (!fitted.success) return;
        expect(gammaGamma.fromJSON(JSON.parse(JSON.stringify(fitted.data)))).toEqual(fitted.data);
      }),
      { numRuns: 5 },
    );
  });
});
