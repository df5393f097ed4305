import { z } from 'zod';
import { fail } from '../core/errors.js';
import type { ConvergenceDiagnostics } from '../core/fitted-model.js';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import { inverseSpd } from './cholesky.js';
import { finiteDifferenceHessian } from './hessian.js';
import { MinimizeOptionsSchema, minimizeValidated, resolveOptions } from './minimize.js';
import {
  fromUnconstrainedValue,
  toUnconstrainedValue,
  transformDerivative,
  transformDomain,
} from './transforms.js';
import type { MinimizeOptions, Objective, ParamTransform } from './types.js';

/** Generic maximum likelihood over named natural-scale params: what every model's fit calls. */
export interface MleProblem<P extends Record<string, number>> {
  readonly parameterOrder: readonly (keyof P & string)[];
  readonly transforms: { readonly [K in keyof P]: ParamTransform };
  /** Total log-likelihood at natural-scale params (may be -Infinity/NaN at impossible points). */
  logLikelihood(params: P): number;
  /** Optional gradient of the total log-likelihood w.r.t. the natural-scale params, in parameterOrder. */
  gradient?(params: P): number[];
  /** Starting points in the natural scale (at least one); each is run and the best wins. */
  readonly starts: readonly P[];
}

/** The maximum-likelihood estimate with its convergence diagnostics and asymptotic covariance. */
export interface MleResult<P> {
  readonly params: P;
  readonly logLikelihood: number;
  readonly diagnostics: ConvergenceDiagnostics;
  /** Natural-scale covariance from the numeric Hessian of -LL in transformed space, mapped back by the delta method (full matrix, off-diagonals included); null when the Hessian is not positive definite. */
  readonly covariance: number[][] | null;
  readonly standardErrors: { [K in keyof P]: number } | null;
}

const FunctionSchema = z.custom<(...args: never[]) => unknown>(
  (v) => typeof v === 'function',
  'Must be a function',
);
const ProblemSchema = z
  .object({
    parameterOrder: z.array(z.string().min(1)).min(1),
    transforms: z.record(z.string(), z.enum(['log', 'logit', 'identity'])),
    logLikelihood: FunctionSchema,
    gradient: FunctionSchema.optional(),
    starts: z
      .array(
        z.record(
          z.string(),
          z.number().refine(Number.isFinite, { message: 'Must be a finite number' }),
        ),
      )
      .min(1),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.parameterOrder.forEach((name, i) => {
      if (seen.has(name)) {
        ctx.addIssue({ code: 'custom', message: `Repeats "${name}"`, path: ['parameterOrder', i] });
      }
      seen.add(name);
      if (p.transforms[name] === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'Must name a transform for every parameter',
          path: ['transforms', name],
        });
      }
    });
    p.starts.forEach((start, i) => {
      for (const name of p.parameterOrder) {
        const value = start[name];
        const transform = p.transforms[name];
        if (value === undefined) {
          ctx.addIssue({ code: 'custom', message: 'Is missing', path: ['starts', i, name] });
        } else if (
          transform !== undefined &&
          !Number.isFinite(toUnconstrainedValue(value, transform))
        ) {
          ctx.addIssue({
            code: 'custom',
            message: `Must be a ${transformDomain(transform)} (transform ${transform}), received ${value}`,
            path: ['starts', i, name],
          });
        }
      }
    });
  });

/**
 * Maximises a log-likelihood over named natural-scale parameters: the generic fitter behind every
 * model's `fit`. It minimises −LL over the unconstrained parameters z (ln θ, logit θ or θ, see
 * `toUnconstrained`) with {@link minimize} (BFGS with the Nelder–Mead fallback, every start run, best
 * wins); an analytic natural-scale gradient is carried over by the chain rule ∂LL/∂z = ∂LL/∂θ · dθ/dz.
 *
 * The covariance is the inverse of the observed information: the Hessian of −LL in z, by central
 * differences of the analytic gradient when given (else second differences of −LL), inverted by
 * Cholesky, and mapped back to θ by the delta method Cov_θ = J Cov_z Jᵀ with J = diag(dθ/dz)
 * (θ for log, θ(1 − θ) for logit, 1 for identity), off-diagonals included (Casella & Berger 2002,
 * *Statistical Inference*, section 5.5.4). Standard errors are the square roots of its diagonal.
 *
 * It does not throw on non-convergence: `diagnostics.converged` is false and the caller decides (the
 * models raise `fit/not-converged`). The covariance is null when the Hessian is not positive definite
 * (a flat ridge, a boundary optimum) or not finite.
 *
 * Numerical caveat: on a very flat surface (the Pareto/NBD ridge) parameters are determined loosely
 * even though the log-likelihood is tight; compare log-likelihoods, not parameters.
 *
 * @param problem - Parameter names in order, a transform per name, the log-likelihood (and optional
 *   gradient) of natural-scale params, and one or more natural-scale starts.
 * @param options - {@link MinimizeOptions} except `starts` (give starts in `problem.starts`).
 * @returns A frozen `{ params, logLikelihood, diagnostics, covariance, standardErrors }`.
 * @throws `input/invalid` on a malformed problem (a start outside its transform's domain, a missing
 *   transform, `options.starts`); `optimize/invalid-objective` when the log-likelihood is not finite
 *   at any start.
 *
 * @example
 * ```ts
 * import { maximizeLikelihood } from 'customer-asset';
 * // Exponential waiting times: the MLE of the rate is n / sum(t) = 0.5, its SE rate / sqrt(n).
 * const times = [1, 3, 2, 2];
 * const fit = maximizeLikelihood({
 *   parameterOrder: ['rate'],
 *   transforms: { rate: 'log' },
 *   logLikelihood: ({ rate }) => times.length * Math.log(rate) - rate * 8,
 *   starts: [{ rate: 1 }],
 * });
 * console.log(fit.params.rate.toFixed(6), fit.standardErrors?.rate.toFixed(4)); // '0.500000' '0.2500'
 * ```
 */
