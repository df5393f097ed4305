/**
 * The prediction scaffolding shared by the contractual models: each public function parses the
 * params with the model's own parser (so errors name the model's function), then evaluates its
 * survival kernel. Models keep their TSDoc and any closed form that differs.
 *
 * @internal
 */
import { parseInput } from '../../core/validate.js';
import { log1mExpUnchecked } from '../../math/log-exp.js';
import type {
  ExpectedLifetime,
  SurvivalProjection,
  SurvivalProjectionInput,
} from '../contractual-types.js';
import { PeriodsSchema, parseProjectionInput, RenewalSchema } from './contractual-inputs.js';
import { projectCohorts, type SurvivalKernel } from './contractual-series.js';

/** A contractual model's params parser and kernel. */
export interface ContractualKernelSpec<Params> {
  parse(params: unknown, fn: string): Params;
  kernel(params: Params): SurvivalKernel;
}

/**
 * A quantity of the model at age or renewal t, validated: `survival` S(t) for an age t >= 0,
 * `retentionRate` r_t for a renewal t >= 1, `churnProbability` P(T = t) = S(t − 1)(1 − r_t) for
 * t >= 1 (in log space, without the subtraction).
 */
export function kernelAt<Params>(
  spec: ContractualKernelSpec<Params>,
  quantity: 'survival' | 'retentionRate' | 'churnProbability',
  params: Params,
  t: number,
  fn: string,
): number {
  const p = spec.parse(params, fn);
  if (quantity === 'survival')
    return Math.exp(spec.kernel(p).logSurvival(parseInput(PeriodsSchema, t, fn, 't')));
  const n = parseInput(RenewalSchema, t, fn, 't');
  const kernel = spec.kernel(p);
  if (quantity === 'retentionRate') return Math.exp(kernel.logRetention(n));
  return Math.exp(kernel.logSurvival(n - 1) + log1mExpUnchecked(kernel.logRetention(n)));
}

/** Each cohort's expected survivors alive · S(age + h)/S(age), h = 0..horizon, and the total. */
export function kernelProjectSurvival<Params>(
  spec: ContractualKernelSpec<Params>,
  params: Params,
  input: SurvivalProjectionInput,
  fn: string,
): SurvivalProjection {
  const p = spec.parse(params, fn);
  return projectCohorts(spec.kernel(p), parseProjectionInput(input, fn));
}

/** A frozen finite expected lifetime. */
export function finiteLifetime(value: number): ExpectedLifetime {
  return Object.freeze({ finite: true as const, value });
}

/** A frozen infinite expected lifetime with the reason E[T] diverges. */
export function divergentLifetime(condition: string): ExpectedLifetime {
  return Object.freeze({
    finite: false as const,
    value: null,
    reason: `E[T] = Σ S(t) diverges when ${condition}; discount (del) for a finite value`,
  });
}
