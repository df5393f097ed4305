import { digamma } from '../../math/gamma.js';
import { log1mExpUnchecked } from '../../math/log-exp.js';
import type { ContractualFitOptions, SurvivalData } from '../contractual-types.js';
import { type SurvivalStatistics, survivalStatistics } from '../shared/survival-data.js';
import { bdwKernel } from './kernel.js';
import { type BdwParams, parseBdwParams } from './params.js';

/**
 * The BdW log-likelihood of survival statistics and (optionally) its gradient in (alpha, beta, c),
 * in one O(horizon) pass (Fader et al. 2018: the sBG likelihood with the BdW survival): LL = Σ_t deaths[t] ln P(T = t) +
 * Σ_t censored[t] ln S(t), with ln P(T = t) = ln S(t − 1) + ln(1 − r_t) (log1mExp of ln r_t, exact
 * when r_t is near 1). With x = t^c and ψ the digamma function,
 * ∂ ln S/∂α = ψ(α+β) − ψ(α+β+x), ∂ ln S/∂β = ψ(β+x) − ψ(α+β+x) − ψ(β) + ψ(α+β),
 * ∂ ln S/∂c = [ψ(β+x) − ψ(α+β+x)] x ln t, and ∂ ln P(T = t) = [∂ ln S(t−1) − r_t ∂ ln S(t)]/(1 − r_t).
 * Internal: params and statistics are validated by the caller.
 */
export function bdwLogLikelihoodWithGradient(
  params: BdwParams,
  stats: SurvivalStatistics,
  gradient: Float64Array | null,
): number {
  const { alpha, beta, c } = params;
  const { deaths, censored, horizon } = stats;
  const kernel = bdwKernel(params);
  const ab = alpha + beta;
  const psiAb = gradient === null ? 0 : digamma(ab);
  const psiB = gradient === null ? 0 : digamma(beta);
  let ll = 0;
  let gA = 0;
  let gB = 0;
  let gC = 0;
  let lnS = 0; // ln S(t − 1)
  let pA = 0; // ∂ ln S(t − 1)
  let pB = 0;
  let pC = 0;
  for (let t = 1; t <= horizon; t += 1) {
    const lnR = kernel.logRetention(t);
    const dead = deaths[t]!;
    const alive = censored[t]!;
    if (dead !== 0) ll += dead * (lnS + log1mExpUnchecked(lnR));
    const lnSt = lnS + lnR;
    if (alive !== 0) ll += alive * lnSt;
    if (gradient !== null) {
      const x = t ** c;
      const diff = digamma(beta + x) - digamma(ab + x);
      const sA = psiAb - digamma(ab + x);
      const sB = diff - psiB + psiAb;
      const sC = t === 1 ? 0 : diff * x * Math.log(t);
      if (dead !== 0) {
        const r = Math.exp(lnR);
        const q = -Math.expm1(lnR);
        gA += (dead * (pA - r * sA)) / q;
        gB += (dead * (pB - r * sB)) / q;
        gC += (dead * (pC - r * sC)) / q;
      }
      if (alive !== 0) {
        gA += alive * sA;
        gB += alive * sB;
        gC += alive * sC;
      }
      pA = sA;
      pB = sB;
      pC = sC;
    }
    lnS = lnSt;
  }
  if (gradient !== null) {
    gradient[0] = gA;
    gradient[1] = gB;
    gradient[2] = gC;
  }
  return ll;
}

/**
 * The BdW log-likelihood of cohort survival data (Fader, Hardie, Liu, Davin & Steenburgh 2018, "How
 * to Project Customer Retention" Revisited: The Role of Duration Dependence, *Journal of Interactive
 * Marketing* 43:1–16): the sBG likelihood with P(T = t) = S(t − 1) − S(t) and the
 * right-censoring term for the survivors at each cohort's last age; counts multiplied by
 * `options.weights` when given.
 *
 * @param params - `{ alpha, beta, c }`, all > 0.
 * @param data - `{ alive }` or `{ cohorts: [{ alive }] }` (a survival table).
 * @param options - `weights`: one per cohort.
 * @throws CustomerAssetError `input/invalid` for bad params or counts (naming the position).
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * const alive = [1000, 631, 468, 382, 326];
 * const ll = betaDiscreteWeibull.logLikelihood({ alpha: 0.7637, beta: 1.2958, c: 1 }, { alive });
 * console.log(ll.toFixed(2)); // '-1401.56' (c = 1 is the sBG)
 * ```
 */
export function bdwLogLikelihood(
  params: BdwParams,
  data: SurvivalData,
  options: Pick<ContractualFitOptions<BdwParams>, 'weights'> = {},
): number {
  const fn = 'betaDiscreteWeibull.logLikelihood';
  const p = parseBdwParams(params, fn);
  return bdwLogLikelihoodWithGradient(p, survivalStatistics(data, options, fn), null);
}
