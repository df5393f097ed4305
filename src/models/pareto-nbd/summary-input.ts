import { fail } from '../../core/errors.js';
import type { TimeUnit } from '../../core/time-unit.js';
import type { TransactionSummaryInput } from '../types.js';
import { type SummaryColumns, validateColumns } from './pattern-index.js';

/**
 * The typed-array columns of a summary (customer rows or compressed patterns, used as they are: the
 * likelihood dedupes its expensive terms itself, see pattern-index.ts), checked in one O(n) pass.
 */
export function summaryColumns(
  summary: TransactionSummaryInput,
  fn: string,
): { columns: SummaryColumns; timeUnit: TimeUnit } {
  const kind = (summary as { kind?: unknown } | null)?.kind;
  if (kind !== 'rfm-summary' && kind !== 'rfm-patterns') {
    fail('input/invalid', fn, 'summary must be an RFM summary or pattern summary', {
      expected:
        "the result of rfmSummary, rfmSummaryFromRows or compressSummary (kind 'rfm-summary' or 'rfm-patterns')",
      received: summary === null || typeof summary !== 'object' ? summary : kind,
      path: ['summary'],
    });
  }
  const rows =
    kind === 'rfm-summary'
      ? (summary as { customers?: unknown }).customers
      : (summary as { patterns?: unknown }).patterns;
  if (!Array.isArray(rows)) {
    fail('input/invalid', fn, 'summary rows are missing', {
      expected:
        kind === 'rfm-summary' ? 'summary.customers: an array' : 'summary.patterns: an array',
      received: rows,
      path: ['summary', kind === 'rfm-summary' ? 'customers' : 'patterns'],
    });
  }
  const list = rows as readonly unknown[];
  const n = list.length;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const row = list[i] as {
      frequency?: unknown;
      recency?: unknown;
      T?: unknown;
      count?: unknown;
    } | null;
    if (row === null || typeof row !== 'object') {
      fail('input/invalid', fn, `summary row ${i} is not an object`, {
        expected: '{ frequency, recency, T, count }',
        received: row,
        path: ['summary', i],
      });
    }
    // Non-numbers become NaN here and are reported by validateColumns with the row and field.
    frequency[i] = typeof row.frequency === 'number' ? row.frequency : Number.NaN;
    recency[i] = typeof row.recency === 'number' ? row.recency : Number.NaN;
    T[i] = typeof row.T === 'number' ? row.T : Number.NaN;
    count[i] = row.count === undefined ? 1 : typeof row.count === 'number' ? row.count : Number.NaN;
  }
  const columns: SummaryColumns = { size: n, frequency, recency, T, count };
  validateColumns(columns, fn);
  return { columns, timeUnit: summary.timeUnit };
}
