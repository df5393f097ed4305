import { familyScore } from '../shared/beta-geometric-api.js';
import type { CustomerScores, TransactionSummaryInput } from '../types.js';
import { BG_NBD, type BgNbdParams } from './params.js';

/**
 * BG/NBD scores for every row of a summary, in row order: P(alive at T) (Fader, Hardie & Lee 2008, note 021), expected
 * purchases in the next `horizon` time units (eq. 10) and, when `discountRate` is given, DERT (see
 * `bgNbd.dert`: continuous discounting at δ = ln(1 + d)). The ₂F₁ part of E[Y] and the DERT
 * quadrature depend only on (x, T), so each is computed once per distinct (x, T); the rest is a few
 * floating-point operations per row. The summary is checked in one O(n) pass.
 *
 * @param params - {@link BgNbdParams}.
 * @param summary - RFM summary (one score per customer row) or pattern summary (one per pattern).
 * @param options - `horizon` >= 0 in the params' time unit; optional `discountRate` d per time unit.
 * @returns Frozen {@link CustomerScores} (Float64Arrays in row order).
 * @throws CustomerAssetError `input/invalid` for bad params, options or an impossible row;
 *   `model/undefined-quantity` for DERT with d < 0, or d = 0 and a <= 1.
 *
 * @example
 * ```ts
 * import { bgNbd, rfmSummaryFromRows } from 'customer-asset';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const summary = rfmSummaryFromRows(
 *   [
 *     { customerId: 'ann', frequency: 2, recency: 30.43, T: 38.86 },
 *     { customerId: 'bob', frequency: 0, recency: 0, T: 38.86 },
 *   ],
 *   { timeUnit: 'week' },
 * );
 * const scores = bgNbd.score(params, summary, { horizon: 52 });
 * console.log(scores.probabilityAlive[1], scores.expectedPurchases[0]!.toFixed(3)); // 1 '1.559'
 * ```
 */
export function bgNbdScore(
  params: BgNbdParams,
  summary: TransactionSummaryInput,
  options: { readonly horizon: number; readonly discountRate?: number },
): CustomerScores {
  return familyScore(BG_NBD, params, summary, options);
}
