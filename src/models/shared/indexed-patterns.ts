/**
 * A summary turned into what a likelihood loops over fastest: typed-array columns of distinct
 * (x, t_x, T) patterns with counts, an index of the distinct frequencies (so gamma and digamma terms
 * are computed once per distinct x) and, when the times take few distinct values (days / 7, months),
 * an index of the distinct times (so ln(α + t) is computed once per distinct time, not per customer).
 * With continuous times (simulated data) only the x = 0 rows, which differ by T alone, are merged.
 *
 * It reads the customer rows directly with numeric keys, which is what makes a 100,000-customer fit
 * take tens of milliseconds; `compressSummary` (string keys, frozen objects) is the general-purpose
 * path and gives the same patterns.
 */
import { fail } from '../../core/errors.js';
import { twinOf } from '../../data/summary-twin.js';
import type { RfmPatternColumns } from '../../data/summary-types.js';
import type { TransactionSummaryInput } from '../types.js';

/** Distinct time values beyond which times are not indexed (continuous times: logs per row). */
const TIME_INDEX_LIMIT = 1 << 16;

/** Distinct patterns with counts, frequency index and (optional) time index. */
export interface IndexedPatterns {
  readonly size: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly n: Float64Array;
  /** Index of each pattern's x in `distinctX`. */
  readonly xIndex: Int32Array;
  readonly distinctX: Float64Array;
  /** Customers with each distinct x. */
  readonly countByX: Float64Array;
  /** Distinct values of t_x and T together, or null when there are too many to index. */
  readonly times: Float64Array | null;
  /** Slot in `times` of each pattern's t_x (null when times are not indexed). */
  readonly txSlot: Int32Array | null;
  /** Slot in `times` of each pattern's T (null when times are not indexed). */
  readonly TSlot: Int32Array | null;
  /** Customers represented (Σ n). */
  readonly customers: number;
  /** Repeat purchases Σ n·x. */
  readonly repeatPurchases: number;
  readonly maxT: number;
}

/** The fields of a summary row the models read. */
export interface SummaryRow {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly count: number;
}

function badSummary(fn: string, received: unknown): never {
  return fail('input/invalid', fn, 'summary must be an RFM summary or pattern summary', {
    expected: 'the result of rfmSummary, rfmSummaryFromRows or compressSummary',
    received,
    path: ['summary'],
  });
}

function badRow(fn: string, field: string, i: number, row: unknown): never {
  const r = row as Partial<SummaryRow> | null;
  return fail('input/invalid', fn, `summary row ${i} is not a possible customer history`, {
    expected:
      'frequency an integer >= 0, 0 <= recency <= T finite, recency 0 when frequency is 0, count a positive integer',
    received:
      r === null || typeof r !== 'object'
        ? r
        : `frequency ${r.frequency}, recency ${r.recency}, T ${r.T}, count ${r.count}`,
    path: ['summary', field, i],
  });
}

/** The rows of a summary (customers or patterns) and the field name for error paths. */
export function summaryRowArray(
  summary: TransactionSummaryInput,
  fn: string,
): { rows: readonly SummaryRow[]; field: string } {
  if (summary === null || typeof summary !== 'object') badSummary(fn, summary);
  if (summary.kind === 'rfm-summary' && Array.isArray(summary.customers))
    return { rows: summary.customers, field: 'customers' };
  if (summary.kind === 'rfm-patterns' && Array.isArray(summary.patterns))
    return { rows: summary.patterns, field: 'patterns' };
  return badSummary(fn, (summary as { kind?: unknown }).kind);
}

/**
 * Checks one row: x a non-negative integer, 0 <= t_x <= T finite, t_x = 0 when x = 0, count a
 * positive integer (a few comparisons; the typeof tests also reject NaN and non-numbers).
 */
export function checkRow(row: SummaryRow, i: number, fn: string, field: string): void {
  if (row === null || typeof row !== 'object') badRow(fn, field, i, row);
  const xi = row.frequency;
  const ti = row.recency;
  const Ti = row.T;
  const ni = row.count;
  if (
    !(typeof xi === 'number' && Number.isInteger(xi) && xi >= 0) ||
    !(typeof ti === 'number' && ti >= 0 && ti <= Ti) ||
    !(typeof Ti === 'number' && Ti < Number.POSITIVE_INFINITY) ||
    (xi === 0 && ti !== 0) ||
    !(typeof ni === 'number' && Number.isInteger(ni) && ni > 0)
  )
    badRow(fn, field, i, row);
}

