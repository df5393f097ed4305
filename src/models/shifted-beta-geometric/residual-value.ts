import { fail } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import { hyp2f1 } from '../../math/hyp2f1.js';
import type { DerlByTenureInput, DerlInput } from '../contractual-types.js';
import {
  ContractDiscountRateSchema,
  parseDerlByTenureInput,
  parseDerlInput,
} from '../shared/contractual-inputs.js';
import { derlForTenures } from '../shared/contractual-series.js';
import { sbgKernel } from './kernel.js';
import { parseSbgParams, type SbgParams } from './params.js';

function infinite(fn: string, alpha: number): never {
  return fail(
    'model/undefined-quantity',
    fn,
    'the undiscounted expected lifetime is infinite when alpha <= 1',
    {
      expected: 'a discount rate > 0, or alpha > 1',
      received: `alpha = ${alpha}, discountRate = 0`,
      path: ['discountRate'],
    },
  );
}

/**
 * DERL(n) for renewal n >= 1 at validated params: (β + n − 1)/(α + β + n − 1) ·
 * ₂F₁(1, β + n; α + β + n; 1/(1 + d)) (Fader & Hardie 2010), and (β + n − 1)/(α − 1) at d = 0
 * (Gauss's summation theorem, α > 1).
 */
export function sbgDerlAt(params: SbgParams, n: number, d: number, fn: string): number {
  const { alpha, beta } = params;
  if (d === 0) return alpha > 1 ? (beta + n - 1) / (alpha - 1) : infinite(fn, alpha);
  const r = (beta + n - 1) / (alpha + beta + n - 1);
  return r * hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + d));
}

/**
 * The discounted expected lifetime of a new customer, in periods' payments (Fader & Hardie 2010,
 * "Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity",
 * *Marketing Science* 29(1):85–93; REFERENCE.md §5): DEL = Σ_{t≥0} S(t)/(1 + d)^t = ₂F₁(1, β; α + β; 1/(1 + d)).
 * The customer pays at the start of each period alive; the first payment, at acquisition (t = 0), is
 * included undiscounted. Expected CLV = margin per period × DEL (in money: `subscriberLifetimeValue`).
 *
 * `discountRate` is the discrete effective rate per period of the params (10% a year for annual
 * contracts; (1 + annual)^(1/12) − 1 for monthly ones). At d = 0, DEL = E[T] = (α + β − 1)/(α − 1)
 * when α > 1 and is infinite (`model/undefined-quantity`) when α <= 1.
 *
 * Numerical caveat: the ₂F₁ argument 1/(1 + d) approaches 1 as d falls; the numerical core switches
 * to the 1 − z transformation there, so small rates stay fast and accurate (checked against
 * brute-force sums in the tests).
 *
 * @param params - `{ alpha, beta }`.
 * @param discountRate - d >= 0 per period.
 * @throws CustomerAssetError `input/invalid`, `model/undefined-quantity`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * // Fader & Hardie (2015) handbook example: margin $100 a year, d = 10%.
 * const del = shiftedBetaGeometric.del({ alpha: 0.764, beta: 1.296 }, 0.1);
 * console.log((100 * del).toFixed(2)); // '362.02'
 * ```
 */
export function sbgDel(params: SbgParams, discountRate: number): number {
  const fn = 'shiftedBetaGeometric.del';
  const { alpha, beta } = parseSbgParams(params, fn);
  const d = parseInput(ContractDiscountRateSchema, discountRate, fn, 'discountRate');
  if (d === 0) return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : infinite(fn, alpha);
  return hyp2f1(1, beta, alpha + beta, 1 / (1 + d));
}

/**
 * The discounted expected residual lifetime of an existing subscriber (Fader & Hardie 2010; REFERENCE.md §5):
 * DERL = Σ_{t≥n} [S(t)/S(n − 1)] (1 + d)^−(t − n)
 *      = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d)),  n = periodsSurvived + 1.
 *
 * Timing, exactly: `periodsSurvived` = k is the number of renewals the subscriber has made (k = 0
 * during the first, paid, period). The value is taken at the moment of their next renewal decision,
 * the (k + 1)-th, which falls k + 1 periods after acquisition (the end of the current period): the
 * payment that renewal triggers falls at that same moment and is counted in full, undiscounted, times
 * the probability r_{k+1} of renewing; later payments, at k + 2, k + 3, ... periods, are discounted by
 * (1 + d) per period. The payment for the current period is already made and is not included. (This
 * is Fader & Hardie's DERL(d | n − 1 renewals) with n = k + 1: "RLV at the end of period n".) To value
 * as of the start of the current period, divide by (1 + d). Residual value = margin × DERL
 * (`subscriberResidualValue`).
 *
 * DERL rises with `periodsSurvived` (the survivors are the customers with low churn) and falls as d
 * rises. At d = 0 it is (β + k)/(α − 1) for α > 1 and infinite (`model/undefined-quantity`) else.
 *
 * @param params - `{ alpha, beta }`.
 * @param input - `{ periodsSurvived, discountRate }`.
 * @throws CustomerAssetError `input/invalid`, `model/undefined-quantity`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * // Handbook example: RLV of a customer at the end of period 1 (no renewal made yet), $100 a year.
 * const params = { alpha: 0.764, beta: 1.296 };
 * const derl = shiftedBetaGeometric.derl(params, { periodsSurvived: 0, discountRate: 0.1 });
 * console.log((100 * derl).toFixed(2)); // '288.22'
 * ```
 */
export function sbgDerl(params: SbgParams, input: DerlInput): number {
  const fn = 'shiftedBetaGeometric.derl';
  const p = parseSbgParams(params, fn);
  const { periodsSurvived, discountRate } = parseDerlInput(input, fn);
  return sbgDerlAt(p, periodsSurvived + 1, discountRate, fn);
}

/**
 * {@link sbgDerl} for many tenures at once, aligned with `input.periodsSurvived` (one entry per
 * subscriber or per tenure group): the closed form at the largest tenure, then the exact backward
 * recursion DERL(n) = r_n (1 + DERL(n + 1)/(1 + d)) down to the smallest, so a million subscribers
 * cost one ₂F₁ and a few thousand multiplications. Validation is a plain O(n) loop.
 *
 * @param params - `{ alpha, beta }`.
 * @param input - `{ periodsSurvived: ArrayLike<number>, discountRate }`.
 * @returns a Float64Array of DERL values.
 * @throws CustomerAssetError `input/invalid` (naming the index), `model/undefined-quantity`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const values = shiftedBetaGeometric.derlByTenure(
 *   { alpha: 0.764, beta: 1.296 },
 *   { periodsSurvived: [0, 1, 4], discountRate: 0.1 },
 * );
 * console.log(Array.from(values, (v) => (100 * v).toFixed(2))); // ['288.22', '393.94', '568.25']
 * ```
 */
export function sbgDerlByTenure(params: SbgParams, input: DerlByTenureInput): Float64Array {
  const fn = 'shiftedBetaGeometric.derlByTenure';
  const p = parseSbgParams(params, fn);
  const { periodsSurvived, discountRate } = parseDerlByTenureInput(input, fn);
  if (discountRate === 0 && p.alpha <= 1) infinite(fn, p.alpha);
  return derlForTenures(periodsSurvived, discountRate, sbgKernel(p), (n) =>
    sbgDerlAt(p, n, discountRate, fn),
  );
}
