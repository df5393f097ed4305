/**
 * Internal machinery for intervals from the parameter covariance of a fitted record: the covariance
 * in the log scale, numerical gradients by central differences in the log of each parameter, and
 * draws of the parameters from their asymptotic normal distribution in the log scale.
 */
import type { z } from 'zod';
import { fail } from '../core/errors.js';
import type { FittedModel } from '../core/fitted-model.js';
import { cholesky } from '../optimize/cholesky.js';
import { standardNormalVariate } from '../random/normal.js';
import type { RandomSource } from '../random/prng.js';

/** Relative step of the central differences: θ·e^(±h). */
export const GRADIENT_STEP = 1e-4;

/** Anything with a name and a params schema: a transaction or spend model descriptor. */
export interface ParametricModel<Params> {
  readonly name: string;
  readonly paramsSchema: z.ZodType<Params>;
}

/** Params, their order and covariance, checked. */
export interface ParameterDistribution<Params> {
  readonly params: Params;
  readonly order: readonly string[];
  /** θ̂ in `order`. */
  readonly values: Float64Array;
  /** Covariance in the natural scale, rows in `order`. */
  readonly covariance: readonly (readonly number[])[];
  /** Lower Cholesky factor of the log-scale covariance D⁻¹ Σ D⁻¹, D = diag(θ̂); null if not positive definite. */
  readonly logFactor: number[][] | null;
}

/**
 * Checks that a fitted record belongs to `model` and has a usable covariance, and prepares its
 * log-scale factor. Every parameter must be positive (all the library's models have positive
 * parameters), since draws are made in the log scale.
 */
export function parameterDistribution<Params extends Readonly<Record<string, number>>>(
  model: ParametricModel<Params>,
  fitted: FittedModel<string, Params>,
  fn: string,
  path: readonly (string | number)[],
): ParameterDistribution<Params> {
  if (fitted === null || typeof fitted !== 'object' || typeof fitted.params !== 'object')
    fail('input/invalid', fn, 'fitted must be a fitted record', {
      expected: 'the result of a model fit (or its fromJSON)',
      received: fitted,
      path,
    });
  if (fitted.model !== model.name)
    fail('input/invalid', fn, `the fitted record is of model '${String(fitted.model)}'`, {
      expected: `a fit of '${model.name}'`,
      received: fitted.model,
      path: [...path, 'model'],
    });
  const checked = model.paramsSchema.safeParse(fitted.params);
  if (!checked.success)
    fail('input/invalid', fn, 'the fitted record has invalid params for its model', {
      expected: `params of '${model.name}'`,
      received: JSON.stringify(fitted.params),
      path: [...path, 'params'],
    });
  const covariance = fitted.covariance;
  const order = fitted.parameterOrder;
  if (covariance === null || covariance === undefined)
    fail(
      'model/undefined-quantity',
      fn,
      'the fitted record has no covariance (the Hessian at the optimum was not positive definite), so there is no interval from parameter uncertainty',
      {
        expected: 'a fitted record with a covariance matrix',
        received: null,
        path: [...path, 'covariance'],
      },
    );
  const k = order.length;
  const values = new Float64Array(k);
  for (let j = 0; j < k; j += 1) {
    const v = (fitted.params as Record<string, number>)[order[j]!];
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))
      fail('input/invalid', fn, `parameter '${order[j]}' must be a positive finite number`, {
        expected: 'positive parameters (draws are made in the log scale)',
        received: v,
        path: [...path, 'params', order[j]!],
      });
    values[j] = v;
  }
  if (
    !Array.isArray(covariance) ||
    covariance.length !== k ||
    covariance.some(
      (row) => !Array.isArray(row) || row.length !== k || row.some((c) => !Number.isFinite(c)),
    )
  )
    fail('input/invalid', fn, 'the covariance must be a finite square matrix in parameterOrder', {
      expected: `${k} x ${k}`,
      received: Array.isArray(covariance) ? `array(${covariance.length})` : covariance,
      path: [...path, 'covariance'],
    });
  const logCovariance = covariance.map((row: readonly number[], i: number) =>
    row.map((c: number, j: number) => c / (values[i]! * values[j]!)),
  );
  return {
    params: checked.data,
    order,
    values,
    covariance,
    logFactor: cholesky(logCovariance),
  };
}

/** Params with each named value replaced from `values` (in `order`). */
export function withValues<Params>(
  params: Params,
  order: readonly string[],
  values: ArrayLike<number>,
): Params {
  const out: Record<string, number> = { ...(params as Record<string, number>) };
  for (let j = 0; j < order.length; j += 1) out[order[j]!] = values[j]!;
  return out as Params;
}

