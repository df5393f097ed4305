import { parseInput } from '../../core/validate.js';
import type {
  ExpectedLifetime,
  SurvivalProjection,
  SurvivalProjectionInput,
} from '../contractual-types.js';
import { RenewalSchema } from '../shared/contractual-inputs.js';
import {
  type ContractualKernelSpec,
  divergentLifetime,
  finiteLifetime,
  kernelAt,
  kernelProjectSurvival,
} from '../shared/contractual-predict.js';
import { sbgKernel } from './kernel.js';
import { parseSbgParams, type SbgParams } from './params.js';

const SBG_KERNEL: ContractualKernelSpec<SbgParams> = { parse: parseSbgParams, kernel: sbgKernel };

/**
 * The sBG survival function S(t) = P(T > t) = B(α, β + t)/B(α, β) (Fader & Hardie 2007, *Journal of Interactive Marketing* 21(1)): the
 * expected share of a new cohort still subscribed at age t (after t renewals). S(0) = 1 and S falls
 * with t.
 *
 * Numerical caveat: computed as exp of log-gamma differences formed without cancellation, accurate
 * to a few ulps for ages in the millions; underflows to 0 only below 1e-308.
 *
 * @param params - `{ alpha, beta }`.
 * @param t - age in whole periods, >= 0.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const params = { alpha: 0.704, beta: 1.182 }; // Fader & Hardie (2007), regular segment
 * console.log(Math.round(1000 * shiftedBetaGeometric.survival(params, 12))); // 170
 * ```
 */
export function sbgSurvival(params: SbgParams, t: number): number {
  return kernelAt(SBG_KERNEL, 'survival', params, t, 'shiftedBetaGeometric.survival');
}

/**
 * The sBG retention rate at the t-th renewal, r_t = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1)
 * (Fader & Hardie 2007): the share of customers alive at age t − 1 who renew. It rises with
 * tenure towards 1 although no customer's own churn probability changes: the customers with a high θ
 * leave first (the sorting effect of heterogeneity).
 *
 * @param params - `{ alpha, beta }`.
 * @param t - renewal index, a whole number >= 1.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const params = { alpha: 0.704, beta: 1.182 };
 * console.log(shiftedBetaGeometric.retentionRate(params, 1).toFixed(3)); // '0.627'
 * console.log(shiftedBetaGeometric.retentionRate(params, 10).toFixed(3)); // '0.935'
 * ```
 */
export function sbgRetentionRate(params: SbgParams, t: number): number {
  const fn = 'shiftedBetaGeometric.retentionRate';
  const { alpha, beta } = parseSbgParams(params, fn);
  const n = parseInput(RenewalSchema, t, fn, 't');
  return (beta + n - 1) / (alpha + beta + n - 1);
}

/**
 * The probability that a new customer cancels at the t-th renewal, i.e. that their lifetime is
 * exactly t periods: P(T = t) = S(t − 1) − S(t) = B(α + 1, β + t − 1)/B(α, β) (Fader & Hardie 2007,
 * with the recursion of their eq. 7), computed as S(t − 1)·α/(α + β + t − 1) (no subtraction).
 * The conditional churn rate of those still alive at age t − 1 is 1 − `retentionRate(params, t)`.
 *
 * @param params - `{ alpha, beta }`.
 * @param t - a whole number >= 1.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const params = { alpha: 0.704, beta: 1.182 };
 * console.log(shiftedBetaGeometric.churnProbability(params, 1).toFixed(4)); // '0.3733'
 * ```
 */
export function sbgChurnProbability(params: SbgParams, t: number): number {
  const fn = 'shiftedBetaGeometric.churnProbability';
  const p = parseSbgParams(params, fn);
  const n = parseInput(RenewalSchema, t, fn, 't');
  return Math.exp(sbgKernel(p).logSurvival(n - 1)) * (p.alpha / (p.alpha + p.beta + n - 1));
}

/**
 * The expected lifetime of a new customer in periods, E[T] = Σ_{t≥0} S(t) = (α + β − 1)/(α − 1)
 * (the mean of a shifted geometric, 1/θ, averaged over Beta(α, β)); the first, paid, period counts.
 * It is infinite when α <= 1 (the density of θ near 0 makes E[1/θ] diverge), which is reported as
 * `{ finite: false, value: null, reason }`: the regular-segment fits of Fader & Hardie have α < 1, so
 * their lifetime value is finite only with discounting (see `del`).
 *
 * @param params - `{ alpha, beta }`.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const highEnd = shiftedBetaGeometric.expectedLifetime({ alpha: 1.281, beta: 7.7904 });
 * console.log(highEnd.finite && highEnd.value.toFixed(2)); // '28.72'
 * console.log(shiftedBetaGeometric.expectedLifetime({ alpha: 0.764, beta: 1.296 }).finite); // false
 * ```
 */
export function sbgExpectedLifetime(params: SbgParams): ExpectedLifetime {
  const { alpha, beta } = parseSbgParams(params, 'shiftedBetaGeometric.expectedLifetime');
  if (alpha <= 1) return divergentLifetime(`alpha <= 1 (alpha = ${alpha})`);
  return finiteLifetime((alpha + beta - 1) / (alpha - 1));
}

/**
 * Projects a whole customer base of mixed tenure: for each cohort with `alive` customers at age
 * `age`, the expected survivors h = 0..horizon periods ahead, alive · S(age + h)/S(age) (each
 * cohort's survivors have already been sorted by tenure, so they churn less than a new cohort), and
 * their total. A new cohort is `{ age: 0, alive: size }`, which gives size · S(h) (Fader & Hardie
 * 2007, Figure 4's projections).
 *
 * @param params - `{ alpha, beta }`.
 * @param input - `{ cohorts: [{ cohort?, age, alive }], horizon }`.
 * @returns frozen `{ horizon, total, cohorts: [{ cohort, age, alive, expectedAlive }] }`.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const params = { alpha: 0.704, beta: 1.182 };
 * const projection = shiftedBetaGeometric.projectSurvival(params, {
 *   cohorts: [
 *     { cohort: '2023', age: 1, alive: 631 },
 *     { cohort: '2024', age: 0, alive: 1000 },
 *   ],
 *   horizon: 2,
 * });
 * console.log(projection.total.map(Math.round)); // [1631, 1104, 864]
 * ```
 */
export function sbgProjectSurvival(
  params: SbgParams,
  input: SurvivalProjectionInput,
): SurvivalProjection {
  return kernelProjectSurvival(SBG_KERNEL, params, input, 'shiftedBetaGeometric.projectSurvival');
}
