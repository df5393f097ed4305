import { parseInput } from '../../core/validate.js';
import type {
  DerlByTenureInput,
  DerlInput,
  ExpectedLifetime,
  SurvivalProjection,
  SurvivalProjectionInput,
} from '../contractual-types.js';
import {
  ContractDiscountRateSchema,
  parseDerlByTenureInput,
  parseDerlInput,
  RenewalSchema,
} from '../shared/contractual-inputs.js';
import {
  type ContractualKernelSpec,
  finiteLifetime,
  kernelAt,
  kernelProjectSurvival,
} from '../shared/contractual-predict.js';
import { geometricKernel } from './kernel.js';
import { type GeometricParams, parseGeometricParams } from './params.js';

const GEOMETRIC_KERNEL: ContractualKernelSpec<GeometricParams> = {
  parse: parseGeometricParams,
  kernel: geometricKernel,
};

/**
 * Survival under a constant churn probability: S(t) = (1 − θ)^t.
 *
 * @param params - `{ theta }`.
 * @param t - age in whole periods, >= 0.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * console.log(geometric.survival({ theta: 0.2 }, 2).toFixed(2)); // '0.64'
 * ```
 */
export function geometricSurvival(params: GeometricParams, t: number): number {
  return kernelAt(GEOMETRIC_KERNEL, 'survival', params, t, 'geometric.survival');
}

/**
 * The retention rate, the same at every renewal: r_t = 1 − θ.
 *
 * @param params - `{ theta }`.
 * @param t - renewal index, a whole number >= 1 (checked, then irrelevant).
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * console.log(geometric.retentionRate({ theta: 0.2 }, 5)); // 0.8
 * ```
 */
export function geometricRetentionRate(params: GeometricParams, t: number): number {
  const fn = 'geometric.retentionRate';
  const { theta } = parseGeometricParams(params, fn);
  parseInput(RenewalSchema, t, fn, 't');
  return 1 - theta;
}

/**
 * P(T = t) = θ(1 − θ)^(t − 1): the probability that a new customer cancels at the t-th renewal.
 *
 * @param params - `{ theta }`.
 * @param t - a whole number >= 1.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * console.log(geometric.churnProbability({ theta: 0.2 }, 2).toFixed(2)); // '0.16'
 * ```
 */
export function geometricChurnProbability(params: GeometricParams, t: number): number {
  const fn = 'geometric.churnProbability';
  const { theta } = parseGeometricParams(params, fn);
  const n = parseInput(RenewalSchema, t, fn, 't');
  return theta * Math.exp((n - 1) * Math.log1p(-theta));
}

/**
 * E[T] = 1/θ periods (always finite).
 *
 * @param params - `{ theta }`.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * console.log(geometric.expectedLifetime({ theta: 0.25 })); // { finite: true, value: 4 }
 * ```
 */
export function geometricExpectedLifetime(params: GeometricParams): ExpectedLifetime {
  const { theta } = parseGeometricParams(params, 'geometric.expectedLifetime');
  return finiteLifetime(1 / theta);
}

/**
 * Projects a base under constant retention: alive · (1 − θ)^h for every cohort, whatever its age.
 *
 * @param params - `{ theta }`.
 * @param input - `{ cohorts: [{ cohort?, age, alive }], horizon }`.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * const projection = geometric.projectSurvival({ theta: 0.2 }, {
 *   cohorts: [{ age: 3, alive: 100 }],
 *   horizon: 2,
 * });
 * console.log(projection.total.map(Math.round)); // [100, 80, 64]
 * ```
 */
export function geometricProjectSurvival(
  params: GeometricParams,
  input: SurvivalProjectionInput,
): SurvivalProjection {
  return kernelProjectSurvival(GEOMETRIC_KERNEL, params, input, 'geometric.projectSurvival');
}

/**
 * DEL under constant retention r = 1 − θ: Σ_{t≥0} r^t/(1 + d)^t = (1 + d)/(d + θ), first payment
 * included undiscounted (Fader & Hardie 2012, note 024, the "annuity-due" CLV multiple); 1/θ at d = 0.
 *
 * @param params - `{ theta }`.
 * @param discountRate - d >= 0 per period.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * console.log(geometric.del({ theta: 0.2 }, 0.1).toFixed(4)); // '3.6667'
 * ```
 */
export function geometricDel(params: GeometricParams, discountRate: number): number {
  const fn = 'geometric.del';
  const { theta } = parseGeometricParams(params, fn);
  const d = parseInput(ContractDiscountRateSchema, discountRate, fn, 'discountRate');
  return (1 + d) / (d + theta);
}

/**
 * DERL under constant retention r = 1 − θ: r(1 + d)/(1 + d − r) = (1 − θ)(1 + d)/(d + θ), the same at
 * every tenure (Fader & Hardie 2010): the value a single average retention rate gives every
 * subscriber. Timing as in `shiftedBetaGeometric.derl` (valued at the next renewal decision, that
 * renewal's payment undiscounted).
 *
 * @param params - `{ theta }`.
 * @param input - `{ periodsSurvived, discountRate }`.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * // Handbook example: aggregate retention 0.833, d = 10%, $100 a year.
 * const derl = geometric.derl({ theta: 0.167 }, { periodsSurvived: 4, discountRate: 0.1 });
 * console.log((100 * derl).toFixed(2)); // '343.18'
 * ```
 */
export function geometricDerl(params: GeometricParams, input: DerlInput): number {
  const fn = 'geometric.derl';
  const { theta } = parseGeometricParams(params, fn);
  const { discountRate: d } = parseDerlInput(input, fn);
  return ((1 - theta) * (1 + d)) / (d + theta);
}

/**
 * {@link geometricDerl} for many tenures (all equal).
 *
 * @param params - `{ theta }`.
 * @param input - `{ periodsSurvived, discountRate }`.
 * @throws CustomerAssetError `input/invalid` (naming the index).
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * const values = geometric.derlByTenure({ theta: 0.2 }, { periodsSurvived: [0, 5], discountRate: 0.1 });
 * console.log(Array.from(values, (v) => v.toFixed(4))); // ['2.9333', '2.9333']
 * ```
 */
export function geometricDerlByTenure(
  params: GeometricParams,
  input: DerlByTenureInput,
): Float64Array {
  const fn = 'geometric.derlByTenure';
  const { theta } = parseGeometricParams(params, fn);
  const { periodsSurvived, discountRate: d } = parseDerlByTenureInput(input, fn);
  return new Float64Array(periodsSurvived.length).fill(((1 - theta) * (1 + d)) / (d + theta));
}