/**
 * Gradient of a vector-valued function of the params by central differences in log θ:
 * ∂f/∂θ_j ≈ [f(θ_j e^h) − f(θ_j e^−h)] / [θ_j (e^h − e^−h)]. Returns one column per parameter.
 */
export function centralGradient<Params>(
  dist: ParameterDistribution<Params>,
  evaluate: (params: Params) => Float64Array,
  step = GRADIENT_STEP,
): Float64Array[] {
  const { order, values } = dist;
  const columns: Float64Array[] = [];
  const shifted = Float64Array.from(values);
  const up = Math.exp(step);
  const down = Math.exp(-step);
  for (let j = 0; j < order.length; j += 1) {
    const theta = values[j]!;
    shifted[j] = theta * up;
    const hi = evaluate(withValues(dist.params, order, shifted));
    shifted[j] = theta * down;
    const lo = evaluate(withValues(dist.params, order, shifted));
    shifted[j] = theta;
    const width = theta * (up - down);
    const column = new Float64Array(hi.length);
    for (let i = 0; i < hi.length; i += 1) column[i] = (hi[i]! - lo[i]!) / width;
    columns.push(column);
  }
  return columns;
}

/** gᵀ Σ g for row `i` of gradient columns. */
export function quadraticForm(
  columns: readonly Float64Array[],
  covariance: readonly (readonly number[])[],
  i: number,
): number {
  let total = 0;
  for (let j = 0; j < columns.length; j += 1) {
    const gj = columns[j]![i]!;
    if (gj === 0) continue;
    const row = covariance[j]!;
    for (let k = 0; k < columns.length; k += 1) total += gj * row[k]! * columns[k]![i]!;
  }
  return total;
}

/** gᵀ Σ g for a plain gradient vector. */
export function quadraticFormVector(
  gradient: ArrayLike<number>,
  covariance: readonly (readonly number[])[],
): number {
  let total = 0;
  for (let j = 0; j < gradient.length; j += 1)
    for (let k = 0; k < gradient.length; k += 1)
      total += gradient[j]! * covariance[j]![k]! * gradient[k]!;
  return total;
}

/** Most redraws allowed per accepted draw before giving up. */
const MAX_REJECTIONS_PER_DRAW = 10;

/**
 * Draws params from the asymptotic normal of log θ (mean log θ̂, covariance D⁻¹ Σ D⁻¹), so every
 * drawn parameter is positive. A draw the model's params schema rejects (a model constraint beyond
 * positivity) is redrawn; `rejected` counts them.
 */
export function drawParameters<Params>(
  model: ParametricModel<Params>,
  dist: ParameterDistribution<Params>,
  rng: RandomSource,
  count: number,
  fn: string,
): { draws: Params[]; rejected: number } {
  const factor = dist.logFactor;
  if (factor === null)
    fail(
      'model/undefined-quantity',
      fn,
      'the covariance of the log parameters is not positive definite, so it cannot be sampled',
      {
        expected: 'a positive-definite covariance',
        received: 'a singular matrix',
        path: ['fitted', 'covariance'],
      },
    );
  const k = dist.order.length;
  const logMean = Array.from(dist.values, Math.log);
  const z = new Float64Array(k);
  const value = new Float64Array(k);
  const draws: Params[] = [];
  let rejected = 0;
  while (draws.length < count) {
    for (let j = 0; j < k; j += 1) z[j] = standardNormalVariate(rng);
    for (let i = 0; i < k; i += 1) {
      let s = logMean[i]!;
      const row = factor[i]!;
      for (let j = 0; j <= i; j += 1) s += row[j]! * z[j]!;
      value[i] = Math.exp(s);
    }
    const candidate = withValues(dist.params, dist.order, value);
    if (model.paramsSchema.safeParse(candidate).success) draws.push(candidate);
    else {
      rejected += 1;
      if (rejected > MAX_REJECTIONS_PER_DRAW * count)
        fail(
          'model/undefined-quantity',
          fn,
          'almost every parameter draw violates the model constraints',
          {
            expected: 'draws the params schema accepts',
            received: `${rejected} rejected draws`,
            path: ['fitted'],
          },
        );
    }
  }
  return { draws, rejected };
}

/** Quantile of sorted values (linear interpolation between order statistics, Hyndman & Fan type 7). */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
