import { fail } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import { exprel } from '../../math/gamma.js';
import { logTricomiUEqual } from '../../math/incomplete-gamma.js';
import { DiscountRateSchema, HorizonSchema, parseCustomerHistory } from '../shared/customer.js';
import type { CustomerHistory } from '../types.js';
import { aliveProbability } from './customer-terms.js';
import { finiteOrFail, type ParetoNbdParams, parseParetoNbdParams } from './params.js';

/**
 * [1 − ((β+T)/(β+T+t))^(s−1)] / (s − 1) = L · exprel((1−s) L) with L = ln(1 + t/(β+T)): the
 * horizon factor of E[X(t)] and E[Y(t)], continuous through s = 1 (where it is L, the logarithmic
 * limit of REFERENCE.md §2) and free of cancellation for t small against β+T.
 */
export function horizonFactor(s: number, base: number, t: number): number {
  const L = Math.log1p(t / base);
  return L * exprel((1 - s) * L);
}

/**
 * P(alive at T + futureTime | x, t_x, T) under the Pareto/NBD.
 *
 * At futureTime = 0 this is Fader & Hardie's note 009 eq. (18) (Schmittlein, Morrison & Colombo
 * 1987, eq. 11): P(alive) = Γ(r+x) α^r β^s / [Γ(r) (α+T)^(r+x) (β+T)^s L], computed as
 * B / (B + s (I(t_x) − I(T))) without forming either tiny term. Later, P(alive at T+t) =
 * P(alive at T) · ((β+T)/(β+T+t))^s: given alive at T and the history, μ's posterior is
 * Gamma(s, β+T) (the purchase history and survival to T multiply the Gamma(s, β) prior by
 * e^(−μT)), and E[e^(−μt)] under it is that ratio to the power s. The value is 1 when t_x = T
 * and futureTime = 0 (the last purchase is now).
 *
 * Numerical caveats: stays in (0, 1] for frequencies in the thousands and T in the thousands; a
 * heavy buyer silent for long can have P(alive) below 1e-300, which underflows to 0.
 *
 * @param params - Pareto/NBD params.
 * @param customer - `{ frequency: x, recency: t_x, T }` in the params' time unit.
 * @param futureTime - Time after T (default 0).
 * @returns The probability.
 * @throws `input/invalid` for bad params, customer or time.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 *
 * const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // CDNOW, weeks
 * const buyer = { frequency: 26, recency: 30.85714, T: 31 };
 * console.log(paretoNbd.probabilityAlive(params, buyer).toFixed(5)); // '0.99787'
 * console.log(paretoNbd.probabilityAlive(params, buyer, 52).toFixed(4)); // '0.6157' (a year later)
 * ```
 */
export function paretoNbdProbabilityAlive(
  params: ParetoNbdParams,
  customer: CustomerHistory,
  futureTime = 0,
): number {
  const fn = 'paretoNbdProbabilityAlive';
  const p = parseParetoNbdParams(params, fn);
  const c = parseCustomerHistory(customer, fn);
  const t = parseInput(HorizonSchema, futureTime, fn, 'futureTime');
  const alive = aliveProbability(p, c.frequency, c.recency, c.T);
  const survive = t === 0 ? 1 : Math.exp(-p.s * Math.log1p(t / (p.beta + c.T)));
  return finiteOrFail(alive * survive, fn, 'P(alive)', { params, customer });
}

/**
 * Expected purchases in (T, T + t] given the history (x, t_x, T): Fader & Hardie note 009 eq. (22)
 * (Schmittlein, Morrison & Colombo 1987, eq. 22),
 * E[Y(t)] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive),
 * with the s = 1 limit (r+x)(β+T)/(α+T) · ln((β+T+t)/(β+T)) · P(alive) taken continuously.
 *
 * Numerical caveats: finite for x in the thousands (P(alive) and the rate are formed separately in
 * logs); a heavy buyer who went quiet long ago ("frequency paradox") has a tiny E[Y].
 *
 * @param params - Pareto/NBD params.
 * @param customer - `{ frequency: x, recency: t_x, T }`.
 * @param t - Horizon after T (in the params' time unit), >= 0.
 * @returns E[Y(t) | x, t_x, T].
 * @throws `input/invalid` for bad inputs; `model/non-finite` if the value overflows.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 *
 * const params = { r: 0.553277, alpha: 10.577683, s: 0.60624, beta: 11.668734 }; // CDNOW MLE
 * const buyer = { frequency: 26, recency: 30.85714, T: 31 };
 * console.log(paretoNbd.expectedPurchases(params, buyer, 52).toFixed(2)); // '25.46' (BTYD vignette)
 * ```
 */
