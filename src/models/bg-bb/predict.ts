/**
 * BG/BB closed forms (Fader, Hardie & Shang 2010, section 4; REFERENCE.md §3), all in
 * opportunities. Each conditional quantity factors as
 *
 *   P(alive at n | x, t_x, n) · E[p | x, n] · (a beta-geometric survival sum with δ₀ = δ + n)
 *
 * with E[p | x, n] = (α+x)/(α+β+n) and θ | alive at n ~ Beta(γ, δ+n): FHS eqs. 11, 13 and 14 are
 * exactly this product (see survival.ts for the sums and their γ = 1 limit).
 */
import { parseInput } from '../../core/validate.js';
import { betaln, lnGammaPositive } from '../../math/gamma.js';
import { DiscountRateSchema } from '../shared/customer.js';
import type { CustomerHistory } from '../types.js';
import { bgBbPatternLogLikelihood } from './likelihood.js';
import {
  type BgBbParams,
  parseBgBbCustomer,
  parseBgBbParams,
  parseOpportunities,
} from './params.js';
import {
  expectedAliveOpportunities,
  lnDiscountedAliveOpportunities,
  lnSurvival,
} from './survival.js';

/** ln P(alive at opportunity n + k | x, t_x, n) without argument checks (FHS eq. 11 for k = 1). */
export function lnProbabilityAliveUnchecked(
  params: BgBbParams,
  x: number,
  tx: number,
  n: number,
  k: number,
): number {
  const { alpha, beta, gamma, delta } = params;
  const lnBab = betaln(alpha, beta);
  const lnBgd = betaln(gamma, delta);
  const lnL = bgBbPatternLogLikelihood(params, lnBab, lnBgd, x, tx, n);
  const alive = betaln(alpha + x, beta + n - x) - lnBab + betaln(gamma, delta + n) - lnBgd;
  const value = alive - lnL + (k === 0 ? 0 : lnSurvival(gamma, delta + n, k));
  return Math.min(value, 0);
}

/** E[X(n, n+t) | x, t_x, n] without argument checks. */
export function expectedPurchasesUnchecked(
  params: BgBbParams,
  x: number,
  tx: number,
  n: number,
  t: number,
): number {
  if (t === 0) return 0;
  const { alpha, beta, gamma, delta } = params;
  const pAlive = Math.exp(lnProbabilityAliveUnchecked(params, x, tx, n, 0));
  return (
    ((pAlive * (alpha + x)) / (alpha + beta + n)) * expectedAliveOpportunities(gamma, delta + n, t)
  );
}

/** DERT(d | x, t_x, n) without argument checks (d >= 0 checked by the survival sum). */
export function dertUnchecked(
  params: BgBbParams,
  x: number,
  tx: number,
  n: number,
  d: number,
  fn: string,
): number {
  const { alpha, beta, gamma, delta } = params;
  const lnG = lnDiscountedAliveOpportunities(gamma, delta + n, d, fn);
  const lnP = lnProbabilityAliveUnchecked(params, x, tx, n, 0);
  return Math.exp(lnP + Math.log((alpha + x) / (alpha + beta + n)) + lnG);
}

function checkDiscountRate(discountRate: unknown, fn: string): number {
  return parseInput(DiscountRateSchema, discountRate, fn, 'discountRate');
}

/**
 * Probability that a BG/BB customer is alive at opportunity n + `futureTime`, given x purchases in
 * n opportunities with the last at t_x (Fader, Hardie & Shang 2010, eq. 11 is `futureTime` = 1):
 *
 *   P = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+k)/B(γ,δ) / L(α, β, γ, δ | x, t_x, n)
 *
 * `futureTime` = 0 (the default) is "alive at the last observed opportunity n", which is 1 when the
 * last purchase was at n; the paper's "P(alive in 2002)" for the donors observed 1996–2001 is
 * `futureTime` = 1.
 *
 * Numerical caveats: computed as a difference of logarithms (no beta function formed), clamped to
 * at most 1 against rounding; never NaN for valid input.
 *
 * @param params - {@link BgBbParams}.
 * @param customer - `{ frequency: x, recency: t_x, T: n }` in whole opportunities.
 * @param futureTime - Whole opportunities after n (default 0).
 * @returns A probability in (0, 1].
 * @throws CustomerAssetError `input/invalid` for bad params, history or futureTime.
 *
 * @example
 * ```ts
 * import { bgBb } from 'customer-asset';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * // A donor who gave in 4 of the 6 years 1996-2001, last in 2000: alive in 2002?
 * const p = bgBb.probabilityAlive(params, { frequency: 4, recency: 5, T: 6 }, 1);
 * console.log(p.toFixed(3)); // '0.697'
 * ```
 */
export function bgBbProbabilityAlive(
  params: BgBbParams,
  customer: CustomerHistory,
  futureTime = 0,
): number {
  const fn = 'bgBb.probabilityAlive';
  const p = parseBgBbParams(params, fn);
  const c = parseBgBbCustomer(customer, fn);
  const k = parseOpportunities(futureTime, fn, 'futureTime');
  return Math.exp(lnProbabilityAliveUnchecked(p, c.frequency, c.recency, c.T, k));
}

