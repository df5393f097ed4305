import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../../src/core/errors.js';
import { compressSummary, rfmSummaryFromRows } from '../../../src/data/index.js';
import { bgNbd } from '../../../src/models/bg-nbd/index.js';
import { betaGeometricLogLikelihood } from '../../../src/models/shared/beta-geometric-likelihood.js';
import { integrateGaussLegendre } from '../../../src/models/shared/gauss-legendre.js';
import { regularizedIncompleteBeta } from '../../../src/models/shared/incomplete-beta.js';
import {
  indexColumns,
  indexPatterns,
  rescaleTimes,
  summaryRows,
} from '../../../src/models/shared/indexed-patterns.js';

const P = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('indexPatterns', () => {
  const rows = [
    { frequency: 0, recency: 0, T: 10 },
    { frequency: 2, recency: 3, T: 10 },
    { frequency: 0, recency: 0, T: 10 },
    { frequency: 2, recency: 3, T: 10 },
    { frequency: 5, recency: 9, T: 12 },
    { frequency: 0, recency: 0, T: 12, count: 3 },
  ];
  const summary = rfmSummaryFromRows(rows, { timeUnit: 'week' });

  it('merges identical customers, counts them, and indexes distinct x and times', () => {
    const d = indexPatterns(summary, 'test');
    expect(d.size).toBe(4);
    expect(Array.from(d.n)).toEqual([2, 2, 1, 3]);
    expect(d.customers).toBe(8);
    expect(d.repeatPurchases).toBe(9);
    expect(Array.from(d.distinctX)).toEqual([0, 2, 5]);
    expect(Array.from(d.countByX)).toEqual([5, 2, 1]);
    expect(d.times).not.toBeNull();
    expect(d.maxT).toBe(12);
  });

  it('gives the same log-likelihood merged or not, with or without the time index, and as patterns', () => {
    const raw = summaryRows(summary, 'test');
    const merged = betaGeometricLogLikelihood(P, indexColumns(raw), 0);
    const plain = betaGeometricLogLikelihood(
      P,
      indexColumns(raw, { merge: false, indexTimes: false }),
      0,
    );
    expect(Math.abs(merged - plain)).toBeLessThan(1e-12);
    expect(bgNbd.logLikelihood(P, compressSummary(summary))).toBeCloseTo(merged, 12);
  });

  it('skips the time index for continuous recencies and still merges the x = 0 rows by T', () => {
    const sim = bgNbd.simulate(P, { customers: 3000, T: 39, seed: 3 });
    const d = indexPatterns(sim, 'test');
    expect(d.times).toBeNull();
    const zeros = sim.customers.filter((c) => c.frequency === 0).length;
    expect(d.size).toBe(sim.customers.length - zeros + 1);
  });

  it('rescaleTimes divides every time and keeps counts', () => {
    const d = rescaleTimes(indexPatterns(summary, 'test'), 4);
    expect(Array.from(d.T)).toEqual([2.5, 2.5, 3, 3]);
    expect(d.maxT).toBe(3);
  });

  it('rejects impossible rows with input/invalid naming the row', () => {
    const bad = {
      ...summary,
      customers: [...summary.customers, { ...summary.customers[1]!, recency: 11 }],
    };
    try {
      indexPatterns(bad, 'test');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CustomerAssetError);
      expect((e as CustomerAssetError).code).toBe('input/invalid');
      expect((e as CustomerAssetError).path).toEqual(['summary', 'customers', 6]);
    }
  });
});

describe('integrateGaussLegendre', () => {
  it('is exact for polynomials of degree 39 and accurate for smooth functions', () => {
    const poly = (u: number) => 40 * u ** 39;
    expect(integrateGaussLegendre(poly, 0, 1)).toBeCloseTo(1, 13);
    expect(integrateGaussLegendre(Math.exp, 0, 7)).toBeCloseTo(Math.expm1(7), 11);
    expect(integrateGaussLegendre((u) => 1 / (1 + u * u), -5, 5, 1)).toBeCloseTo(
      2 * Math.atan(5),
      14,
    );
    expect(integrateGaussLegendre(Math.exp, 1, 1)).toBe(0);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms: I_x(1, b) = 1 − (1−x)^b, I_x(a, 1) = x^a, and the NBD tail sum', () => {
    expect(regularizedIncompleteBeta(1, 2.5, 0.3, 0.7, 't')).toBeCloseTo(1 - 0.7 ** 2.5, 15);
    expect(regularizedIncompleteBeta(3.5, 1, 0.8, 0.2, 't')).toBeCloseTo(0.8 ** 3.5, 15);
    // P(NBD(r, z) >= n) = I_z(n, r): compare with 1 − Σ_{j<n} pmf(j).
    const r = 0.243;
    const z = 30 / 34.414;
    let cdf = 0;
    let term = (1 - z) ** r;
    for (let j = 0; j < 12; j += 1) {
      cdf += term;
      term *= ((r + j) * z) / (j + 1);
    }
    expect(regularizedIncompleteBeta(12, r, z, 1 - z, 't')).toBeCloseTo(1 - cdf, 14);
    expect(regularizedIncompleteBeta(2, 3, 0, 1, 't')).toBe(0);
    expect(regularizedIncompleteBeta(2, 3, 1, 0, 't')).toBe(1);
  });

  it('keeps relative accuracy in a tiny tail', () => {
    // I_x(a, b) for small x ≈ x^a/(a B(a, b)); a = 40, b = 0.5, x = 0.01.
    const v = regularizedIncompleteBeta(40, 0.5, 0.01, 0.99, 't');
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThan(1e-70);
  });
});
