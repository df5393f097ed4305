import { z } from 'zod';
import { parseInput } from '../../core/validate.js';

/**
 * Parameter of the constant-rate (shifted) geometric model: every customer cancels at each renewal
 * with the same probability `theta`, so retention is 1 − theta at every tenure. This is the "one
 * average retention rate" of textbook CLV formulas that Fader & Hardie (2007, 2010) compare the
 * heterogeneous models with.
 */
export type GeometricParams = {
  readonly theta: number;
};

/** zod schema of {@link GeometricParams}: 0 < theta < 1, no other keys. */
export const GeometricParamsSchema: z.ZodType<GeometricParams> = /* @__PURE__ */ z
  .object({ theta: z.number().gt(0).lt(1) })
  .strict();

/** Validates geometric params at a public boundary. */
export function parseGeometricParams(params: unknown, fn: string): GeometricParams {
  return parseInput(GeometricParamsSchema, params, fn, 'params');
}
