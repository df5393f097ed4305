import type { TimeUnit } from '../../core/time-unit.js';
import type { RfmSummary } from '../../data/summary-types.js';
import { familySimulate } from '../shared/beta-geometric-api.js';
import { MBG_NBD, type MbgNbdParams } from './params.js';

/**
 * Draws a customer summary from the MBG/NBD story in continuous time (Batislam, Denizel &
 * Filiztekin 2007): λ ~ Gamma(r, α), p ~ Beta(a, b); right after the first purchase (time 0) the
 * customer drops out with probability p; then purchases form a Poisson process of rate λ and after
 * each one the customer drops out with probability p; every customer is observed for T after the
 * first purchase. Exact, O(1) per customer: N ~ Poisson(λT) events, the drop-out purchase
 * K ~ 1 + Geometric(p), x = min(N, K), and t_x the x-th of N uniform event times on (0, T).
 *
 * @param params - {@link MbgNbdParams}.
 * @param options - `customers` (>= 1), `T` >= 0, `seed` (a safe integer), optional `timeUnit`
 *   (default `'week'`; the unit of T and of the params).
 * @returns A frozen RFM summary, customers "0", "1", ... in draw order.
 * @throws CustomerAssetError `input/invalid` for bad params or options; `model/non-finite` when a
 *   drawn λT exceeds 1e15 (params far outside any data).
 *
 * @example
 * ```ts
 * import { mbgNbd } from 'customer-asset';
 *
 * const summary = mbgNbd.simulate({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 1000, T: 39, seed: 42 });
 * console.log(summary.customers.length, summary.customers[0]!.T); // 1000 39
 * ```
 */
export function simulateMbgNbd(
  params: MbgNbdParams,
  options: {
    readonly customers: number;
    readonly T: number;
    readonly seed: number;
    readonly timeUnit?: TimeUnit;
  },
): RfmSummary {
  return familySimulate(MBG_NBD, params, options);
}
