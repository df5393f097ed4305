import { fail } from '../core/errors.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import { FIELD_ORDER, LogBuilder } from './log-builder.js';
import {
  type ReadTransactionsOptions,
  ReadTransactionsOptionsSchema,
  resolveReadOptions,
} from './row-reader.js';
import type { TransactionLog } from './types.js';

/** JSON of an in-memory row for a rejection record (never throws). */
export function rowText(row: unknown): string {
  try {
    return (
      JSON.stringify(row, (_key, value) =>
        typeof value === 'bigint' ? value.toString() : value,
      ) ?? String(row)
    );
  } catch {
    return String(row);
  }
}

/**
 * Reads in-memory rows (objects, e.g. from a database driver or `JSON.parse`) into a
 * {@link TransactionLog}: customer id, calendar day in the stated time zone and an exact decimal
 * amount per row, plus the optional order id, quantity, channel and segment.
 *
 * Which object key holds each attribute is set by `fields` (defaults: `customerId`, `date`,
 * `amount`, and `orderId`, `quantity`, `channel`, `segment` when present). Dates are `YYYY-MM-DD`,
 * ISO 8601 date-times (with an offset they name an instant, placed on its calendar date in
 * `timeZone`, UTC by default), `YYYYMMDD` with `dateFormat: 'yyyymmdd'`, or JS `Date` instants.
 * Amounts are decimal strings (`"12.50"`), decimal.js values, or JS numbers.
 *
 * Numerical caveats: amounts never pass through binary floating point when given as strings. A JS
 * number is read as the decimal it prints as (`String(n)`): `0.1` is read as 0.1, but `0.1 + 0.2`
 * is read as 0.30000000000000004, and `1e21` (printed with an exponent) is rejected. Pass strings
 * when amounts come from a database.
 *
 * Nothing is dropped silently. With `onInvalid: 'error'` (default) the first bad row throws a
 * `data/invalid-row` error whose message names the row (1-based: index + 1), the column and the
 * reason, with `path` `[row, column]` and `details` `{ line, column, raw, reason }`. With
 * `onInvalid: 'collect'` bad rows go to `log.rejected` with their row number, JSON text and reason,
 * and `transactions.length + rejected.length === rows.length`. Negative amounts are refunds: kept by
 * default (`refunds: 'keep'`) or treated as invalid (`refunds: 'reject'`); `log.refunds.count` says
 * how many were read.
 *
 * @param rows - Array of plain objects, one per transaction.
 * @param options - {@link ReadTransactionsOptions}; `currency` is required.
 * @returns A frozen {@link TransactionLog}.
 * @throws CustomerAssetError `input/invalid` for bad options or a non-array; `data/invalid-row`
 *   for a bad row when `onInvalid` is `'error'`.
 *
 * @example
 * ```ts
 * import { parseTransactions } from 'customer-asset';
 *
 * const log = parseTransactions(
 *   [
 *     { customerId: 'a', date: '2024-01-05', amount: '19.99' },
 *     { customerId: 'a', date: '2024-02-10T23:30:00-05:00', amount: '5.00' },
 *     { customerId: 'b', date: 'not a date', amount: '7' },
 *   ],
 *   { currency: 'USD', onInvalid: 'collect' },
 * );
 * console.log(log.transactions[1]?.date); // '2024-02-11' (UTC day of that instant)
 * console.log(log.rejected[0]?.line, log.rejected[0]?.column); // 3 'date'
 * ```
 */
export function parseTransactions(
  rows: readonly unknown[],
  options: ReadTransactionsOptions,
): TransactionLog {
  const fn = 'parseTransactions';
  const resolved = resolveReadOptions(
    parseInput(ReadTransactionsOptionsSchema, options, fn, 'options'),
  );
  if (!Array.isArray(rows))
    fail('input/invalid', fn, 'rows must be an array of objects', {
      expected: 'array',
      received: rows,
      path: ['rows'],
    });
  const builder = new LogBuilder(resolved, fn, rowText);
  const names = FIELD_ORDER.map((key) => resolved.fields[key]);
  const values: unknown[] = new Array(names.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      builder.rejectRow(i + 1, row, 'row is not an object', 'a plain object', row);
      continue;
    }
    const record = row as Record<string, unknown>;
    for (let k = 0; k < names.length; k += 1) values[k] = record[names[k]!];
    builder.add(i + 1, values, row);
  }
  return builder.build();
}

/**
 * {@link parseTransactions} that returns `{ success: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseTransactions } from 'customer-asset';
 *
 * const result = safeParseTransactions([{ customerId: 'a', date: '2024-13-01', amount: '1' }], {
 *   currency: 'EUR',
 * });
 * if (!result.success) console.log(result.error.code); // 'data/invalid-row'
 * ```
 */
export function safeParseTransactions(
  rows: readonly unknown[],
  options: ReadTransactionsOptions,
): Safe<TransactionLog> {
  return toSafe(() => parseTransactions(rows, options));
}
