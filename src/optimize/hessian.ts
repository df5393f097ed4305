import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { parseInput } from '../core/validate.js';

/** eps^(1/4): the relative step that balances truncation and rounding in second differences. */
const SECOND_DIFFERENCE_STEP = Number.EPSILON ** 0.25;
/** eps^(1/3): the relative step for central first differences of an analytic gradient. */
const FIRST_DIFFERENCE_STEP = Math.cbrt(Number.EPSILON);

/** Options of {@link numericHessian}. */
export interface NumericHessianOptions {
  /**
   * Step per coordinate relative to max(1, |x_i|). Default eps^(1/4) ≈ 1.2e-4 for values of f, and
   * eps^(1/3) ≈ 6.1e-6 when differencing `gradient`.
   */
  readonly relativeStep?: number;
  /** Analytic gradient of f: when given, the Hessian is its central difference, symmetrised. */
  readonly gradient?: (x: readonly number[]) => number[];
}

type Fn = (x: readonly number[]) => number;
type GradientFn = (x: readonly number[]) => number[];

const FunctionSchema = z.custom<Fn>((v) => typeof v === 'function', 'Must be a function');
const HessianInputSchema = z.object({
  f: FunctionSchema,
  x: z.array(z.number().refine(Number.isFinite, { message: 'Must be a finite number' })).min(1),
  options: z
    .object({
      relativeStep: z.number().positive().max(0.1).optional(),
      gradient: z
        .custom<GradientFn>((v) => typeof v === 'function', 'Must be a function')
        .optional(),
    })
    .optional(),
});

/** Exactly representable step h_i = relative · max(1, |x_i|). */
function stepFor(xi: number, relative: number): number {
  return xi + relative * Math.max(1, Math.abs(xi)) - xi;
}

/**
 * The Hessian by finite differences, or null when f (or the gradient) is not finite at a stencil
 * point. Internal form of {@link numericHessian}, without input checks.
 */
export function finiteDifferenceHessian(
  f: Fn,
  x: readonly number[],
  options: NumericHessianOptions = {},
): number[][] | null {
  const n = x.length;
  const h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const point = x.slice();
  if (options.gradient !== undefined) {
    const relative = options.relativeStep ?? FIRST_DIFFERENCE_STEP;
    for (let i = 0; i < n; i += 1) {
      const step = stepFor(x[i]!, relative);
      point[i] = x[i]! + step;
      const up = options.gradient(point);
      point[i] = x[i]! - step;
      const down = options.gradient(point);
      point[i] = x[i]!;
      for (let j = 0; j < n; j += 1) h[i]![j] = (up[j]! - down[j]!) / (2 * step);
    }
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < i; j += 1) {
        const mean = 0.5 * (h[i]![j]! + h[j]![i]!);
        h[i]![j] = mean;
        h[j]![i] = mean;
      }
    }
  } else {
    const relative = options.relativeStep ?? SECOND_DIFFERENCE_STEP;
    const steps = x.map((xi) => stepFor(xi, relative));
    const f0 = f(point);
    const at = (i: number, si: number, j: number, sj: number): number => {
      point[i] = x[i]! + si * steps[i]!;
      if (j !== i) point[j] = x[j]! + sj * steps[j]!;
      const value = f(point);
      point[i] = x[i]!;
      point[j] = x[j]!;
      return value;
    };
    for (let i = 0; i < n; i += 1) {
      const hi = steps[i]!;
      // (f(x + h e_i) − 2 f(x) + f(x − h e_i)) / h²
      h[i]![i] = (at(i, 1, i, 0) - 2 * f0 + at(i, -1, i, 0)) / (hi * hi);
      for (let j = 0; j < i; j += 1) {
        // (f(++) − f(+−) − f(−+) + f(−−)) / (4 h_i h_j)
        const value =
          (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) /
          (4 * hi * steps[j]!);
        h[i]![j] = value;
        h[j]![i] = value;
      }
    }
  }
  return h.every((row) => row.every(Number.isFinite)) ? h : null;
}

/**
 * The Hessian matrix of f at x by central finite differences, with the step scaled per coordinate
 * (h_i = step · max(1, |x_i|), made exactly representable). From values of f: second differences
 * (f(x+h e_i) − 2f(x) + f(x−h e_i)) / h_i² on the diagonal and the four-point formula
 * (f(++) − f(+−) − f(−+) + f(−−)) / (4 h_i h_j) off it, 1 + 2n² evaluations (Dennis & Schnabel 1996,
 * *Numerical Methods for Unconstrained Optimization*, section 5.6). When an analytic gradient is given:
 * its central differences, symmetrised as (H + Hᵀ)/2, 2n gradient calls and more accurate.
 *
 * Numerical caveat: the error of second differences is about eps·|f| / h² ≈ 1.5e-8 · |f| per entry,
 * so for a log-likelihood of size 1e4 expect entries good to about 1e-4 in absolute terms.
 *
 * @param f - The function (for likelihood work: the negative log-likelihood in unconstrained space).
 * @param x - Where to evaluate (finite, at least one coordinate).
 * @param options - `relativeStep` and an optional analytic `gradient`.
 * @returns A frozen symmetric n × n matrix.
 * @throws `input/invalid` on bad arguments; `optimize/invalid-objective` when f or the gradient is
 *   not finite at a stencil point (for example at the edge of the parameter space).
 *
 * @example
 * ```ts
 * import { numericHessian } from 'customer-asset';
 * const h = numericHessian(([a, b]) => a! * a! + 3 * a! * b! + 5 * b! * b!, [1, 2]);
 * console.log(h.map((row) => row.map((v) => Math.round(v)))); // [[2, 3], [3, 10]]
 * ```
 */
export function numericHessian(
  f: (x: readonly number[]) => number,
  x: readonly number[],
  options?: NumericHessianOptions,
): number[][] {
  const input = parseInput(HessianInputSchema, { f, x, options }, 'numericHessian');
  const hessianOptions: NumericHessianOptions = {
    ...(input.options?.relativeStep === undefined
      ? {}
      : { relativeStep: input.options.relativeStep }),
    ...(options?.gradient === undefined ? {} : { gradient: options.gradient }),
  };
  const h = finiteDifferenceHessian(f, input.x, hessianOptions);
  if (h === null) {
    fail('optimize/invalid-objective', 'numericHessian', 'the function is not finite near x', {
      expected: 'finite values at x ± h',
      received: 'NaN or Infinity',
    });
  }
  return deepFreeze(h);
}
