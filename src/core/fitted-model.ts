import type { TimeUnit } from './time-unit.js';

/** Why an optimizer run stopped. */
export type StopReason =
  | 'gradient-tolerance'
  | 'objective-relative-change'
  | 'step-tolerance'
  | 'simplex-tolerance'
  | 'max-iterations'
  | 'max-evaluations'
  | 'line-search-failed'
  | 'non-finite-objective';

/** Convergence diagnostics carried by every optimizer result and every fitted model. */
export interface ConvergenceDiagnostics {
  readonly converged: boolean;
  readonly reason: StopReason;
  /** Which method produced the final point (`bfgs` or `nelder-mead` when BFGS failed). */
  readonly method: 'bfgs' | 'nelder-mead';
  readonly iterations: number;
  readonly functionEvaluations: number;
  readonly gradientEvaluations: number;
  /** Infinity norm of the gradient at the final point, in the optimizer's (transformed) space. */
  readonly gradientNorm: number;
  /** Objective value at the final point (the negative log-likelihood for fits). */
  readonly finalValue: number;
  /** Number of starting points tried. */
  readonly starts: number;
}

/**
 * A fitted model as plain data: the record every `fit` returns. Immutable, JSON-serialisable, keeps no
 * training data; `fromJSON(JSON.parse(JSON.stringify(fitted)))` gives back an equal record.
 */
export interface FittedModel<Name extends string, Params extends Readonly<Record<string, number>>> {
  readonly model: Name;
  readonly schemaVersion: 1;
  readonly params: Params;
  /** The time unit of the data the model was fitted on; rates are per this unit. */
  readonly timeUnit: TimeUnit;
  /** Log-likelihood in the data's original units (no constants dropped unless `likelihoodConvention` says). */
  readonly logLikelihood: number;
  readonly aic: number;
  readonly bic: number;
  /** Number of customers (or observations) the likelihood sums over, after pattern weights. */
  readonly observations: number;
  readonly diagnostics: ConvergenceDiagnostics;
  /** Asymptotic standard errors by parameter name, from the numeric Hessian (delta method). */
  readonly standardErrors: { readonly [K in keyof Params]: number } | null;
  /** Covariance of the parameters in the natural scale, rows/columns in `parameterOrder`. */
  readonly covariance: readonly (readonly number[])[] | null;
  readonly parameterOrder: readonly (keyof Params & string)[];
  /** Anything model-specific (for example the likelihood convention of Gamma-Gamma). */
  readonly notes?: Readonly<Record<string, string | number | boolean>>;
}
