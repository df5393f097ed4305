import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { ParamTransform } from './types.js';

const TransformSchema = z.enum(['log', 'logit', 'identity']);

/** Natural-scale value of one unconstrained coordinate. */
export function fromUnconstrainedValue(z: number, transform: ParamTransform): number {
  if (transform === 'log') return Math.exp(z);
  if (transform === 'logit')
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  return z;
}

/** Unconstrained coordinate of one natural-scale value (NaN outside the transform's domain). */
export function toUnconstrainedValue(value: number, transform: ParamTransform): number {
  if (transform === 'log') return value > 0 ? Math.log(value) : Number.NaN;
  if (transform === 'logit') {
    return value > 0 && value < 1 ? Math.log(value) - Math.log1p(-value) : Number.NaN;
  }
  return value;
}

/** dθ/dz at natural-scale θ: the Jacobian of the back-transform (θ for log, θ(1 − θ) for logit). */
export function transformDerivative(value: number, transform: ParamTransform): number {
  if (transform === 'log') return value;
  if (transform === 'logit') return value * (1 - value);
  return 1;
}

/** The domain of each transform, for error messages. */
export function transformDomain(transform: ParamTransform): string {
  if (transform === 'log') return 'number > 0';
  if (transform === 'logit') return 'number in (0, 1)';
  return 'finite number';
}

const PairSchema = z
  .object({
    values: z.array(z.number().refine(Number.isFinite, { message: 'Must be a finite number' })),
    transforms: z.array(TransformSchema),
  })
  .refine((p) => p.values.length === p.transforms.length, {
    message: 'Must have one transform per value',
    path: ['transforms'],
  });

/**
 * Maps natural-scale parameter values to the unconstrained space the optimizer searches: z = ln θ
 * for `log`, z = ln(θ / (1 − θ)) for `logit`, z = θ for `identity`. Fitting over z keeps every trial
 * point inside the parameter space and makes the likelihood surface rounder (BTYD and Hardie's
 * spreadsheets fit the BG/NBD and Pareto/NBD on log-parameters for this reason).
 *
 * @param values - Natural-scale values, each in its transform's domain.
 * @param transforms - One transform per value.
 * @returns A frozen array of unconstrained values.
 * @throws `input/invalid` when a value lies outside its transform's domain (for example 0 under
 *   `log`) or the arrays differ in length.
 *
 * @example
 * ```ts
 * import { toUnconstrained } from 'customer-asset';
 * const z = toUnconstrained([Math.E, 0.5, -3], ['log', 'logit', 'identity']);
 * console.log(z); // [1, 0, -3]
 * ```
 */
export function toUnconstrained(
  values: readonly number[],
  transforms: readonly ParamTransform[],
): number[] {
  const input = parseInput(PairSchema, { values, transforms }, 'toUnconstrained');
  const out = input.values.map((v, i) => {
    const t = input.transforms[i]!;
    const z = toUnconstrainedValue(v, t);
    if (!Number.isFinite(z)) {
      fail('input/invalid', 'toUnconstrained', `values[${i}] lies outside the domain of ${t}`, {
        expected: transformDomain(t),
        received: v,
        path: ['values', i],
      });
    }
    return z;
  });
  return Object.freeze(out) as number[];
}

/**
 * Maps unconstrained values back to the natural scale: θ = e^z for `log`, θ = 1 / (1 + e^−z) for
 * `logit` (computed without overflow for either sign of z), θ = z for `identity`.
 *
 * Numerical caveat: e^z overflows to Infinity above z ≈ 709.78 and the logistic rounds to exactly 0 or 1
 * beyond |z| ≈ 37 (upper end) and 745 (lower end); likelihoods see those as impossible points.
 *
 * @param z - Unconstrained values (finite).
 * @param transforms - One transform per value.
 * @returns A frozen array of natural-scale values.
 * @throws `input/invalid` on a non-finite value or arrays of different lengths.
 *
 * @example
 * ```ts
 * import { fromUnconstrained } from 'customer-asset';
 * const theta = fromUnconstrained([0, 0, 2.5], ['log', 'logit', 'identity']);
 * console.log(theta); // [1, 0.5, 2.5]
 * ```
 */
export function fromUnconstrained(
  z: readonly number[],
  transforms: readonly ParamTransform[],
): number[] {
  const input = parseInput(PairSchema, { values: z, transforms }, 'fromUnconstrained');
  return Object.freeze(
    input.values.map((v, i) => fromUnconstrainedValue(v, input.transforms[i]!)),
  ) as number[];
}