export function paretoNbdExpectedPurchases(
  params: ParetoNbdParams,
  customer: CustomerHistory,
  t: number,
): number {
  const fn = 'paretoNbdExpectedPurchases';
  const p = parseParetoNbdParams(params, fn);
  const c = parseCustomerHistory(customer, fn);
  const h = parseInput(HorizonSchema, t, fn, 't');
  const alive = aliveProbability(p, c.frequency, c.recency, c.T);
  const base = p.beta + c.T;
  const value =
    (((p.r + c.frequency) * base) / (p.alpha + c.T)) * horizonFactor(p.s, base, h) * alive;
  return finiteOrFail(value, fn, 'E[Y(t)]', { params, customer, t });
}

/**
 * Expected repeat purchases in (0, t] of a customer just acquired: Schmittlein, Morrison & Colombo
 * (1987) eq. 17 (Fader & Hardie note 009 eq. 17), E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)],
 * with the s = 1 limit (rβ/α) ln((β+t)/β) taken continuously (REFERENCE.md §2).
 *
 * @param params - Pareto/NBD params.
 * @param t - Horizon, >= 0.
 * @returns E[X(t)].
 * @throws `input/invalid` for bad inputs.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 *
 * const params = { r: 0.553277028, alpha: 10.5776831, s: 0.606239909, beta: 11.6687341 };
 * console.log(paretoNbd.expectedPurchasesNewCustomer(params, 52).toFixed(6)); // '1.473434' (BTYD)
 * ```
 */
export function paretoNbdExpectedPurchasesNewCustomer(params: ParetoNbdParams, t: number): number {
  const fn = 'paretoNbdExpectedPurchasesNewCustomer';
  const p = parseParetoNbdParams(params, fn);
  const h = parseInput(HorizonSchema, t, fn, 't');
  const value = ((p.r * p.beta) / p.alpha) * horizonFactor(p.s, p.beta, h);
  return finiteOrFail(value, fn, 'E[X(t)]', { params, t });
}

/** δ = ln(1 + d), checked: d >= 0 (a negative rate makes the infinite-horizon sums diverge). */
function continuousRate(fn: string, discountRate: unknown): number {
  const d = parseInput(DiscountRateSchema, discountRate, fn, 'discountRate');
  if (d < 0) {
    fail(
      'model/undefined-quantity',
      fn,
      'discounted expected transactions diverge for a negative discount rate',
      {
        expected: 'discountRate >= 0',
        received: d,
        path: ['discountRate'],
      },
    );
  }
  return Math.log1p(d);
}

/**
 * ζ^(s−1) U(s, s; ζ) · base at ζ = δ · base: ∫_0^∞ e^(−δu) (base/(base+u))^s du, the discounted
 * integral of a Pareto/NBD purchase-rate decay; at δ = 0 it is base/(s−1) for s > 1.
 */
function discountedDecay(fn: string, s: number, base: number, delta: number): number {
  if (delta === 0) {
    if (s <= 1) {
      fail(
        'model/undefined-quantity',
        fn,
        'undiscounted expected transactions are infinite when s <= 1',
        {
          expected: 'a discount rate > 0, or s > 1',
          received: `s = ${s}, discountRate = 0`,
          path: ['discountRate'],
        },
      );
    }
    return base / (s - 1);
  }
  const zeta = delta * base;
  return base * Math.exp((s - 1) * Math.log(zeta) + logTricomiUEqual(s, zeta));
}

