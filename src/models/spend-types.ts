import type { z } from 'zod';
import type { FittedModel } from '../core/fitted-model.js';
import type { Safe } from '../core/safe.js';
import type { RfmSummary } from '../data/summary-types.js';
import type { FitOptions } from './types.js';

/**
 * What a spend model knows of one customer: x = `frequency`, the number of repeat transactions, and
 * `monetaryValue` m_x, their mean value (any value, conventionally 0, when x = 0: the model then
 * predicts the population mean).
 */
export interface SpendHistory {
  readonly frequency: number;
  readonly monetaryValue: number;
}

/**
 * Which density a spend model's log-likelihood is of (they differ by the constant Σ ln x over the
 * repeat customers and give the same estimates):
 * - `'mean'`: the density of the mean spend m_x (Fader & Hardie note 025, lifetimes; −4055.92 for
 *   the Gamma-Gamma fit on CDNOW);
 * - `'total'`: the density of the total spend x·m_x (−4659.29 on CDNOW, the JMR 2005 figure).
 */
export type SpendLikelihoodConvention = 'mean' | 'total';

/** Options of a spend model's `logLikelihood`. */
export interface SpendLikelihoodOptions {
  /** Density convention (default `'mean'`). */
  readonly likelihoodConvention?: SpendLikelihoodConvention;
}

/** Options of a spend model's `fit`. */
export interface SpendFitOptions<Params> extends FitOptions<Params>, SpendLikelihoodOptions {}

/** Per-customer expected spend over a whole summary, in the summary's row order. */
export interface SpendScores {
  readonly size: number;
  /** E(M | x, m_x) per row: the population mean for rows with x = 0. */
  readonly expectedSpend: Float64Array;
}

/**
 * The interface every spend (monetary value) model satisfies: a frozen descriptor of plain
 * functions, as {@link TransactionModel} is for the purchase-count models. Spend models fit the mean
 * value per repeat transaction of the customers with at least one repeat transaction and are
 * assumed independent of the transaction model; CLV multiplies the two (FHL 2005, JMR eq. 1).
 */
export interface SpendModel<
  Name extends string,
  Params extends Readonly<Record<string, number>>,
  FitOpts extends SpendFitOptions<Params> = SpendFitOptions<Params>,
> {
  readonly name: Name;
  readonly parameterNames: readonly (keyof Params & string)[];
  readonly paramsSchema: z.ZodType<Params>;
  /** Total log-likelihood of the repeat customers' mean spends (customers with x = 0 excluded). */
  logLikelihood(params: Params, data: RfmSummary, options?: SpendLikelihoodOptions): number;
  fit(data: RfmSummary, options?: FitOpts): FittedModel<Name, Params>;
  safeFit(data: RfmSummary, options?: FitOpts): Safe<FittedModel<Name, Params>>;
  /** Restores (and validates) a fitted record from its JSON form. */
  fromJSON(json: unknown): FittedModel<Name, Params>;
  /** Expected value of a future transaction of this customer, E(M | x, m_x). */
  expectedSpend(params: Params, customer: SpendHistory): number;
  /** Expected value of a transaction of a customer drawn at random from the population. */
  populationMeanSpend(params: Params): number;
  /** E(M | x, m_x) for every row of a summary. */
  score(params: Params, data: RfmSummary): SpendScores;
  /**
   * Draws a monetary value for each customer of a summary with x >= 1 from the model's story
   * (seeded), keeping frequency, recency and T.
   */
  simulate(
    params: Params,
    options: { readonly summary: RfmSummary; readonly seed: number },
  ): RfmSummary;
}