/**
 * Reads and checks a summary (O(n), a few comparisons per row) into raw columns in row order. A
 * summary built by this library already has them (its twin, data/summary-twin.ts): those arrays
 * are returned as they are, shared, so callers must not write to the result.
 */
export function summaryRows(
  summary: TransactionSummaryInput,
  fn: string,
): { x: Float64Array; tx: Float64Array; T: Float64Array; n: Float64Array } {
  const { rows, field } = summaryRowArray(summary, fn);
  const twin = twinOf(rows);
  if (twin !== undefined) return { x: twin.frequency, tx: twin.recency, T: twin.T, n: twin.count };
  const size = rows.length;
  const x = new Float64Array(size);
  const tx = new Float64Array(size);
  const T = new Float64Array(size);
  const n = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    const row = rows[i]!;
    checkRow(row, i, fn, field);
    x[i] = row.frequency;
    tx[i] = row.recency;
    T[i] = row.T;
    n[i] = row.count;
  }
  return { x, tx, T, n };
}

/** True when more than half of the first 2,048 repeat buyers have a recency no other of them has. */
function continuousTimes(x: Float64Array, tx: Float64Array): boolean {
  const seen = new Set<number>();
  let buyers = 0;
  for (let i = 0; i < x.length && buyers < 2048; i += 1) {
    if (x[i]! > 0) {
      buyers += 1;
      seen.add(tx[i]!);
    }
  }
  return buyers >= 64 && seen.size > buyers / 2;
}

/**
 * Indexes raw columns (checked already): merges identical (x, t_x, T) rows, indexes distinct x and,
 * when there are at most 65,536 distinct times, distinct times. Rows are kept in first-seen order.
 * `merge: false` and `indexTimes: false` keep every row as it is (for benchmarks of the
 * uncompressed likelihood).
 */
