import {
  checkedDert,
  checkedExpectedNew,
  checkedExpectedPurchases,
  checkedPmf,
  checkedProbabilityAlive,
} from '../shared/beta-geometric-api.js';
import type { CustomerHistory } from '../types.js';
import { BG_NBD, type BgNbdParams } from './params.js';

/**
 * Expected purchases in (T, T + t] of a customer with history (x, t_x, T), E[Y(t) | x, t_x, T]
 * (Fader, Hardie & Lee 2005, eq. 10):
 *
 *   P(alive) · (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *
 * that is, P(alive at T) times the expected count of a customer alive at T with the posterior
 * λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x).
 *
 * Numerical caveats: evaluated as a power series in z = t/(α+T+t) for z <= 0.8, through ₂F₁ in
 * Euler's form (parameters O(1) even for heavy buyers) otherwise, and by quadrature near a = 1, where
 * the printed form is 0/0 (the limit is taken, not a perturbation); relative error below ~1e-10.
 *
 * @param params - {@link BgNbdParams}.
 * @param customer - `{ frequency, recency, T }` in the params' time unit.
 * @param t - Horizon >= 0 in the same unit.
 * @returns E[Y(t)], finite and >= 0.
 * @throws CustomerAssetError `input/invalid` for bad params, customer or t.
 *
 * @example
 * ```ts
 * import { bgNbd } from 'customer-asset';
 *
 * const params = { r: 0.24259395230803, alpha: 4.41359091416604, a: 0.792919955839573, b: 2.42589404751842 };
 * const y = bgNbd.expectedPurchases(params, { frequency: 2, recency: 30.43, T: 38.86 }, 39);
 * console.log(y.toFixed(4)); // '1.2259' (Hardie's note 004: 1.226)
 * ```
 */
export function bgNbdExpectedPurchases(
  params: BgNbdParams,
  customer: CustomerHistory,
  t: number,
): number {
  return checkedExpectedPurchases(BG_NBD, params, customer, t);
}

/**
 * Expected repeat purchases in (0, t] of a customer just acquired, E[X(t)] (Fader, Hardie & Lee 2005,
 * eq. 9):
 *
 *   (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]
 *
 * Numerical caveats: at a = 1 the printed form is 0/0 and for a + b <= 1 its ₂F₁ has c <= 0; both
 * are handled (power series for t <= α, quadrature of dE[X]/dt otherwise), with no perturbation.
 * At t = 78 weeks on CDNOW this gives 1.8579566, where Hardie's spreadsheet's truncated series gives
 * 1.8576. E[X(t)] grows without bound as t → ∞ when a <= 1.
 *
 * @param params - {@link BgNbdParams}.
 * @param t - Time since acquisition, >= 0, in the params' time unit.
 * @returns E[X(t)], finite and >= 0.
 * @throws CustomerAssetError `input/invalid` for bad params or t.
 *
 * @example
 * ```ts
 * import { bgNbd } from 'customer-asset';
 *
 * const params = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
 * console.log(bgNbd.expectedPurchasesNewCustomer(params, 52).toFixed(6)); // '1.444005' (BTYD: 1.444004)
 * ```
 */
export function bgNbdExpectedPurchasesNewCustomer(params: BgNbdParams, t: number): number {
  return checkedExpectedNew(BG_NBD, params, t);
}

/**
 * Probability that a customer with history (x, t_x, T) is alive at T + futureTime.
 *
 * At futureTime = 0 this is Fader, Hardie & Lee's (2008) note 021, 1 / [1 + 1{x>0} a/(b+x−1) ((α+T)/(α+t_x))^(r+x)]
 * (so 1 whenever x = 0: a BG/NBD customer can only drop out right after a purchase). Later, the
 * customer must also survive every purchase in (T, T+t]: given (λ, p) that has probability
 * Σ_n e^(−λt)(λt)^n/n! (1−p)^n = e^(−λpt), and averaging over the posterior λ ~ Gamma(r+x, α+T),
 * p ~ Beta(a, b+x) gives (derived here, checked by simulation and 2-D quadrature in the tests)
 *
 *   P(alive at T+t) = P(alive at T) · ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x; t/(α+T+t)).
 *
 * It is the probability of being alive given the calibration history only (not given any purchase
 * in (T, T+t]).
 *
 * Numerical caveats: computed as 1/(1 + e^d), which is 0 rather than NaN when the odds overflow
 * (a heavy buyer long silent); the ₂F₁ is taken in Euler's form with O(1) parameters.
 *
 * @param params - {@link BgNbdParams}.
 * @param customer - `{ frequency, recency, T }` in the params' time unit.
 * @param futureTime - Time after T, >= 0 (default 0).
 * @returns A probability in [0, 1].
 * @throws CustomerAssetError `input/invalid` for bad params, customer or futureTime.
 *
 * @example
 * ```ts
 * import { bgNbd } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * console.log(bgNbd.probabilityAlive(params, customer).toFixed(4)); // '0.7266'
 * console.log(bgNbd.probabilityAlive(params, customer, 52).toFixed(4)); // '0.5316'
 * ```
 */
