import { CustomerAssetError } from '../core/errors.js';
import type { Safe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import {
  type CsvFormatOptions,
  CsvFormatShape,
  type CsvSource,
  CsvSourceSchema,
  readTransactionRecords,
  recordText,
} from './csv-records.js';
import { LogBuilder } from './log-builder.js';
import {
  type ReadTransactionsOptions,
  ReadTransactionsOptionsSchema,
  resolveReadOptions,
} from './row-reader.js';
import type { TransactionLog } from './types.js';

/** Options of {@link readTransactionsCsv}: the read options plus the file format. */
export interface ReadTransactionsCsvOptions extends ReadTransactionsOptions, CsvFormatOptions {}

/** zod schema of {@link ReadTransactionsCsvOptions}. */
export const ReadTransactionsCsvOptionsSchema =
  ReadTransactionsOptionsSchema.extend(CsvFormatShape);

/**
 * Reads a delimited text file of transactions into a {@link TransactionLog}, streaming (the file is
 * never held in memory as text; only the parsed transactions are). Parsing uses csv-parse (RFC 4180
 * quoting, embedded newlines, a byte-order mark), or a line splitter for whitespace-separated files
 * (`delimiter: 'whitespace'`).
 *
 * Columns are found by name in the header line, or given with `columns` for a file without one,
 * and mapped to attributes with `fields` (defaults `customerId`, `date`, `amount`). Dates, amounts,
 * time zone, refunds and invalid rows follow {@link parseTransactions}; a record with the wrong
 * number of fields is an invalid row (column `null`). Line numbers are the 1-based physical lines of
 * the file where a record starts (the header is line 1), so a rejected row can be found with an
 * editor; blank lines are skipped (they hold no record) but counted.
 *
 * Numerical caveats: amounts are parsed from their text into decimal.js without passing through
 * binary floating point.
 *
 * @param source - A file path or a Node `Readable` of CSV bytes or text.
 * @param options - {@link ReadTransactionsCsvOptions}; `currency` is required.
 * @returns A promise of a frozen {@link TransactionLog}.
 * @throws CustomerAssetError `input/invalid` (bad options, missing column), `data/read-failed`
 *   (unreadable file, malformed CSV), `data/invalid-row` (bad row with `onInvalid: 'error'`).
 *
 * @example
 * ```ts
 * import { Readable } from 'node:stream';
 * import { readTransactionsCsv } from 'customer-asset';
 *
 * // CDNOW-style: no header, whitespace-separated, dates YYYYMMDD.
 * const text = ' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n';
 * const log = await readTransactionsCsv(Readable.from([text]), {
 *   currency: 'USD',
 *   delimiter: 'whitespace',
 *   columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
 *   dateFormat: 'yyyymmdd',
 * });
 * console.log(log.transactions.length, log.transactions[1]?.date); // 2 '1997-01-18'
 * ```
 */
export async function readTransactionsCsv(
  source: CsvSource,
  options: ReadTransactionsCsvOptions,
): Promise<TransactionLog> {
  const fn = 'readTransactionsCsv';
  parseInput(CsvSourceSchema, source, fn, 'source');
  const parsed = parseInput(ReadTransactionsCsvOptionsSchema, options, fn, 'options');
  const resolved = resolveReadOptions(parsed);
  const builder = new LogBuilder(resolved, fn, (raw) => recordText(raw as string));
  const values: unknown[] = new Array(7);
  await readTransactionRecords(
    source,
    parsed,
    resolved.fields,
    fn,
    (fields, indexes, line, raw) => {
      for (let k = 0; k < 7; k += 1) {
        const index = indexes[k]!;
        values[k] = index < 0 ? undefined : fields[index];
      }
      builder.add(line, values, raw);
    },
    (line, raw, expected, received) =>
      builder.rejectRow(line, raw, 'wrong number of fields', expected, received),
  );
  return builder.build();
}

/**
 * {@link readTransactionsCsv} that resolves to `{ success: false, error }` instead of rejecting.
 *
 * @example
 * ```ts
 * import { safeReadTransactionsCsv } from 'customer-asset';
 *
 * const result = await safeReadTransactionsCsv('/no/such/file.csv', { currency: 'USD' });
 * if (!result.success) console.log(result.error.code); // 'data/read-failed'
 * ```
 */
export async function safeReadTransactionsCsv(
  source: CsvSource,
  options: ReadTransactionsCsvOptions,
): Promise<Safe<TransactionLog>> {
  return safeAsync(() => readTransactionsCsv(source, options));
}

/** The async twin of `toSafe`: captures a CustomerAssetError, rethrows anything else. */
export async function safeAsync<T>(run: () => Promise<T>): Promise<Safe<T>> {
  try {
    return Object.freeze({ success: true as const, data: await run() });
  } catch (error) {
    if (error instanceof CustomerAssetError)
      return Object.freeze({ success: false as const, error });
    throw error;
  }
}
