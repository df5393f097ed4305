import { z } from 'zod';
import { PositiveNumberSchema, parseInput } from '../../core/validate.js';

/**
 * Parameters of the shifted-beta-geometric (sBG) model (Fader & Hardie 2007): each customer cancels
 * at each renewal with their own probability θ, and θ ~ Beta(alpha, beta) across customers. The paper
 * calls them (α, β); REFERENCE.md §5 writes (γ, δ). The mean churn probability is
 * E[θ] = alpha / (alpha + beta).
 */
export type SbgParams = {
  readonly alpha: number;
  readonly beta: number;
};

/** zod schema of {@link SbgParams}: both finite and > 0, no other keys. */
export const SbgParamsSchema: z.ZodType<SbgParams> = /* @__PURE__ */ z
  .object({ alpha: PositiveNumberSchema, beta: PositiveNumberSchema })
  .strict();

/** Validates sBG params at a public boundary; errors name the field (`params.alpha`). */
export function parseSbgParams(params: unknown, fn: string): SbgParams {
  return parseInput(SbgParamsSchema, params, fn, 'params');
}
