/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, Marketing Science 24(2):275–284). docs/models/bg-nbd.md.
 */
import type { TransactionModel } from '../types.js';
import { bgNbdFromJSON, fitBgNbd, safeFitBgNbd } from './fit.js';
import { bgNbdLogLikelihood } from './likelihood.js';
import { type BgNbdParams, BgNbdParamsSchema } from './params.js';
import {
  bgNbdDert,
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNewCustomer,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
} from './predict.js';
import { bgNbdScore } from './score.js';
import { simulateBgNbd } from './simulate.js';

export { type BgNbdFit, bgNbdFromJSON, fitBgNbd, safeFitBgNbd } from './fit.js';
export { bgNbdLogLikelihood } from './likelihood.js';
export { type BgNbdParams, BgNbdParamsSchema } from './params.js';
export {
  bgNbdDert,
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNewCustomer,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
} from './predict.js';
export { bgNbdScore } from './score.js';
export { simulateBgNbd } from './simulate.js';

/**
 * BG/NBD as a frozen descriptor satisfying {@link TransactionModel}: every function takes plain
 * params `{ r, alpha, a, b }` (a fitted record's `params`, or published ones) and validates them.
 *
 * @example
 * ```ts
 * import { bgNbd } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * console.log(bgNbd.probabilityAlive(params, customer).toFixed(3)); // '0.727'
 * console.log(bgNbd.expectedPurchases(params, customer, 39).toFixed(3)); // '1.226'
 * ```
 */
export const bgNbd: TransactionModel<'bg-nbd', BgNbdParams> = /* @__PURE__ */ Object.freeze({
  name: 'bg-nbd',
  parameterNames: Object.freeze([
    'r',
    'alpha',
    'a',
    'b',
  ] as const) as readonly (keyof BgNbdParams)[],
  paramsSchema: BgNbdParamsSchema,
  logLikelihood: bgNbdLogLikelihood,
  fit: fitBgNbd,
  safeFit: safeFitBgNbd,
  fromJSON: bgNbdFromJSON,
  expectedPurchases: bgNbdExpectedPurchases,
  expectedPurchasesNewCustomer: bgNbdExpectedPurchasesNewCustomer,
  probabilityAlive: bgNbdProbabilityAlive,
  probabilityOfPurchases: bgNbdProbabilityOfPurchases,
  dert: bgNbdDert,
  score: bgNbdScore,
  simulate: simulateBgNbd,
});
