import type { ConvergenceDiagnostics } from '../core/fitted-model.js';

/**
 * How a natural-scale parameter maps to the unconstrained space the optimizer works in:
 * `log` for parameters > 0 (θ = e^z), `logit` for parameters in (0, 1) (θ = 1 / (1 + e^-z)),
 * `identity` for parameters on the whole real line.
 */
export type ParamTransform = 'log' | 'logit' | 'identity';

/** A function to minimise over R^n. */
export interface Objective {
  /** f(x) to minimise; may return NaN/Infinity at bad points (treated as +Infinity, never accepted). */
  value(x: readonly number[]): number;
  /** Optional analytic gradient; central finite differences (with a sensible relative step) otherwise. */
  gradient?(x: readonly number[]): number[];
}

/** Options of {@link minimize} (and of `maximizeLikelihood`). Every field has a default. */
export interface MinimizeOptions {
  /** The method of the first run from each start (default `bfgs`). */
  readonly method?: 'bfgs' | 'nelder-mead';
  /** Default true: Nelder–Mead (then a BFGS polish) when BFGS fails. */
  readonly fallback?: boolean;
  /** Extra starting points (multi-start, best wins). Not accepted by `maximizeLikelihood`. */
  readonly starts?: readonly (readonly number[])[];
  /** Iterations per run (default 1000 for BFGS, 10,000 for Nelder–Mead). */
  readonly maxIterations?: number;
  /** Objective evaluations per start, all runs from that start together (default 100,000). */
  readonly maxEvaluations?: number;
  /** Stop when the inf-norm of the gradient is <= this times max(1, |f|) (default 1e-6). */
  readonly gradientTolerance?: number;
  /**
   * Stop when |f_k − f_{k+1}| / max(1, |f_k|) is <= this on two consecutive iterations (default
   * 1e-12): the rounding noise of a large likelihood sum keeps the gradient from ever reaching a tight
   * tolerance, while the objective stops moving.
   */
  readonly relativeTolerance?: number;
}

/** The result of {@link minimize}: the best point over every start, and how the run ended. */
export interface MinimizeResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly diagnostics: ConvergenceDiagnostics;
}