/**
 * Expected purchases of a BG/BB customer in the next `t` opportunities, n+1 … n+t, given x
 * purchases in n opportunities with the last at t_x (Fader, Hardie & Shang 2010, eq. 13):
 *
 *   E[X(n, n+t) | ·] = P(alive at n | ·) · (α+x)/(α+β+n) · Σ_{k=1}^{t} B(γ, δ+n+k)/B(γ, δ+n)
 *
 * The survival sum is added term by term up to 64 opportunities and taken in closed form beyond,
 * in a form that is smooth through γ = 1 (where the paper's δ/(γ−1) factor is 0/0).
 *
 * Numerical caveats: finite for every finite t; grows without bound in t when γ <= 1 (like ln t at
 * γ = 1).
 *
 * @param params - {@link BgBbParams}.
 * @param customer - `{ frequency: x, recency: t_x, T: n }` in whole opportunities.
 * @param t - Number of future opportunities (a whole number >= 0).
 * @returns The expected number of purchases (>= 0).
 * @throws CustomerAssetError `input/invalid` for bad params, history or t.
 *
 * @example
 * ```ts
 * import { bgBb } from 'customer-asset';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * // Expected donations 2002-2011 for a donor who gave every year 1996-2001.
 * const e = bgBb.expectedPurchases(params, { frequency: 6, recency: 6, T: 6 }, 10);
 * console.log(e.toFixed(3)); // '6.705'
 * ```
 */
export function bgBbExpectedPurchases(
  params: BgBbParams,
  customer: CustomerHistory,
  t: number,
): number {
  const fn = 'bgBb.expectedPurchases';
  const p = parseBgBbParams(params, fn);
  const c = parseBgBbCustomer(customer, fn);
  const horizon = parseOpportunities(t, fn, 't');
  return expectedPurchasesUnchecked(p, c.frequency, c.recency, c.T, horizon);
}

/**
 * Expected purchases of a just-acquired BG/BB customer (first purchase at opportunity 0, not
 * counted) in opportunities 1 … t (Fader, Hardie & Shang 2010, eq. 8):
 *
 *   E[X(t)] = α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ) Γ(1+δ+t) / (Γ(γ+δ+t) Γ(1+δ))]
 *
 * evaluated in a form smooth through γ = 1 (the bracket and the 1/(γ−1) cancel analytically).
 *
 * @param params - {@link BgBbParams}.
 * @param t - Number of opportunities (a whole number >= 0).
 * @returns E[X(t)] >= 0; it grows without bound in t when γ <= 1.
 * @throws CustomerAssetError `input/invalid` for bad params or t.
 *
 * @example
 * ```ts
 * import { bgBb } from 'customer-asset';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * console.log(bgBb.expectedPurchasesNewCustomer(params, 10).toFixed(4)); // '3.1789'
 * ```
 */
export function bgBbExpectedPurchasesNewCustomer(params: BgBbParams, t: number): number {
  const fn = 'bgBb.expectedPurchasesNewCustomer';
  const p = parseBgBbParams(params, fn);
  const horizon = parseOpportunities(t, fn, 't');
  return (p.alpha / (p.alpha + p.beta)) * expectedAliveOpportunities(p.gamma, p.delta, horizon);
}

/**
 * P(X(t) = k): the probability that a just-acquired BG/BB customer buys at exactly k of the next t
 * opportunities (Fader, Hardie & Shang 2010, eq. 7):
 *
 *   P(X(t)=k) = C(t,k) B(α+k, β+t−k)/B(α,β) · B(γ, δ+t)/B(γ,δ)
 *             + Σ_{i=k}^{t−1} C(i,k) B(α+k, β+i−k)/B(α,β) · B(γ+1, δ+i)/B(γ,δ)
 *
 * (alive through t, or dead from opportunity i+1 on after k purchases in the first i).
 *
 * Numerical caveats: terms combined in log space; the cost is O(t − k), so t is capped at 100,000.
 *
 * @param params - {@link BgBbParams}.
 * @param k - Number of purchases (a whole number >= 0); 0 is returned for k > t.
 * @param t - Number of opportunities (a whole number, 0 to 100,000).
 * @returns A probability in [0, 1]; Σ_k P(X(t)=k) = 1.
 * @throws CustomerAssetError `input/invalid` for bad params, k or t.
 *
 * @example
 * ```ts
 * import { bgBb } from 'customer-asset';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * // Expected number of the 11,104 donors who give in none of their first 6 opportunities.
 * console.log((11104 * bgBb.probabilityOfPurchases(params, 0, 6)).toFixed(1)); // '3455.8'
 * ```
 */
export function bgBbProbabilityOfPurchases(params: BgBbParams, k: number, t: number): number {
  const fn = 'bgBb.probabilityOfPurchases';
  const p = parseBgBbParams(params, fn);
  const x = parseOpportunities(k, fn, 'n');
  const horizon = parseOpportunities(t, fn, 't', true);
  return probabilityOfPurchasesUnchecked(p, x, horizon);
}

