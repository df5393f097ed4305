import { z } from 'zod';
import { parseInput } from '../../core/validate.js';
import { toColumns } from '../../data/rfm-columns.js';
import { patternColumns } from '../shared/patterns.js';
import type { CustomerScores, TransactionSummaryInput } from '../types.js';
import { prepareBgBbPatterns } from './likelihood.js';
import { type BgBbParams, OpportunitiesSchema, parseBgBbParams } from './params.js';
import {
  dertUnchecked,
  expectedPurchasesUnchecked,
  lnProbabilityAliveUnchecked,
} from './predict.js';

const ScoreOptionsSchema = /* @__PURE__ */ z
  .object({
    horizon: OpportunitiesSchema,
    discountRate: z.number().nonnegative().finite().optional(),
  })
  .strict();

/**
 * BG/BB scores for every row of a summary, in row order: P(alive at the last observed opportunity n)
 * (FHS eq. 11 with k = 0), expected purchases in the next `horizon` opportunities (eq. 13) and, when
 * `discountRate` is given, DERT (eq. 14). Each distinct (x, t_x, n) pattern is computed once, so a
 * million customers of a 6-opportunity panel cost 28 evaluations.
 *
 * @param params - {@link BgBbParams}.
 * @param summary - RFM summary (one score per customer row) or pattern summary (one per pattern).
 * @param options - `horizon` in whole opportunities; optional `discountRate` d >= 0 per opportunity.
 * @returns Frozen {@link CustomerScores} (typed arrays, in the summary's row order).
 * @throws CustomerAssetError `input/invalid` for bad params, options or an impossible row;
 *   `model/undefined-quantity` for DERT at d = 0 with γ <= 1.
 *
 * @example
 * ```ts
 * import { bgBb, rfmSummaryFromRows } from 'customer-asset';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * const summary = rfmSummaryFromRows(
 *   [
 *     { customerId: 'ann', frequency: 6, recency: 6, T: 6 },
 *     { customerId: 'bob', frequency: 1, recency: 1, T: 6 },
 *   ],
 *   { timeUnit: 'period' },
 * );
 * const scores = bgBb.score(params, summary, { horizon: 5, discountRate: 0.1 });
 * console.log(scores.probabilityAlive[0], scores.expectedPurchases[1]!.toFixed(3)); // 1 '0.086'
 * ```
 */
export function bgBbScore(
  params: BgBbParams,
  summary: TransactionSummaryInput,
  options: { readonly horizon: number; readonly discountRate?: number },
): CustomerScores {
  const fn = 'bgBb.score';
  const p = parseBgBbParams(params, fn);
  const { horizon, discountRate } = parseInput(ScoreOptionsSchema, options, fn, 'options');
  const columns =
    summary?.kind === 'rfm-summary' ? toColumns(summary) : patternColumns(summary, fn);
  prepareBgBbPatterns(columns, fn);
  const size = columns.size;
  const probabilityAlive = new Float64Array(size);
  const expectedPurchases = new Float64Array(size);
  const dert = discountRate === undefined ? null : new Float64Array(size);
  const seen = new Map<string, number>();
  for (let i = 0; i < size; i += 1) {
    const x = columns.frequency[i]!;
    const tx = columns.recency[i]!;
    const n = columns.T[i]!;
    const key = `${x},${tx},${n}`;
    const j = seen.get(key);
    if (j !== undefined) {
      probabilityAlive[i] = probabilityAlive[j]!;
      expectedPurchases[i] = expectedPurchases[j]!;
      if (dert !== null) dert[i] = dert[j]!;
      continue;
    }
    seen.set(key, i);
    probabilityAlive[i] = Math.exp(lnProbabilityAliveUnchecked(p, x, tx, n, 0));
    expectedPurchases[i] = expectedPurchasesUnchecked(p, x, tx, n, horizon);
    if (dert !== null) dert[i] = dertUnchecked(p, x, tx, n, discountRate!, fn);
  }
  return Object.freeze({
    size,
    probabilityAlive,
    expectedPurchases,
    dert,
    horizon,
    discountRate: discountRate ?? null,
  });
}
