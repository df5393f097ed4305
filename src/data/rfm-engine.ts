/**
 * The engine behind every RFM summary built from transactions. It reads transaction columns
 * (customer index, day, amount in exact integer units: see transaction-columns.ts), never
 * transaction objects, groups them with two stable counting sorts (by merge period, then by
 * customer: O(n + periods + customers), no comparison sort of transactions), walks each customer's
 * merge periods in order and builds the rows.
 *
 * Amounts are summed exactly: in integer units of 10^-4 while every partial sum is a safe integer,
 * otherwise (more than four decimals, or very large sums) the customer is redone in decimal.js.
 *
 * @internal
 */
import { Dec, type DecimalValue } from '../money/decimal.js';
import {
  addUnits,
  decimalToString,
  ExactTotal,
  UnitsOverflow,
  unitsMean,
  unitsToDecimal,
  unitsToString,
} from './amount.js';
import { type CalendarTimeUnit, elapsed, type MergeBy, periodStart } from './calendar.js';
import type { RfmExclusions, RfmRow, RfmSpend } from './summary-types.js';
import type { TransactionColumns } from './transaction-columns.js';

/** What the engine needs to know about the summary being built. */
export interface RfmSettings {
  readonly mergeBy: MergeBy;
  readonly timeUnit: CalendarTimeUnit;
  /** Day number of the last day of the data (inclusive). */
  readonly observationEnd: number;
  /** Day number of the last calibration day (inclusive); undefined when there is no holdout. */
  readonly calibrationEnd: number | undefined;
}

/** Exact arithmetic over one kind of value: integer units (number) or decimal.js. */
interface Arith<V> {
  readonly zero: V;
  /** Adds transaction `tx`'s amount. */
  addTx(acc: V, tx: number): V;
  add(a: V, b: V): V;
  toText(value: V): string;
  /** `value / n` as an exact decimal string. */
  mean(value: V, n: number): string;
  addToTotal(total: ExactTotal, value: V): void;
}

/** Raised when a customer's amounts cannot be summed in units. */
const NEEDS_DECIMAL = new UnitsOverflow();

/** One customer's walk over its merge periods. */
interface CustomerResult<V> {
  firstStart: number;
  lastStart: number;
  frequency: number;
  first: V;
  repeat: V;
  standalone: V;
  holdoutFrequency: number;
  holdoutSpend: V;
  hasHoldoutPurchase: boolean;
  total: V;
}

/** Builds RFM rows from transaction columns. */
class RfmEngine {
  private readonly customer: Int32Array;
  private readonly days: Int32Array;
  private readonly units: Float64Array;
  private readonly decimals: ReadonlyMap<number, DecimalValue>;
  private readonly names: readonly string[];
  private readonly index: ReadonlyMap<string, number>;
  private readonly afterEnd: number;
  private readonly afterEndTotal = new ExactTotal();
  private readonly calibrationEnd: number;
  /** The transactions grouped by customer (set by `finish`). */
  private sorted: {
    keys: Int32Array;
    units: Float64Array;
    positions: Int32Array | undefined;
  } = { keys: new Int32Array(0), units: new Float64Array(0), positions: undefined };
  /** Reused by every walk (rows copy what they need out of it). */
  private readonly result: CustomerResult<unknown> = {
    firstStart: Number.NaN,
    lastStart: Number.NaN,
    frequency: 0,
    first: 0,
    repeat: 0,
    standalone: 0,
    holdoutFrequency: 0,
    holdoutSpend: 0,
    hasHoldoutPurchase: false,
    total: 0,
  };

