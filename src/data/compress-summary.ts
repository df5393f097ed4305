import { fail } from '../core/errors.js';
import { rememberTwin, twinOf, twinOfRows } from './summary-twin.js';
import type { RfmPattern, RfmPatternSummary, RfmSummary } from './summary-types.js';

function checkSummary(summary: unknown, fn: string): RfmSummary {
  const s = summary as Partial<RfmSummary> | null;
  if (
    s === null ||
    typeof s !== 'object' ||
    s.kind !== 'rfm-summary' ||
    !Array.isArray(s.customers)
  )
    fail('input/invalid', fn, 'summary must be an RFM summary', {
      expected: 'the result of rfmSummary, rfmSummaryFromCsv or rfmSummaryFromRows',
      received: summary,
      path: ['summary'],
    });
  s.customers.forEach((row, i) => {
    for (const field of ['frequency', 'recency', 'T', 'count'] as const) {
      const value = row?.[field];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        fail('input/invalid', fn, `summary.customers[${i}].${field} is not a number >= 0`, {
          expected: 'a finite number >= 0',
          received: value,
          path: ['customers', i, field],
        });
    }
  });
  return s as RfmSummary;
}

/**
 * Compresses an RFM summary to its distinct (frequency, recency, T) patterns, each with the number
 * of customers that share it. The likelihood of BG/NBD, Pareto/NBD and the other transaction models
 * is a sum of one term per customer that depends only on (x, t_x, T), so the weighted sum over
 * patterns, sum of count x term, equals the sum over customers: fitting on the patterns gives the
 * same estimates, often on far fewer rows (discrete-time data such as BG/BB's collapse to a few
 * dozen patterns; Fader, Hardie & Shang 2010 fit 11,104 donors as 22 patterns).
 *
 * Patterns are equal only when their three numbers are identical doubles (no rounding, no
 * tolerance), so nothing is approximated. Monetary values are not kept: Gamma-Gamma needs
 * (x, mean value) pairs, which rarely repeat; fit it on the customer rows.
 *
 * Numerical caveats: summing count x term in a different order than the rows gives a float64 sum
 * that can differ from the row-by-row sum in the last bits.
 *
 * @param summary - An {@link RfmSummary} (rows with `count` > 1 are added up).
 * @returns A frozen {@link RfmPatternSummary}, patterns sorted by frequency, recency, then T.
 * @throws CustomerAssetError `input/invalid` when `summary` is not an RFM summary.
 *
 * @example
 * ```ts
 * import { compressSummary, rfmSummaryFromRows } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows(
 *   [
 *     { frequency: 0, recency: 0, T: 6 },
 *     { frequency: 0, recency: 0, T: 6 },
 *     { frequency: 3, recency: 5, T: 6, count: 10 },
 *   ],
 *   { timeUnit: 'period' },
 * );
 * const compressed = compressSummary(summary);
 * console.log(compressed.patterns); // [{ frequency: 0, recency: 0, T: 6, count: 2 }, { frequency: 3, recency: 5, T: 6, count: 10 }]
 * ```
 */
export function compressSummary(summary: RfmSummary): RfmPatternSummary {
  const fn = 'compressSummary';
  const checked = checkSummary(summary, fn);
  const index = new Map<string, number>();
  const patterns: { frequency: number; recency: number; T: number; count: number }[] = [];
  let customerCount = 0;
  for (const row of checked.customers) {
    // String(x) is the shortest text that reads back as the same double, so equal keys mean
    // identical doubles (+0 and -0 aside: the summary builders never produce -0).
    const key = `${row.frequency}|${row.recency}|${row.T}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, patterns.length);
      patterns.push({ frequency: row.frequency, recency: row.recency, T: row.T, count: row.count });
    } else patterns[at]!.count += row.count;
    customerCount += row.count;
  }
  patterns.sort((a, b) => a.frequency - b.frequency || a.recency - b.recency || a.T - b.T);
  const frozen = Object.freeze(patterns.map((p): RfmPattern => Object.freeze(p)));
  // Patterns of a checked summary (one with a twin) satisfy the twin's invariants too.
  if (twinOf(checked.customers) !== undefined) rememberTwin(frozen, twinOfRows(frozen));
  return Object.freeze({
    kind: 'rfm-patterns',
    timeUnit: checked.timeUnit,
    conventions: checked.conventions,
    customerCount,
    patterns: frozen,
  });
}
