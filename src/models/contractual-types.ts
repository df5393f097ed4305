import type { z } from 'zod';
import type { FittedModel } from '../core/fitted-model.js';
import type { Safe } from '../core/safe.js';
import type { TimeUnit } from '../core/time-unit.js';
import type { SurvivalCounts } from '../data/survival-counts.js';
import type { MinimizeOptions } from '../optimize/types.js';

/**
 * What a contractual (subscription) model fits on: alive counts per acquisition cohort at ages 0, 1,
 * 2, ... periods. Either one cohort, `{ alive: [1000, 631, 468, ...] }` (Fader & Hardie 2007, Table 1),
 * or several cohorts of different ages, `{ cohorts: [{ cohort, alive }], period? }`: exactly what
 * `survivalTable` and `validateSurvivalCounts` return (extra fields are ignored). Each cohort is
 * right-censored at its last age: those still alive there contribute ln S(τ) to the likelihood.
 */
export type SurvivalData =
  | { readonly alive: readonly number[] }
  | {
      readonly cohorts: readonly { readonly cohort?: string; readonly alive: readonly number[] }[];
      /** The contract period of the ages (`survivalTable` sets it); becomes the fit's time unit. */
      readonly period?: TimeUnit;
    };

/** Options of a contractual model's `fit` and `logLikelihood`. */
export interface ContractualFitOptions<Params> {
  /** Starting points in the natural scale (the model supplies sensible defaults; all are run). */
  readonly starts?: readonly Params[];
  /** Optimizer settings (tolerances, iterations, fallback). */
  readonly optimizer?: Omit<MinimizeOptions, 'starts'>;
  /**
   * One non-negative weight per cohort (default 1 each): cohort c's counts enter the likelihood
   * multiplied by `weights[c]`, e.g. to down-weight old cohorts. `observations` in the fitted record
   * is the weighted number of customers.
   */
  readonly weights?: readonly number[];
  /**
   * The time unit of one period. Default: the data's `period` when it has one (survival tables do),
   * else `'period'`. Giving one that contradicts the data's `period` is an error.
   */
  readonly timeUnit?: TimeUnit;
}

/**
 * The expected lifetime E[T] = Σ_{t≥0} S(t) of a new customer, in periods (the first, paid, period
 * included). For heterogeneous churn it is often infinite (sBG with α ≤ 1: the regular-segment fits
 * of Fader & Hardie are such), which is reported as `{ finite: false }` rather than as a number.
 */
export type ExpectedLifetime =
  | { readonly finite: true; readonly value: number }
  | { readonly finite: false; readonly value: null; readonly reason: string };

/**
 * Where a subscriber stands for residual value: `periodsSurvived` = the renewals made so far (0 for a
 * subscriber still in the first, paid, period), and the discount rate per period.
 */
export interface DerlInput {
  /** Renewals made so far (a whole number >= 0): the customer is alive at age `periodsSurvived`. */
  readonly periodsSurvived: number;
  /** Discrete effective discount rate per period, >= 0 (0 only where the sum is finite). */
  readonly discountRate: number;
}

/** Residual values for many tenures at once (the vectorised form behind base valuation). */
export interface DerlByTenureInput {
  /** Renewals made so far, one entry per subscriber or per group (whole numbers >= 0). */
  readonly periodsSurvived: ArrayLike<number>;
  readonly discountRate: number;
}

/** One cohort of a customer base for {@link ContractualModel.projectSurvival}. */
export interface CohortPosition {
  /** Label (default: the cohort's index). */
  readonly cohort?: string | undefined;
  /** The cohort's current age in whole periods since acquisition (0 = still in the first period). */
  readonly age: number;
  /** Customers of the cohort alive now, at `age` (for a new cohort: its size). */
  readonly alive: number;
}

/** Input of {@link ContractualModel.projectSurvival}. */
export interface SurvivalProjectionInput {
  readonly cohorts: readonly CohortPosition[];
  /** Periods to project ahead (a whole number >= 0). */
  readonly horizon: number;
}

/** One cohort's projected survivors. */
export interface CohortProjection {
  readonly cohort: string;
  readonly age: number;
  readonly alive: number;
  /** expectedAlive[h] = alive · S(age + h) / S(age): expected survivors h periods from now, h = 0..horizon. */
  readonly expectedAlive: readonly number[];
}

