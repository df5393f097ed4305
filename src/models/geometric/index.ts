/**
 * The constant-rate (shifted) geometric model of contractual retention: the single average
 * retention rate of textbook CLV formulas, as a model with the same interface as the sBG and BdW
 * so that it can be fitted, compared (likelihood, AIC) and valued side by side.
 */
import type { ContractualModel } from '../contractual-types.js';
import { fitGeometric, GEOMETRIC_NAME, geometricFromJSON, safeFitGeometric } from './fit.js';
import { geometricLogLikelihood } from './likelihood.js';
import { type GeometricParams, GeometricParamsSchema } from './params.js';
import {
  geometricChurnProbability,
  geometricDel,
  geometricDerl,
  geometricDerlByTenure,
  geometricExpectedLifetime,
  geometricProjectSurvival,
  geometricRetentionRate,
  geometricSurvival,
} from './predict.js';
import { geometricSimulate } from './simulate.js';

export type { GeometricFit } from './fit.js';
export { type GeometricParams, GeometricParamsSchema } from './params.js';

/**
 * The constant-rate geometric model as a frozen descriptor (params `{ theta }`): the homogeneous
 * benchmark of Fader & Hardie (2007), with retention 1 − θ at every tenure.
 *
 * @example
 * ```ts
 * import { geometric, shiftedBetaGeometric } from 'customer-asset';
 *
 * const data = { alive: [1000, 631, 468, 382, 326] };
 * const naive = geometric.fit(data);
 * const sbg = shiftedBetaGeometric.fit(data);
 * console.log(naive.aic > sbg.aic); // true: the heterogeneous model fits better
 * ```
 */
export const geometric: ContractualModel<typeof GEOMETRIC_NAME, GeometricParams> =
  /* @__PURE__ */ Object.freeze({
    name: GEOMETRIC_NAME,
    parameterNames: Object.freeze(['theta'] as const) as readonly 'theta'[],
    paramsSchema: GeometricParamsSchema,
    logLikelihood: geometricLogLikelihood,
    fit: fitGeometric,
    safeFit: safeFitGeometric,
    fromJSON: geometricFromJSON,
    survival: geometricSurvival,
    retentionRate: geometricRetentionRate,
    churnProbability: geometricChurnProbability,
    expectedLifetime: geometricExpectedLifetime,
    projectSurvival: geometricProjectSurvival,
    del: geometricDel,
    derl: geometricDerl,
    derlByTenure: geometricDerlByTenure,
    simulate: geometricSimulate,
  });
