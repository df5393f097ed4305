import { fail } from '../../core/errors.js';
import type { RfmSummary } from '../../data/summary-types.js';
import type { SpendScores } from '../spend-types.js';
import { summaryColumns } from './data.js';
import { type GammaGammaParams, parseGammaGammaParams } from './params.js';
import { expectedSpendUnchecked } from './predict.js';

/**
 * Gamma-Gamma expected spend E(M | x, m_x) (note 025, eq. 5) for every customer row of a summary,
 * in row order: the population mean pγ/(q − 1) for customers with x = 0, the posterior mean for the
 * others. What CLV multiplies with DERT (FHL 2005, JMR eq. 1).
 *
 * @param params - {@link GammaGammaParams}.
 * @param summary - Customer RFM summary; every customer with x >= 1 needs a `monetaryValue`.
 * @returns Frozen {@link SpendScores} (a Float64Array in row order).
 * @throws CustomerAssetError `input/invalid` for bad params, a pattern summary or a missing or
 *   negative monetary value; `model/undefined-quantity` when some row has px + q <= 1 (q <= 1 and a
 *   customer with x = 0).
 *
 * @example
 * ```ts
 * import { gammaGamma, rfmSummaryFromRows } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows(
 *   [
 *     { customerId: 'a', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: '22.35' },
 *     { customerId: 'b', frequency: 0, recency: 0, T: 38.86 },
 *   ],
 *   { timeUnit: 'week' },
 * );
 * const scores = gammaGamma.score({ p: 6.25, q: 3.74, gamma: 15.44 }, summary);
 * console.log([...scores.expectedSpend].map((v) => v.toFixed(2))); // [ '24.66', '35.22' ]
 * ```
 */
export function gammaGammaScore(params: GammaGammaParams, summary: RfmSummary): SpendScores {
  const fn = 'gammaGamma.score';
  const p = parseGammaGammaParams(params, fn);
  const columns = summaryColumns(summary, fn);
  const size = columns.size;
  const monetary = columns.monetaryValue;
  const expectedSpend = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    const x = columns.frequency[i]!;
    let m = 0;
    if (x > 0) {
      m = monetary === null ? Number.NaN : monetary[i]!;
      if (summary.customers[i]!.monetaryValue === null || !(m >= 0 && Number.isFinite(m)))
        fail('input/invalid', fn, `summary.customers[${i}] needs a monetaryValue >= 0`, {
          expected: 'the mean repeat-transaction value of every customer with frequency >= 1',
          received: summary.customers[i]!.monetaryValue,
          path: ['summary', 'customers', i, 'monetaryValue'],
        });
    }
    expectedSpend[i] = expectedSpendUnchecked(p, x, m, fn);
  }
  return Object.freeze({ size, expectedSpend });
}
