import { fail } from '../../core/errors.js';
import { compressSummary } from '../../data/compress-summary.js';
import { toColumns } from '../../data/rfm-columns.js';
import type { RfmPatternColumns } from '../../data/summary-types.js';
import type { TransactionSummaryInput } from '../types.js';

/**
 * The distinct (x, t_x, T) patterns of a summary with their counts, as typed-array columns: what
 * every transaction model's likelihood loops over. A customer summary is compressed first (the
 * likelihood is a sum of per-customer terms that depend only on the pattern, so the weighted sum is
 * the same); a pattern summary is used as it is.
 */
export function patternColumns(summary: TransactionSummaryInput, fn: string): RfmPatternColumns {
  if (summary === null || typeof summary !== 'object') {
    fail('input/invalid', fn, 'summary must be an RFM summary or pattern summary', {
      expected: 'the result of rfmSummary, rfmSummaryFromRows or compressSummary',
      received: summary,
      path: ['summary'],
    });
  }
  if (summary.kind === 'rfm-patterns') return toColumns(summary);
  if (summary.kind === 'rfm-summary') return toColumns(compressSummary(summary));
  return fail('input/invalid', fn, 'summary must be an RFM summary or pattern summary', {
    expected: "kind 'rfm-summary' or 'rfm-patterns'",
    received: (summary as { kind?: unknown }).kind,
    path: ['summary', 'kind'],
  });
}

/** Totals of a pattern table used by fits: customers, repeat purchases, largest T. */
export function patternTotals(columns: RfmPatternColumns): {
  customers: number;
  repeatPurchases: number;
  maxT: number;
} {
  let customers = 0;
  let repeatPurchases = 0;
  let maxT = 0;
  for (let i = 0; i < columns.size; i += 1) {
    const n = columns.count[i]!;
    customers += n;
    repeatPurchases += n * columns.frequency[i]!;
    if (columns.T[i]! > maxT) maxT = columns.T[i]!;
  }
  return { customers, repeatPurchases, maxT };
}
