import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import type { CustomerScores, TransactionSummaryInput } from '../types.js';
import {
  type BgBbParams,
  MAX_OPPORTUNITIES,
  OpportunitiesSchema,
  parseBgBbParams,
} from './params.js';
import {
  dertUnchecked,
  expectedPurchasesUnchecked,
  lnProbabilityAliveUnchecked,
} from './predict.js';

/** The rows (customers or patterns) of a summary, in order. */
function scoreRows(
  summary: TransactionSummaryInput,
  fn: string,
): readonly { frequency: number; recency: number; T: number }[] {
  if (summary?.kind === 'rfm-summary' && Array.isArray(summary.customers)) return summary.customers;
  if (summary?.kind === 'rfm-patterns' && Array.isArray(summary.patterns)) return summary.patterns;
  return fail('input/invalid', fn, 'summary must be an RFM summary or pattern summary', {
    expected: 'the result of rfmSummary, rfmSummaryFromRows or compressSummary',
    received: (summary as { kind?: unknown } | null)?.kind ?? summary,
    path: ['summary'],
  });
}

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
  const rows = scoreRows(summary, fn);
  const size = rows.length;
  const probabilityAlive = new Float64Array(size);
  const expectedPurchases = new Float64Array(size);
  const dert = discountRate === undefined ? null : new Float64Array(size);
  // One evaluation per distinct (x, t_x, n).
  const seen = new Map<number, number>();
  for (let i = 0; i < size; i += 1) {
    const row = rows[i];
    const x = row?.frequency;
    const tx = row?.recency;
    const n = row?.T;
    if (
      typeof x !== 'number' ||
      typeof tx !== 'number' ||
      typeof n !== 'number' ||
      !(Number.isInteger(x) && Number.isInteger(tx) && Number.isInteger(n)) ||
      !(x >= 0 && x <= tx && tx <= n && n <= MAX_OPPORTUNITIES)
    ) {
      fail('input/invalid', fn, `summary row ${i} is an impossible BG/BB history`, {
        expected:
          'whole numbers frequency x <= recency t_x <= T = n opportunities (t_x = 0 when x = 0)',
        received: `frequency ${x}, recency ${tx}, T ${n}`,
        path: ['summary', i],
      });
    }
    const base = n + 1;
    // (n(n+1) + t_x)(n+1) + x: distinct for distinct (x, t_x, n), exact for n <= MAX_OPPORTUNITIES.
    const key = (n * base + tx) * base + x;
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
