/**
 * The work plan of every Pareto/NBD evaluation over a summary: the distinct "nodes" (x, y) at which
 * the tail integral I(y) of integral.ts is needed, y being a t_x or a T, and for each row the two
 * nodes it reads. Built once per summary (once per fit), so each likelihood evaluation computes the
 * ₂F₁ series once per distinct (x, t_x) and once per distinct (x, T) (REFERENCE.md asks to cache the
 * (x, T)-only terms): the customers with x = 0 share one node (0, 0), and data with a common T (or
 * T in whole days) share their T nodes.
 *
 * Rows are validated here in one O(n) pass (the cheap replacement of a per-row zod parse at the
 * vectorised boundaries): x a non-negative integer, 0 <= t_x <= T finite, t_x = 0 when x = 0,
 * count > 0 finite.
 */
import { fail } from '../../core/errors.js';

/** Columns of a summary or pattern summary (as `toColumns` returns them). */
export interface SummaryColumns {
  readonly size: number;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly count: Float64Array;
}

/** Distinct nodes and the row-to-node maps; times are divided by `scale`. */
export interface PatternIndex {
  readonly rows: number;
  /** Row weights (customers per row). */
  readonly count: Float64Array;
  /** Row x as float. */
  readonly x: Float64Array;
  /** Node of (x, t_x) and of (x, T) per row; equal when t_x = T. */
  readonly nodeTx: Int32Array;
  readonly nodeT: Int32Array;
  /** Index of the row's x in `distinctX`. */
  readonly xSlot: Int32Array;
  readonly distinctX: Float64Array;
  readonly nodes: number;
  readonly nodeX: Float64Array;
  /** Node time y / scale. */
  readonly nodeY: Float64Array;
  /** Σ count, Σ count·x, max T (original units). */
  readonly customers: number;
  readonly repeatPurchases: number;
  readonly maxT: number;
  readonly scale: number;
}

function badRow(fn: string, i: number, field: string, problem: string, expected: string, received: unknown): never {
  return fail('input/invalid', fn, `summary row ${i}: ${field} ${problem}`, {
    expected,
    received,
    path: ['summary', i, field],
  });
}

/** Checks every row (see the module comment); throws `input/invalid` naming the row and field. */
export function validateColumns(columns: SummaryColumns, fn: string): void {
  const { size, frequency, recency, T, count } = columns;
  for (let i = 0; i < size; i += 1) {
    const x = frequency[i]!;
    const tx = recency[i]!;
    const t = T[i]!;
    const w = count[i]!;
    if (!(x >= 0 && Number.isInteger(x) && x <= Number.MAX_SAFE_INTEGER))
      badRow(fn, i, 'frequency', 'must be an integer >= 0', 'an integer >= 0', x);
    if (!(t >= 0 && t < Number.POSITIVE_INFINITY))
      badRow(fn, i, 'T', 'must be a finite number >= 0', 'a finite number >= 0', t);
    if (!(tx >= 0 && tx <= t))
      badRow(fn, i, 'recency', 'must lie in [0, T]', `a number in [0, ${t}]`, tx);
    if (x === 0 && tx !== 0) badRow(fn, i, 'recency', 'must be 0 when frequency is 0', '0', tx);
    if (!(w > 0 && w < Number.POSITIVE_INFINITY))
      badRow(fn, i, 'count', 'must be a finite number > 0', 'a number > 0', w);
  }
}

/** Position of `value` in the sorted unique array `arr[from, to)` (it is known to be there). */
function findSorted(arr: Float64Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds the {@link PatternIndex} of validated columns, with times divided by `scale` (a power of 2
 * in fits, so the division is exact and equal times stay equal).
 */
export function buildPatternIndex(columns: SummaryColumns, scale: number): PatternIndex {
  const n = columns.size;
  const { frequency, recency, T, count } = columns;
  // Distinct x (counting sort by x through a table, or a Map when x is huge).
  let maxX = 0;
  let customers = 0;
  let repeatPurchases = 0;
  let maxT = 0;
  for (let i = 0; i < n; i += 1) {
    const x = frequency[i]!;
    if (x > maxX) maxX = x;
    customers += count[i]!;
    repeatPurchases += count[i]! * x;
    if (T[i]! > maxT) maxT = T[i]!;
  }
  const xSlot = new Int32Array(n);
  let distinct: number[];
  if (maxX <= 4 * n + 1024) {
    const table = new Int32Array(maxX + 1).fill(-1);
    for (let i = 0; i < n; i += 1) table[frequency[i]!] = 0;
    distinct = [];
    for (let x = 0; x <= maxX; x += 1) {
      if (table[x] === 0) {
        table[x] = distinct.length;
        distinct.push(x);
      }
    }
    for (let i = 0; i < n; i += 1) xSlot[i] = table[frequency[i]!]!;
  } else {
    const set = new Set<number>();
    for (let i = 0; i < n; i += 1) set.add(frequency[i]!);
    distinct = [...set].sort((a, b) => a - b);
    const map = new Map<number, number>();
    distinct.forEach((x, k) => map.set(x, k));
    for (let i = 0; i < n; i += 1) xSlot[i] = map.get(frequency[i]!)!;
  }
  const nx = distinct.length;
  // Rows grouped by x slot.
  const start = new Int32Array(nx + 1);
  for (let i = 0; i < n; i += 1) start[xSlot[i]! + 1]! += 1;
  for (let k = 0; k < nx; k += 1) start[k + 1]! += start[k]!;
  const order = new Int32Array(n);
  const fillAt = start.slice(0, nx);
  for (let i = 0; i < n; i += 1) order[fillAt[xSlot[i]!]!++] = i;
  // Per group: the sorted distinct times (t_x of rows with x > 0 or the single 0 of x = 0, and T).
  const times = new Float64Array(2 * n);
  const nodeStart = new Int32Array(nx + 1);
  let nodes = 0;
  const groupTimes = new Float64Array(2 * n);
  for (let k = 0; k < nx; k += 1) {
    let m = 0;
    for (let j = start[k]!; j < start[k + 1]!; j += 1) {
      const i = order[j]!;
      groupTimes[m++] = recency[i]! / scale;
      groupTimes[m++] = T[i]! / scale;
    }
    const sorted = groupTimes.subarray(0, m).sort();
    nodeStart[k] = nodes;
    let last = Number.NaN;
    for (let j = 0; j < m; j += 1) {
      const v = sorted[j]!;
      if (v !== last) {
        times[nodes++] = v;
        last = v;
      }
    }
  }
  nodeStart[nx] = nodes;
  const nodeX = new Float64Array(nodes);
  for (let k = 0; k < nx; k += 1)
    for (let j = nodeStart[k]!; j < nodeStart[k + 1]!; j += 1) nodeX[j] = distinct[k]!;
  const nodeY = times.slice(0, nodes);
  const nodeTx = new Int32Array(n);
  const nodeT = new Int32Array(n);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const k = xSlot[i]!;
    const from = nodeStart[k]!;
    const to = nodeStart[k + 1]!;
    nodeTx[i] = findSorted(nodeY, from, to, recency[i]! / scale);
    nodeT[i] = findSorted(nodeY, from, to, T[i]! / scale);
    x[i] = frequency[i]!;
  }
  return {
    rows: n,
    count: count.slice(),
    x,
    nodeTx,
    nodeT,
    xSlot,
    distinctX: Float64Array.from(distinct),
    nodes,
    nodeX,
    nodeY,
    customers,
    repeatPurchases,
    maxT,
    scale,
  };
}
