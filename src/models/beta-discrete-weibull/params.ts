import { z } from 'zod';
import { PositiveNumberSchema, parseInput } from '../../core/validate.js';

/**
 * Parameters of the beta-discrete-Weibull (BdW) model (Fader, Hardie, Liu, Davin & Steenburgh 2018):
 * each customer's survival is discrete Weibull, S(t | θ) = (1 − θ)^(t^c), with θ ~ Beta(alpha, beta)
 * across customers and c > 0 shared. c = 1 is the sBG; c > 1 means each customer's churn propensity
 * rises with tenure, c < 1 that it falls.
 */
export type BdwParams = {
  readonly alpha: number;
  readonly beta: number;
  readonly c: number;
};

/** zod schema of {@link BdwParams}: all three finite and > 0, no other keys. */
export const BdwParamsSchema: z.ZodType<BdwParams> = /* @__PURE__ */ z
  .object({ alpha: PositiveNumberSchema, beta: PositiveNumberSchema, c: PositiveNumberSchema })
  .strict();

/** Validates BdW params at a public boundary; errors name the field (`params.c`). */
export function parseBdwParams(params: unknown, fn: string): BdwParams {
  return parseInput(BdwParamsSchema, params, fn, 'params');
}
