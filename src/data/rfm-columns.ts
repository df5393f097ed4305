import { fail } from '../core/errors.js';
import type {
  RfmColumns,
  RfmPatternColumns,
  RfmPatternSummary,
  RfmSummary,
} from './summary-types.js';

/**
 * Typed-array columns of an RFM summary or pattern summary, the layout the model fitters loop over
 * (one contiguous Float64Array per statistic, no object per customer in the hot loop). For a
 * customer summary also the ids and the mean repeat values as float64 (0 where frequency is 0; the
 * column is null when a customer with repeat purchases has no monetary value).
 *
 * Each call makes new arrays (typed arrays cannot be frozen): callers may modify them without
 * touching the summary.
 *
 * Numerical caveats: monetary values pass from exact decimal strings to the nearest float64 here,
 * the one place where money meets binary floating point (for Gamma-Gamma fitting, which is float
 * math anyway); keep the strings for reporting money.
 *
 * @example
 * ```ts
 * import { rfmSummaryFromRows, toColumns } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows(
 *   [
 *     { customerId: 'a', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: '22.35' },
 *     { customerId: 'b', frequency: 0, recency: 0, T: 38.86 },
 *   ],
 *   { timeUnit: 'week' },
 * );
 * const columns = toColumns(summary);
 * console.log(columns.frequency, columns.monetaryValue); // Float64Array [2, 0] Float64Array [22.35, 0]
 * ```
 */
export function toColumns(summary: RfmSummary): RfmColumns;
export function toColumns(summary: RfmPatternSummary): RfmPatternColumns;
export function toColumns(summary: RfmSummary | RfmPatternSummary): RfmColumns | RfmPatternColumns;
export function toColumns(summary: RfmSummary | RfmPatternSummary): RfmColumns | RfmPatternColumns {
  const rows =
    summary?.kind === 'rfm-summary'
      ? summary.customers
      : summary?.kind === 'rfm-patterns'
        ? summary.patterns
        : fail('input/invalid', 'toColumns', 'summary must be an RFM summary or pattern summary', {
            expected: "an object with kind 'rfm-summary' or 'rfm-patterns'",
            received: summary,
            path: ['summary'],
          });
  const n = rows.length;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const row = rows[i]!;
    frequency[i] = row.frequency;
    recency[i] = row.recency;
    T[i] = row.T;
    count[i] = row.count;
  }
  if (summary.kind === 'rfm-patterns')
    return Object.freeze({ size: n, frequency, recency, T, count });
  const customerId: string[] = new Array(n);
  const monetary = new Float64Array(n);
  let complete = true;
  for (let i = 0; i < n; i += 1) {
    const row = summary.customers[i]!;
    customerId[i] = row.customerId;
    if (row.monetaryValue !== null) monetary[i] = Number(row.monetaryValue);
    else if (row.frequency > 0) complete = false;
  }
  return Object.freeze({
    size: n,
    customerId: Object.freeze(customerId),
    frequency,
    recency,
    T,
    count,
    monetaryValue: complete ? monetary : null,
  });
}
