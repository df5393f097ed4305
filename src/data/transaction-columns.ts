/**
 * A columnar copy of the parts of transactions that summaries read: customer index, day number and
 * exact amount units. Built while parsing (so a parsed log carries one at no extra pass), or while
 * streaming a CSV (so transactions never exist as objects), or from any log on demand.
 *
 * A log made by the parsers has a frozen `transactions` array of frozen transactions, so the columns
 * made with it can never go stale; they are remembered in a WeakMap keyed by that array (a memo, not
 * shared state: it is invisible to callers and collected with the log).
 *
 * @internal
 */
import { Dec, type DecimalValue } from '../money/decimal.js';
import { decimalToUnits } from './amount.js';
import type { Transaction } from './types.js';

/** Columns of n transactions. */
export interface TransactionColumns {
  readonly size: number;
  /** Distinct customer ids; a customer's index is its position here. */
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Customer index of each transaction. */
  readonly customer: Int32Array;
  /** Day number of each transaction. */
  readonly days: Int32Array;
  /** Amount in units of 10^-4, or NaN when the amount is in `decimals`. */
  readonly units: Float64Array;
  /** Amounts that are not whole units (more than 4 decimals, or too large), by position. */
  readonly decimals: ReadonlyMap<number, DecimalValue>;
}

const INITIAL_CAPACITY = 1024;

/** Appends transactions to growable columns. */
export class ColumnsBuilder {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private customer = new Int32Array(INITIAL_CAPACITY);
  private days = new Int32Array(INITIAL_CAPACITY);
  private units = new Float64Array(INITIAL_CAPACITY);
  private readonly decimals = new Map<number, DecimalValue>();
  private size = 0;
  private lastId = '';
  private lastIndex = -1;

  /** Adds a transaction; `units` undefined means the amount is `decimal`. */
  add(customerId: string, day: number, units: number | undefined, decimal?: DecimalValue): void {
    // Files are often grouped by customer: skip the map lookup for a run of the same id.
    let c = customerId === this.lastId ? this.lastIndex : this.index.get(customerId);
    if (c === undefined) {
      c = this.names.length;
      this.index.set(customerId, c);
      this.names.push(customerId);
    }
    this.lastId = customerId;
    this.lastIndex = c;
    const i = this.size;
    if (i === this.customer.length) this.grow();
    this.customer[i] = c;
    this.days[i] = day;
    if (units === undefined) {
      this.units[i] = Number.NaN;
      this.decimals.set(i, decimal!);
    } else this.units[i] = units;
    this.size = i + 1;
  }

  private grow(): void {
    const capacity = this.customer.length * 2;
    const customer = new Int32Array(capacity);
    customer.set(this.customer);
    this.customer = customer;
    const days = new Int32Array(capacity);
    days.set(this.days);
    this.days = days;
    const units = new Float64Array(capacity);
    units.set(this.units);
    this.units = units;
  }

  /** The columns (views trimmed to the size; the builder must not be used afterwards). */
  build(): TransactionColumns {
    const n = this.size;
    return {
      size: n,
      names: this.names,
      index: this.index,
      customer: this.customer.subarray(0, n),
      days: this.days.subarray(0, n),
      units: this.units.subarray(0, n),
      decimals: this.decimals,
    };
  }
}

const remembered = new WeakMap<readonly Transaction[], TransactionColumns>();

/** Remembers the columns of a frozen transactions array. */
export function rememberColumns(
  transactions: readonly Transaction[],
  columns: TransactionColumns,
): void {
  if (Object.isFrozen(transactions)) remembered.set(transactions, columns);
}

/** The remembered columns of a transactions array, if it was made by a parser. */
export function rememberedColumns(
  transactions: readonly Transaction[],
): TransactionColumns | undefined {
  return remembered.get(transactions);
}

/** Columns of already validated transactions. */
export function columnsOf(transactions: readonly Transaction[]): TransactionColumns {
  const builder = new ColumnsBuilder();
  for (const t of transactions) {
    const units = decimalToUnits(t.amount);
    builder.add(t.customerId, t.day, units, units === undefined ? new Dec(t.amount) : undefined);
  }
  return builder.build();
}
