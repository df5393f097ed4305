import { z } from 'zod';
import { fail } from '../core/errors.js';
import type { ConvergenceDiagnostics } from '../core/fitted-model.js';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import { runBfgs } from './bfgs.js';
import { Evaluator } from './evaluator.js';
import { runNelderMead } from './nelder-mead.js';
import { infNorm, type RunResult, type RunSettings } from './run.js';
import type { MinimizeOptions, MinimizeResult, Objective } from './types.js';

const DEFAULT_BFGS_ITERATIONS = 1000;
const DEFAULT_NELDER_MEAD_ITERATIONS = 10_000;
const DEFAULT_MAX_EVALUATIONS = 100_000;
const DEFAULT_GRADIENT_TOLERANCE = 1e-6;
const DEFAULT_RELATIVE_TOLERANCE = 1e-12;
/** Two results closer than this (relative) count as a tie; a converged one then wins. */
const TIE_TOLERANCE = 1e-10;

const FiniteSchema = z.number().refine(Number.isFinite, { message: 'Must be a finite number' });
const PointSchema = z.array(FiniteSchema).min(1);
const FunctionSchema = z.custom<(...args: never[]) => unknown>(
  (v) => typeof v === 'function',
  'Must be a function',
);

/** Schema of {@link MinimizeOptions}; unknown keys are rejected so that a misspelt option is not ignored. */
export const MinimizeOptionsSchema = z.strictObject({
  method: z.enum(['bfgs', 'nelder-mead']).optional(),
  fallback: z.boolean().optional(),
  starts: z.array(PointSchema).optional(),
  maxIterations: z.number().int().nonnegative().optional(),
  maxEvaluations: z.number().int().positive().optional(),
  gradientTolerance: z.number().nonnegative().finite().optional(),
  relativeTolerance: z.number().nonnegative().finite().optional(),
});

const ObjectiveSchema = z.object({
  value: FunctionSchema,
  gradient: FunctionSchema.optional(),
});

/** Options after defaults. */
export interface ResolvedOptions {
  readonly method: 'bfgs' | 'nelder-mead';
  readonly fallback: boolean;
  readonly maxEvaluations: number;
  readonly bfgs: RunSettings;
  readonly nelderMead: RunSettings;
}

export function resolveOptions(options: z.output<typeof MinimizeOptionsSchema>): ResolvedOptions {
  const common = {
    gradientTolerance: options.gradientTolerance ?? DEFAULT_GRADIENT_TOLERANCE,
    relativeTolerance: options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE,
  };
  return {
    method: options.method ?? 'bfgs',
    fallback: options.fallback ?? true,
    maxEvaluations: options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS,
    bfgs: { ...common, maxIterations: options.maxIterations ?? DEFAULT_BFGS_ITERATIONS },
    nelderMead: {
      ...common,
      maxIterations: options.maxIterations ?? DEFAULT_NELDER_MEAD_ITERATIONS,
    },
  };
}

interface StartOutcome {
  readonly run: RunResult;
  readonly method: 'bfgs' | 'nelder-mead';
  readonly iterations: number;
}

/** BFGS, then (when it failed and the budget allows) Nelder–Mead from its point and a BFGS polish. */
function runFromStart(
  ev: Evaluator,
  x0: readonly number[],
  f0: number,
  settings: ResolvedOptions,
): StartOutcome {
  if (settings.method === 'nelder-mead') {
    const run = runNelderMead(ev, x0, f0, settings.nelderMead);
    return { run, method: 'nelder-mead', iterations: run.iterations };
  }
  const first = runBfgs(ev, x0, f0, settings.bfgs);
  if (first.converged || !settings.fallback || first.reason === 'max-evaluations') {
    return { run: first, method: 'bfgs', iterations: first.iterations };
  }
  const simplex = runNelderMead(ev, first.x, first.value, settings.nelderMead);
  let iterations = first.iterations + simplex.iterations;
  if (simplex.reason === 'max-evaluations')
    return { run: simplex, method: 'nelder-mead', iterations };
  // The polish starts where Nelder–Mead ended and only accepts decreases, so it is never worse.
  const polish = runBfgs(ev, simplex.x, simplex.value, settings.bfgs);
  iterations += polish.iterations;
  const converged = polish.converged || simplex.converged;
  const reason = polish.converged || !simplex.converged ? polish.reason : simplex.reason;
  return {
    run: { ...polish, converged, reason },
    method: 'nelder-mead',
    iterations,
  };
}

/**
 * Minimisation without input checks (the objective, points and options are already validated).
 * Shared by {@link minimize} and `maximizeLikelihood`; `fnName` names the caller in errors.
 */
