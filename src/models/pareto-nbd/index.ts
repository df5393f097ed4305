/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; Fader & Hardie notes 008 and 009,
 * 2005): fitting, closed-form predictions, DERT, the purchase-count distribution, vectorised scoring
 * and simulation. docs/models/pareto-nbd.md describes the story, formulas and numerics.
 */
import type { RfmSummary } from '../../data/summary-types.js';
import type { TransactionModel } from '../types.js';
import { fitParetoNbd, paretoNbdFromJSON, safeFitParetoNbd } from './fit.js';
import { paretoNbdLogLikelihood } from './log-likelihood.js';
import {
  PARETO_NBD_PARAMETER_ORDER,
  type ParetoNbdParams,
  ParetoNbdParamsSchema,
} from './params.js';
import { paretoNbdProbabilityOfPurchases } from './pmf.js';
import {
  paretoNbdDert,
  paretoNbdDertNewCustomer,
  paretoNbdExpectedPurchases,
  paretoNbdExpectedPurchasesNewCustomer,
  paretoNbdProbabilityAlive,
} from './predict.js';
import { paretoNbdScore } from './score.js';
import { type ParetoNbdSimulateOptions, simulateParetoNbd } from './simulate.js';

export { fitParetoNbd, type ParetoNbdFit, paretoNbdFromJSON, safeFitParetoNbd } from './fit.js';
export { paretoNbdLogLikelihood } from './log-likelihood.js';
export { type ParetoNbdParams, ParetoNbdParamsSchema } from './params.js';
export { paretoNbdProbabilityOfPurchases } from './pmf.js';
export {
  paretoNbdDert,
  paretoNbdDertNewCustomer,
  paretoNbdExpectedPurchases,
  paretoNbdExpectedPurchasesNewCustomer,
  paretoNbdProbabilityAlive,
} from './predict.js';
export { paretoNbdScore } from './score.js';
export { type ParetoNbdSimulateOptions, simulateParetoNbd } from './simulate.js';

/** The Pareto/NBD descriptor's type: the shared interface plus the DET of a new customer. */
export interface ParetoNbdModel extends TransactionModel<'pareto-nbd', ParetoNbdParams> {
  /** Discounted expected transactions of a customer just acquired (handbook DET, eq. 3.14). */
  dertNewCustomer(params: ParetoNbdParams, discountRate: number): number;
  /** Also takes one T per customer and the summary's time unit (see {@link simulateParetoNbd}). */
  simulate(params: ParetoNbdParams, options: ParetoNbdSimulateOptions): RfmSummary;
}

/**
 * Pareto/NBD as a frozen descriptor satisfying {@link TransactionModel}: every function takes plain
 * params `{ r, alpha, s, beta }` (a fitted record's `params`, or published ones) and validates them.
 * Each function's own documentation gives its paper and equation.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 *
 * const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // CDNOW, weeks (FHL 2005)
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * console.log(paretoNbd.probabilityAlive(params, customer).toFixed(4)); // '0.8692'
 * console.log(paretoNbd.expectedPurchases(params, customer, 39).toFixed(4)); // '1.4551'
 * console.log(paretoNbd.expectedPurchasesNewCustomer(params, 52).toFixed(4)); // '1.4730'
 * ```
 */
export const paretoNbd: ParetoNbdModel = /* @__PURE__ */ Object.freeze({
  name: 'pareto-nbd',
  parameterNames: PARETO_NBD_PARAMETER_ORDER as unknown as readonly (keyof ParetoNbdParams)[],
  paramsSchema: ParetoNbdParamsSchema,
  logLikelihood: paretoNbdLogLikelihood,
  fit: fitParetoNbd,
  safeFit: safeFitParetoNbd,
  fromJSON: paretoNbdFromJSON,
  expectedPurchases: paretoNbdExpectedPurchases,
  expectedPurchasesNewCustomer: paretoNbdExpectedPurchasesNewCustomer,
  probabilityAlive: paretoNbdProbabilityAlive,
  probabilityOfPurchases: paretoNbdProbabilityOfPurchases,
  dert: paretoNbdDert,
  dertNewCustomer: paretoNbdDertNewCustomer,
  score: paretoNbdScore,
  simulate: simulateParetoNbd,
});
