/**
 * Reading the transaction log named on the command line: column names, date format, delimiter,
 * currency, time zone; rows that cannot be read are written to a CSV file of rejected rows and
 * reported by line and column.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { isCustomerAssetError } from '../core/errors.js';
import { readTransactionsCsv } from '../data/read-csv.js';
import type { RejectedRow, TransactionLog } from '../data/types.js';
import { CliError, EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';

/** How to read the file (the data options shared by every command). */
export interface DataOptions {
  readonly currency: string;
  readonly customerColumn: string;
  readonly dateColumn: string;
  readonly amountColumn: string;
  readonly dateFormat: 'iso' | 'yyyymmdd';
  /** A delimiter such as `,` or `;`, `tab`, or `whitespace`. */
  readonly delimiter: string;
  /** Column names for a file without a header line. */
  readonly columns?: readonly string[];
  readonly timeZone: string;
  /** Go on without the rows that cannot be read (default: stop with exit code 3). */
  readonly skipInvalid: boolean;
}

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rejected rows as CSV: line, column, reason, and the row as read. */
export function rejectedRowsCsv(rows: readonly RejectedRow[]): string {
  const lines = ['line,column,reason,row'];
  for (const r of rows)
    lines.push([r.line, r.column, r.reason, r.raw.replace(/\r?\n$/, '')].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * Reads the log. Rows that cannot be read are collected, written to `rejectsPath`, and reported
 * with the first one's line, column and reason; unless `skipInvalid`, that ends the command with
 * exit code 3.
 */
export async function loadLog(
  file: string,
  options: DataOptions,
  io: CliIo,
  rejectsPath: string,
): Promise<TransactionLog> {
  const path = resolve(io.cwd, file);
  if (!existsSync(path))
    throw new CliError(EXIT.data, `cannot read ${file}: there is no such file`);
  const delimiter =
    options.delimiter === 'tab'
      ? '\t'
      : options.delimiter === 'whitespace'
        ? 'whitespace'
        : options.delimiter;
  let log: TransactionLog;
  try {
    log = await readTransactionsCsv(path, {
      currency: options.currency,
      fields: {
        customerId: options.customerColumn,
        date: options.dateColumn,
        amount: options.amountColumn,
      },
      dateFormat: options.dateFormat,
      timeZone: options.timeZone,
      delimiter,
      ...(options.columns === undefined ? {} : { columns: options.columns }),
      onInvalid: 'collect',
    });
  } catch (error) {
    if (isCustomerAssetError(error))
      throw new CliError(EXIT.data, `cannot read ${file}: ${error.message}`, { cause: error });
    throw error;
  }
  const rejected = log.rejected;
  if (rejected.length > 0) {
    mkdirSync(dirname(rejectsPath), { recursive: true });
    writeFileSync(rejectsPath, rejectedRowsCsv(rejected));
    const first = rejected[0]!;
    const where = `line ${first.line}${first.column === null ? '' : `, column "${first.column}"`}`;
    const shown = relative(io.cwd, rejectsPath) || rejectsPath;
    const message =
      `${rejected.length} row${rejected.length === 1 ? '' : 's'} of ${file} could not be read; the first is ${where}: ${first.reason}. ` +
      `All of them are listed in ${shown}.`;
    if (!options.skipInvalid)
      throw new CliError(
        EXIT.data,
        `${message} Fix them, or pass --skip-invalid to go on without them.`,
      );
    io.err(`warning: ${message} Going on without them (--skip-invalid).\n`);
  }
  if (log.transactions.length === 0) throw new CliError(EXIT.data, `${file} holds no transactions`);
  return log;
}
