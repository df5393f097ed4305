import { z } from 'zod';
import type { ConvergenceDiagnostics, FittedModel } from '../../core/fitted-model.js';
import { deepFreeze } from '../../core/freeze.js';
import type { TimeUnit } from '../../core/time-unit.js';
import { TimeUnitSchema } from '../../core/time-unit.js';
import { parseInput } from '../../core/validate.js';
import type { MleResult } from '../../optimize/mle.js';

/**
 * Assembles the frozen, JSON-serialisable record a `fit` returns from a maximum-likelihood result:
 * params, log-likelihood (in the data's original units), AIC = 2k − 2LL, BIC = k ln n − 2LL with n
 * the number of customers, diagnostics, standard errors and the full covariance.
 */
export function buildFittedModel<
  Name extends string,
  Params extends Readonly<Record<string, number>>,
>(input: {
  readonly model: Name;
  readonly params: Params;
  readonly parameterOrder: readonly (keyof Params & string)[];
  readonly timeUnit: TimeUnit;
  readonly logLikelihood: number;
  readonly observations: number;
  readonly diagnostics: ConvergenceDiagnostics;
  readonly covariance: readonly (readonly number[])[] | null;
  readonly standardErrors: { readonly [K in keyof Params]: number } | null;
  readonly notes?: Readonly<Record<string, string | number | boolean>>;
}): FittedModel<Name, Params> {
  const k = input.parameterOrder.length;
  const params = Object.fromEntries(
    input.parameterOrder.map((name) => [name, input.params[name]]),
  ) as unknown as Params;
  const record: FittedModel<Name, Params> = {
    model: input.model,
    schemaVersion: 1,
    params,
    timeUnit: input.timeUnit,
    logLikelihood: input.logLikelihood,
    aic: 2 * k - 2 * input.logLikelihood,
    bic: k * Math.log(Math.max(1, input.observations)) - 2 * input.logLikelihood,
    observations: input.observations,
    diagnostics: { ...input.diagnostics },
    standardErrors: input.standardErrors === null ? null : { ...input.standardErrors },
    covariance: input.covariance === null ? null : input.covariance.map((row) => [...row]),
    parameterOrder: [...input.parameterOrder],
    ...(input.notes === undefined ? {} : { notes: { ...input.notes } }),
  };
  return deepFreeze(record);
}

/** Builds the record from an {@link MleResult} (natural-scale params already in the data's units). */
export function fittedModelFromMle<
  Name extends string,
  Params extends Readonly<Record<string, number>>,
>(
  model: Name,
  result: MleResult<Params>,
  context: {
    readonly parameterOrder: readonly (keyof Params & string)[];
    readonly timeUnit: TimeUnit;
    readonly observations: number;
    readonly notes?: Readonly<Record<string, string | number | boolean>>;
  },
): FittedModel<Name, Params> {
  return buildFittedModel({
    model,
    params: result.params,
    parameterOrder: context.parameterOrder,
    timeUnit: context.timeUnit,
    logLikelihood: result.logLikelihood,
    observations: context.observations,
    diagnostics: result.diagnostics,
    covariance: result.covariance,
    standardErrors: result.standardErrors as { readonly [K in keyof Params]: number } | null,
    ...(context.notes === undefined ? {} : { notes: context.notes }),
  });
}

const DiagnosticsSchema = z.object({
  converged: z.boolean(),
  reason: z.enum([
    'gradient-tolerance',
    'objective-relative-change',
    'step-tolerance',
    'simplex-tolerance',
    'max-iterations',
    'max-evaluations',
    'line-search-failed',
    'non-finite-objective',
  ]),
  method: z.enum(['bfgs', 'nelder-mead']),
  iterations: z.number().int().nonnegative(),
  functionEvaluations: z.number().int().nonnegative(),
  gradientEvaluations: z.number().int().nonnegative(),
  gradientNorm: z.number(),
  finalValue: z.number(),
  starts: z.number().int().nonnegative(),
});

/**
 * Restores a fitted record from its JSON form (as `JSON.parse(JSON.stringify(fitted))` gives it),
 * validating every field against the model's params schema; the result equals the original record.
 */
export function fittedModelFromJSON<
  Name extends string,
  Params extends Readonly<Record<string, number>>,
>(
  model: Name,
  paramsSchema: z.ZodType<Params>,
  parameterOrder: readonly (keyof Params & string)[],
  json: unknown,
  fn: string,
): FittedModel<Name, Params> {
  const names = parameterOrder as readonly string[];
  const schema = z.object({
    model: z.literal(model),
    schemaVersion: z.literal(1),
    params: paramsSchema,
    timeUnit: TimeUnitSchema,
    logLikelihood: z.number(),
    aic: z.number(),
    bic: z.number(),
    observations: z.number().nonnegative(),
    diagnostics: DiagnosticsSchema,
    standardErrors: z.record(z.string(), z.number()).nullable(),
    covariance: z.array(z.array(z.number()).length(names.length)).length(names.length).nullable(),
    parameterOrder: z.array(z.string()).refine((order) => order.join() === names.join(), {
      message: `Must be [${names.join(', ')}]`,
    }),
    notes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  });
  const parsed = parseInput(schema, json, fn, 'json');
  return buildFittedModel({
    model,
    params: parsed.params,
    parameterOrder,
    timeUnit: parsed.timeUnit,
    logLikelihood: parsed.logLikelihood,
    observations: parsed.observations,
    diagnostics: parsed.diagnostics,
    covariance: parsed.covariance,
    standardErrors: parsed.standardErrors as { readonly [K in keyof Params]: number } | null,
    ...(parsed.notes === undefined ? {} : { notes: parsed.notes }),
  });
}
