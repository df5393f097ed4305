/**
 * The beta-geometric survival sums behind every BG/BB forecast. With θ ~ Beta(γ, δ₀) (δ₀ = δ + n for
 * a customer alive at opportunity n, by Bayes), the chance of still being alive k opportunities
 * later is S(k) = B(γ, δ₀+k)/B(γ, δ₀), and
 *
 *   Σ_{k=1}^{K} S(k) = [δ₀ − (δ₀+K) S(K)] / (γ − 1)                       (telescoping; FHS eq. 13)
 *   Σ_{k≥1} S(k)/(1+d)^k = δ₀/(γ+δ₀) · ₂F₁(1, δ₀+1; γ+δ₀+1; 1/(1+d)) / (1+d)   (FHS eq. 14)
 *
 * The first form is 0/0 at γ = 1. Writing (δ₀+K)S(K)/δ₀ = exp(−(γ−1)·D) with
 * D = Δ(δ₀+K+1, γ−1) − Δ(δ₀+1, γ−1) and Δ(y, e) = [ln Γ(y+e) − ln Γ(y)]/e gives
 * Σ = δ₀ · D · exprel(−(γ−1)D), which is smooth through γ = 1 (there D = ψ(δ₀+K+1) − ψ(δ₀+1)).
 */
import { fail } from '../../core/errors.js';
import { exprel, lnGammaDiffQuot, lnGammaShift } from '../../math/gamma.js';
import { logHyp2f1 } from '../../math/hyp2f1.js';

/** Below this many opportunities the survival sum is added term by term (exact to rounding). */
const DIRECT_SUM_LIMIT = 64;

/** ln S(k) = ln B(γ, δ₀+k) − ln B(γ, δ₀): log-probability of surviving k more opportunities. */
export function lnSurvival(gamma: number, delta0: number, k: number): number {
  return lnGammaShift(delta0, k) - lnGammaShift(gamma + delta0, k);
}

/**
 * Σ_{k=1}^{K} S(k): the expected number of the next K opportunities at which a customer now alive
 * is alive, θ ~ Beta(γ, δ₀). K may be fractional only through the closed form (callers pass whole
 * numbers).
 */
export function expectedAliveOpportunities(gamma: number, delta0: number, K: number): number {
  if (K <= 0) return 0;
  if (K <= DIRECT_SUM_LIMIT) {
    let s = 1;
    let sum = 0;
    for (let k = 1; k <= K; k += 1) {
      s *= (delta0 + k - 1) / (gamma + delta0 + k - 1);
      sum += s;
    }
    return sum;
  }
  const e = gamma - 1;
  const D = lnGammaDiffQuot(delta0 + K + 1, e) - lnGammaDiffQuot(delta0 + 1, e);
  return delta0 * D * exprel(-e * D);
}

/**
 * ln Σ_{k≥1} S(k)/(1+d)^k (FHS eq. 14 without the purchase part): the discounted expected number of
 * future opportunities alive, the first one discounted by a full period. For d = 0 it is the
 * undiscounted Σ S(k) = δ₀/(γ−1), infinite when γ <= 1 (`model/undefined-quantity`).
 */
export function lnDiscountedAliveOpportunities(
  gamma: number,
  delta0: number,
  d: number,
  fn: string,
): number {
  if (d < 0) {
    fail('model/undefined-quantity', fn, 'discounted residual transactions diverge for d < 0', {
      expected: 'a discount rate >= 0',
      received: d,
      path: ['discountRate'],
    });
  }
  if (d > 0 && 1 / (1 + d) === 1) {
    fail('input/invalid', fn, 'the discount rate is too small to tell from 0 in double precision', {
      expected: '0 or a rate >= 2.3e-16 per opportunity',
      received: d,
      path: ['discountRate'],
    });
  }
  if (d === 0) {
    if (!(gamma > 1)) {
      fail(
        'model/undefined-quantity',
        fn,
        'undiscounted residual transactions are infinite when gamma <= 1 (E[X(∞)] = ∞)',
        {
          expected: 'a discount rate > 0, or gamma > 1',
          received: `gamma = ${gamma}, discountRate = 0`,
          path: ['discountRate'],
        },
      );
    }
    return Math.log(delta0) - Math.log(gamma - 1);
  }
  const lnOnePlusD = Math.log1p(d);
  return (
    Math.log(delta0) -
    Math.log(gamma + delta0) -
    lnOnePlusD +
    logHyp2f1(1, delta0 + 1, gamma + delta0 + 1, 1 / (1 + d))
  );
}
