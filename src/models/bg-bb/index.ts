/**
 * BG/BB, the beta-geometric/beta-Bernoulli model of discrete-time non-contractual purchasing (Fader,
 * Hardie & Shang 2010, Marketing Science 29(6):1086–1108): plain functions and the frozen `bgBb`
 * descriptor that satisfies {@link TransactionModel}. Times are whole transaction opportunities.
 */
import type { TransactionModel } from '../types.js';
import { fit, fromJSON, safeFit } from './fit.js';
import { logLikelihood } from './likelihood.js';
import { BG_BB_PARAMETER_NAMES, type BgBbParams, BgBbParamsSchema } from './params.js';
import {
  dert,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  probabilityAlive,
  probabilityOfPurchases,
} from './predict.js';
import { score } from './score.js';
import { simulate } from './simulate.js';

export {
  type BgBbParams,
  BgBbCustomerSchema,
  BgBbParamsSchema,
} from './params.js';
export { bgBbDiscountedExpectedTransactions } from './predict.js';

/**
 * The BG/BB model (Fader, Hardie & Shang 2010) as a frozen {@link TransactionModel} descriptor: fit
 * a summary in whole opportunities (x purchases in n opportunities, the last at t_x), then predict
 * from the plain params. `t`, `futureTime` and horizons count opportunities; `discountRate` is d per
 * opportunity. See docs/models/bg-bb.md.
 *
 * @example
 * ```ts
 * import { bgBb } from 'customer-asset';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }; // FHS 2010, donations
 * const donor = { frequency: 3, recency: 4, T: 6 };
 * console.log(bgBb.probabilityAlive(params, donor, 1).toFixed(3)); // '0.392'
 * ```
 */
export const bgBb: TransactionModel<'bg-bb', BgBbParams> = /* @__PURE__ */ Object.freeze({
  name: 'bg-bb' as const,
  parameterNames: BG_BB_PARAMETER_NAMES as unknown as readonly (keyof BgBbParams & string)[],
  paramsSchema: BgBbParamsSchema,
  logLikelihood,
  fit,
  safeFit,
  fromJSON,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  probabilityAlive,
  probabilityOfPurchases,
  dert,
  score,
  simulate,
});