export function indexColumns(
  columns: {
    readonly x: Float64Array;
    readonly tx: Float64Array;
    readonly T: Float64Array;
    readonly n: Float64Array;
  },
  options: { readonly merge?: boolean; readonly indexTimes?: boolean } = {},
): IndexedPatterns {
  const { x, tx, T, n } = columns;
  const rows = x.length;
  const merge = options.merge ?? true;
  // Time index (abandoned once it passes the limit). Skipped when the recencies of the first
  // repeat buyers are mostly distinct (continuous times): the index would not save a logarithm.
  const timeSlot = new Map<number, number>();
  const timeValues: number[] = [];
  let indexed = (options.indexTimes ?? true) && !continuousTimes(x, tx);
  // Slots per row, allocated only when times are indexed (8 MB saved per million rows otherwise).
  const rowTx = new Int32Array(indexed ? rows : 0);
  const rowT = new Int32Array(indexed ? rows : 0);
  for (let i = 0; i < rows && indexed; i += 1) {
    for (let j = 0; j < 2; j += 1) {
      const v = j === 0 ? tx[i]! : T[i]!;
      let s = timeSlot.get(v);
      if (s === undefined) {
        s = timeValues.length;
        if (s >= TIME_INDEX_LIMIT) {
          indexed = false;
          break;
        }
        timeSlot.set(v, s);
        timeValues.push(v);
      }
      if (j === 0) rowTx[i] = s;
      else rowT[i] = s;
    }
  }
  const nt = timeValues.length;
  // Merge identical patterns: with a time index every pattern is a number key; without one only
  // the x = 0 rows (keyed by T) merge, the rest being distinct in practice.
  const patternOf = new Map<number, number>();
  const zeroOf = new Map<number, number>();
  const keep = new Int32Array(rows);
  const counts: number[] = [];
  let size = 0;
  let maxX = 0;
  for (let i = 0; i < rows; i += 1) if (x[i]! > maxX) maxX = x[i]!;
  const numericKeys = indexed && (maxX + 1) * nt * nt < Number.MAX_SAFE_INTEGER;
  // Rows usually come in runs with the same T (cohorts): remember the last x = 0 pattern.
  let lastZeroT = Number.NaN;
  let lastZeroAt = -1;
  for (let i = 0; i < rows; i += 1) {
    let at: number | undefined;
    let key = 0;
    let map: Map<number, number> | undefined;
    if (!merge) {
      map = undefined;
    } else if (numericKeys) {
      key = (x[i]! * nt + rowTx[i]!) * nt + rowT[i]!;
      map = patternOf;
    } else if (x[i] === 0) {
      key = T[i]!;
      map = zeroOf;
      if (key === lastZeroT) at = lastZeroAt;
    }
    if (map !== undefined && at === undefined) at = map.get(key);
    if (at === undefined) {
      if (map !== undefined) map.set(key, size);
      at = size;
      keep[size] = i;
      counts.push(n[i]!);
      size += 1;
    } else counts[at] = counts[at]! + n[i]!;
    if (map === zeroOf) {
      lastZeroT = key;
      lastZeroAt = at;
    }
  }
  const px = new Float64Array(size);
  const ptx = new Float64Array(size);
  const pT = new Float64Array(size);
  const pn = Float64Array.from(counts);
  const txSlot = indexed ? new Int32Array(size) : null;
  const TSlot = indexed ? new Int32Array(size) : null;
  const xIndex = new Int32Array(size);
  // Slot of each distinct x: a typed array (slot + 1, 0 = unseen) for small x, a Map beyond.
  const SMALL_X = 4096;
  const smallSlot = new Int32Array(SMALL_X);
  const xSlot = new Map<number, number>();
  const distinct: number[] = [];
  const byX: number[] = [];
  let customers = 0;
  let repeatPurchases = 0;
  let maxT = 0;
  for (let k = 0; k < size; k += 1) {
    const i = keep[k]!;
    const xi = x[i]!;
    px[k] = xi;
    ptx[k] = tx[i]!;
    pT[k] = T[i]!;
    if (txSlot !== null && TSlot !== null) {
      txSlot[k] = rowTx[i]!;
      TSlot[k] = rowT[i]!;
    }
    let s = xi < SMALL_X ? smallSlot[xi]! - 1 : (xSlot.get(xi) ?? -1);
    if (s < 0) {
      s = distinct.length;
      if (xi < SMALL_X) smallSlot[xi] = s + 1;
      else xSlot.set(xi, s);
      distinct.push(xi);
      byX.push(0);
    }
    xIndex[k] = s;
    const nk = pn[k]!;
    byX[s] = byX[s]! + nk;
    customers += nk;
    repeatPurchases += nk * xi;
    if (T[i]! > maxT) maxT = T[i]!;
  }
  return {
    size,
    x: px,
    tx: ptx,
    T: pT,
    n: pn,
    xIndex,
    distinctX: Float64Array.from(distinct),
    countByX: Float64Array.from(byX),
    times: indexed ? Float64Array.from(timeValues) : null,
    txSlot,
    TSlot,
    customers,
    repeatPurchases,
    maxT,
  };
}

/** Checks and indexes a summary (customer rows or patterns): {@link summaryRows} then {@link indexColumns}. */
export function indexPatterns(summary: TransactionSummaryInput, fn: string): IndexedPatterns {
  return indexColumns(summaryRows(summary, fn));
}

/** Indexes pattern columns such as `toColumns` returns (checked by the caller). */
export function indexPatternColumns(columns: RfmPatternColumns): IndexedPatterns {
  return indexColumns({
    x: columns.frequency,
    tx: columns.recency,
    T: columns.T,
    n: columns.count,
  });
}

/** The same patterns with every time divided by `scale` (for a fit's conditioning). */
export function rescaleTimes(data: IndexedPatterns, scale: number): IndexedPatterns {
  if (scale === 1) return data;
  const divide = (v: Float64Array): Float64Array => v.map((t) => t / scale);
  return {
    ...data,
    tx: divide(data.tx),
    T: divide(data.T),
    times: data.times === null ? null : divide(data.times),
    maxT: data.maxT / scale,
  };
}
