import { fail } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import type { DerlByTenureInput, DerlInput } from '../contractual-types.js';
import {
  ContractDiscountRateSchema,
  parseDerlByTenureInput,
  parseDerlInput,
} from '../shared/contractual-inputs.js';
import { derlForTenures, residualSeries } from '../shared/contractual-series.js';
import { bdwKernel } from './kernel.js';
import { type BdwParams, parseBdwParams } from './params.js';
import { undiscountedResidual } from './undiscounted.js';

/** Throws `model/undefined-quantity` for an infinite undiscounted sum (cα <= 1). */
export function bdwInfinite(fn: string, params: BdwParams, path: string): never {
  return fail(
    'model/undefined-quantity',
    fn,
    'the undiscounted expected lifetime is infinite when c * alpha <= 1',
    {
      expected: 'a discount rate > 0, or c * alpha > 1',
      received: `alpha = ${params.alpha}, c = ${params.c}, discountRate = 0`,
      path: [path],
    },
  );
}

/** DERL(n) at validated params: the error-bounded series for d > 0, Euler–Maclaurin for d = 0. */
export function bdwDerlAt(params: BdwParams, n: number, d: number, fn: string): number {
  const kernel = bdwKernel(params);
  if (d > 0) return residualSeries(kernel, n, d, fn);
  if (params.c * params.alpha <= 1) bdwInfinite(fn, params, 'discountRate');
  return undiscountedResidual(params, kernel, n);
}

/**
 * The discounted expected lifetime of a new customer under the BdW (Fader & Hardie 2010's DEL with
 * the BdW survival function of Fader et al. 2018): DEL = Σ_{t≥0} S(t)/(1 + d)^t, first payment (at
 * acquisition) included undiscounted. There is no closed form: the series is summed term by term
 * until the bound on its tail, S(t)(1 + d)^−t/d, is below 1e-15 of the total (a few hundred terms at
 * d = 10% a period, a few thousand at 1%). At d = 0 it is E[T], finite only when cα > 1
 * (`model/undefined-quantity` otherwise), summed with an Euler–Maclaurin tail.
 *
 * @param params - `{ alpha, beta, c }`.
 * @param discountRate - d >= 0 per period.
 * @throws CustomerAssetError `input/invalid`, `model/undefined-quantity`, `math/not-converged`
 *   (d below about 2e-6 per period).
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * console.log(betaDiscreteWeibull.del({ alpha: 0.9, beta: 2.5, c: 1.4 }, 0.05).toFixed(6)); // '3.998280'
 * ```
 */
export function bdwDel(params: BdwParams, discountRate: number): number {
  const fn = 'betaDiscreteWeibull.del';
  const p = parseBdwParams(params, fn);
  const d = parseInput(ContractDiscountRateSchema, discountRate, fn, 'discountRate');
  return 1 + bdwDerlAt(p, 1, d, fn) / (1 + d);
}

/**
 * The discounted expected residual lifetime of a subscriber under the BdW:
 * DERL = Σ_{t≥n} [S(t)/S(n − 1)] (1 + d)^−(t − n), n = periodsSurvived + 1 (Fader & Hardie 2010's
 * definition with the BdW survival function), summed numerically (no closed form exists).
 *
 * Timing, exactly as `shiftedBetaGeometric.derl`: `periodsSurvived` = k renewals made so far; the
 * value is taken at the moment of the (k + 1)-th renewal decision, k + 1 periods after acquisition;
 * the payment that renewal triggers falls then and is counted undiscounted; later payments are
 * discounted by (1 + d) per period; the current period's payment (already made) is excluded.
 *
 * Unlike the sBG, DERL need not rise with tenure when c > 1 (each customer's churn propensity rises).
 *
 * @param params - `{ alpha, beta, c }`.
 * @param input - `{ periodsSurvived, discountRate }`.
 * @throws CustomerAssetError `input/invalid`, `model/undefined-quantity`, `math/not-converged`.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * const params = { alpha: 0.9, beta: 2.5, c: 1.4 };
 * const derl = betaDiscreteWeibull.derl(params, { periodsSurvived: 4, discountRate: 0.05 });
 * console.log(derl.toFixed(6)); // '5.356345'
 * ```
 */
export function bdwDerl(params: BdwParams, input: DerlInput): number {
  const fn = 'betaDiscreteWeibull.derl';
  const p = parseBdwParams(params, fn);
  const { periodsSurvived, discountRate } = parseDerlInput(input, fn);
  return bdwDerlAt(p, periodsSurvived + 1, discountRate, fn);
}

/**
 * {@link bdwDerl} for many tenures at once, aligned with `input.periodsSurvived`: the series at the
 * largest tenure, then the backward recursion DERL(n) = r_n (1 + DERL(n + 1)/(1 + d)) down to the
 * smallest (restarted by the series across gaps of more than 4,096 periods).
 *
 * @param params - `{ alpha, beta, c }`.
 * @param input - `{ periodsSurvived: ArrayLike<number>, discountRate }`.
 * @returns a Float64Array of DERL values.
 * @throws CustomerAssetError `input/invalid` (naming the index), `model/undefined-quantity`.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * const values = betaDiscreteWeibull.derlByTenure(
 *   { alpha: 0.9, beta: 2.5, c: 1.4 },
 *   { periodsSurvived: [0, 1, 4], discountRate: 0.05 },
 * );
 * console.log(Array.from(values, (v) => v.toFixed(4))); // ['3.1482', '3.4456', '5.3563']
 * ```
 */
export function bdwDerlByTenure(params: BdwParams, input: DerlByTenureInput): Float64Array {
  const fn = 'betaDiscreteWeibull.derlByTenure';
  const p = parseBdwParams(params, fn);
  const { periodsSurvived, discountRate } = parseDerlByTenureInput(input, fn);
  if (discountRate === 0 && p.c * p.alpha <= 1) bdwInfinite(fn, p, 'discountRate');
  return derlForTenures(periodsSurvived, discountRate, bdwKernel(p), (n) =>
    bdwDerlAt(p, n, discountRate, fn),
  );
}
