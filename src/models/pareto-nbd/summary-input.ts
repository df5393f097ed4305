import { fail } from '../../core/errors.js';
import type { TimeUnit } from '../../core/time-unit.js';
import { twinOf } from '../../data/summary-twin.js';
import type { TransactionSummaryInput } from '../types.js';
import { type SummaryColumns, validateColumns } from './pattern-index.js';

/** A summary row as read at the boundary: any of its fields may be missing or not a number. */
export interface LooseRow {
  readonly frequency?: unknown;
  readonly recency?: unknown;
  readonly T?: unknown;
  readonly count?: unknown;
}

/** The rows of a customer or pattern summary (not yet checked); throws `input/invalid` otherwise. */
export function summaryRowList(summary: TransactionSummaryInput, fn: string): readonly unknown[] {
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
  return rows as readonly unknown[];
}

/** Row i as an object; throws `input/invalid` naming the row when it is not one. */
export function rowObject(row: unknown, i: number, fn: string): LooseRow {
  if (row === null || typeof row !== 'object') {
    fail('input/invalid', fn, `summary row ${i} is not an object`, {
      expected: '{ frequency, recency, T, count }',
      received: row,
      path: ['summary', i],
    });
  }
  return row as LooseRow;
}

/** A field as a number; anything else becomes NaN, which the row check reports with row and field. */
export function numberOrNaN(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

/** A row's count: 1 when absent (customer rows). */
export function countOf(row: LooseRow): number {
  return row.count === undefined ? 1 : numberOrNaN(row.count);
}

/**
 * The typed-array columns of a summary (customer rows or compressed patterns, used as they are: the
 * likelihood dedupes its expensive terms itself, see pattern-index.ts), checked in one O(n) pass;
 * for a summary built by this library, its twin (data/summary-twin.ts), shared and already
 * checked. Callers must not write to the columns.
 */
export function summaryColumns(
  summary: TransactionSummaryInput,
  fn: string,
): { columns: SummaryColumns; timeUnit: TimeUnit } {
  const list = summaryRowList(summary, fn);
  const twin = twinOf(list);
  if (twin !== undefined) return { columns: twin, timeUnit: summary.timeUnit };
  const n = list.length;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const row = rowObject(list[i], i, fn);
    frequency[i] = numberOrNaN(row.frequency);
    recency[i] = numberOrNaN(row.recency);
    T[i] = numberOrNaN(row.T);
    count[i] = countOf(row);
  }
  const columns: SummaryColumns = { size: n, frequency, recency, T, count };
  validateColumns(columns, fn);
  return { columns, timeUnit: summary.timeUnit };
}
