import type { SurvivalCounts } from '../../data/survival-counts.js';
import { sampleBeta, sampleGeometric } from '../../random/index.js';
import type { ContractualSimulationOptions } from '../contractual-types.js';
import { parseSimulationOptions } from '../shared/contractual-inputs.js';
import { simulateCohorts } from '../shared/contractual-series.js';
import { parseSbgParams, type SbgParams } from './params.js';

/**
 * Draws alive counts from the sBG story (Fader & Hardie 2007, section 2): each customer gets a churn
 * probability θ ~ Beta(α, β) and cancels at each renewal with probability θ, so their lifetime is
 * T = 1 + Geometric(θ) periods (failures before the first cancellation, plus the paid first period);
 * they are alive at ages 0..T − 1. Each cohort is observed for `periods` periods, so the result has
 * ages 0..periods per cohort: the format `fit` reads (right-censored at the last age). Seeded.
 *
 * For a simulated subscription event log with calendar dates, use `simulateSubscriptions`.
 *
 * @param params - `{ alpha, beta }`.
 * @param options - `{ cohorts: [{ cohort?, size, periods }], seed }`.
 * @returns frozen `{ cohorts: [{ cohort, alive }] }`.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'customer-asset';
 *
 * const data = shiftedBetaGeometric.simulate(
 *   { alpha: 0.704, beta: 1.182 },
 *   { cohorts: [{ size: 1000, periods: 7 }], seed: 1 },
 * );
 * console.log(data.cohorts[0]?.alive.length); // 8
 * ```
 */
export function sbgSimulate(
  params: SbgParams,
  options: ContractualSimulationOptions,
): SurvivalCounts {
  const fn = 'shiftedBetaGeometric.simulate';
  const { alpha, beta } = parseSbgParams(params, fn);
  const opts = parseSimulationOptions(options, fn);
  return simulateCohorts(opts, (rng) => {
    const theta = sampleBeta(rng, alpha, beta);
    return theta > 0 ? 1 + sampleGeometric(rng, theta) : Number.POSITIVE_INFINITY;
  });
}
