/**
 * Turns validated row values into frozen {@link Transaction}s and assembles the
 * {@link TransactionLog}; shared by `parseTransactions` and `readTransactionsCsv`.
 *
 * @internal
 */
import { formatDay } from './calendar.js';
import { FieldReader, RejectSink, type ResolvedReadOptions } from './row-reader.js';
import { ColumnsBuilder, rememberColumns } from './transaction-columns.js';
import type { Transaction, TransactionLog } from './types.js';

/** Positions of the seven attributes in a row-values array. */
export const FIELD_ORDER = [
  'customerId',
  'date',
  'amount',
  'orderId',
  'quantity',
  'channel',
  'segment',
] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Collects transactions and rejects for one log. */
export class LogBuilder {
  readonly reader: FieldReader;
  readonly sink: RejectSink;
  private readonly transactions: Transaction[] = [];
  private readonly names: readonly string[];
  private readonly dates = new Map<number, string>();
  private readonly columns = new ColumnsBuilder();

  /**
   * @param rawText - Renders a row's raw form (CSV text or in-memory object) for a rejection; called
   *   only for rejected rows, so accepted rows cost nothing.
   */
  constructor(
    private readonly options: ResolvedReadOptions,
    fn: string,
    private readonly rawText: (raw: unknown) => string,
  ) {
    this.reader = new FieldReader(options);
    this.sink = new RejectSink(fn, options.onInvalid);
    const f = options.fields;
    this.names = FIELD_ORDER.map((key) => f[key]);
  }

  /**
   * Adds one row given its attribute values in {@link FIELD_ORDER} and its raw form.
   */
  add(line: number, values: readonly unknown[], raw: unknown): void {
    const r = this.reader;
    const n = this.names;
    r.problem = undefined;
    const customerId = r.customerId(values[0], n[0]!);
    const day = customerId === undefined ? undefined : r.day(values[1], n[1]!);
    const amount = day === undefined ? undefined : r.amountDecimal(values[2], n[2]!);
    const orderId = amount === undefined ? undefined : r.text(values[3], n[3]!);
    const quantity = orderId === undefined ? undefined : r.quantity(values[4], n[4]!);
    const channel = quantity === undefined ? undefined : r.text(values[5], n[5]!);
    const segment = channel === undefined ? undefined : r.text(values[6], n[6]!);
    if (segment === undefined) {
      this.sink.reject(line, this.rawText(raw), r.problem!);
      return;
    }
    let date = this.dates.get(day!);
    if (date === undefined) {
      date = formatDay(day!);
      this.dates.set(day!, date);
    }
    const t: Mutable<Transaction> = {
      customerId: customerId!,
      date,
      day: day!,
      amount: amount!,
      line,
    };
    if (orderId !== null) t.orderId = orderId!;
    if (quantity !== null) t.quantity = quantity!;
    if (channel !== null) t.channel = channel!;
    if (segment !== null) t.segment = segment;
    // decimal.js never mutates an instance; freeze the ones made here (never a caller's object).
    if (amount !== values[2]) {
      if (amount!.d) Object.freeze(amount!.d);
      Object.freeze(amount);
    }
    this.transactions.push(Object.freeze(t));
    this.columns.add(customerId!, day!, r.units, amount);
  }

  /** Rejects a row as a whole (wrong number of CSV fields, not an object...). */
  rejectRow(
    line: number,
    raw: unknown,
    problem: string,
    expected: string,
    received: unknown,
  ): void {
    this.sink.reject(line, this.rawText(raw), { column: null, problem, expected, received });
  }

  /** The finished, frozen log. */
  build(): TransactionLog {
    const transactions = Object.freeze(this.transactions);
    rememberColumns(transactions, this.columns.build());
    return Object.freeze({
      transactions,
      currency: this.options.currency,
      timeZone: this.options.timeZone,
      rejected: Object.freeze(this.sink.rejected),
      refunds: Object.freeze({ policy: this.options.refunds, count: this.reader.negativeCount }),
    });
  }
}
