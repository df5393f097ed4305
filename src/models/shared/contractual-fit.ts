/**
 * The fitting scaffolding shared by the contractual models (sBG, BdW, geometric): reduce the cohort
 * counts to survival statistics, check that the data identify the parameters, parse the caller's
 * starts or fall back to the model's own, and run maximum likelihood into a fitted record. Each model
 * supplies only what differs: its parameters, transforms, likelihood and default starts.
 *
 * @internal
 */
import type { z } from 'zod';
import type { FittedModel } from '../../core/fitted-model.js';
import { parseInput } from '../../core/validate.js';
import type { ParamTransform } from '../../optimize/types.js';
import type { ContractualFitOptions, SurvivalData } from '../contractual-types.js';
import { runModelFit } from './fit.js';
import { fittedModelFromJSON } from './fitted-record.js';
import { checkIdentifiable, type SurvivalStatistics, survivalStatistics } from './survival-data.js';

/** What a contractual model contributes to its fit. */
export interface ContractualFitSpec<Name extends string, Params extends Record<string, number>> {
  /** The model's name in fitted records. */
  readonly model: Name;
  /** The params schema (checks `options.starts` and `fromJSON` records). */
  readonly schema: z.ZodType<Params>;
  readonly parameterOrder: readonly (keyof Params & string)[];
  readonly transforms: { readonly [K in keyof Params]: ParamTransform };
  /** Fewest observed periods that identify the parameters (`fit/insufficient-data` below). */
  readonly minimumPeriods: number;
  /** The likelihood convention written into the record's notes. */
  readonly likelihoodNote: string;
  /** The likelihood, its gradient and the default starts on these statistics. */
  problem(stats: SurvivalStatistics): {
    logLikelihood(params: Params): number;
    gradient(params: Params): number[];
    defaultStarts(): readonly Params[];
  };
}

/** Fits a contractual model by maximum likelihood to cohort survival data (see each model's `fit`). */
export function fitContractual<Name extends string, Params extends Record<string, number>>(
  spec: ContractualFitSpec<Name, Params>,
  data: SurvivalData,
  options: ContractualFitOptions<Params>,
  fn: string,
): FittedModel<Name, Params> {
  const stats = survivalStatistics(data, options, fn);
  checkIdentifiable(stats, spec.minimumPeriods, fn);
  const problem = spec.problem(stats);
  const given =
    options.starts === undefined
      ? undefined
      : options.starts.map((s, i) => parseInput(spec.schema, s, fn, `options.starts[${i}]`));
  return runModelFit({
    fn,
    model: spec.model,
    problem: {
      parameterOrder: spec.parameterOrder,
      transforms: spec.transforms,
      logLikelihood: problem.logLikelihood,
      gradient: problem.gradient,
      starts: given ?? problem.defaultStarts(),
    },
    timeUnit: stats.timeUnit,
    observations: stats.customers,
    optimizer: options.optimizer,
    notes: {
      likelihood: spec.likelihoodNote,
      periods: stats.horizon,
      cohorts: stats.cohorts,
    },
  });
}

/** Restores a contractual model's fitted record from its JSON form. */
export function contractualFromJSON<Name extends string, Params extends Record<string, number>>(
  spec: ContractualFitSpec<Name, Params>,
  json: unknown,
  fn: string,
): FittedModel<Name, Params> {
  return fittedModelFromJSON(spec.model, spec.schema, spec.parameterOrder, json, fn);
}

/** The likelihood note of the sBG and BdW records (cancellations and right-censored survivors). */
export const CENSORED_SURVIVAL_LIKELIHOOD =
  'sum of cancellations x ln P(T=t) plus survivors at each cohort last age x ln S(age)';