/**
 * Discounted expected residual transactions (DERT) of a customer with history (x, t_x, T), with an
 * infinite horizon: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer
 * Base Analysis", JMR 42(4), eq. 2,
 * DERT = α^r β^s δ^(s−1) Γ(r+x+1) U(s, s; δ(β+T)) / [Γ(r) (α+T)^(r+x+1) L]
 *      = P(alive) · (r+x)/(α+T) · (β+T)^s δ^(s−1) U(s, s; δ(β+T)),
 * with U(s, s; z) = e^z Γ(1−s, z) from `logTricomiUEqual` and the continuous rate δ = ln(1 + d) for
 * the discrete rate d per time unit of the params (the interface's convention: 15% a year on weekly
 * data is d = 1.15^(1/52) − 1, δ = ln(1.15)/52 ≈ 0.0026877). Equals ∫_0^∞ e^(−δt) dE[Y(t)]/dt dt.
 *
 * Numerical caveats: multiply by the margin per transaction (e.g. from Gamma-Gamma) for a CLV in
 * money. For small t_x a larger x gives a *smaller* DERT (the backward-bending iso-value curves of
 * the paper). d = 0 is allowed only when s > 1 (then DERT = E[Y(∞)]).
 *
 * @param params - Pareto/NBD params.
 * @param customer - `{ frequency: x, recency: t_x, T }`.
 * @param discountRate - Discrete rate d >= 0 per time unit.
 * @returns DERT, in transactions.
 * @throws `input/invalid` for bad inputs; `model/undefined-quantity` when d < 0, or d = 0 with s <= 1.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 *
 * const params = { r: 0.5629966, alpha: 12.559037, s: 0.4081095, beta: 10.5148048 }; // BTYD, 78 weeks
 * const d = Math.expm1(0.0027); // δ = ln(1 + d) = 0.0027 per week, as in BTYD's pnbd.DERT example
 * console.log(paretoNbd.dert(params, { frequency: 7, recency: 35, T: 77.86 }, d).toFixed(4)); // '1.8642'
 * ```
 */
export function paretoNbdDert(
  params: ParetoNbdParams,
  customer: CustomerHistory,
  discountRate: number,
): number {
  const fn = 'paretoNbdDert';
  const p = parseParetoNbdParams(params, fn);
  const c = parseCustomerHistory(customer, fn);
  const delta = continuousRate(fn, discountRate);
  const alive = aliveProbability(p, c.frequency, c.recency, c.T);
  const value =
    (alive * (p.r + c.frequency) * discountedDecay(fn, p.s, p.beta + c.T, delta)) / (p.alpha + c.T);
  return finiteOrFail(value, fn, 'DERT', { params, customer, discountRate });
}

/**
 * Discounted expected transactions of a customer just acquired, not counting the first purchase
 * (the DET of Fader & Hardie's handbook chapter, eq. 3.14): DET = (r/α) β^s δ^(s−1) U(s, s; βδ),
 * with δ = ln(1 + d). Add 1 for a prospect whose first purchase is still to come.
 *
 * @param params - Pareto/NBD params.
 * @param discountRate - Discrete rate d >= 0 per time unit.
 * @returns DET, in transactions.
 * @throws `input/invalid` for bad inputs; `model/undefined-quantity` when d < 0, or d = 0 with s <= 1.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 *
 * const params = { r: 0.5629966, alpha: 12.559037, s: 0.4081095, beta: 10.5148048 };
 * console.log(paretoNbd.dertNewCustomer(params, Math.expm1(0.0027)).toFixed(4)); // '5.2102'
 * ```
 */
export function paretoNbdDertNewCustomer(params: ParetoNbdParams, discountRate: number): number {
  const fn = 'paretoNbdDertNewCustomer';
  const p = parseParetoNbdParams(params, fn);
  const delta = continuousRate(fn, discountRate);
  const value = (p.r * discountedDecay(fn, p.s, p.beta, delta)) / p.alpha;
  return finiteOrFail(value, fn, 'DET', { params, discountRate });
}
