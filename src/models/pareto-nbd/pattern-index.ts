/**
 * The work plan of every Pareto/NBD evaluation over a summary, built once per summary (once per fit):
 *
 * - nodes: the distinct (x, y) at which the tail integral I(y) of integral.ts is needed, y being a t_x
 *   or a T. Each likelihood evaluation sums the ₂F₁ series once per node, so the customers with
 *   x = 0 share one node (0, 0), and data with a common T (or T in whole days) share their (x, T)
 *   nodes (REFERENCE.md asks to cache the (x, T)-only terms);
 * - patterns: the distinct (x, t_x, T) rows with summed counts (as pairs of nodes), over which the
 *   cheap per-customer combination runs;
 * - the distinct x values, for the per-x terms (ln Γ(r+x), series coefficients).
 *
 * Everything is found with hash tables on the IEEE bits (pair-table.ts), in O(n). Rows are
 * validated here in one O(n) pass (the cheap replacement of a per-row zod parse at the vectorised
 * boundaries): x a non-negative integer, 0 <= t_x <= T finite, t_x = 0 when x = 0, count > 0 finite.
 */
import { fail } from '../../core/errors.js';
import { PairTable } from './pair-table.js';

/** Columns of a summary or pattern summary. */
export interface SummaryColumns {
  readonly size: number;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly count: Float64Array;
}

/** Distinct nodes, patterns and x values; times are divided by `scale`. */
export interface PatternIndex {
  /** Distinct patterns. */
  readonly patterns: number;
  /** Customers per pattern. */
  readonly count: Float64Array;
  /** x per pattern. */
  readonly x: Float64Array;
  /** Node of (x, t_x) and of (x, T) per pattern; equal when t_x = T. */
  readonly nodeTx: Int32Array;
  readonly nodeT: Int32Array;
  /** Index of the pattern's x in `distinctX`. */
  readonly xSlot: Int32Array;
  readonly distinctX: Float64Array;
  readonly nodes: number;
  /** Index of the node's x in `distinctX`. */
  readonly nodeXSlot: Int32Array;
  readonly nodeX: Float64Array;
  /** Node time y / scale. */
  readonly nodeY: Float64Array;
  /** 1 where the node is some pattern's (x, T) node. */
  readonly isTNode: Uint8Array;
  /** Σ count, Σ count·x, max T (original units). */
  readonly customers: number;
  readonly repeatPurchases: number;
  readonly maxT: number;
  readonly scale: number;
}

function badRow(
  fn: string,
  i: number,
  field: string,
  problem: string,
  expected: string,
  received: unknown,
): never {
  return fail('input/invalid', fn, `summary row ${i}: ${field} ${problem}`, {
    expected,
    received,
    path: ['summary', i, field],
  });
}

/** Checks one row's values (see the module comment); throws `input/invalid` naming the row and field. */
export function checkRowValues(
  fn: string,
  i: number,
  x: number,
  tx: number,
  t: number,
  w: number,
): void {
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

/** Checks every row with {@link checkRowValues}. */
export function validateColumns(columns: SummaryColumns, fn: string): void {
  const { size, frequency, recency, T, count } = columns;
  for (let i = 0; i < size; i += 1) {
    checkRowValues(fn, i, frequency[i]!, recency[i]!, T[i]!, count[i]!);
  }
}

/**
 * Builds the {@link PatternIndex} of validated columns, with times divided by `scale` (a power of 2
 * in fits, so the division is exact and equal times stay equal).
 */
export function buildPatternIndex(columns: SummaryColumns, scale: number): PatternIndex {
  const n = columns.size;
  const { frequency, recency, T, count } = columns;
  let customers = 0;
  let repeatPurchases = 0;
  let maxT = 0;
  const xTable = new Map<number, number>();
  const distinct: number[] = [];
  const nodes = new PairTable(Math.min(2 * n + 1, 1 << 16));
  const patterns = new PairTable(Math.min(n, 1 << 16));
  let nodeXSlot = new Int32Array(64);
  let isTNode = new Uint8Array(64);
  let pXSlot = new Int32Array(64);
  let pCount = new Float64Array(64);
  let lastX = Number.NaN;
  let lastSlot = -1;
  for (let i = 0; i < n; i += 1) {
    const x = frequency[i]!;
    const w = count[i]!;
    customers += w;
    repeatPurchases += w * x;
    if (T[i]! > maxT) maxT = T[i]!;
    let slot: number;
    if (x === lastX) slot = lastSlot;
    else {
      const known = xTable.get(x);
      if (known === undefined) {
        slot = distinct.length;
        distinct.push(x);
        xTable.set(x, slot);
      } else slot = known;
      lastX = x;
      lastSlot = slot;
    }
    const a = nodes.id(x, recency[i]! / scale + 0);
    const b = nodes.id(x, T[i]! / scale + 0);
    if (nodes.size > nodeXSlot.length) {
      const grown = new Int32Array(2 * nodes.size);
      grown.set(nodeXSlot);
      nodeXSlot = grown;
      const flags = new Uint8Array(2 * nodes.size);
      flags.set(isTNode);
      isTNode = flags;
    }
    nodeXSlot[a] = slot;
    nodeXSlot[b] = slot;
    isTNode[b] = 1;
    const p = patterns.id(a, b);
    if (p === pCount.length) {
      const grownCount = new Float64Array(2 * p);
      grownCount.set(pCount);
      pCount = grownCount;
      const grownSlot = new Int32Array(2 * p);
      grownSlot.set(pXSlot);
      pXSlot = grownSlot;
    }
    pCount[p] = pCount[p]! + w;
    pXSlot[p] = slot;
  }
  const np = patterns.size;
  const nodeTx = new Int32Array(np);
  const nodeT = new Int32Array(np);
  const x = new Float64Array(np);
  for (let p = 0; p < np; p += 1) {
    nodeTx[p] = patterns.keyA[p]!;
    nodeT[p] = patterns.keyB[p]!;
    x[p] = distinct[pXSlot[p]!]!;
  }
  return {
    patterns: np,
    count: pCount.slice(0, np),
    x,
    nodeTx,
    nodeT,
    xSlot: pXSlot.slice(0, np),
    distinctX: Float64Array.from(distinct),
    nodes: nodes.size,
    nodeXSlot: nodeXSlot.slice(0, nodes.size),
    nodeX: nodes.keyA.slice(0, nodes.size),
    nodeY: nodes.keyB.slice(0, nodes.size),
    isTNode: isTNode.slice(0, nodes.size),
    customers,
    repeatPurchases,
    maxT,
    scale,
  };
}
