import type { FittedModel } from '../../core/fitted-model.js';
import { type Safe, toSafe } from '../../core/safe.js';
import type { ContractualFitOptions, SurvivalData } from '../contractual-types.js';
import {
  type ContractualFitSpec,
  contractualFromJSON,
  fitContractual,
} from '../shared/contractual-fit.js';
import { geometricLogLikelihoodFrom, geometricSufficient } from './likelihood.js';
import { type GeometricParams, GeometricParamsSchema } from './params.js';

/** The geometric model's name in fitted records. */
export const GEOMETRIC_NAME = 'geometric';

const GEOMETRIC_SPEC: ContractualFitSpec<typeof GEOMETRIC_NAME, GeometricParams> = {
  model: GEOMETRIC_NAME,
  schema: GeometricParamsSchema,
  parameterOrder: ['theta'],
  transforms: { theta: 'logit' },
  minimumPeriods: 1,
  likelihoodNote: 'cancellations x ln theta + (periods lived - cancellations) x ln(1 - theta)',
  problem: (stats) => {
    const { cancellations: d, exposure: e } = geometricSufficient(stats);
    return {
      logLikelihood: (p) => geometricLogLikelihoodFrom(p.theta, d, e),
      gradient: (p) => [d / p.theta - (e - d) / (1 - p.theta)],
      defaultStarts: () => [{ theta: d / e }],
    };
  },
};

/** A fitted geometric model. */
export type GeometricFit = FittedModel<typeof GEOMETRIC_NAME, GeometricParams>;

/**
 * Fits the constant-rate geometric model: θ̂ = cancellations / periods lived (the closed-form MLE),
 * passed through the numerical core's `maximizeLikelihood` from that start so that the record has
 * the same form (standard error from the Hessian, diagnostics, AIC/BIC) as the sBG and BdW fits it is
 * compared with (Fader & Hardie 2007, section 3). On the regular segment, years 0..4: θ̂ = 0.2717,
 * LL = −1451.16, against −1401.56 for the sBG: heterogeneity matters.
 *
 * @param data - `{ alive }` or `{ cohorts: [{ cohort, alive }], period? }`.
 * @param options - `starts`, `optimizer`, `weights`, `timeUnit`.
 * @throws CustomerAssetError `input/invalid`, `fit/insufficient-data`, `fit/not-converged`.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * const fit = geometric.fit({ alive: [1000, 631, 468, 382, 326] });
 * console.log(fit.params.theta.toFixed(4), fit.logLikelihood.toFixed(2)); // '0.2717' '-1451.16'
 * ```
 */
export function fitGeometric(
  data: SurvivalData,
  options: ContractualFitOptions<GeometricParams> = {},
): GeometricFit {
  return fitContractual(GEOMETRIC_SPEC, data, options, 'geometric.fit');
}

/**
 * {@link fitGeometric} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * console.log(geometric.safeFit({ alive: [1000, 1000, 1000] }).success); // false: no cancellation
 * ```
 */
export function safeFitGeometric(
  data: SurvivalData,
  options: ContractualFitOptions<GeometricParams> = {},
): Safe<GeometricFit> {
  return toSafe(() => fitGeometric(data, options));
}

/**
 * Restores a fitted geometric record from its JSON form.
 *
 * @throws CustomerAssetError `input/invalid` naming the offending field.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * const fit = geometric.fit({ alive: [1000, 631, 468] });
 * console.log(geometric.fromJSON(JSON.parse(JSON.stringify(fit))).params.theta === fit.params.theta); // true
 * ```
 */
export function geometricFromJSON(json: unknown): GeometricFit {
  return contractualFromJSON(GEOMETRIC_SPEC, json, 'geometric.fromJSON');
}