export function minimizeValidated(
  fnName: string,
  objective: Objective,
  starts: readonly (readonly number[])[],
  settings: ResolvedOptions,
): { result: MinimizeResult; gradient: number[] | null } {
  const n = starts[0]!.length;
  let functionEvaluations = 0;
  let gradientEvaluations = 0;
  const outcomes: (StartOutcome & { ev: Evaluator })[] = [];
  for (const start of starts) {
    const ev = new Evaluator(objective, n, settings.maxEvaluations, fnName);
    const f0 = ev.value(start);
    if (Number.isFinite(f0)) outcomes.push({ ...runFromStart(ev, start, f0, settings), ev });
    functionEvaluations += ev.functionEvaluations;
    gradientEvaluations += ev.gradientEvaluations;
  }
  if (outcomes.length === 0) {
    fail(
      'optimize/invalid-objective',
      fnName,
      'the objective is NaN or infinite at every starting point',
      {
        expected: 'a finite objective at one start at least',
        received: 'NaN or Infinity',
        details: { starts: starts.length },
      },
    );
  }
  let best = outcomes[0]!;
  for (const o of outcomes) if (o.run.value < best.run.value) best = o;
  if (!best.run.converged) {
    // A converged run whose value ties with the best (within rounding) is preferred.
    const tie = best.run.value + TIE_TOLERANCE * Math.max(1, Math.abs(best.run.value));
    let alternative: (typeof outcomes)[number] | undefined;
    for (const o of outcomes) {
      if (
        o.run.converged &&
        o.run.value <= tie &&
        (alternative === undefined || o.run.value < alternative.run.value)
      ) {
        alternative = o;
      }
    }
    if (alternative !== undefined) best = alternative;
  }
  const iterations = outcomes.reduce((s, o) => s + o.iterations, 0);
  // The gradient norm of a Nelder–Mead point is measured once at the end, by the same rule.
  let gradient = best.run.gradient;
  if (gradient === null) {
    const before = best.ev.functionEvaluations;
    const beforeGradients = best.ev.gradientEvaluations;
    gradient = best.ev.gradient(best.run.x, best.run.value);
    functionEvaluations += best.ev.functionEvaluations - before;
    gradientEvaluations += best.ev.gradientEvaluations - beforeGradients;
  }
  const diagnostics: ConvergenceDiagnostics = {
    converged: best.run.converged,
    reason: best.run.reason,
    method: best.method,
    iterations,
    functionEvaluations,
    gradientEvaluations,
    gradientNorm: gradient === null ? Number.POSITIVE_INFINITY : infNorm(gradient),
    finalValue: best.run.value,
    starts: starts.length,
  };
  return {
    result: deepFreeze({ x: best.run.x.slice(), value: best.run.value, diagnostics }),
    gradient,
  };
}

/**
 * Minimises a smooth function of a few unconstrained variables by BFGS (Nocedal & Wright 2006,
 * *Numerical Optimization*, Algorithm 6.1) with a strong-Wolfe line search (their Algorithms 3.5–3.6),
 * falling back to Nelder–Mead (Lagarias et al. 1998) followed by a BFGS polish when BFGS fails
 * (line search failure, iteration limit, non-finite gradient). Several starts may be given: each is
 * run in full and the lowest objective wins (a converged run wins a tie). Deterministic: no randomness.
 *
 * Stopping rules (see docs/models/optimizer.md): the inf-norm of the gradient <=
 * `gradientTolerance` · max(1, |f|), or the relative change of f <= `relativeTolerance` on two
 * consecutive iterations (the rule that ends fits whose rounding noise keeps the gradient from
 * reaching its tolerance). Gradients are the analytic ones when given, else central differences with
 * step eps^(1/3) · max(1, |x_i|).
 *
 * It does not throw when the run fails to converge: `diagnostics.converged` is false and
 * `diagnostics.reason` says why. Counts in the diagnostics are totals over every start and run;
 * `reason`, `method`, `gradientNorm` and `finalValue` describe the winning run.
 *
 * Numerical caveats: NaN or ±Infinity from the objective is treated as +Infinity (never accepted), so
 * a step into a bad region is shortened; a gradient that is wrong sends BFGS into line-search
 * failures and the result then comes from the Nelder–Mead fallback (`method: 'nelder-mead'`).
 *
 * @param objective - `{ value(x), gradient?(x) }`.
 * @param x0 - The first starting point (finite).
 * @param options - See {@link MinimizeOptions}; unknown keys are rejected.
 * @returns A frozen `{ x, value, diagnostics }`.
 * @throws `input/invalid` on bad arguments (a start of the wrong length, an unknown option);
 *   `optimize/invalid-objective` when the objective is not finite at any starting point.
 *
 * @example
 * ```ts
 * import { minimize } from 'customer-asset';
 * const rosenbrock = {
 *   value: ([a, b]: readonly number[]) => (1 - a!) ** 2 + 100 * (b! - a! * a!) ** 2,
 * };
 * const { x, diagnostics } = minimize(rosenbrock, [-1.2, 1]);
 * console.log(x.map((v) => v.toFixed(4)), diagnostics.converged); // ['1.0000', '1.0000'] true
 * ```
 */
export function minimize(
  objective: Objective,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  parseInput(ObjectiveSchema, objective, 'minimize', 'objective');
  const start = parseInput(PointSchema, x0, 'minimize', 'x0');
  const parsed = parseInput(MinimizeOptionsSchema, options, 'minimize', 'options');
  const starts = [start, ...(parsed.starts ?? [])];
  starts.forEach((s, i) => {
    if (s.length !== start.length) {
      fail('input/invalid', 'minimize', `options.starts[${i - 1}] has the wrong dimension`, {
        expected: `array(${start.length}) like x0`,
        received: s,
        path: ['options', 'starts', i - 1],
      });
    }
  });
  return minimizeValidated('minimize', objective, starts, resolveOptions(parsed)).result;
}

/**
 * {@link minimize} that returns `{ success: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeMinimize } from 'customer-asset';
 * const out = safeMinimize({ value: () => Number.NaN }, [0]);
 * console.log(out.success, out.success ? null : out.error.code); // false 'optimize/invalid-objective'
 * ```
 */
export function safeMinimize(
  objective: Objective,
  x0: readonly number[],
  options: MinimizeOptions = {},
): Safe<MinimizeResult> {
  return toSafe(() => minimize(objective, x0, options));
}