/** P(X(t) = k) without argument checks. */
export function probabilityOfPurchasesUnchecked(params: BgBbParams, k: number, t: number): number {
  if (k > t) return 0;
  const { alpha, beta, gamma, delta } = params;
  const lnBab = betaln(alpha, beta);
  const lnBgd = betaln(gamma, delta);
  const lnFactK = lnGammaPositive(k + 1);
  const lnChoose = (m: number) => lnGammaPositive(m + 1) - lnFactK - lnGammaPositive(m - k + 1);
  const alive =
    lnChoose(t) + betaln(alpha + k, beta + t - k) - lnBab + betaln(gamma, delta + t) - lnBgd;
  let max = alive;
  let acc = 1;
  let term = betaln(alpha + k, beta) - lnBab + betaln(gamma + 1, delta + k) - lnBgd; // i = k
  for (let i = k; i < t; i += 1) {
    if (term > max) {
      acc = acc * Math.exp(max - term) + 1;
      max = term;
    } else acc += Math.exp(term - max);
    // i -> i + 1: C(i+1,k)/C(i,k) = (i+1)/(i+1−k), then the two beta ratios.
    term += Math.log(
      ((i + 1) * (beta + i - k) * (delta + i)) /
        ((i + 1 - k) * (alpha + beta + i) * (gamma + delta + 1 + i)),
    );
  }
  const value = Math.exp(max + Math.log(acc));
  return Math.min(value, 1);
}

/**
 * Discounted expected residual transactions of a BG/BB customer at a discount rate d per
 * opportunity, over an infinite horizon (Fader, Hardie & Shang 2010, eq. 14):
 *
 *   DERT(d | x, t_x, n) = B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+1)/[B(γ,δ)(1+d)]
 *                         · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L
 *
 * A purchase at opportunity n + k is discounted by (1+d)^−k (the next opportunity by one full
 * period). Multiply by the margin per transaction for residual value.
 *
 * Numerical caveats: the ₂F₁ converges slowly for small d (ratio 1/(1+d)); the math layer switches to
 * the 1 − z transformation there. d = 0 gives the undiscounted E[X(n, ∞)] = P(alive)·(α+x)/(α+β+n)·
 * (δ+n)/(γ−1), which exists only for γ > 1.
 *
 * @param params - {@link BgBbParams}.
 * @param customer - `{ frequency: x, recency: t_x, T: n }` in whole opportunities.
 * @param discountRate - Discrete rate d per opportunity, >= 0 (for example 0.10 a year).
 * @returns DERT in transactions (>= 0).
 * @throws CustomerAssetError `input/invalid` for bad params or history, or a rate > 0 so small that
 *   1/(1+d) rounds to 1; `model/undefined-quantity` for d < 0, or d = 0 with γ <= 1 (infinite).
 *
 * @example
 * ```ts
 * import { bgBb } from 'customer-asset';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * const dert = bgBb.dert(params, { frequency: 6, recency: 6, T: 6 }, 0.1);
 * console.log(dert.toFixed(3)); // '5.909'
 * ```
 */
export function bgBbDert(
  params: BgBbParams,
  customer: CustomerHistory,
  discountRate: number,
): number {
  const fn = 'bgBb.dert';
  const p = parseBgBbParams(params, fn);
  const c = parseBgBbCustomer(customer, fn);
  const d = checkDiscountRate(discountRate, fn);
  return dertUnchecked(p, c.frequency, c.recency, c.T, d, fn);
}

/**
 * Discounted expected transactions of a just-acquired BG/BB customer (the first purchase at
 * opportunity 0 not counted), at a discount rate d per opportunity (Fader & Hardie 2015 handbook
 * chapter, eq. 3.19):
 *
 *   DET = α/(α+β) · δ/(γ+δ) · 1/(1+d) · ₂F₁(1, δ+1; γ+δ+1; 1/(1+d))
 *
 * It equals `dert` for the history (x, t_x, n) = (0, 0, 0). Add 1 to count the first purchase of a
 * customer not yet acquired.
 *
 * @param params - {@link BgBbParams}.
 * @param discountRate - Discrete rate d per opportunity, >= 0.
 * @returns DET in transactions (>= 0).
 * @throws CustomerAssetError `input/invalid` for bad params; `model/undefined-quantity` for d < 0,
 *   or d = 0 with γ <= 1.
 *
 * @example
 * ```ts
 * import { bgBb } from 'customer-asset';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * console.log(bgBb.dertNewCustomer(params, 0.1).toFixed(4)); // '2.7010'
 * ```
 */
export function bgBbDertNewCustomer(params: BgBbParams, discountRate: number): number {
  const fn = 'bgBb.dertNewCustomer';
  const p = parseBgBbParams(params, fn);
  const d = checkDiscountRate(discountRate, fn);
  return dertUnchecked(p, 0, 0, 0, d, fn);
}
