/**
 * BG/BB, the beta-geometric/beta-Bernoulli model of discrete-time non-contractual purchasing (Fader,
 * Hardie & Shang 2010, Marketing Science 29(6):1086–1108): plain functions and the frozen `bgBb`
 * descriptor that satisfies {@link TransactionModel}. Times are whole transaction opportunities.
 * docs/models/bg-bb.md.
 */
import type { TransactionModel } from '../types.js';
import { bgBbFromJSON, fitBgBb, safeFitBgBb } from './fit.js';
import { bgBbLogLikelihood } from './likelihood.js';
import { BG_BB_PARAMETER_NAMES, type BgBbParams, BgBbParamsSchema } from './params.js';
import {
  bgBbDert,
  bgBbDertNewCustomer,
  bgBbExpectedPurchases,
  bgBbExpectedPurchasesNewCustomer,
  bgBbProbabilityAlive,
  bgBbProbabilityOfPurchases,
} from './predict.js';
import { bgBbScore } from './score.js';
import { simulateBgBb } from './simulate.js';

export { type BgBbFit, bgBbFromJSON, fitBgBb, safeFitBgBb } from './fit.js';
export { bgBbLogLikelihood } from './likelihood.js';
export { BgBbCustomerSchema, type BgBbParams, BgBbParamsSchema } from './params.js';
export {
  bgBbDert,
  bgBbDertNewCustomer,
  bgBbExpectedPurchases,
  bgBbExpectedPurchasesNewCustomer,
  bgBbProbabilityAlive,
  bgBbProbabilityOfPurchases,
} from './predict.js';
export { bgBbScore } from './score.js';
export { simulateBgBb } from './simulate.js';

/** The BG/BB descriptor's type: the shared interface plus the DET of a new customer. */
export interface BgBbModel extends TransactionModel<'bg-bb', BgBbParams> {
  /** Discounted expected transactions of a customer just acquired (handbook DET, eq. 3.19). */
  dertNewCustomer(params: BgBbParams, discountRate: number): number;
}

/**
 * The BG/BB model (Fader, Hardie & Shang 2010) as a frozen {@link TransactionModel} descriptor: fit
 * a summary in whole opportunities (x purchases in n opportunities, the last at t_x), then predict
 * from plain params `{ alpha, beta, gamma, delta }`. `t`, `futureTime` and horizons count
 * opportunities; `discountRate` is d per opportunity.
 *
 * @example
 * ```ts
 * import { bgBb } from 'customer-asset';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }; // FHS 2010, donations
 * const donor = { frequency: 3, recency: 4, T: 6 };
 * console.log(bgBb.probabilityAlive(params, donor, 1).toFixed(3)); // '0.439'
 * ```
 */
export const bgBb: BgBbModel = /* @__PURE__ */ Object.freeze({
  name: 'bg-bb',
  parameterNames: BG_BB_PARAMETER_NAMES as readonly (keyof BgBbParams)[],
  paramsSchema: BgBbParamsSchema,
  logLikelihood: bgBbLogLikelihood,
  fit: fitBgBb,
  safeFit: safeFitBgBb,
  fromJSON: bgBbFromJSON,
  expectedPurchases: bgBbExpectedPurchases,
  expectedPurchasesNewCustomer: bgBbExpectedPurchasesNewCustomer,
  probabilityAlive: bgBbProbabilityAlive,
  probabilityOfPurchases: bgBbProbabilityOfPurchases,
  dert: bgBbDert,
  dertNewCustomer: bgBbDertNewCustomer,
  score: bgBbScore,
  simulate: simulateBgBb,
});
