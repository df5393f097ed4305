import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';

/**
 * Pareto/NBD parameters in the notation of Schmittlein, Morrison & Colombo (1987) and Fader & Hardie
 * (note 009, 2005): purchase rates λ ~ Gamma(shape r, rate α) and dropout rates μ ~ Gamma(shape s,
 * rate β) across customers. α and β are in the time unit of the data the params were fitted on
 * (dividing every time by k divides α and β by k); r and s are unitless.
 */
export type ParetoNbdParams = {
  /** Shape of the Gamma distribution of the purchase rate λ. */
  readonly r: number;
  /** Rate parameter of the Gamma distribution of λ, per time unit of the data. */
  readonly alpha: number;
  /** Shape of the Gamma distribution of the dropout rate μ. */
  readonly s: number;
  /** Rate parameter of the Gamma distribution of μ, per time unit of the data. */
  readonly beta: number;
};

/** The parameter names in the order the fitted record's covariance uses. */
export const PARETO_NBD_PARAMETER_ORDER = /* @__PURE__ */ Object.freeze([
  'r',
  'alpha',
  's',
  'beta',
] as const);

const positive = (name: string) =>
  z
    .number({ message: `Must be a number (${name})` })
    .positive({ message: `Must be > 0 (${name})` })
    .finite({ message: `Must be finite (${name})` });

/** zod schema of {@link ParetoNbdParams}: four finite numbers > 0, no other keys. */
export const ParetoNbdParamsSchema = /* @__PURE__ */ z
  .object({
    r: positive('r'),
    alpha: positive('alpha'),
    s: positive('s'),
    beta: positive('beta'),
  })
  .strict();

/**
 * Checks params at a public boundary. The fast path (a plain object with four finite positive
 * numbers) skips zod, which the vectorised entry points call once per call anyway; anything else
 * goes through the schema so the error names the field.
 */
export function parseParetoNbdParams(params: unknown, fn: string): ParetoNbdParams {
  if (params !== null && typeof params === 'object') {
    const p = params as Record<string, unknown>;
    const { r, alpha, s, beta } = p;
    if (
      typeof r === 'number' &&
      typeof alpha === 'number' &&
      typeof s === 'number' &&
      typeof beta === 'number' &&
      r > 0 &&
      alpha > 0 &&
      s > 0 &&
      beta > 0 &&
      r < Number.POSITIVE_INFINITY &&
      alpha < Number.POSITIVE_INFINITY &&
      s < Number.POSITIVE_INFINITY &&
      beta < Number.POSITIVE_INFINITY &&
      Object.keys(p).length === 4
    ) {
      return { r, alpha, s, beta };
    }
  }
  return parseInput(ParetoNbdParamsSchema, params, fn, 'params');
}

/** Throws `model/non-finite` when a result that should be finite is not (never returns NaN). */
export function finiteOrFail(value: number, fn: string, what: string, context: unknown): number {
  if (Number.isFinite(value)) return value;
  return fail('model/non-finite', fn, `${what} is not finite for these inputs`, {
    expected: 'a finite number',
    received: value,
    details: { context },
  });
}
