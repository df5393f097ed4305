/**
 * The MBG/NBD model (Batislam, Denizel & Filiztekin 2007, International Journal of Research in
 * Marketing 24(3):201–209). docs/models/mbg-nbd.md.
 */
import type { TransactionModel } from '../types.js';
import { fitMbgNbd, mbgNbdFromJSON, safeFitMbgNbd } from './fit.js';
import { mbgNbdLogLikelihood } from './likelihood.js';
import { type MbgNbdParams, MbgNbdParamsSchema } from './params.js';
import {
  mbgNbdDert,
  mbgNbdExpectedPurchases,
  mbgNbdExpectedPurchasesNewCustomer,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityOfPurchases,
} from './predict.js';
import { mbgNbdScore } from './score.js';
import { simulateMbgNbd } from './simulate.js';

export { fitMbgNbd, type MbgNbdFit, mbgNbdFromJSON, safeFitMbgNbd } from './fit.js';
export { mbgNbdLogLikelihood } from './likelihood.js';
export { type MbgNbdParams, MbgNbdParamsSchema } from './params.js';
export {
  mbgNbdDert,
  mbgNbdExpectedPurchases,
  mbgNbdExpectedPurchasesNewCustomer,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityOfPurchases,
} from './predict.js';
export { mbgNbdScore } from './score.js';
export { simulateMbgNbd } from './simulate.js';

/**
 * MBG/NBD as a frozen descriptor satisfying {@link TransactionModel}: every function takes plain
 * params `{ r, alpha, a, b }` (a fitted record's `params`, or published ones) and validates them.
 *
 * @example
 * ```ts
 * import { mbgNbd } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * console.log(mbgNbd.probabilityAlive(params, customer).toFixed(3)); // '0.774'
 * console.log(mbgNbd.expectedPurchases(params, customer, 39).toFixed(3)); // '1.340'
 * ```
 */
export const mbgNbd: TransactionModel<'mbg-nbd', MbgNbdParams> = /* @__PURE__ */ Object.freeze({
  name: 'mbg-nbd',
  parameterNames: Object.freeze([
    'r',
    'alpha',
    'a',
    'b',
  ] as const) as readonly (keyof MbgNbdParams)[],
  paramsSchema: MbgNbdParamsSchema,
  logLikelihood: mbgNbdLogLikelihood,
  fit: fitMbgNbd,
  safeFit: safeFitMbgNbd,
  fromJSON: mbgNbdFromJSON,
  expectedPurchases: mbgNbdExpectedPurchases,
  expectedPurchasesNewCustomer: mbgNbdExpectedPurchasesNewCustomer,
  probabilityAlive: mbgNbdProbabilityAlive,
  probabilityOfPurchases: mbgNbdProbabilityOfPurchases,
  dert: mbgNbdDert,
  score: mbgNbdScore,
  simulate: simulateMbgNbd,
});
