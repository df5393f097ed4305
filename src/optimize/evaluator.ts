/**
 * Internal: wraps an objective with evaluation counting, the +Infinity convention for bad values,
 * finite-difference gradients and the per-start evaluation budget. Not part of the public API.
 */
import { fail } from '../core/errors.js';
import type { Objective } from './types.js';

/** Cube root of the double epsilon: the step that balances truncation and rounding in central differences. */
const CENTRAL_STEP = Math.cbrt(Number.EPSILON);

/** Counts and budget shared by every run from one start. */
export class Evaluator {
  functionEvaluations = 0;
  gradientEvaluations = 0;
  readonly dimension: number;

  constructor(
    private readonly objective: Objective,
    dimension: number,
    private readonly maxEvaluations: number,
    private readonly fnName: string,
  ) {
    this.dimension = dimension;
  }

  /** True once the budget of objective evaluations is spent. */
  get exhausted(): boolean {
    return this.functionEvaluations >= this.maxEvaluations;
  }

  /** f(x) with NaN, +Infinity and -Infinity all mapped to +Infinity: a bad point is never accepted. */
  value(x: readonly number[]): number {
    this.functionEvaluations += 1;
    const f = this.objective.value(x);
    return typeof f === 'number' && Number.isFinite(f) ? f : Number.POSITIVE_INFINITY;
  }

  /**
   * The gradient at x (where f(x) = fx is finite): the analytic one when given and finite, central
   * differences otherwise. Returns null when no finite gradient can be formed.
   */
  gradient(x: readonly number[], fx: number): number[] | null {
    this.gradientEvaluations += 1;
    if (this.objective.gradient !== undefined) {
      const g = this.objective.gradient(x);
      if (!Array.isArray(g) || g.length !== this.dimension) {
        fail(
          'input/invalid',
          this.fnName,
          'objective.gradient returned an array of the wrong length',
          {
            expected: `array(${this.dimension})`,
            received: g,
            path: ['objective', 'gradient'],
          },
        );
      }
      if (g.every(Number.isFinite)) return g.slice();
    }
    return this.finiteDifferenceGradient(x, fx);
  }

  /**
   * Central differences with step h_i = eps^(1/3) · max(1, |x_i|), made exactly representable;
   * one-sided where one neighbour is not finite (near a domain edge).
   */
  private finiteDifferenceGradient(x: readonly number[], fx: number): number[] | null {
    const point = x.slice();
    const g = new Array<number>(x.length);
    for (let i = 0; i < x.length; i += 1) {
      const xi = x[i]!;
      const h = xi + CENTRAL_STEP * Math.max(1, Math.abs(xi)) - xi;
      point[i] = xi + h;
      const up = this.value(point);
      point[i] = xi - h;
      const down = this.value(point);
      point[i] = xi;
      if (Number.isFinite(up) && Number.isFinite(down)) g[i] = (up - down) / (2 * h);
      else if (Number.isFinite(up)) g[i] = (up - fx) / h;
      else if (Number.isFinite(down)) g[i] = (fx - down) / h;
      else return null;
    }
    return g;
  }
}
