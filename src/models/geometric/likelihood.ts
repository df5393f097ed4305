import type { ContractualFitOptions, SurvivalData } from '../contractual-types.js';
import { type SurvivalStatistics, survivalStatistics } from '../shared/survival-data.js';
import { type GeometricParams, parseGeometricParams } from './params.js';

/**
 * Cancellations D = Σ_t deaths[t] and exposure E = Σ_t t·deaths[t] + Σ_t t·censored[t] (periods
 * lived, counting each cancellation's last period): LL(θ) = D ln θ + (E − D) ln(1 − θ), maximised at
 * θ̂ = D/E.
 */
export function geometricSufficient(stats: SurvivalStatistics): {
  cancellations: number;
  exposure: number;
} {
  let cancellations = 0;
  let exposure = 0;
  for (let t = 1; t <= stats.horizon; t += 1) {
    cancellations += stats.deaths[t]!;
    exposure += t * (stats.deaths[t]! + stats.censored[t]!);
  }
  return { cancellations, exposure };
}

/**
 * The log-likelihood of cohort survival data under the constant-rate geometric model,
 * P(T = t) = θ(1 − θ)^(t − 1) and S(t) = (1 − θ)^t with the right-censoring term (Fader & Hardie 2007,
 * section 3, "a naïve model"): LL = D ln θ + (E − D) ln(1 − θ), D the cancellations and E the periods
 * lived.
 *
 * @param params - `{ theta }`, 0 < theta < 1.
 * @param data - `{ alive }` or `{ cohorts: [{ alive }] }`.
 * @param options - `weights`: one per cohort.
 * @throws CustomerAssetError `input/invalid` (naming the position).
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * const ll = geometric.logLikelihood({ theta: 0.27166 }, { alive: [1000, 631, 468, 382, 326] });
 * console.log(ll.toFixed(2)); // '-1451.16'
 * ```
 */
export function geometricLogLikelihood(
  params: GeometricParams,
  data: SurvivalData,
  options: Pick<ContractualFitOptions<GeometricParams>, 'weights'> = {},
): number {
  const fn = 'geometric.logLikelihood';
  const { theta } = parseGeometricParams(params, fn);
  const { cancellations, exposure } = geometricSufficient(survivalStatistics(data, options, fn));
  return geometricLogLikelihoodFrom(theta, cancellations, exposure);
}

/** D ln θ + (E − D) ln(1 − θ), with 0 · ln 0 = 0. Internal. */
export function geometricLogLikelihoodFrom(theta: number, d: number, e: number): number {
  return (d === 0 ? 0 : d * Math.log(theta)) + (e - d === 0 ? 0 : (e - d) * Math.log1p(-theta));
}
