/**
 * REFERENCE.md §5, BdW held-out checks (derived: ../shifted-beta-geometric/reference/derive.py): the
 * MLE (alpha, beta, c) and LL for both segments on years 0..4 and 0..7, and the likelihood-ratio test
 * against the sBG.
 */
import { describe, expect, it } from 'vitest';
import { betaDiscreteWeibull as bdw } from '../../../src/models/beta-discrete-weibull/index.js';
import { shiftedBetaGeometric as sbg } from '../../../src/models/shifted-beta-geometric/index.js';
import { contractualReference } from '../shifted-beta-geometric/reference/contractual.js';

const ref = contractualReference()['bdw.fit'];

/** chi-square(1) survival function P(X > x) = erfc(sqrt(x/2)): Taylor series of erf below 2, continued fraction above. */
function chi2Sf1(x: number): number {
  const z = Math.sqrt(x / 2);
  if (z < 2) {
    let sum = z;
    let term = z;
    for (let n = 1; n < 200; n += 1) {
      term *= (-z * z) / n;
      sum += term / (2 * n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 300; n += 1) {
    const a = n / 2;
    d = z + a * d;
    d = 1 / d;
    c = z + a / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-z * z) / (Math.sqrt(Math.PI) * f);
}

describe('BdW held-out checks: MLE, LL and the likelihood-ratio test against the sBG', () => {
  it('the chi-square(1) tail used for the test is right: 3.841459 -> 0.05, 10.827566 -> 0.001', () => {
    expect(chi2Sf1(3.841458820694124)).toBeCloseTo(0.05, 12);
    expect(chi2Sf1(10.827566170662733)).toBeCloseTo(0.001, 12);
    expect(chi2Sf1(0.45493642311957)).toBeCloseTo(0.5, 12);
  });

  for (const key of ['regular_4yr', 'regular_7yr', 'highend_4yr', 'highend_7yr']) {
    it(key, () => {
      const r = ref[key];
      const fit = bdw.fit({ alive: r.alive });
      expect(fit.logLikelihood).toBeCloseTo(r.bdw.LL, 5);
      expect(fit.params.alpha).toBeCloseTo(r.bdw.alpha, 3);
      expect(fit.params.beta).toBeCloseTo(r.bdw.beta, 3);
      expect(fit.params.c).toBeCloseTo(r.bdw.c, 3);
      const nested = sbg.fit({ alive: r.alive });
      expect(nested.logLikelihood).toBeCloseTo(r.sbg.LL, 5);
      const statistic = 2 * (fit.logLikelihood - nested.logLikelihood);
      expect(statistic).toBeCloseTo(r.lrt.statistic, 4);
      expect(chi2Sf1(statistic)).toBeCloseTo(r.lrt.pValue, 5);
    });
  }

  it('the key finding: c > 1 (individual churn rises with tenure) in every fit', () => {
    for (const key of Object.keys(ref)) expect(ref[key].bdw.c).toBeGreaterThan(1);
    // and the BdW is significantly better for the high-end segment on 7 years (p < 0.001).
    expect(ref.highend_7yr.lrt.pValue).toBeLessThan(0.001);
  });
});
