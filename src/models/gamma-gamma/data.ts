/**
 * The Gamma-Gamma fit data: the repeat customers of an RFM summary (x >= 1) with their mean repeat
 * spend m_x, grouped by distinct x, with the sums the likelihood needs precomputed once.
 */
import { fail } from '../../core/errors.js';
import type { RfmRow, RfmSummary } from '../../data/summary-types.js';

/** Repeat customers' spend, ready for repeated likelihood evaluations. */
export interface SpendData {
  /** Rows with x >= 1. */
  readonly size: number;
  readonly x: Float64Array;
  /** Mean repeat spend m_x, divided by `scale`. */
  readonly m: Float64Array;
  /** Total repeat spend x·m_x, divided by `scale`. */
  readonly s: Float64Array;
  /** Customers per row (the summary's counts). */
  readonly w: Float64Array;
  /** w·x per row. */
  readonly wx: Float64Array;
  /** Per-customer sums at the last γ evaluated (see likelihood.ts); mutable scratch. */
  readonly cache: { gamma: number; s0: number; s1: number; r0: number; r1: number };
  /** Distinct x and the customers with each. */
  readonly distinctX: Float64Array;
  readonly countByX: Float64Array;
  /** Σ w: repeat customers (the likelihood's observations). */
  readonly customers: number;
  /** Σ w over rows with x = 0 (excluded from the fit). */
  readonly excluded: number;
  /** Σ w x ln m, Σ w ln m (on the scaled m), Σ w x ln x, Σ w ln x. */
  readonly sumXLnM: number;
  readonly sumLnM: number;
  readonly sumXLnX: number;
  readonly sumLnX: number;
  /** Money scale the spends were divided by (a power of 2 near their weighted mean, or 1). */
  readonly scale: number;
  /** Weighted mean of m_x in the original money unit. */
  readonly meanSpend: number;
}

/** Checks that `summary` is a customer RFM summary (kind and rows array). */
export function checkSpendSummary(summary: unknown, fn: string): RfmSummary {
  const s = summary as Partial<RfmSummary> | null;
  if (
    s === null ||
    typeof s !== 'object' ||
    s.kind !== 'rfm-summary' ||
    !Array.isArray(s.customers)
  )
    fail('input/invalid', fn, 'spend models need a customer RFM summary with monetary values', {
      expected: "the result of rfmSummary or rfmSummaryFromRows (kind 'rfm-summary')",
      received: (s as { kind?: unknown } | null)?.kind ?? summary,
      path: ['summary'],
    });
  return s as RfmSummary;
}

/** One row's x and count, checked. */
function rowNumbers(row: RfmRow | undefined, i: number, fn: string): { x: number; w: number } {
  const x = row?.frequency;
  const w = row?.count;
  if (
    typeof x !== 'number' ||
    typeof w !== 'number' ||
    !(Number.isInteger(x) && x >= 0 && w > 0 && w < Number.POSITIVE_INFINITY)
  )
    fail('input/invalid', fn, `summary.customers[${i}] has an impossible frequency or count`, {
      expected: 'frequency a whole number >= 0 and count > 0',
      received: `frequency ${x}, count ${w}`,
      path: ['summary', 'customers', i],
    });
  return { x, w };
}

/**
 * Extracts the repeat customers (x >= 1) of a summary: m_x must be a finite number > 0 (the
 * Gamma density is 0 at 0). Rows with x = 0 are counted in `excluded`. With `rescale`, spends are
 * divided by a power of 2 near their mean (exact in binary), so that default starting points suit
 * any currency unit.
 */
export function prepareSpendData(summary: RfmSummary, fn: string, rescale: boolean): SpendData {
  const rows = checkSpendSummary(summary, fn).customers;
  const n = rows.length;
  const x = new Float64Array(n);
  const m = new Float64Array(n);
  const w = new Float64Array(n);
  let size = 0;
  let customers = 0;
  let excluded = 0;
  let weightedSpend = 0;
  for (let i = 0; i < n; i += 1) {
    const row = rows[i];
    const { x: xi, w: wi } = rowNumbers(row, i, fn);
    if (xi === 0) {
      excluded += wi;
      continue;
    }
    const text = row!.monetaryValue;
    if (text === null || text === undefined)
      fail(
        'input/invalid',
        fn,
        `summary.customers[${i}] has repeat purchases but no monetaryValue`,
        {
          expected: 'the mean repeat-transaction value of every customer with frequency >= 1',
          received: null,
          path: ['summary', 'customers', i, 'monetaryValue'],
        },
      );
    const mi = Number(text);
    if (!(mi > 0 && mi < Number.POSITIVE_INFINITY))
      fail('input/invalid', fn, `summary.customers[${i}].monetaryValue must be > 0`, {
        expected: 'a positive mean repeat spend (Gamma-Gamma has no mass at 0 or below)',
        received: text,
        path: ['summary', 'customers', i, 'monetaryValue'],
      });
    x[size] = xi;
    m[size] = mi;
    w[size] = wi;
    size += 1;
    customers += wi;
    weightedSpend += wi * mi;
  }
  const meanSpend = customers === 0 ? 0 : weightedSpend / customers;
  const scale = rescale && meanSpend > 0 ? 2 ** Math.round(Math.log2(meanSpend)) : 1;
  const s = new Float64Array(size);
  const wx = new Float64Array(size);
  const slot = new Map<number, number>();
  const distinct: number[] = [];
  const counts: number[] = [];
  let sumXLnM = 0;
  let sumLnM = 0;
  let sumXLnX = 0;
  let sumLnX = 0;
  for (let j = 0; j < size; j += 1) {
    const xi = x[j]!;
    const wi = w[j]!;
    const mi = m[j]! / scale;
    m[j] = mi;
    s[j] = mi * xi;
    wx[j] = wi * xi;
    const lnM = Math.log(mi);
    const lnX = Math.log(xi);
    sumXLnM += wi * xi * lnM;
    sumLnM += wi * lnM;
    sumXLnX += wi * xi * lnX;
    sumLnX += wi * lnX;
    let k = slot.get(xi);
    if (k === undefined) {
      k = distinct.length;
      slot.set(xi, k);
      distinct.push(xi);
      counts.push(0);
    }
    counts[k] = counts[k]! + wi;
  }
  return {
    size,
    x: x.subarray(0, size),
    m: m.subarray(0, size),
    s,
    w: w.subarray(0, size),
    wx,
    cache: { gamma: Number.NaN, s0: 0, s1: 0, r0: 0, r1: 0 },
    distinctX: Float64Array.from(distinct),
    countByX: Float64Array.from(counts),
    customers,
    excluded,
    sumXLnM,
    sumLnM,
    sumXLnX,
    sumLnX,
    scale,
    meanSpend,
  };
}
