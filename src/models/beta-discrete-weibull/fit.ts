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
import { bdwLogLikelihoodWithGradient } from './likelihood.js';
import { type BdwParams, BdwParamsSchema } from './params.js';

/** The BdW model's name in fitted records. */
export const BDW_NAME = 'beta-discrete-weibull';

const BDW_SPEC: ContractualFitSpec<typeof BDW_NAME, BdwParams> = {
  model: BDW_NAME,
  schema: BdwParamsSchema,
  parameterOrder: ['alpha', 'beta', 'c'],
  transforms: { alpha: 'log', beta: 'log', c: 'log' },
  minimumPeriods: 3,
  likelihoodNote: CENSORED_SURVIVAL_LIKELIHOOD,
  problem: (stats) => {
    const gradient = new Float64Array(3);
    return {
      logLikelihood: (p) => bdwLogLikelihoodWithGradient(p, stats, null),
      gradient: (p) => {
        bdwLogLikelihoodWithGradient(p, stats, gradient);
        return [gradient[0]!, gradient[1]!, gradient[2]!];
      },
      defaultStarts: () => {
        const moment = momentStart(stats);
        const defaults: BdwParams[] = [
          { alpha: 1, beta: 1, c: 1 },
          { alpha: 1, beta: 1, c: 2 },
        ];
        if (moment !== null) defaults.push({ ...moment, c: 1 });
        return defaults;
      },
    };
  },
};

/** A fitted BdW model. */
export type BdwFit = FittedModel<typeof BDW_NAME, BdwParams>;

/**
 * Fits the beta-discrete-Weibull model by maximum likelihood (Fader, Hardie, Liu, Davin & Steenburgh
 * 2018, *Journal of Interactive Marketing* 43:1–16) to one cohort's alive counts or to several
 * right-censored cohorts of different ages (the `survivalTable` output), optionally weighted per
 * cohort. BFGS on (ln α, ln β, ln c) with the analytic gradient, from (1, 1, 1), from the
 * method-of-moments sBG start with c = 1, and from (1, 1, 2) (duration dependence both ways), best
 * wins. Compare with the sBG by a likelihood-ratio test: 2·(LL_BdW − LL_sBG) ~ χ²(1) when c = 1.
 *
 * Numerical caveat: c is identified by the curvature of the retention curve, so at least three
 * observed periods are required (`fit/insufficient-data`), and on short series its standard error is
 * large.
 *
 * @param data - `{ alive }` or `{ cohorts: [{ cohort, alive }], period? }`.
 * @param options - `starts`, `optimizer`, `weights` (one per cohort), `timeUnit`.
 * @returns the frozen fitted record.
 * @throws CustomerAssetError `input/invalid` (naming the position), `fit/insufficient-data`,
 *   `fit/not-converged`.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * // Fader & Hardie (2007), Table 1, high-end segment, years 0..7.
 * const fit = betaDiscreteWeibull.fit({ alive: [1000, 869, 743, 653, 593, 551, 517, 491] });
 * console.log(fit.params.c.toFixed(2), fit.logLikelihood.toFixed(2)); // '1.72' '-1605.31'
 * ```
 */
export function fitBdw(data: SurvivalData, options: ContractualFitOptions<BdwParams> = {}): BdwFit {
  return fitContractual(BDW_SPEC, data, options, 'betaDiscreteWeibull.fit');
}

/**
 * {@link fitBdw} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * const result = betaDiscreteWeibull.safeFit({ alive: [1000, 800] });
 * console.log(result.success ? null : result.error.code); // 'fit/insufficient-data'
 * ```
 */
export function safeFitBdw(
  data: SurvivalData,
  options: ContractualFitOptions<BdwParams> = {},
): Safe<BdwFit> {
  return toSafe(() => fitBdw(data, options));
}

/**
 * Restores a fitted BdW record from its JSON form.
 *
 * @throws CustomerAssetError `input/invalid` naming the offending field.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * const fit = betaDiscreteWeibull.fit({ alive: [1000, 869, 743, 653, 593] });
 * const back = betaDiscreteWeibull.fromJSON(JSON.parse(JSON.stringify(fit)));
 * console.log(back.params.c === fit.params.c); // true
 * ```
 */
export function bdwFromJSON(json: unknown): BdwFit {
  return contractualFromJSON(BDW_SPEC, json, 'betaDiscreteWeibull.fromJSON');
}
