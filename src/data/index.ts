/**
 * Transaction data: reading logs (in memory or CSV, streaming), RFM summaries with named
 * conventions, precomputed warehouse rows, pattern compression and typed-array columns.
 *
 * Cohort tables, survival tables and simulated transactions (cohort-table.ts, survival-table.ts,
 * simulate-transactions.ts) are exported here by the lead from their own helper's list.
 */

export type { CalendarTimeUnit } from './calendar.js';
export { compressSummary } from './compress-summary.js';
export type { CsvFormatOptions, CsvSource } from './csv-records.js';
export { parseTransactions, safeParseTransactions } from './parse-transactions.js';
export {
  type ReadTransactionsCsvOptions,
  readTransactionsCsv,
  safeReadTransactionsCsv,
} from './read-csv.js';
export { toColumns } from './rfm-columns.js';
export {
  type RfmCsvSummary,
  type RfmSummaryFromCsvOptions,
  rfmSummaryFromCsv,
  safeRfmSummaryFromCsv,
} from './rfm-from-csv.js';
export {
  type RfmInputRow,
  type RfmSummaryFromRowsOptions,
  rfmSummaryFromRows,
  safeRfmSummaryFromRows,
} from './rfm-from-rows.js';
export { type RfmSummaryOptions, rfmSummary, safeRfmSummary } from './rfm-summary.js';
export type {
  DateFormat,
  InvalidRowPolicy,
  ReadTransactionsOptions,
  TransactionFields,
} from './row-reader.js';
export type {
  MergeBy,
  RfmColumns,
  RfmConventions,
  RfmExclusions,
  RfmHoldout,
  RfmPattern,
  RfmPatternColumns,
  RfmPatternSummary,
  RfmRow,
  RfmSpend,
  RfmSummary,
  TimeScale,
} from './summary-types.js';
export { timeBetween } from './time-between.js';
export type { RefundPolicy, RejectedRow, Transaction, TransactionLog } from './types.js';
