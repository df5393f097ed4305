import type { ContractualFitOptions, SurvivalData } from '../contractual-types.js';
import { type SurvivalStatistics, survivalStatistics } from '../shared/survival-data.js';
import { parseSbgParams, type SbgParams } from './params.js';

/**
 * The sBG log-likelihood of survival statistics and its gradient in (alpha, beta), in one O(horizon)
 * pass (Fader & Hardie 2007, appendix eq. B3, summed over cohorts):
 * LL = Σ_t deaths[t] ln P(T = t) + Σ_t censored[t] ln S(t), with the recursion
 * P(T = t) = S(t − 1) · α/(α + β + t − 1) and ln S(t) = ln S(t − 1) + ln(β + t − 1) − ln(α + β + t − 1),
 * so ∂ ln S(t)/∂α = −Σ_{i≤t} 1/(α + β + i − 1) and ∂ ln S(t)/∂β = Σ_{i≤t} [1/(β + i − 1) − 1/(α + β + i − 1)].
 * Internal: params and statistics are validated by the caller.
 */
export function sbgLogLikelihoodWithGradient(
  alpha: number,
  beta: number,
  stats: SurvivalStatistics,
  gradient: Float64Array | null,
): number {
  const { deaths, censored, horizon } = stats;
  const lnAlpha = Math.log(alpha);
  let ll = 0;
  let gA = 0;
  let gB = 0;
  // ln S(t − 1) and its derivatives, starting at S(0) = 1.
  let lnS = 0;
  let dSA = 0;
  let dSB = 0;
  for (let t = 1; t <= horizon; t += 1) {
    const s = alpha + beta + t - 1;
    const b = beta + t - 1;
    const dead = deaths[t]!;
    if (dead !== 0) {
      ll += dead * (lnAlpha - Math.log(s) + lnS);
      gA += dead * (1 / alpha - 1 / s + dSA);
      gB += dead * (-1 / s + dSB);
    }
    lnS += Math.log(b / s);
    dSA -= 1 / s;
    dSB += 1 / b - 1 / s;
    const alive = censored[t]!;
    if (alive !== 0) {
      ll += alive * lnS;
      gA += alive * dSA;
      gB += alive * dSB;
    }
  }
  if (gradient !== null) {
    gradient[0] = gA;
    gradient[1] = gB;
  }
  return ll;
}

/**
 * The sBG log-likelihood of cohort survival data (Fader & Hardie 2007, "How to Project Customer
 * Retention", *Journal of Interactive Marketing* 21(1), appendix eq. B3, summed over cohorts):
 * LL = Σ_t n_t ln P(T = t) + (survivors at each cohort's last age τ) · ln S(τ), the last term being
 * the right-censoring of customers still alive at the end of the data (forgetting it is the most
 * common implementation bug). Counts are multiplied by `options.weights` when given.
 *
 * Numerical caveat: every term is formed in log space from ratios (no beta function is evaluated),
 * so horizons of thousands of periods are fine.
 *
 * @param params - `{ alpha, beta }`, both > 0.
 * @param data - `{ alive }` for one cohort or `{ cohorts: [{ alive }] }` (a survival table).
 * @param options - `weights`: one per cohort.
 * @returns the total log-likelihood (natural log, no constant dropped).
 * @throws CustomerAssetError `input/invalid` for bad params or counts (naming the position).
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const alive = [1000, 631, 468, 382, 326]; // Fader & Hardie (2007), regular segment, years 0..4
 * const ll = shiftedBetaGeometric.logLikelihood({ alpha: 0.7637, beta: 1.2958 }, { alive });
 * console.log(ll.toFixed(2)); // '-1401.56'
 * ```
 */
export function sbgLogLikelihood(
  params: SbgParams,
  data: SurvivalData,
  options: Pick<ContractualFitOptions<SbgParams>, 'weights'> = {},
): number {
  const fn = 'shiftedBetaGeometric.logLikelihood';
  const { alpha, beta } = parseSbgParams(params, fn);
  const stats = survivalStatistics(data, options, fn);
  return sbgLogLikelihoodWithGradient(alpha, beta, stats, null);
}
