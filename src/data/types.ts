import type { DecimalValue } from '../money/decimal.js';

/**
 * One purchase (or refund) as the library holds it after parsing. Dates are calendar days in the
 * log's stated time zone; `day` is the same date as a whole number of days since 1970-01-01, which is
 * what all time arithmetic uses (no time-zone drift, no floating hours).
 */
export interface Transaction {
  readonly customerId: string;
  /** Calendar date `YYYY-MM-DD` in the log's time zone. */
  readonly date: string;
  /** Days since 1970-01-01 of `date` (an integer). */
  readonly day: number;
  /** The amount as an exact decimal (negative for refunds). */
  readonly amount: DecimalValue;
  readonly orderId?: string;
  readonly quantity?: number;
  readonly channel?: string;
  readonly segment?: string;
  /** 1-based line (CSV) or row (in-memory, 0-based index + 1) the transaction came from. */
  readonly line: number;
}

/** A row that was not turned into a transaction, kept with why. Nothing is dropped silently. */
export interface RejectedRow {
  /** 1-based line of the CSV record (where it starts), or 0-based index + 1 of an in-memory row. */
  readonly line: number;
  /** The row as read: the CSV record's text, or the in-memory row as JSON. */
  readonly raw: string;
  /** The column (field name in the source) at fault, or null when the row as a whole is at fault. */
  readonly column: string | null;
  /** Why: `"<problem>; expected <x>, received <y>"`. */
  readonly reason: string;
}

/**
 * What the parser does with negative amounts (refunds, returns):
 * - `'keep'` (default): they become transactions with a negative amount. RFM summaries net them into
 *   the merge period they fall in (see `rfmSummary`).
 * - `'reject'`: a negative amount makes the row invalid (an error, or a rejected row with
 *   `onInvalid: 'collect'`).
 * Either way the log's `refunds.count` says how many negative amounts were read.
 */
export type RefundPolicy = 'keep' | 'reject';

/** A parsed transaction log: the transactions, the conventions that produced them, and the rejects. */
export interface TransactionLog {
  readonly transactions: readonly Transaction[];
  readonly currency: string;
  /** IANA time zone used for day boundaries (default `UTC`). */
  readonly timeZone: string;
  readonly rejected: readonly RejectedRow[];
  /**
   * How negative amounts were handled, and how many there were. `policy` is a {@link RefundPolicy}
   * for logs made by `parseTransactions` / `readTransactionsCsv`.
   */
  readonly refunds: { readonly policy: string; readonly count: number };
}
