import {
  checkedDert,
  checkedExpectedNew,
  checkedExpectedPurchases,
  checkedPmf,
  checkedProbabilityAlive,
} from '../shared/beta-geometric-api.js';
import type { CustomerHistory } from '../types.js';
import { MBG_NBD, type MbgNbdParams } from './params.js';

/**
 * Expected purchases in (T, T + t] of a customer with history (x, t_x, T), E[Y(t) | x, t_x, T]
 * (Batislam, Denizel & Filiztekin 2007; REFERENCE.md §3):
 *
 *   P(alive) · (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]
 *
 * that is, P(alive at T) times the expected count of a customer alive at T with the posterior
 * λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1) (the customer survived the drop-out chance at time 0 and
 * after each of x purchases).
 *
 * Numerical caveats: power series for t/(α+T+t) <= 0.8, ₂F₁ in Euler's form otherwise, quadrature
 * near a = 1 (where the printed form is 0/0); relative error below ~1e-10.
 *
 * @param params - {@link MbgNbdParams}.
 * @param customer - `{ frequency, recency, T }` in the params' time unit.
 * @param t - Horizon >= 0 in the same unit.
 * @returns E[Y(t)], finite and >= 0.
 * @throws CustomerAssetError `input/invalid` for bad params, customer or t.
 *
 * @example
 * ```ts
 * import { mbgNbd } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const y = mbgNbd.expectedPurchases(params, { frequency: 2, recency: 30.43, T: 38.86 }, 39);
 * console.log(y.toFixed(4)); // '1.3405'
 * ```
 */
export function mbgNbdExpectedPurchases(
  params: MbgNbdParams,
  customer: CustomerHistory,
  t: number,
): number {
  return checkedExpectedPurchases(MBG_NBD, params, customer, t);
}

/**
 * Expected repeat purchases in (0, t] of a customer just acquired, E[X(t)] (Batislam, Denizel &
 * Filiztekin 2007; REFERENCE.md §3):
 *
 *   b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]
 *
 * = b/(a+b) (survives time 0) times the BG/NBD count with (r, α, a, b+1).
 *
 * Numerical caveats: at a = 1 the printed form is 0/0; the limit is computed (series or
 * quadrature), not perturbed. E[X(t)] grows without bound as t → ∞ when a <= 1.
 *
 * @param params - {@link MbgNbdParams}.
 * @param t - Time since acquisition, >= 0, in the params' time unit.
 * @returns E[X(t)], finite and >= 0.
 * @throws CustomerAssetError `input/invalid` for bad params or t.
 *
 * @example
 * ```ts
 * import { mbgNbd } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * console.log(mbgNbd.expectedPurchasesNewCustomer(params, 52).toFixed(4)); // '1.2104'
 * ```
 */
export function mbgNbdExpectedPurchasesNewCustomer(params: MbgNbdParams, t: number): number {
  return checkedExpectedNew(MBG_NBD, params, t);
}

/**
 * Probability that a customer with history (x, t_x, T) is alive at T + futureTime.
 *
 * At futureTime = 0: 1 / [1 + a/(b+x) ((α+T)/(α+t_x))^(r+x)] (Batislam et al. 2007), below 1 even
 * for x = 0 (the customer may have dropped out right after the first purchase). Later, the customer
 * must also survive every purchase in (T, T+t], which given (λ, p) has probability e^(−λpt); over
 * the posterior λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1) (derived here, checked by quadrature in
 * scripts/reference/bg_nbd_mbg_nbd.py):
 *
 *   P(alive at T+t) = P(alive at T) · ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x+1; t/(α+T+t)).
 *
 * Numerical caveats: 0 rather than NaN when the odds overflow; ₂F₁ in Euler's form.
 *
 * @param params - {@link MbgNbdParams}.
 * @param customer - `{ frequency, recency, T }` in the params' time unit.
 * @param futureTime - Time after T, >= 0 (default 0).
 * @returns A probability in [0, 1].
 * @throws CustomerAssetError `input/invalid` for bad params, customer or futureTime.
 *
 * @example
 * ```ts
 * import { mbgNbd } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * console.log(mbgNbd.probabilityAlive(params, { frequency: 0, recency: 0, T: 38.86 }).toFixed(4)); // '0.6373'
 * ```
 */
export function mbgNbdProbabilityAlive(
  params: MbgNbdParams,
  customer: CustomerHistory,
  futureTime?: number,
): number {
  return checkedProbabilityAlive(MBG_NBD, params, customer, futureTime);
}

/**
 * P(X(t) = n) for a customer just acquired, derived from the MBG/NBD story as FHL (2005) derive
 * their eq. 8: alive after n purchases with probability E[(1−p)^(n+1)], or dropped out at the n-th
 * purchase (n = 0: right after the first purchase) with probability E[p(1−p)^n], after at least n
 * Poisson events:
 *
 *   B(a, b+n+1)/B(a, b) · NBD_t(n) + B(a+1, b+n)/B(a, b) · P(NBD_t >= n)
 *
 * with NBD_t(n) = Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n and P(NBD_t >= n) = I_{t/(α+t)}(n, r)
 * (1 for n = 0).
 *
 * @param params - {@link MbgNbdParams}.
 * @param n - Number of repeat purchases, an integer >= 0.
 * @param t - Time since acquisition, >= 0.
 * @returns A probability in [0, 1].
 * @throws CustomerAssetError `input/invalid` for bad params, n or t.
 *
 * @example
 * ```ts
 * import { mbgNbd } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * console.log(mbgNbd.probabilityOfPurchases(params, 0, 39).toFixed(4)); // '0.6788'
 * ```
 */
export function mbgNbdProbabilityOfPurchases(params: MbgNbdParams, n: number, t: number): number {
  return checkedPmf(MBG_NBD, params, n, t);
}

/**
 * Discounted expected residual transactions: the present value at T of all purchases after T, each
 * discounted continuously by (1 + d)^−s, s the time until it happens (force of interest
 * δ = ln(1 + d), the Pareto/NBD convention):
 *
 *   DERT = ∫_0^∞ (1+d)^−s dE[Y(s) | x, t_x, T] = P(alive at T) · E[λ / (δ + λp)]
 *
 * over the posterior λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1); by Gauss–Legendre quadrature
 * (relative error ~1e-13). d = 0 gives P(alive)·(a+b+x)/(a−1), finite only when a > 1.
 *
 * @param params - {@link MbgNbdParams}.
 * @param customer - `{ frequency, recency, T }` in the params' time unit.
 * @param discountRate - Discrete, effective discount rate d per time unit of the params.
 * @returns DERT, finite and >= 0 (a number of purchases).
 * @throws CustomerAssetError `input/invalid` for bad inputs; `model/undefined-quantity` for d < 0, or
 *   d = 0 with a <= 1.
 *
 * @example
 * ```ts
 * import { mbgNbd } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const weekly = 1.15 ** (1 / 52) - 1;
 * console.log(mbgNbd.dert(params, { frequency: 2, recency: 30.43, T: 38.86 }, weekly).toFixed(3)); // '5.991'
 * ```
 */
export function mbgNbdDert(
  params: MbgNbdParams,
  customer: CustomerHistory,
  discountRate: number,
): number {
  return checkedDert(MBG_NBD, params, customer, discountRate);
}
