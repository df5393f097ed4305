/**
 * The beta-discrete-Weibull (BdW) model of contractual retention with duration dependence (Fader,
 * Hardie, Liu, Davin & Steenburgh 2018, *Journal of Interactive Marketing* 43:1–16). c = 1 is the
 * sBG. docs/models/beta-discrete-weibull.md.
 */
import type { ContractualModel } from '../contractual-types.js';
import { BDW_NAME, bdwFromJSON, fitBdw, safeFitBdw } from './fit.js';
import { bdwLogLikelihood } from './likelihood.js';
import { type BdwParams, BdwParamsSchema } from './params.js';
import {
  bdwChurnProbability,
  bdwExpectedLifetime,
  bdwProjectSurvival,
  bdwRetentionRate,
  bdwSurvival,
} from './predict.js';
import { bdwDel, bdwDerl, bdwDerlByTenure } from './residual-value.js';
import { bdwSimulate } from './simulate.js';

export type { BdwFit } from './fit.js';
export { type BdwParams, BdwParamsSchema } from './params.js';

/**
 * The beta-discrete-Weibull model as a frozen descriptor, with the same functions as
 * `shiftedBetaGeometric` (params `{ alpha, beta, c }`); DEL and DERL are numerical sums.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull, shiftedBetaGeometric } from 'customer-asset';
 *
 * const alive = [1000, 869, 743, 653, 593, 551, 517, 491]; // high-end segment, years 0..7
 * const bdw = betaDiscreteWeibull.fit({ alive });
 * const sbg = shiftedBetaGeometric.fit({ alive });
 * const lr = 2 * (bdw.logLikelihood - sbg.logLikelihood); // likelihood-ratio statistic, chi2(1) under c = 1
 * console.log(lr.toFixed(2)); // '11.69'
 * ```
 */
export const betaDiscreteWeibull: ContractualModel<typeof BDW_NAME, BdwParams> =
  /* @__PURE__ */ Object.freeze({
    name: BDW_NAME,
    parameterNames: Object.freeze(['alpha', 'beta', 'c'] as const) as readonly (
      | 'alpha'
      | 'beta'
      | 'c'
    )[],
    paramsSchema: BdwParamsSchema,
    logLikelihood: bdwLogLikelihood,
    fit: fitBdw,
    safeFit: safeFitBdw,
    fromJSON: bdwFromJSON,
    survival: bdwSurvival,
    retentionRate: bdwRetentionRate,
    churnProbability: bdwChurnProbability,
    expectedLifetime: bdwExpectedLifetime,
    projectSurvival: bdwProjectSurvival,
    del: bdwDel,
    derl: bdwDerl,
    derlByTenure: bdwDerlByTenure,
    simulate: bdwSimulate,
  });