  constructor(
    columns: TransactionColumns,
    private readonly settings: RfmSettings,
  ) {
    this.calibrationEnd = settings.calibrationEnd ?? settings.observationEnd;
    this.names = columns.names;
    this.index = columns.index;
    const end = settings.observationEnd;
    const n = columns.size;
    let after = 0;
    for (let i = 0; i < n; i += 1) if (columns.days[i]! > end) after += 1;
    this.afterEnd = after;
    if (after === 0) {
      this.customer = columns.customer;
      this.days = columns.days;
      this.units = columns.units;
      this.decimals = columns.decimals;
      return;
    }
    // Leave out transactions after observationEnd (counted, and their amount totalled).
    const kept = n - after;
    this.customer = new Int32Array(kept);
    this.days = new Int32Array(kept);
    this.units = new Float64Array(kept);
    const decimals = new Map<number, DecimalValue>();
    let k = 0;
    for (let i = 0; i < n; i += 1) {
      const u = columns.units[i]!;
      if (columns.days[i]! > end) {
        if (!Number.isNaN(u)) this.afterEndTotal.addUnits(u);
        else this.afterEndTotal.addDecimal(columns.decimals.get(i)!);
        continue;
      }
      this.customer[k] = columns.customer[i]!;
      this.days[k] = columns.days[i]!;
      this.units[k] = u;
      if (Number.isNaN(u)) decimals.set(k, columns.decimals.get(i)!);
      k += 1;
    }
    this.decimals = decimals;
  }

  /** Rows sorted by customer id, and what was excluded. */
  finish(): { rows: RfmRow[]; excluded: RfmExclusions } {
    const n = this.customer.length;
    const s = this.settings;
    const calibrationEnd = this.calibrationEnd;
    // Merge-period key: 2 x (period start - minimum start) + (1 if in the holdout).
    let minDay = Number.POSITIVE_INFINITY;
    let maxDay = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i += 1) {
      const day = this.days[i]!;
      if (day < minDay) minDay = day;
      if (day > maxDay) maxDay = day;
    }
    const minStart = n === 0 ? 0 : periodStart(minDay, s.mergeBy);
    // Period start of each day, computed once per distinct day (identity for day merging).
    const table = new Int32Array(n === 0 || s.mergeBy === 'day' ? 0 : maxDay - minDay + 1);
    for (let d = 0; d < table.length; d += 1) table[d] = periodStart(minDay + d, s.mergeBy);
    // Group by customer with one counting sort that carries the payload (merge-period key, units
    // and, when some amounts are decimals, the original position), so every later pass reads
    // contiguous memory.
    const customerCount = this.names.length;
    const customerStarts = new Int32Array(customerCount + 1);
    for (let i = 0; i < n; i += 1) customerStarts[this.customer[i]! + 1]! += 1;
    for (let c = 0; c < customerCount; c += 1)
      customerStarts[c + 1] = customerStarts[c + 1]! + customerStarts[c]!;
    const cursor = customerStarts.slice(0, customerCount);
    const keys = new Int32Array(n);
    const units = new Float64Array(n);
    const positions = this.decimals.size > 0 ? new Int32Array(n) : undefined;
    const byDay = s.mergeBy === 'day';
    for (let i = 0; i < n; i += 1) {
      const c = this.customer[i]!;
      const at = cursor[c]!;
      cursor[c] = at + 1;
      const day = this.days[i]!;
      const start = byDay ? day : table[day - minDay]!;
      keys[at] = 2 * (start - minStart) + (day > calibrationEnd ? 1 : 0);
      units[at] = this.units[i]!;
      if (positions !== undefined) positions[at] = i;
    }
    this.sorted = { keys, units, positions };

    const numbers = this.numberArith();
    const decimals = this.decimalArith();
    const calibrationEndStart = periodStart(calibrationEnd, s.mergeBy);
    const holdoutDuration =
      s.calibrationEnd === undefined
        ? undefined
        : elapsed(calibrationEndStart, periodStart(s.observationEnd, s.mergeBy), s.timeUnit);
    const excludedTotal = new ExactTotal();
    let firstInHoldout = 0;
    let withoutPurchase = 0;
    let excludedTransactions = this.afterEnd;
    const rows: (RfmRow | undefined)[] = new Array(this.names.length);

