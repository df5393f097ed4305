import type { SurvivalCounts } from '../../data/survival-counts.js';
import { sampleGeometric } from '../../random/index.js';
import type { ContractualSimulationOptions } from '../contractual-types.js';
import { parseSimulationOptions } from '../shared/contractual-inputs.js';
import { simulateCohorts } from '../shared/contractual-series.js';
import { type GeometricParams, parseGeometricParams } from './params.js';

/**
 * Draws alive counts under constant churn θ: every customer's lifetime is T = 1 + Geometric(θ)
 * (failures before the first cancellation). Seeded.
 *
 * @param params - `{ theta }`.
 * @param options - `{ cohorts: [{ cohort?, size, periods }], seed }`.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { geometric } from 'customer-asset';
 *
 * const data = geometric.simulate({ theta: 0.2 }, { cohorts: [{ size: 100, periods: 3 }], seed: 1 });
 * console.log(data.cohorts[0]?.alive[0]); // 100
 * ```
 */
export function geometricSimulate(
  params: GeometricParams,
  options: ContractualSimulationOptions,
): SurvivalCounts {
  const fn = 'geometric.simulate';
  const { theta } = parseGeometricParams(params, fn);
  const opts = parseSimulationOptions(options, fn);
  return simulateCohorts(opts, (rng) => 1 + sampleGeometric(rng, theta));
}
