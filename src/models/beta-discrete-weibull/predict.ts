import type {
  ExpectedLifetime,
  SurvivalProjection,
  SurvivalProjectionInput,
} from '../contractual-types.js';
import {
  type ContractualKernelSpec,
  divergentLifetime,
  finiteLifetime,
  kernelAt,
  kernelProjectSurvival,
} from '../shared/contractual-predict.js';
import { bdwKernel } from './kernel.js';
import { type BdwParams, parseBdwParams } from './params.js';
import { undiscountedResidual } from './undiscounted.js';

const BDW_KERNEL: ContractualKernelSpec<BdwParams> = { parse: parseBdwParams, kernel: bdwKernel };

/**
 * The BdW survival function S(t) = B(α, β + t^c)/B(α, β) (Fader, Hardie, Liu, Davin & Steenburgh
 * 2018): the expected share of a new cohort alive at age t. With c = 1 it is the sBG's.
 *
 * @param params - `{ alpha, beta, c }`.
 * @param t - age in whole periods, >= 0.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * console.log(betaDiscreteWeibull.survival({ alpha: 0.9, beta: 2.5, c: 1.4 }, 2).toFixed(6)); // '0.518402'
 * ```
 */
export function bdwSurvival(params: BdwParams, t: number): number {
  return kernelAt(BDW_KERNEL, 'survival', params, t, 'betaDiscreteWeibull.survival');
}

/**
 * The BdW retention rate at the t-th renewal, r_t = B(α, β + t^c)/B(α, β + (t − 1)^c) (Fader et al.
 * 2018). With c <= 1 it rises with tenure; with c > 1 the individual hazard rises and the
 * aggregate retention curve can rise, fall or do both (the sorting effect against duration
 * dependence).
 *
 * @param params - `{ alpha, beta, c }`.
 * @param t - renewal index, a whole number >= 1.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * console.log(betaDiscreteWeibull.retentionRate({ alpha: 0.9, beta: 2.5, c: 1.4 }, 2).toFixed(4)); // '0.7050'
 * ```
 */
export function bdwRetentionRate(params: BdwParams, t: number): number {
  return kernelAt(BDW_KERNEL, 'retentionRate', params, t, 'betaDiscreteWeibull.retentionRate');
}

/**
 * The probability that a new customer's lifetime is exactly t periods (cancels at the t-th renewal):
 * P(T = t) = S(t − 1) − S(t) = S(t − 1)(1 − r_t) (Fader et al. 2018), computed in log space
 * without the subtraction.
 *
 * @param params - `{ alpha, beta, c }`.
 * @param t - a whole number >= 1.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * console.log(betaDiscreteWeibull.churnProbability({ alpha: 0.9, beta: 2.5, c: 1.4 }, 1).toFixed(4)); // '0.2647'
 * ```
 */
export function bdwChurnProbability(params: BdwParams, t: number): number {
  return kernelAt(
    BDW_KERNEL,
    'churnProbability',
    params,
    t,
    'betaDiscreteWeibull.churnProbability',
  );
}

/**
 * The expected lifetime of a new customer in periods, E[T] = Σ_{t≥0} S(t), summed numerically (no
 * closed form): S(t) falls like t^(−cα), so E[T] is finite only when cα > 1 and is otherwise
 * reported as `{ finite: false, value: null, reason }`. When finite, 1,000 terms are summed directly
 * and the tail by Euler–Maclaurin with a substituted Gauss–Legendre integral (see
 * docs/models/beta-discrete-weibull.md), accurate to about 1e-12 even when cα is close to 1.
 *
 * @param params - `{ alpha, beta, c }`.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * const life = betaDiscreteWeibull.expectedLifetime({ alpha: 0.9, beta: 2.5, c: 1.4 });
 * console.log(life.finite && life.value.toFixed(6)); // '8.553299'
 * ```
 */
export function bdwExpectedLifetime(params: BdwParams): ExpectedLifetime {
  const p = parseBdwParams(params, 'betaDiscreteWeibull.expectedLifetime');
  if (p.c * p.alpha <= 1) return divergentLifetime(`c * alpha <= 1 (c * alpha = ${p.c * p.alpha})`);
  return finiteLifetime(1 + undiscountedResidual(p, bdwKernel(p), 1));
}

/**
 * Projects a customer base of mixed tenure under the BdW: for each cohort with `alive` customers at
 * `age`, the expected survivors alive · S(age + h)/S(age), h = 0..horizon, and the total.
 *
 * @param params - `{ alpha, beta, c }`.
 * @param input - `{ cohorts: [{ cohort?, age, alive }], horizon }`.
 * @returns frozen `{ horizon, total, cohorts }`.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * const projection = betaDiscreteWeibull.projectSurvival(
 *   { alpha: 0.9, beta: 2.5, c: 1.4 },
 *   { cohorts: [{ age: 0, alive: 1000 }], horizon: 2 },
 * );
 * console.log(projection.total.map(Math.round)); // [1000, 735, 518]
 * ```
 */
export function bdwProjectSurvival(
  params: BdwParams,
  input: SurvivalProjectionInput,
): SurvivalProjection {
  return kernelProjectSurvival(BDW_KERNEL, params, input, 'betaDiscreteWeibull.projectSurvival');
}
