/**
 * The rows of a summary as valuation reads them: the customer counts and ids in one cheap pass, and
 * (only when a code path needs them) the validated (x, t_x, T) columns and the mean repeat values as
 * float64. The models validate the rows again when they score them, so the eager pass stays O(n)
 * and light.
 */
import { fail } from '../core/errors.js';
import { summaryRows } from '../models/shared/indexed-patterns.js';
import type { CustomerHistory, TransactionSummaryInput } from '../models/types.js';

/** Columns of a summary for valuation, in the summary's row order. */
export interface ValuationRows {
  readonly size: number;
  /** Customers each row stands for. */
  readonly count: Float64Array;
  /** Customer ids (rows of an RFM summary), or null for a pattern summary (built on first use). */
  customerIds(): readonly string[] | null;
  /** Σ count. */
  readonly customers: number;
  /** The history of row `i` (no copy of the whole summary). */
  history(i: number): CustomerHistory;
  /** Validated frequency column (computed on first use). */
  frequency(): Float64Array;
  /** Mean repeat value (currency units, float64), NaN where the summary has none (on first use). */
  monetaryValue(): Float64Array;
}

interface RowLike {
  readonly customerId?: string;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly count: number;
  readonly monetaryValue?: string | null;
}

/** Reads the counts of an RFM summary or pattern summary; the rest on demand. */
export function valuationRows(summary: TransactionSummaryInput, fn: string): ValuationRows {
  const isCustomers = summary.kind === 'rfm-summary';
  const rows: readonly RowLike[] = isCustomers ? summary.customers : summary.patterns;
  const field = isCustomers ? 'customers' : 'patterns';
  if (!Array.isArray(rows))
    fail('input/invalid', fn, `summary.${field} must be an array`, {
      expected: 'an RFM summary or pattern summary',
      received: rows,
      path: ['summary', field],
    });
  const size = rows.length;
  const count = new Float64Array(size);
  let customers = 0;
  for (let i = 0; i < size; i += 1) {
    const row = rows[i]!;
    const n = row?.count;
    if (!(typeof n === 'number' && Number.isSafeInteger(n) && n > 0))
      fail('input/invalid', fn, `summary row ${i} has an invalid count`, {
        expected: 'a positive integer count',
        received: n,
        path: ['summary', field, i, 'count'],
      });
    count[i] = n;
    customers += n;
  }
  let ids: readonly string[] | null | undefined;
  let frequency: Float64Array | undefined;
  let monetary: Float64Array | undefined;
  return {
    size,
    count,
    customerIds: () => {
      if (ids === undefined)
        ids = isCustomers ? Object.freeze(rows.map((row) => row.customerId as string)) : null;
      return ids;
    },
    customers,
    history: (i) => {
      const row = rows[i]!;
      return { frequency: row.frequency, recency: row.recency, T: row.T };
    },
    frequency: () => {
      frequency ??= summaryRows(summary, fn).x;
      return frequency;
    },
    monetaryValue: () => {
      if (monetary !== undefined) return monetary;
      monetary = new Float64Array(size).fill(Number.NaN);
      if (isCustomers)
        for (let i = 0; i < size; i += 1) {
          const m = rows[i]!.monetaryValue;
          if (m === null || m === undefined) continue;
          const value = typeof m === 'string' ? Number(m) : Number.NaN;
          if (!Number.isFinite(value))
            fail(
              'input/invalid',
              fn,
              `summary row ${i} has a monetary value that is not a decimal`,
              {
                expected: 'a decimal string or null',
                received: m,
                path: ['summary', 'customers', i, 'monetaryValue'],
              },
            );
          monetary[i] = value;
        }
      return monetary;
    },
  };
}