    const build = <V>(arith: Arith<V>, c: number, r: CustomerResult<V>): void => {
      if (Number.isNaN(r.firstStart)) {
        if (r.hasHoldoutPurchase) firstInHoldout += 1;
        else withoutPurchase += 1;
        excludedTransactions += customerStarts[c + 1]! - customerStarts[c]!;
        arith.addToTotal(excludedTotal, r.total);
        return;
      }
      const customerId = this.names[c]!;
      const frequency = r.frequency;
      const recency = frequency === 0 ? 0 : elapsed(r.firstStart, r.lastStart, s.timeUnit);
      const T = elapsed(r.firstStart, calibrationEndStart, s.timeUnit);
      const monetaryValue = frequency === 0 ? null : arith.mean(r.repeat, frequency);
      const spend: RfmSpend = Object.freeze({
        first: arith.toText(r.first),
        repeat: arith.toText(r.repeat),
        standaloneRefunds: arith.toText(r.standalone),
      });
      // Two literal shapes (with and without holdout) keep the row objects monomorphic.
      const row: RfmRow =
        holdoutDuration === undefined
          ? { customerId, frequency, recency, T, monetaryValue, count: 1, spend }
          : {
              customerId,
              frequency,
              recency,
              T,
              monetaryValue,
              count: 1,
              spend,
              holdout: Object.freeze({
                frequency: r.holdoutFrequency,
                spend: arith.toText(r.holdoutSpend),
                duration: holdoutDuration,
              }),
            };
      rows[c] = Object.freeze(row);
    };

    for (let c = 0; c < this.names.length; c += 1) {
      const from = customerStarts[c]!;
      const to = customerStarts[c + 1]!;
      // A customer whose transactions all fall after observationEnd is not in the summary at all.
      if (from === to) continue;
      sortSegment(keys, units, positions, from, to);
      try {
        build(numbers, c, this.walk(numbers, keys, from, to, minStart));
      } catch (error) {
        if (error !== NEEDS_DECIMAL) throw error;
        build(decimals, c, this.walk(decimals, keys, from, to, minStart));
      }
    }

    const result: RfmRow[] = [];
    if (isSorted(this.names)) {
      for (const row of rows) if (row !== undefined) result.push(row);
    } else {
      // Default sort compares UTF-16 code units, as `<` does, and is much faster than a comparator.
      for (const id of this.names.slice().sort()) {
        const row = rows[this.index.get(id)!];
        if (row !== undefined) result.push(row);
      }
    }
    if (this.afterEnd > 0) excludedTotal.addDecimal(new Dec(this.afterEndTotal.toString()));
    return {
      rows: result,
      excluded: Object.freeze({
        transactionsAfterObservationEnd: this.afterEnd,
        customersFirstPurchaseInHoldout: firstInHoldout,
        customersWithoutPurchase: withoutPurchase,
        transactions: excludedTransactions,
        amount: excludedTotal.toString(),
      }),
    };
  }

  /** True when sorted transaction `j` is a purchase (amount >= 0; zero-value purchases count). */
  private isPurchase(j: number): boolean {
    const u = this.sorted.units[j]!;
    if (!Number.isNaN(u)) return u >= 0;
    const d = this.decimals.get(this.sorted.positions![j]!)!;
    return !d.isNeg() || d.isZero();
  }

  /**
   * Walks one customer's transactions (positions `[from, to)` of the sorted columns, in merge-period
   * key order) period by
   * period: the first period with a purchase is the first occasion; later calibration periods with
   * a purchase are repeat occasions, holdout ones holdout occasions; periods with refunds only are
   * standalone refunds.
   */
  private walk<V>(
    arith: Arith<V>,
    keys: Int32Array,
    from: number,
    to: number,
    minStart: number,
  ): CustomerResult<V> {
    const r = this.result as CustomerResult<V>;
    r.firstStart = Number.NaN;
    r.lastStart = Number.NaN;
    r.frequency = 0;
    r.first = arith.zero;
    r.repeat = arith.zero;
    r.standalone = arith.zero;
    r.holdoutFrequency = 0;
    r.holdoutSpend = arith.zero;
    r.hasHoldoutPurchase = false;
    r.total = arith.zero;
    let i = from;
    while (i < to) {
      const key = keys[i]!;
      let value = arith.zero;
      let purchase = false;
      let j = i;
      while (j < to && keys[j] === key) {
        value = arith.addTx(value, j);
        if (!purchase && this.isPurchase(j)) purchase = true;
        j += 1;
      }
      i = j;
      const start = (key >> 1) + minStart;
      const holdout = (key & 1) === 1;
      if (!purchase) r.standalone = arith.add(r.standalone, value);
      else if (holdout) {
        r.hasHoldoutPurchase = true;
        if (!Number.isNaN(r.firstStart)) {
          r.holdoutFrequency += 1;
          r.holdoutSpend = arith.add(r.holdoutSpend, value);
        }
      } else if (Number.isNaN(r.firstStart)) {
        r.firstStart = start;
        r.lastStart = start;
        r.first = value;
      } else {
        r.frequency += 1;
        r.lastStart = start;
        r.repeat = arith.add(r.repeat, value);
      }
      r.total = arith.add(r.total, value);
    }
    return r;
  }

  private numberArith(): Arith<number> {
    const units = this.sorted.units;
    return {
      zero: 0,
      addTx(acc, tx) {
        const u = units[tx]!;
        if (Number.isNaN(u)) throw NEEDS_DECIMAL;
        try {
          return addUnits(acc, u);
        } catch {
          throw NEEDS_DECIMAL;
        }
      },
      add(a, b) {
        try {
          return addUnits(a, b);
        } catch {
          throw NEEDS_DECIMAL;
        }
      },
      toText: unitsToString,
      mean: unitsMean,
      addToTotal(total, value) {
        total.addUnits(value);
      },
    };
  }

  private decimalArith(): Arith<DecimalValue> {
    const { units, positions } = this.sorted;
    const decimals = this.decimals;
    return {
      zero: new Dec(0),
      addTx(acc, tx) {
        const u = units[tx]!;
        return acc.plus(!Number.isNaN(u) ? unitsToDecimal(u) : decimals.get(positions![tx]!)!);
      },
      add: (a, b) => a.plus(b),
      toText: decimalToString,
      mean: (value, n) => decimalToString(value.div(n)),
      addToTotal(total, value) {
        total.addDecimal(value);
      },
    };
  }
}

