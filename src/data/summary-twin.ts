/**
 * The typed-array twin of a summary made by this library: frequency, recency, T and count of every
 * row as Float64Arrays, built while the summary is built and remembered in a WeakMap keyed by the
 * summary's frozen rows array (the pattern of transaction-columns.ts). The models read a million
 * rows from four contiguous arrays in a few milliseconds instead of visiting a million objects
 * (about 30 ms, a third of the scoring budget), and skip the row checks the builder already made.
 *
 * Rows are frozen objects in a frozen array, so a twin can never go stale; a summary copied,
 * filtered or parsed from JSON has a different (or no frozen) rows array and no twin, and is read
 * and checked row by row as before. Twins are shared and read-only: nothing may write to them.
 *
 * Invariants of every registered twin (the builders check them): frequency a safe integer >= 0,
 * 0 <= recency <= T < ∞, recency = 0 when frequency = 0, count an integer >= 1.
 *
 * @internal
 */

/** Columns of a summary's rows, in row order. */
export interface SummaryTwin {
  readonly size: number;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly count: Float64Array;
}

const twins = /* @__PURE__ */ new WeakMap<object, SummaryTwin>();

/** Empty columns for n rows, to be filled by a builder. */
export function allocateTwin(n: number): SummaryTwin {
  return {
    size: n,
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    count: new Float64Array(n),
  };
}

/** Columns of rows whose values the caller has checked (one pass). */
export function twinOfRows(
  rows: readonly {
    readonly frequency: number;
    readonly recency: number;
    readonly T: number;
    readonly count: number;
  }[],
): SummaryTwin {
  const twin = allocateTwin(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    twin.frequency[i] = row.frequency;
    twin.recency[i] = row.recency;
    twin.T[i] = row.T;
    twin.count[i] = row.count;
  }
  return twin;
}

/** Remembers the twin of a frozen rows array (ignored unless the array is frozen). */
export function rememberTwin(rows: readonly object[], twin: SummaryTwin): void {
  if (Object.isFrozen(rows) && twin.size === rows.length) twins.set(rows, Object.freeze(twin));
}

/** The twin of a rows array, if a builder of this library registered one. */
export function twinOf(rows: unknown): SummaryTwin | undefined {
  return typeof rows === 'object' && rows !== null ? twins.get(rows) : undefined;
}
