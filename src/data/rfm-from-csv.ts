import type { Safe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import {
  CsvFormatShape,
  type CsvSource,
  CsvSourceSchema,
  readTransactionRecords,
  recordText,
} from './csv-records.js';
import { type ReadTransactionsCsvOptions, safeAsync } from './read-csv.js';
import {
  checkPeriodOrder,
  type RfmSummaryOptions,
  RfmSummaryOptionsShape,
  summarizeColumns,
} from './rfm-summary.js';
import {
  FieldReader,
  ReadTransactionsOptionsSchema,
  RejectSink,
  resolveReadOptions,
} from './row-reader.js';
import type { RfmSummary } from './summary-types.js';
import { ColumnsBuilder } from './transaction-columns.js';
import type { RejectedRow } from './types.js';

/** Options of {@link rfmSummaryFromCsv}: how to read the file and how to summarise it. */
export interface RfmSummaryFromCsvOptions extends ReadTransactionsCsvOptions, RfmSummaryOptions {}

/** zod schema of {@link RfmSummaryFromCsvOptions}. */
export const RfmSummaryFromCsvOptionsSchema = ReadTransactionsOptionsSchema.extend(CsvFormatShape)
  .extend(RfmSummaryOptionsShape)
  .strict()
  .superRefine(checkPeriodOrder);

/** The summary of a CSV file and the account of its rows. */
export interface RfmCsvSummary {
  readonly summary: RfmSummary;
  /** Records read (the header excluded): accepted transactions plus rejected rows. */
  readonly rowCount: number;
  /** Rows that could not be read (only with `onInvalid: 'collect'`). */
  readonly rejected: readonly RejectedRow[];
  /** Refund policy and number of negative amounts read. */
  readonly refunds: { readonly policy: string; readonly count: number };
}

/**
 * Streams a CSV file of transactions straight into an RFM summary, without ever holding the
 * transactions as objects: each accepted row adds 16 bytes to three typed columns (customer index,
 * day, exact amount units) plus one map entry per distinct customer. This is the path for files too
 * large for {@link readTransactionsCsv} + {@link rfmSummary} (tens of millions of rows); the result
 * is the same summary those two would give.
 *
 * Reading follows {@link readTransactionsCsv} (columns, `fields`, dates, time zone, refunds,
 * `onInvalid`); summarising follows {@link rfmSummary} (merge period, time unit, calibration and
 * observation ends, and the same named conventions).
 *
 * Numerical caveats: as {@link rfmSummary}; amounts are read from their text into integer units
 * (or decimal.js when they have more than four decimals) and never through binary floating point.
 *
 * @param source - A file path or a Node `Readable`.
 * @param options - {@link RfmSummaryFromCsvOptions}; `currency`, `timeUnit` and `observationEnd` are required.
 * @returns A promise of the frozen summary with the row count, rejected rows and refund count.
 * @throws CustomerAssetError as {@link readTransactionsCsv} and {@link rfmSummary}.
 *
 * @example
 * ```ts
 * import { Readable } from 'node:stream';
 * import { rfmSummaryFromCsv } from 'customer-asset';
 *
 * const csv = 'customer,day,value\na,2024-01-01,10.00\na,2024-01-15,12.50\nb,2024-01-03,8\n';
 * const { summary, rowCount } = await rfmSummaryFromCsv(Readable.from([csv]), {
 *   currency: 'EUR',
 *   fields: { customerId: 'customer', date: 'day', amount: 'value' },
 *   timeUnit: 'day',
 *   observationEnd: '2024-01-31',
 * });
 * console.log(rowCount, summary.customers[0]); // 3 { customerId: 'a', frequency: 1, recency: 14, T: 30, monetaryValue: '12.5', ... }
 * ```
 */
export async function rfmSummaryFromCsv(
  source: CsvSource,
  options: RfmSummaryFromCsvOptions,
): Promise<RfmCsvSummary> {
  const fn = 'rfmSummaryFromCsv';
  parseInput(CsvSourceSchema, source, fn, 'source');
  const parsed = parseInput(RfmSummaryFromCsvOptionsSchema, options, fn, 'options');
  const resolved = resolveReadOptions(parsed);
  const reader = new FieldReader(resolved);
  const sink = new RejectSink(fn, resolved.onInvalid);
  const columns = new ColumnsBuilder();
  const f = resolved.fields;
  let rowCount = 0;
  await readTransactionRecords(
    source,
    parsed,
    f,
    fn,
    (fields, ix, line, raw) => {
      rowCount += 1;
      reader.problem = undefined;
      const customerId = reader.customerId(fields[ix[0]!], f.customerId);
      const day = customerId === undefined ? undefined : reader.day(fields[ix[1]!], f.date);
      const units = day === undefined ? undefined : reader.amountUnits(fields[ix[2]!], f.amount);
      let ok = units !== undefined;
      // The optional attributes are not kept, but a row is accepted or rejected exactly as
      // readTransactionsCsv would.
      if (ok && ix[3]! >= 0) ok = reader.text(fields[ix[3]!], f.orderId) !== undefined;
      if (ok && ix[4]! >= 0) ok = reader.quantity(fields[ix[4]!], f.quantity) !== undefined;
      if (ok && ix[5]! >= 0) ok = reader.text(fields[ix[5]!], f.channel) !== undefined;
      if (ok && ix[6]! >= 0) ok = reader.text(fields[ix[6]!], f.segment) !== undefined;
      if (!ok) {
        sink.reject(line, recordText(raw), reader.problem!);
        return;
      }
      if (Number.isNaN(units)) columns.add(customerId!, day!, undefined, reader.decimal);
      else columns.add(customerId!, day!, units, undefined);
    },
    (line, raw, expected, received) => {
      rowCount += 1;
      sink.reject(line, recordText(raw), {
        column: null,
        problem: 'wrong number of fields',
        expected,
        received,
      });
    },
  );
  const summary = summarizeColumns(columns.build(), parsed, resolved.currency, resolved.timeZone);
  return Object.freeze({
    summary,
    rowCount,
    rejected: Object.freeze(sink.rejected),
    refunds: Object.freeze({ policy: resolved.refunds, count: reader.negativeCount }),
  });
}

/**
 * {@link rfmSummaryFromCsv} that resolves to `{ success: false, error }` instead of rejecting.
 *
 * @example
 * ```ts
 * import { safeRfmSummaryFromCsv } from 'customer-asset';
 *
 * const result = await safeRfmSummaryFromCsv('/no/such/file.csv', {
 *   currency: 'USD',
 *   timeUnit: 'week',
 *   observationEnd: '2024-12-31',
 * });
 * console.log(result.success); // false
 * ```
 */
export async function safeRfmSummaryFromCsv(
  source: CsvSource,
  options: RfmSummaryFromCsvOptions,
): Promise<Safe<RfmCsvSummary>> {
  return safeAsync(() => rfmSummaryFromCsv(source, options));
}
