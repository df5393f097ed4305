/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, JMR 42(4); Fader & Hardie note 025): plain
 * functions, the independence check, and the frozen `gammaGamma` descriptor that satisfies
 * {@link SpendModel}. docs/models/gamma-gamma.md.
 */
import type { SpendModel } from '../spend-types.js';
import {
  fitGammaGamma,
  type GammaGammaFitOptions,
  gammaGammaFromJSON,
  safeFitGammaGamma,
} from './fit.js';
import { gammaGammaLogLikelihood } from './likelihood.js';
import {
  GAMMA_GAMMA_PARAMETER_NAMES,
  type GammaGammaParams,
  GammaGammaParamsSchema,
} from './params.js';
import { gammaGammaExpectedSpend, gammaGammaPopulationMeanSpend } from './predict.js';
import { gammaGammaScore } from './score.js';
import { simulateGammaGamma } from './simulate.js';

export type {
  SpendFitOptions,
  SpendHistory,
  SpendLikelihoodConvention,
  SpendLikelihoodOptions,
  SpendModel,
  SpendScores,
} from '../spend-types.js';
export {
  SPEND_FREQUENCY_CORRELATION_THRESHOLD,
  type SpendFrequencyCorrelation,
  spendFrequencyCorrelation,
} from './correlation.js';
export {
  fitGammaGamma,
  type GammaGammaFit,
  type GammaGammaFitOptions,
  gammaGammaFromJSON,
  safeFitGammaGamma,
} from './fit.js';
export { gammaGammaLogLikelihood } from './likelihood.js';
export { type GammaGammaParams, GammaGammaParamsSchema, SpendHistorySchema } from './params.js';
export { gammaGammaExpectedSpend, gammaGammaPopulationMeanSpend } from './predict.js';
export { gammaGammaScore } from './score.js';
export { simulateGammaGamma } from './simulate.js';

/**
 * The Gamma-Gamma spend model as a frozen {@link SpendModel} descriptor: fit the repeat customers'
 * mean spends, then predict E(M | x, m_x) from plain params `{ p, q, gamma }` (γ in the money unit
 * of the data). CLV = margin × E(M) × DERT (FHL 2005, JMR eq. 1) assumes spend and transactions are
 * independent: check with `spendFrequencyCorrelation`.
 *
 * @example
 * ```ts
 * import { gammaGamma } from 'customer-asset';
 *
 * const params = { p: 6.25, q: 3.74, gamma: 15.44 }; // FHL 2005, CDNOW
 * const spend = gammaGamma.expectedSpend(params, { frequency: 3, monetaryValue: 35 });
 * console.log(spend.toFixed(2)); // '35.03'
 * ```
 */
export const gammaGamma: SpendModel<'gamma-gamma', GammaGammaParams, GammaGammaFitOptions> =
  /* @__PURE__ */ Object.freeze({
    name: 'gamma-gamma',
    parameterNames: GAMMA_GAMMA_PARAMETER_NAMES as readonly (keyof GammaGammaParams)[],
    paramsSchema: GammaGammaParamsSchema,
    logLikelihood: gammaGammaLogLikelihood,
    fit: fitGammaGamma,
    safeFit: safeFitGammaGamma,
    fromJSON: gammaGammaFromJSON,
    expectedSpend: gammaGammaExpectedSpend,
    populationMeanSpend: gammaGammaPopulationMeanSpend,
    score: gammaGammaScore,
    simulate: simulateGammaGamma,
  });
