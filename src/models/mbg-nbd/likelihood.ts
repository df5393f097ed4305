import { familyLogLikelihood } from '../shared/beta-geometric-api.js';
import type { TransactionSummaryInput } from '../types.js';
import { MBG_NBD, type MbgNbdParams } from './params.js';

/**
 * Total MBG/NBD log-likelihood of a summary, Σ n_i ln L(r, α, a, b | x_i, t_x,i, T_i), in the
 * summary's own time unit, natural log, no constant dropped (Batislam, Denizel & Filiztekin 2007;
 * REFERENCE.md §3):
 *
 *   L = Γ(r+x) α^r / Γ(r) · B(a, b+x+1)/B(a, b) · [(α+T)^−(r+x) + a/(b+x) (α+t_x)^−(r+x)]
 *
 * The second term is present for every customer, x = 0 included (a customer may have dropped out
 * right after the first purchase). Evaluated in log space exactly as the BG/NBD likelihood (gamma
 * and beta terms once per distinct x, ln(α + t) once per distinct time, ln(A3 + A4) = ln A3 +
 * ln(1 + e^(ln A4 − ln A3)), compensated sum).
 *
 * Numerical caveats: finite for every valid input, heavy buyers included; absolute rounding error
 * about 1e-16 per customer.
 *
 * @param params - {@link MbgNbdParams}.
 * @param summary - An RFM summary or pattern summary (times in the unit the params are expressed in).
 * @returns The log-likelihood.
 * @throws CustomerAssetError `input/invalid` for bad params or an impossible summary row.
 *
 * @example
 * ```ts
 * import { mbgNbd, rfmSummaryFromRows } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows(
 *   [
 *     { frequency: 2, recency: 30.43, T: 38.86 },
 *     { frequency: 0, recency: 0, T: 38.86 },
 *   ],
 *   { timeUnit: 'week' },
 * );
 * const ll = mbgNbd.logLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, summary);
 * console.log(ll.toFixed(4)); // '-10.0741'
 * ```
 */
export function mbgNbdLogLikelihood(
  params: MbgNbdParams,
  summary: TransactionSummaryInput,
): number {
  return familyLogLikelihood(MBG_NBD, params, summary);
}