/** Output of {@link ContractualModel.projectSurvival}: frozen, JSON-serialisable. */
export interface SurvivalProjection {
  readonly horizon: number;
  /** total[h]: expected survivors of the whole base h periods from now (h = 0..horizon). */
  readonly total: readonly number[];
  readonly cohorts: readonly CohortProjection[];
}

/** Options of a contractual model's `simulate`. */
export interface ContractualSimulationOptions {
  /** Cohorts to draw: `size` customers each, observed for `periods` periods (ages 0..periods). */
  readonly cohorts: readonly {
    readonly cohort?: string | undefined;
    readonly size: number;
    readonly periods: number;
  }[];
  readonly seed: number;
}

/**
 * The interface every contractual retention model's frozen descriptor satisfies (shifted-beta-
 * geometric, beta-discrete-Weibull, and the constant-rate geometric model they are compared with), so
 * valuation and report code take any of them. Prediction depends only on (params, inputs): params are
 * plain objects, so published or stored params work without refitting.
 *
 * Conventions (Fader & Hardie 2007, 2010; REFERENCE.md §5):
 * - time is counted in whole contract periods; T >= 1 is the period in which a customer cancels
 *   (they pay for periods 1..T); S(t) = P(T > t) = P(alive at age t), S(0) = 1;
 * - the customer pays at the start of each active period; `discountRate` is a discrete effective rate
 *   per period, d >= 0;
 * - `del` values a new customer at acquisition, the first payment included undiscounted;
 * - `derl` values a customer with `periodsSurvived` = k renewals made at the moment of the next
 *   renewal decision (age k + 1, Fader & Hardie's DERL with n = k + 1): the payment that renewal
 *   triggers falls at that moment and is counted in full, later ones are discounted by (1 + d) per
 *   period.
 */
export interface ContractualModel<
  Name extends string,
  Params extends Readonly<Record<string, number>>,
> {
  readonly name: Name;
  readonly parameterNames: readonly (keyof Params & string)[];
  readonly paramsSchema: z.ZodType<Params>;
  /** Total log-likelihood of survival data (weighted), with the right-censoring term. */
  logLikelihood(
    params: Params,
    data: SurvivalData,
    options?: Pick<ContractualFitOptions<Params>, 'weights'>,
  ): number;
  fit(data: SurvivalData, options?: ContractualFitOptions<Params>): FittedModel<Name, Params>;
  safeFit(
    data: SurvivalData,
    options?: ContractualFitOptions<Params>,
  ): Safe<FittedModel<Name, Params>>;
  /** Restores (and validates) a fitted record from its JSON form. */
  fromJSON(json: unknown): FittedModel<Name, Params>;
  /** S(t) = P(T > t): the share of a new cohort still alive at age t (whole periods >= 0). */
  survival(params: Params, t: number): number;
  /** r_t = S(t) / S(t − 1): the share of those alive at age t − 1 who renew at age t (t >= 1). */
  retentionRate(params: Params, t: number): number;
  /** P(T = t) = S(t − 1) − S(t): a new customer's probability of cancelling at the t-th renewal (t >= 1). */
  churnProbability(params: Params, t: number): number;
  /** E[T] = Σ_{t≥0} S(t), reported as `{ finite: false }` when infinite. */
  expectedLifetime(params: Params): ExpectedLifetime;
  /** Expected survivors of each cohort of a base, and of the whole base, over the next periods. */
  projectSurvival(params: Params, input: SurvivalProjectionInput): SurvivalProjection;
  /** Discounted expected lifetime of a new customer: Σ_{t≥0} S(t) / (1 + d)^t (first payment included). */
  del(params: Params, discountRate: number): number;
  /** Discounted expected residual lifetime, Fader & Hardie (2010) DERL with n = periodsSurvived + 1. */
  derl(params: Params, input: DerlInput): number;
  /** {@link ContractualModel.derl} for many tenures at once, aligned with the input. */
  derlByTenure(params: Params, input: DerlByTenureInput): Float64Array;
  /** Alive counts drawn from the model's story (seeded), in the format `fit` reads. */
  simulate(params: Params, options: ContractualSimulationOptions): SurvivalCounts;
}
