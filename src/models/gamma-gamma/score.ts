import { fail } from '../../core/errors.js';
import type { RfmSummary } from '../../data/summary-types.js';
import type { SpendScores } from '../spend-types.js';
import { checkSpendSummary } from './data.js';
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
  const rows = checkSpendSummary(summary, fn).customers;
  const size = rows.length;
  const expectedSpend = new Float64Array(size);
  let lastX = -1;
  let lastText: string | null = null;
  let last = 0;
  for (let i = 0; i < size; i += 1) {
    const row = rows[i];
    const x = row?.frequency;
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0)
      fail('input/invalid', fn, `summary.customers[${i}].frequency is not a whole number >= 0`, {
        expected: 'a whole number >= 0',
        received: x,
        path: ['summary', 'customers', i, 'frequency'],
      });
    const text = x === 0 ? null : row!.monetaryValue;
    if (x === lastX && text === lastText) {
      expectedSpend[i] = last;
      continue;
    }
    let m = 0;
    if (x > 0) {
      m = text === null || text === undefined ? Number.NaN : Number(text);
      if (!(m >= 0 && m < Number.POSITIVE_INFINITY))
        fail('input/invalid', fn, `summary.customers[${i}] needs a monetaryValue >= 0`, {
          expected: 'the mean repeat-transaction value of every customer with frequency >= 1',
          received: text ?? null,
          path: ['summary', 'customers', i, 'monetaryValue'],
        });
    }
    last = expectedSpendUnchecked(p, x, m, fn);
    lastX = x;
    lastText = text;
    expectedSpend[i] = last;
  }
  return Object.freeze({ size, expectedSpend });
}
