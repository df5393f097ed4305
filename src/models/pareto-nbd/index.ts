/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; Fader & Hardie notes 008 and 009,
 * 2005): fitting, closed-form predictions, DERT, the purchase-count distribution, vectorised scoring
 * and simulation. docs/models/pareto-nbd.md describes the story, formulas and numerics.
 */
import type { FittedModel } from '../../core/fitted-model.js';
import { fittedModelFromJSON } from '../shared/fitted-record.js';
import type { TransactionModel } from '../types.js';
import { fitParetoNbd, safeFitParetoNbd } from './fit.js';
import { logLikelihood } from './log-likelihood.js';
import {
  PARETO_NBD_PARAMETER_ORDER,
  type ParetoNbdParams,
  ParetoNbdParamsSchema,
} from './params.js';
import { probabilityOfPurchases } from './pmf.js';
import {
  dert,
  dertNewCustomer,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  probabilityAlive,
} from './predict.js';
import { score } from './score.js';
import { simulate } from './simulate.js';

export type { ParetoNbdParams } from './params.js';
export { ParetoNbdParamsSchema } from './params.js';
export type { ParetoNbdSimulateOptions } from './simulate.js';

/**
 * Restores a fitted Pareto/NBD record from its JSON form, validating every field;
 * `fromJSON(JSON.parse(JSON.stringify(fitted)))` equals `fitted`.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 * const summary = paretoNbd.simulate({ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, { customers: 2000, T: 39, seed: 3 });
 * const fitted = paretoNbd.fit(summary);
 * const again = paretoNbd.fromJSON(JSON.parse(JSON.stringify(fitted)));
 * console.log(again.params.r === fitted.params.r); // true
 * ```
 */
function fromJSON(json: unknown): FittedModel<'pareto-nbd', ParetoNbdParams> {
  return fittedModelFromJSON(
    'pareto-nbd',
    ParetoNbdParamsSchema,
    PARETO_NBD_PARAMETER_ORDER,
    json,
    'paretoNbd.fromJSON',
  );
}

/** The Pareto/NBD model as the frozen descriptor every generic valuation and report function takes. */
export interface ParetoNbdModel extends TransactionModel<'pareto-nbd', ParetoNbdParams> {
  /** Discounted expected transactions of a customer just acquired (handbook DET, eq. 3.14). */
  dertNewCustomer(params: ParetoNbdParams, discountRate: number): number;
}

/**
 * The Pareto/NBD model: `paretoNbd.fit(summary)`, `paretoNbd.probabilityAlive(params, customer)`,
 * `paretoNbd.expectedPurchases(params, customer, t)`, `paretoNbd.dert(params, customer, d)`, ...
 * Each method's own documentation gives its paper and equation.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 * const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // CDNOW, weeks (FHL 2005)
 * paretoNbd.expectedPurchasesNewCustomer(params, 52); // ≈ 1.4734
 * paretoNbd.probabilityAlive(params, { frequency: 2, recency: 30.43, T: 38.86 }); // ≈ 0.8691
 * ```
 */
export const paretoNbd: ParetoNbdModel = /* @__PURE__ */ Object.freeze({
  name: 'pareto-nbd' as const,
  parameterNames: PARETO_NBD_PARAMETER_ORDER as unknown as readonly (
    | 'r'
    | 'alpha'
    | 's'
    | 'beta'
  )[],
  paramsSchema: ParetoNbdParamsSchema,
  logLikelihood,
  fit: fitParetoNbd,
  safeFit: safeFitParetoNbd,
  fromJSON,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  probabilityAlive,
  probabilityOfPurchases,
  dert,
  dertNewCustomer,
  score,
  simulate,
});
