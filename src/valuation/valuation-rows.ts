/**
 * The rows of a summary as valuation reads them: typed-array columns of (x, t_x, T, count), the mean
 * repeat value as float64 (for the spend model) and the customer ids, checked in O(n).
 */
import { fail } from '../core/errors.js';
import { summaryRows } from '../models/shared/indexed-patterns.js';
import type { TransactionSummaryInput } from '../models/types.js';

/** Columns of a summary for valuation, in the summary's row order. */
export interface ValuationRows {
  readonly size: number;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  /** Customers each row stands for. */
  readonly count: Float64Array;
  /** Mean repeat value (currency units, float64); NaN where the summary has none. */
  readonly monetaryValue: Float64Array;
  /** Customer ids (rows of an RFM summary), or null for a pattern summary. */
  readonly customerIds: readonly string[] | null;
  /** Σ count. */
  readonly customers: number;
}

/** Reads and checks the rows of an RFM summary or pattern summary. */
export function valuationRows(summary: TransactionSummaryInput, fn: string): ValuationRows {
  const { x, tx, T, n } = summaryRows(summary, fn);
  const size = x.length;
  const monetaryValue = new Float64Array(size).fill(Number.NaN);
  let customerIds: string[] | null = null;
  if (summary.kind === 'rfm-summary') {
    customerIds = new Array<string>(size);
    const rows = summary.customers;
    for (let i = 0; i < size; i += 1) {
      const row = rows[i]!;
      customerIds[i] = row.customerId;
      const m = row.monetaryValue;
      if (m !== null && m !== undefined) {
        const value = typeof m === 'string' ? Number(m) : Number.NaN;
        if (!Number.isFinite(value))
          fail('input/invalid', fn, `summary row ${i} has a monetary value that is not a decimal`, {
            expected: 'a decimal string or null',
            received: m,
            path: ['summary', 'customers', i, 'monetaryValue'],
          });
        monetaryValue[i] = value;
      }
    }
  }
  let customers = 0;
  for (let i = 0; i < size; i += 1) customers += n[i]!;
  return {
    size,
    frequency: x,
    recency: tx,
    T,
    count: n,
    monetaryValue,
    customerIds: customerIds === null ? null : Object.freeze(customerIds),
    customers,
  };
}
