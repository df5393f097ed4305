import type { SurvivalCounts } from '../../data/survival-counts.js';
import { sampleBeta } from '../../random/index.js';
import type { ContractualSimulationOptions } from '../contractual-types.js';
import { parseSimulationOptions } from '../shared/contractual-inputs.js';
import { simulateCohorts } from '../shared/contractual-series.js';
import { type BdwParams, parseBdwParams } from './params.js';

/**
 * Draws alive counts from the BdW story (Fader et al. 2018, section 2): θ ~ Beta(α, β) per customer
 * and a discrete-Weibull lifetime with S(t | θ) = (1 − θ)^(t^c), drawn by inversion: with U uniform
 * on (0, 1], T = ⌊(ln U / ln(1 − θ))^(1/c)⌋ + 1, since T > t ⟺ U <= (1 − θ)^(t^c). Each cohort is
 * observed for `periods` periods (ages 0..periods). Seeded.
 *
 * @param params - `{ alpha, beta, c }`.
 * @param options - `{ cohorts: [{ cohort?, size, periods }], seed }`.
 * @returns frozen `{ cohorts: [{ cohort, alive }] }`.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { betaDiscreteWeibull } from 'customer-asset';
 *
 * const data = betaDiscreteWeibull.simulate(
 *   { alpha: 0.9, beta: 2.5, c: 1.4 },
 *   { cohorts: [{ size: 500, periods: 4 }, { size: 500, periods: 2 }], seed: 3 },
 * );
 * console.log(data.cohorts.map((cohort) => cohort.alive.length)); // [5, 3]
 * ```
 */
export function bdwSimulate(
  params: BdwParams,
  options: ContractualSimulationOptions,
): SurvivalCounts {
  const fn = 'betaDiscreteWeibull.simulate';
  const { alpha, beta, c } = parseBdwParams(params, fn);
  const opts = parseSimulationOptions(options, fn);
  return simulateCohorts(opts, (rng) => {
    const theta = sampleBeta(rng, alpha, beta);
    if (!(theta > 0)) return Number.POSITIVE_INFINITY;
    if (theta >= 1) return 1;
    const u = 1 - rng.nextDouble(); // in (0, 1]
    const y = (Math.log(u) / Math.log1p(-theta)) ** (1 / c);
    return Number.isFinite(y) ? Math.floor(y) + 1 : Number.POSITIVE_INFINITY;
  });
}