/** RFM rows (sorted by customer id) and exclusions of the given transactions. */
export function buildRfmRows(
  columns: TransactionColumns,
  settings: RfmSettings,
): { rows: RfmRow[]; excluded: RfmExclusions } {
  return new RfmEngine(columns, settings).finish();
}

/** True when the ids are in increasing code-unit order (files sorted by customer often are). */
function isSorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i += 1) if (!(names[i - 1]! < names[i]!)) return false;
  return true;
}

/**
 * Sorts positions `[from, to)` of the parallel arrays by key: insertion sort for the short segments
 * most customers have, a typed-array sort of composite keys (key x length + offset, exact below
 * 2^53) for long ones. The order among equal keys does not matter (their amounts are summed).
 */
function sortSegment(
  keys: Int32Array,
  units: Float64Array,
  positions: Int32Array | undefined,
  from: number,
  to: number,
): void {
  const length = to - from;
  if (length <= 32) {
    for (let i = from + 1; i < to; i += 1) {
      const key = keys[i]!;
      if (keys[i - 1]! <= key) continue;
      const unit = units[i]!;
      const position = positions?.[i];
      let j = i - 1;
      while (j >= from && keys[j]! > key) {
        keys[j + 1] = keys[j]!;
        units[j + 1] = units[j]!;
        if (positions !== undefined) positions[j + 1] = positions[j]!;
        j -= 1;
      }
      keys[j + 1] = key;
      units[j + 1] = unit;
      if (positions !== undefined) positions[j + 1] = position!;
    }
    return;
  }
  let sorted = true;
  for (let i = from + 1; i < to && sorted; i += 1) if (keys[i - 1]! > keys[i]!) sorted = false;
  if (sorted) return;
  const composite = new Float64Array(length);
  for (let k = 0; k < length; k += 1) composite[k] = keys[from + k]! * length + k;
  composite.sort();
  const oldKeys = keys.slice(from, to);
  const oldUnits = units.slice(from, to);
  const oldPositions = positions?.slice(from, to);
  for (let k = 0; k < length; k += 1) {
    const source = composite[k]! % length;
    keys[from + k] = oldKeys[source]!;
    units[from + k] = oldUnits[source]!;
    if (positions !== undefined) positions[from + k] = oldPositions![source]!;
  }
}
