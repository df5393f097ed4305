import type { z } from 'zod';
import type { FittedModel } from '../core/fitted-model.js';
import type { Safe } from '../core/safe.js';
import type { RfmPatternSummary, RfmSummary } from '../data/summary-types.js';
import type { MinimizeOptions } from '../optimize/types.js';

/**
 * One customer's history in the models' notation: `frequency` = x (repeat purchases), `recency` =
 * t_x (time of the last repeat purchase from the first), `T` (time from the first purchase to the
 * end of calibration), all in the time unit the params were fitted in. For BG/BB, x is the number of
 * opportunities with a purchase, t_x the index of the last one and T = n, the number of opportunities.
 */
export interface CustomerHistory {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
}

/** What a transaction model fits on: a customer summary or its compressed patterns. */
export type TransactionSummaryInput = RfmSummary | RfmPatternSummary;

/** Options of a model's `fit`. */
export interface FitOptions<Params> {
  /** Starting points in the natural scale (the model supplies sensible defaults). */
  readonly starts?: readonly Params[];
  /** Optimizer settings (tolerances, iterations, fallback). */
  readonly optimizer?: Omit<MinimizeOptions, 'starts'>;
}

/** Per-customer scores over a whole summary, as typed arrays in the summary's row order. */
export interface CustomerScores {
  readonly size: number;
  readonly probabilityAlive: Float64Array;
  /** Expected purchases in the next `horizon` time units. */
  readonly expectedPurchases: Float64Array;
  /** Discounted expected residual transactions, when a discount rate was given. */
  readonly dert: Float64Array | null;
  readonly horizon: number;
  readonly discountRate: number | null;
}

/**
 * The interface every non-contractual transaction model (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB)
 * satisfies, so valuation and report code take any model. Prediction depends only on
 * (params, customer, horizon): params are plain objects, so published or stored params work
 * without refitting.
 *
 * Discounting convention: `discountRate` is a discrete, effective rate per time unit of the params
 * (d; e.g. ln(1.15)/52 is NOT it: 1.15^(1/52) − 1 is). Continuous-time models use δ = ln(1 + d),
 * which is the same time value of money.
 */
export interface TransactionModel<
  Name extends string,
  Params extends Readonly<Record<string, number>>,
> {
  readonly name: Name;
  readonly parameterNames: readonly (keyof Params & string)[];
  readonly paramsSchema: z.ZodType<Params>;
  /** Total log-likelihood of a summary (weighted by pattern counts), in the summary's time unit. */
  logLikelihood(params: Params, summary: TransactionSummaryInput): number;
  fit(summary: TransactionSummaryInput, options?: FitOptions<Params>): FittedModel<Name, Params>;
  safeFit(
    summary: TransactionSummaryInput,
    options?: FitOptions<Params>,
  ): Safe<FittedModel<Name, Params>>;
  /** Restores (and validates) a fitted record from its JSON form. */
  fromJSON(json: unknown): FittedModel<Name, Params>;
  /** Expected purchases in (T, T + t] given the customer's history. */
  expectedPurchases(params: Params, customer: CustomerHistory, t: number): number;
  /** Expected purchases in (0, t] of a customer just acquired (first purchase at 0, not counted). */
  expectedPurchasesNewCustomer(params: Params, t: number): number;
  /** P(alive at T + futureTime | history); futureTime defaults to 0. */
  probabilityAlive(params: Params, customer: CustomerHistory, futureTime?: number): number;
  /** P(X(t) = n) for a customer just acquired. */
  probabilityOfPurchases(params: Params, n: number, t: number): number;
  /** Discounted expected residual transactions at discount rate d per time unit (see above). */
  dert(params: Params, customer: CustomerHistory, discountRate: number): number;
  /** P(alive), expected purchases over `horizon` and (optionally) DERT for every row of a summary. */
  score(
    params: Params,
    summary: TransactionSummaryInput,
    options: { readonly horizon: number; readonly discountRate?: number },
  ): CustomerScores;
  /** Draws a summary from the model's generative story (seeded; every customer observed for T). */
  simulate(
    params: Params,
    options: { readonly customers: number; readonly T: number; readonly seed: number },
  ): RfmSummary;
}