export function bgNbdProbabilityAlive(
  params: BgNbdParams,
  customer: CustomerHistory,
  futureTime?: number,
): number {
  return checkedProbabilityAlive(BG_NBD, params, customer, futureTime);
}

/**
 * P(X(t) = n): the probability that a customer just acquired makes exactly n repeat purchases in
 * (0, t] (Fader, Hardie & Lee 2005, eq. 8):
 *
 *   B(a, b+n)/B(a, b) · NBD_t(n) + 1{n>0} B(a+1, b+n−1)/B(a, b) · P(NBD_t >= n)
 *
 * with NBD_t(n) = Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n. The tail P(NBD_t >= n) is the
 * regularised incomplete beta I_{t/(α+t)}(n, r), not 1 minus a finite sum, so it keeps its relative
 * accuracy when it is tiny.
 *
 * @param params - {@link BgNbdParams}.
 * @param n - Number of repeat purchases, an integer >= 0.
 * @param t - Time since acquisition, >= 0.
 * @returns A probability in [0, 1].
 * @throws CustomerAssetError `input/invalid` for bad params, n or t.
 *
 * @example
 * ```ts
 * import { bgNbd } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * console.log(bgNbd.probabilityOfPurchases(params, 0, 39).toFixed(7)); // '0.5737864' (BTYD manual)
 * ```
 */
export function bgNbdProbabilityOfPurchases(params: BgNbdParams, n: number, t: number): number {
  return checkedPmf(BG_NBD, params, n, t);
}

/**
 * Discounted expected residual transactions of a customer with history (x, t_x, T): the present
 * value, at T, of all purchases after T, each discounted continuously for the time until it happens
 * at the force of interest δ = ln(1 + d), i.e. by the factor (1 + d)^−s:
 *
 *   DERT = ∫_0^∞ (1+d)^−s dE[Y(s) | x, t_x, T] = P(alive at T) · E[λ / (δ + λp)]
 *
 * with the expectation over the posterior λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x). This is the exact
 * value that the handbook's mid-period approximation Σ_{i>=1} (1+d)^−(i−0.5) {E[Y(i)] − E[Y(i−1)]}
 * (Fader & Hardie 2015, eq. 3.13) approximates, and the same convention as the Pareto/NBD DERT
 * (continuous δ = ln(1 + d)): the two models' DERTs are comparable. No closed form exists; it is
 * computed by Gauss–Legendre quadrature of dE[Y] against the discount factor, truncated where the
 * discount factor is below e^−45 (relative error ~1e-13).
 *
 * d = 0 gives the undiscounted total P(alive)·(a+b+x−1)/(a−1), finite only when a > 1.
 *
 * @param params - {@link BgNbdParams}.
 * @param customer - `{ frequency, recency, T }` in the params' time unit.
 * @param discountRate - Discrete, effective discount rate d per time unit of the params (for 15% a
 *   year on weekly params: 1.15^(1/52) − 1).
 * @returns DERT, finite and >= 0 (a number of purchases).
 * @throws CustomerAssetError `input/invalid` for bad inputs; `model/undefined-quantity` for d < 0, or
 *   d = 0 with a <= 1 (the undiscounted sum diverges).
 *
 * @example
 * ```ts
 * import { bgNbd } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const weekly = 1.15 ** (1 / 52) - 1;
 * const dert = bgNbd.dert(params, { frequency: 2, recency: 30.43, T: 38.86 }, weekly);
 * console.log(dert.toFixed(3)); // '5.170'
 * ```
 */
export function bgNbdDert(
  params: BgNbdParams,
  customer: CustomerHistory,
  discountRate: number,
): number {
  return checkedDert(BG_NBD, params, customer, discountRate);
}
