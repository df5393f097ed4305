/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader & Hardie 2007, "How to
 * Project Customer Retention", *Journal of Interactive Marketing* 21(1):76–90) with the residual
 * lifetime value of Fader & Hardie (2010), *Marketing Science* 29(1):85–93. docs/models/shifted-beta-geometric.md.
 */
import type { ContractualModel } from '../contractual-types.js';
import { fitSbg, SBG_NAME, safeFitSbg, sbgFromJSON } from './fit.js';
import { sbgLogLikelihood } from './likelihood.js';
import { type SbgParams, SbgParamsSchema } from './params.js';
import {
  sbgChurnProbability,
  sbgExpectedLifetime,
  sbgProjectSurvival,
  sbgRetentionRate,
  sbgSurvival,
} from './predict.js';
import { sbgDel, sbgDerl, sbgDerlByTenure } from './residual-value.js';
import { sbgSimulate } from './simulate.js';

export type { SbgFit } from './fit.js';
export { type SbgParams, SbgParamsSchema } from './params.js';

/**
 * The shifted-beta-geometric model as a frozen descriptor: every function takes plain params
 * `{ alpha, beta }` (a fitted record's `params`, or published ones) and validates them.
 *
 * - `fit(data, options?)` / `safeFit` / `fromJSON` / `logLikelihood(params, data)`;
 * - `survival(params, t)`, `retentionRate(params, t)`, `churnProbability(params, t)`,
 *   `expectedLifetime(params)`, `projectSurvival(params, { cohorts, horizon })`;
 * - `del(params, d)`, `derl(params, { periodsSurvived, discountRate })`, `derlByTenure`;
 * - `simulate(params, { cohorts, seed })`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const fit = shiftedBetaGeometric.fit({ alive: [1000, 631, 468, 382, 326, 289, 262, 241] });
 * const r = shiftedBetaGeometric.retentionRate(fit.params, 8);
 * console.log(fit.params.alpha.toFixed(3), fit.params.beta.toFixed(3), r.toFixed(3)); // '0.704' '1.182' '0.921'
 * ```
 */
export const shiftedBetaGeometric: ContractualModel<typeof SBG_NAME, SbgParams> =
  /* @__PURE__ */ Object.freeze({
    name: SBG_NAME,
    parameterNames: Object.freeze(['alpha', 'beta'] as const) as readonly ('alpha' | 'beta')[],
    paramsSchema: SbgParamsSchema,
    logLikelihood: sbgLogLikelihood,
    fit: fitSbg,
    safeFit: safeFitSbg,
    fromJSON: sbgFromJSON,
    survival: sbgSurvival,
    retentionRate: sbgRetentionRate,
    churnProbability: sbgChurnProbability,
    expectedLifetime: sbgExpectedLifetime,
    projectSurvival: sbgProjectSurvival,
    del: sbgDel,
    derl: sbgDerl,
    derlByTenure: sbgDerlByTenure,
    simulate: sbgSimulate,
  });
