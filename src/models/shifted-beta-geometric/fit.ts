import type { FittedModel } from '../../core/fitted-model.js';
import { type Safe, toSafe } from '../../core/safe.js';
import type { ContractualFitOptions, SurvivalData } from '../contractual-types.js';
import {
  CENSORED_SURVIVAL_LIKELIHOOD,
  type ContractualFitSpec,
  contractualFromJSON,
  fitContractual,
} from '../shared/contractual-fit.js';
import { momentStart } from '../shared/contractual-start.js';
import { sbgLogLikelihoodWithGradient } from './likelihood.js';
import { type SbgParams, SbgParamsSchema } from './params.js';

/** The sBG model's name in fitted records. */
export const SBG_NAME = 'shifted-beta-geometric';
/** Hardie's spreadsheet start (Fader & Hardie 2007 tutorial). */
const DEFAULT_START: SbgParams = { alpha: 1, beta: 1 };

const SBG_SPEC: ContractualFitSpec<typeof SBG_NAME, SbgParams> = {
  model: SBG_NAME,
  schema: SbgParamsSchema,
  parameterOrder: ['alpha', 'beta'],
  transforms: { alpha: 'log', beta: 'log' },
  minimumPeriods: 2,
  likelihoodNote: CENSORED_SURVIVAL_LIKELIHOOD,
  problem: (stats) => {
    const gradient = new Float64Array(2);
    return {
      logLikelihood: (p) => sbgLogLikelihoodWithGradient(p.alpha, p.beta, stats, null),
      gradient: (p) => {
        sbgLogLikelihoodWithGradient(p.alpha, p.beta, stats, gradient);
        return [gradient[0]!, gradient[1]!];
      },
      defaultStarts: () => {
        const moment = momentStart(stats);
        return moment === null ? [DEFAULT_START] : [DEFAULT_START, moment];
      },
    };
  },
};

/** A fitted sBG model. */
export type SbgFit = FittedModel<typeof SBG_NAME, SbgParams>;

/**
 * Fits the shifted-beta-geometric model by maximum likelihood (Fader & Hardie 2007, "How to Project
 * Customer Retention", *Journal of Interactive Marketing* 21(1), appendix eq. B3) to one cohort's
 * alive counts or to several cohorts of different ages, each right-censored at its last age (the
 * `survivalTable` output), optionally weighted per cohort. The counts are reduced to cancellations and censored
 * survivors per age, so the cost per likelihood evaluation is O(largest age), not O(customers).
 *
 * The optimizer is the numerical core's `maximizeLikelihood` (BFGS on ln α, ln β with the analytic
 * gradient, Nelder–Mead fallback), run from Hardie's start (1, 1) and a method-of-moments start from
 * the first two retention rates, best wins. Standard errors come from the numeric Hessian (delta
 * method). The record notes the likelihood convention and the largest age.
 *
 * Numerical caveat: when retention does not rise with tenure (no heterogeneity) the optimum is at the
 * boundary α, β → ∞ with α/(α+β) fixed; the fit then reports `fit/not-converged` (use the geometric
 * model). A cohort observed for one period identifies only α/(α+β): `fit/insufficient-data`.
 *
 * @param data - `{ alive: [1000, 631, ...] }` or `{ cohorts: [{ cohort, alive }], period? }`.
 * @param options - `starts`, `optimizer`, `weights` (one per cohort), `timeUnit`.
 * @returns the frozen fitted record (params, log-likelihood, AIC/BIC, standard errors, covariance,
 *   diagnostics).
 * @throws CustomerAssetError `input/invalid` (bad counts, naming the position: increasing counts,
 *   negative counts, a cohort larger than its start), `fit/insufficient-data`, `fit/not-converged`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * // Fader & Hardie (2007), Table 1, regular segment, years 0..4.
 * const fit = shiftedBetaGeometric.fit({ alive: [1000, 631, 468, 382, 326] });
 * console.log(fit.params.alpha.toFixed(3), fit.params.beta.toFixed(3)); // '0.764' '1.296'
 * console.log(fit.logLikelihood.toFixed(1)); // '-1401.6'
 * ```
 */
export function fitSbg(data: SurvivalData, options: ContractualFitOptions<SbgParams> = {}): SbgFit {
  return fitContractual(SBG_SPEC, data, options, 'shiftedBetaGeometric.fit');
}

/**
 * {@link fitSbg} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const result = shiftedBetaGeometric.safeFit({ alive: [1000, 631, 700] });
 * console.log(result.success ? null : result.error.path); // [2]
 * ```
 */
export function safeFitSbg(
  data: SurvivalData,
  options: ContractualFitOptions<SbgParams> = {},
): Safe<SbgFit> {
  return toSafe(() => fitSbg(data, options));
}

/**
 * Restores a fitted sBG record from its JSON form; `fromJSON(JSON.parse(JSON.stringify(fit)))`
 * equals `fit`.
 *
 * @throws CustomerAssetError `input/invalid` naming the offending field.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const fit = shiftedBetaGeometric.fit({ alive: [1000, 631, 468, 382, 326] });
 * const back = shiftedBetaGeometric.fromJSON(JSON.parse(JSON.stringify(fit)));
 * console.log(back.params.alpha === fit.params.alpha); // true
 * ```
 */
export function sbgFromJSON(json: unknown): SbgFit {
  return contractualFromJSON(SBG_SPEC, json, 'shiftedBetaGeometric.fromJSON');
}