export function maximizeLikelihood<P extends Record<string, number>>(
  problem: MleProblem<P>,
  options: MinimizeOptions = {},
): MleResult<P> {
  const fn = 'maximizeLikelihood';
  parseInput(ProblemSchema, problem, fn, 'problem');
  const parsedOptions = parseInput(MinimizeOptionsSchema, options, fn, 'options');
  if (parsedOptions.starts !== undefined) {
    fail('input/invalid', fn, 'options.starts is not accepted; give starts in problem.starts', {
      expected: 'undefined',
      received: parsedOptions.starts,
      path: ['options', 'starts'],
    });
  }
  const order = [...problem.parameterOrder];
  const transforms = order.map((name) => problem.transforms[name] as ParamTransform);
  const toParams = (zs: readonly number[]): P => {
    const params: Record<string, number> = {};
    order.forEach((name, i) => {
      params[name] = fromUnconstrainedValue(zs[i]!, transforms[i]!);
    });
    return params as P;
  };
  const negativeLogLikelihood = (zs: readonly number[]): number =>
    -problem.logLikelihood(toParams(zs));
  const naturalGradient = problem.gradient;
  const gradient =
    naturalGradient === undefined
      ? undefined
      : (zs: readonly number[]): number[] => {
          const params = toParams(zs);
          const g = naturalGradient.call(problem, params);
          return order.map(
            (name, i) => -(g[i] ?? Number.NaN) * transformDerivative(params[name]!, transforms[i]!),
          );
        };
  const objective: Objective =
    gradient === undefined
      ? { value: negativeLogLikelihood }
      : { value: negativeLogLikelihood, gradient };

  const starts = problem.starts.map((start) =>
    order.map((name, i) => toUnconstrainedValue(start[name]!, transforms[i]!)),
  );
  const { result } = minimizeValidated(fn, objective, starts, resolveOptions(parsedOptions));
  const zHat = result.x;
  const params = toParams(zHat);

  const hessian = finiteDifferenceHessian(
    negativeLogLikelihood,
    zHat,
    gradient === undefined ? {} : { gradient },
  );
  const covZ = hessian === null ? null : inverseSpd(hessian);
  const jacobian = order.map((name, i) => transformDerivative(params[name]!, transforms[i]!));
  const covariance =
    covZ === null ? null : covZ.map((row, i) => row.map((c, j) => jacobian[i]! * c * jacobian[j]!));
  let standardErrors: Record<string, number> | null = null;
  if (covariance !== null) {
    standardErrors = {};
    for (const [i, name] of order.entries()) standardErrors[name] = Math.sqrt(covariance[i]![i]!);
  }
  return deepFreeze({
    params,
    logLikelihood: -result.value,
    diagnostics: result.diagnostics,
    covariance,
    standardErrors: standardErrors as { [K in keyof P]: number } | null,
  });
}

/**
 * {@link maximizeLikelihood} that returns `{ success: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeMaximizeLikelihood } from 'customer-asset';
 * const out = safeMaximizeLikelihood({
 *   parameterOrder: ['p'],
 *   transforms: { p: 'logit' },
 *   logLikelihood: ({ p }) => 3 * Math.log(p) + 7 * Math.log(1 - p),
 *   starts: [{ p: 1.5 }], // outside (0, 1)
 * });
 * console.log(out.success ? null : out.error.code); // 'input/invalid'
 * ```
 */
export function safeMaximizeLikelihood<P extends Record<string, number>>(
  problem: MleProblem<P>,
  options: MinimizeOptions = {},
): Safe<MleResult<P>> {
  return toSafe(() => maximizeLikelihood(problem, options));
}
