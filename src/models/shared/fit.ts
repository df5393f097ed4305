import { fail } from '../../core/errors.js';
import type { FittedModel } from '../../core/fitted-model.js';
import type { TimeUnit } from '../../core/time-unit.js';
import { type MleProblem, maximizeLikelihood } from '../../optimize/mle.js';
import type { MinimizeOptions } from '../../optimize/types.js';
import { fittedModelFromMle } from './fitted-record.js';

/**
 * Runs maximum likelihood for a model and returns its fitted record, or throws `fit/not-converged`
 * carrying the optimizer's diagnostics (never a silently returned NaN). `toOriginalUnits` maps the
 * params and log-likelihood found on rescaled data back to the data's own time unit (fits rescale
 * time for conditioning).
 */
export function runModelFit<Name extends string, Params extends Record<string, number>>(input: {
  readonly fn: string;
  readonly model: Name;
  readonly problem: MleProblem<Params>;
  readonly timeUnit: TimeUnit;
  readonly observations: number;
  readonly optimizer?: Omit<MinimizeOptions, 'starts'> | undefined;
  readonly toOriginalUnits?: (
    params: Params,
    logLikelihood: number,
  ) => { params: Params; logLikelihood: number };
  readonly notes?: Readonly<Record<string, string | number | boolean>>;
}): FittedModel<Name, Params> {
  const result = maximizeLikelihood(input.problem, input.optimizer);
  if (!result.diagnostics.converged || !Number.isFinite(result.logLikelihood)) {
    fail(
      'fit/not-converged',
      input.fn,
      `the ${input.model} fit did not converge (${result.diagnostics.reason})`,
      {
        expected: 'a converged maximum-likelihood fit',
        received: `log-likelihood ${result.logLikelihood} after ${result.diagnostics.iterations} iterations`,
        details: { diagnostics: result.diagnostics, params: result.params },
      },
    );
  }
  let params = result.params;
  let logLikelihood = result.logLikelihood;
  let covariance = result.covariance;
  let standardErrors = result.standardErrors;
  if (input.toOriginalUnits) {
    const mapped = input.toOriginalUnits(result.params, result.logLikelihood);
    // Time rescaling multiplies scale parameters by a constant: covariance entries scale by the
    // product of the two parameters' factors (exact, since the map is linear per parameter).
    const factors = input.problem.parameterOrder.map((name) =>
      result.params[name] === 0 ? 1 : mapped.params[name]! / result.params[name]!,
    );
    covariance =
      covariance === null
        ? null
        : covariance.map((row, i) => row.map((v, j) => v * factors[i]! * factors[j]!));
    standardErrors =
      standardErrors === null
        ? null
        : (Object.fromEntries(
            input.problem.parameterOrder.map((name, i) => [
              name,
              standardErrors![name]! * Math.abs(factors[i]!),
            ]),
          ) as { [K in keyof Params]: number });
    params = mapped.params;
    logLikelihood = mapped.logLikelihood;
  }
  return fittedModelFromMle(
    input.model,
    { params, logLikelihood, diagnostics: result.diagnostics, covariance, standardErrors },
    {
      parameterOrder: input.problem.parameterOrder,
      timeUnit: input.timeUnit,
      observations: input.observations,
      ...(input.notes === undefined ? {} : { notes: input.notes }),
    },
  );
}
