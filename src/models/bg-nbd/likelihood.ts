import { familyLogLikelihood } from '../shared/beta-geometric-api.js';
import type { TransactionSummaryInput } from '../types.js';
import { BG_NBD, type BgNbdParams } from './params.js';

/**
 * Total BG/NBD log-likelihood of a summary, Σ n_i ln L(r, α, a, b | x_i, t_x,i, T_i), in the
 * summary's own time unit, natural log, no constant dropped (Fader, Hardie & Lee 2005; Hardie's note 004):
 *
 *   L = Γ(r+x) α^r / Γ(r) · B(a, b+x)/B(a, b) · [(α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+t_x)^−(r+x)]
 *
 * Evaluated in log space as ln A1 + ln A2 + ln(A3 + A4) with ln(A3 + A4) = ln A3 + ln(1 + e^(ln A4 −
 * ln A3)) (REFERENCE.md §1 stable form; the "#NUM!" problem of Hardie's note 027 cannot occur), gamma
 * and beta terms once per distinct x, ln(α + t) once per distinct time, and the sum compensated
 * (Neumaier). Identical customers are merged first, so a summary and its compressed patterns give
 * the same value.
 *
 * Numerical caveats: finite for every valid input, heavy buyers (x in the thousands) included; the
 * absolute rounding error is about 1e-16 per customer.
 *
 * @param params - {@link BgNbdParams} (published or fitted).
 * @param summary - An RFM summary or pattern summary (times in the unit the params are expressed in).
 * @returns The log-likelihood.
 * @throws CustomerAssetError `input/invalid` for bad params or an impossible summary row.
 *
 * @example
 * ```ts
 * import { bgNbd, rfmSummaryFromRows } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows(
 *   [
 *     { frequency: 2, recency: 30.43, T: 38.86 },
 *     { frequency: 0, recency: 0, T: 38.86 },
 *   ],
 *   { timeUnit: 'week' },
 * );
 * const ll = bgNbd.logLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, summary);
 * console.log(ll.toFixed(4)); // '-10.0133'
 * ```
 */
export function bgNbdLogLikelihood(params: BgNbdParams, summary: TransactionSummaryInput): number {
  return familyLogLikelihood(BG_NBD, params, summary);
}
