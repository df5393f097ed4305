import { beforeAll, expect, it } from 'vitest';
import type { RfmSummary } from '../../../src/data/summary-types.js';
import { betaln } from '../../../src/math/index.js';
import {
  type BgBbFit,
  type BgBbParams,
  bgBb,
  bgBbDertNewCustomer,
} from '../../../src/models/bg-bb/index.js';
import { describeWithData } from '../../helpers/shared-data.js';
import {
  type BgBbDerived,
  type DonationPattern,
  derivedReference,
  donationPatterns,
  donationsSummary,
  PUBLISHED,
} from './helpers.js';

/** |a − b| <= tol · |b|. */
function expectRelative(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

/**
 * DERT by brute force, independent of the ₂F₁ path: Σ_k P(buy at opportunity n+k | history)/(1+d)^k
 * with P(buy at n+k | ·) = B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+k)/B(γ,δ) / L and L summed term by term
 * from eq. 5. The tail after K terms is below S(n+K)/(d (1+d)^K).
 */
function bruteForceDert(params: BgBbParams, c: DonationPattern, d: number, K = 3000): number {
  const { alpha, beta, gamma, delta } = params;
  const { frequency: x, recency: tx, T: n } = c;
  const bab = betaln(alpha, beta);
  const bgd = betaln(gamma, delta);
  let L = Math.exp(betaln(alpha + x, beta + n - x) - bab + betaln(gamma, delta + n) - bgd);
  for (let i = 0; i < n - tx; i += 1) {
    L += Math.exp(
      betaln(alpha + x, beta + tx - x + i) - bab + betaln(gamma + 1, delta + tx + i) - bgd,
    );
  }
  const purchase = Math.exp(betaln(alpha + x + 1, beta + n - x) - bab) / L;
  let sum = 0;
  for (let k = K; k >= 1; k -= 1) {
    sum += Math.exp(betaln(gamma, delta + n + k) - bgd - k * Math.log1p(d));
  }
  return purchase * sum;
}

describeWithData(
  'BG/BB on the donations data (Fader, Hardie & Shang 2010)',
  ['donations.csv'],
  (paths) => {
    let summary: RfmSummary;
    let patterns: DonationPattern[];
    let fitted: BgBbFit;
    const reference = derivedReference();
    beforeAll(() => {
      patterns = donationPatterns(paths['donations.csv']!);
      summary = donationsSummary(paths['donations.csv']!);
      fitted = bgBb.fit(summary);
    });

    it('has the README counts: 22 patterns, 11,104 donors, n = 6', () => {
      expect(patterns).toHaveLength(22);
      expect(patterns.reduce((s, p) => s + p.count, 0)).toBe(11104);
      expect(new Set(patterns.map((p) => p.T))).toEqual(new Set([6]));
    });

    it('fits the published estimates: α = 1.204, β = 0.750, γ = 0.657, δ = 2.783, LL = −33,225.6', () => {
      const { params } = fitted;
      expect(fitted.diagnostics.converged).toBe(true);
      expect(params.alpha.toPrecision(4)).toBe('1.204');
      expect(params.beta.toPrecision(3)).toBe('0.750');
      expect(params.gamma.toPrecision(3)).toBe('0.657');
      expect(params.delta.toPrecision(4)).toBe('2.783');
      expect(Math.abs(fitted.logLikelihood - -33225.6)).toBeLessThan(0.05);
      expect(fitted.observations).toBe(11104);
      expect(fitted.timeUnit).toBe('period');
    });

    it('reaches the high-precision optimum (mpmath polish): LL −33,225.5812743, params to 1e-5', () => {
      const mle = reference['bgbb.fit.donations'];
      expect(Math.abs(fitted.logLikelihood - mle.LL)).toBeLessThan(1e-6);
      for (const name of ['alpha', 'beta', 'gamma', 'delta'] as const) {
        expectRelative(fitted.params[name], mle[name], 1e-5);
      }
    });

    it('gives standard errors with every estimate more than 10 SE from 0', () => {
      const se = fitted.standardErrors!;
      for (const name of ['alpha', 'beta', 'gamma', 'delta'] as const) {
        expect(se[name]).toBeGreaterThan(0);
        expect(fitted.params[name] / se[name]).toBeGreaterThan(8);
      }
    });

    it('LL at the published (rounded) estimates is −33,225.5817545', () => {
      expect(bgBb.logLikelihood(PUBLISHED, summary)).toBeCloseTo(
        reference['bgbb.ll.at_published'],
        6,
      );
    });

    const check = (label: string, params: () => BgBbParams, derived: BgBbDerived, tol: number) => {
      it(`${label}: P(alive in 2002) for every Table 6 pattern`, () => {
        for (const [x, tx, value] of derived.palive_2002) {
          expectRelative(
            bgBb.probabilityAlive(params(), { frequency: x, recency: tx, T: 6 }, 1),
            value,
            tol,
          );
        }
        for (const [x, tx, value] of derived.palive_2001) {
          expectRelative(
            bgBb.probabilityAlive(params(), { frequency: x, recency: tx, T: 6 }),
            value,
            tol,
          );
        }
      });

      it(`${label}: E[X(10)] for a new donor and 10-year conditional expectations`, () => {
        expectRelative(
          bgBb.expectedPurchasesNewCustomer(params(), 10),
          derived.new_donor_EX10,
          tol,
        );
        for (const [x, tx, value] of derived.cond_exp_10y) {
          expectRelative(
            bgBb.expectedPurchases(params(), { frequency: x, recency: tx, T: 6 }, 10),
            value,
            tol,
          );
        }
      });

      it(`${label}: aggregate expected donations 2002–2006 and expected donors by x = 0..6`, () => {
        const total = patterns.reduce(
          (s, p) => s + p.count * bgBb.expectedPurchases(params(), p, 5),
          0,
        );
        expectRelative(total, derived.aggregate_next_5y, tol);
        derived.expected_donors_by_x.forEach((value, x) => {
          expectRelative(11104 * bgBb.probabilityOfPurchases(params(), x, 6), value, tol);
        });
      });

      it(`${label}: DERT at d = 0.10 for every pattern, and DET`, () => {
        for (const [x, tx, value] of derived['dert_0.10']) {
          expectRelative(bgBb.dert(params(), { frequency: x, recency: tx, T: 6 }, 0.1), value, tol);
        }
        expectRelative(bgBbDertNewCustomer(params(), 0.1), derived['det_0.10'], tol);
      });
    };
    check('at the published estimates', () => PUBLISHED, reference['bgbb.published'], 1e-9);
    check('at the fitted estimates', () => fitted.params, reference['bgbb.mle'], 2e-5);

    it('DERT equals a brute-force discounted sum of per-opportunity purchase probabilities', () => {
      for (const p of patterns) {
        for (const d of [0.1, 0.03]) {
          expectRelative(bgBb.dert(PUBLISHED, p, d), bruteForceDert(PUBLISHED, p, d), 1e-10);
        }
      }
      expectRelative(
        bgBbDertNewCustomer(PUBLISHED, 0.1),
        bruteForceDert(PUBLISHED, { frequency: 0, recency: 0, T: 0, count: 1 }, 0.1),
        1e-10,
      );
    });

    it('headline figures at the published estimates (pinned)', () => {
      const best = { frequency: 6, recency: 6, T: 6 };
      expect(bgBb.probabilityAlive(PUBLISHED, best, 1)).toBeCloseTo(0.9304025424, 9);
      expect(bgBb.expectedPurchasesNewCustomer(PUBLISHED, 10)).toBeCloseTo(3.1788543265, 9);
      expect(bgBbDertNewCustomer(PUBLISHED, 0.1)).toBeCloseTo(2.7009529643, 9);
      expect(bgBb.dert(PUBLISHED, best, 0.1)).toBeCloseTo(5.9086783196, 9);
    });

    it('γ = 0.657 < 1: undiscounted residual transactions are infinite (model/undefined-quantity)', () => {
      expect(() => bgBb.dert(fitted.params, { frequency: 6, recency: 6, T: 6 }, 0)).toThrow(
        expect.objectContaining({ code: 'model/undefined-quantity' }),
      );
    });

    it('scores the 22 patterns exactly as the single-customer functions', () => {
      const scores = bgBb.score(PUBLISHED, summary, { horizon: 5, discountRate: 0.1 });
      expect(scores.size).toBe(22);
      patterns.forEach((p, i) => {
        expect(scores.probabilityAlive[i]).toBe(bgBb.probabilityAlive(PUBLISHED, p));
        expect(scores.expectedPurchases[i]).toBe(bgBb.expectedPurchases(PUBLISHED, p, 5));
        expect(scores.dert![i]).toBe(bgBb.dert(PUBLISHED, p, 0.1));
      });
    });
  },
);
