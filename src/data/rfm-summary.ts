import { z } from 'zod';
import { fail } from '../core/errors.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import { Dec } from '../money/decimal.js';
import { type CalendarTimeUnit, type MergeBy, parseIsoDate, TIME_SCALES } from './calendar.js';
import { buildRfmRows, type RfmSettings } from './rfm-engine.js';
import { rememberTwin, twinOfRows } from './summary-twin.js';
import type { RfmConventions, RfmSummary } from './summary-types.js';
import { columnsOf, rememberedColumns, type TransactionColumns } from './transaction-columns.js';
import type { Transaction, TransactionLog } from './types.js';

/** Options of {@link rfmSummary}. */
export interface RfmSummaryOptions {
  /** Unit of recency, T and holdout duration (required: there is no default unit). */
  readonly timeUnit: CalendarTimeUnit;
  /** Last day of the data, `YYYY-MM-DD` inclusive, in the log's time zone. */
  readonly observationEnd: string;
  /**
   * Last day of the calibration period, inclusive. When given, T runs to this day and each row gets
   * a `holdout` (occasions, spend and duration up to observationEnd); otherwise T runs to
   * observationEnd.
   */
  readonly calibrationEnd?: string;
  /** Calendar period within which purchases are merged into one occasion (default `'day'`). */
  readonly mergeBy?: MergeBy;
}

const IsoDateSchema = z.string().refine((text) => parseIsoDate(text) !== undefined, {
  message: 'Must be a calendar date written YYYY-MM-DD',
});

/** zod shape of {@link RfmSummaryOptions}. */
export const RfmSummaryOptionsShape = {
  timeUnit: z.enum(['day', 'week', 'month', 'quarter', 'year']),
  observationEnd: IsoDateSchema,
  calibrationEnd: IsoDateSchema.optional(),
  mergeBy: z.enum(['day', 'week', 'month', 'quarter', 'year']).default('day'),
};

/** Checks calibrationEnd <= observationEnd. */
export function checkPeriodOrder(
  value: { observationEnd: string; calibrationEnd?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.calibrationEnd !== undefined && value.calibrationEnd > value.observationEnd)
    ctx.addIssue({
      code: 'custom',
      path: ['calibrationEnd'],
      message: `Must be on or before observationEnd (${value.observationEnd})`,
    });
}

/** zod schema of {@link RfmSummaryOptions}, defaults applied. */
export const RfmSummaryOptionsSchema = z
  .object(RfmSummaryOptionsShape)
  .strict()
  .superRefine(checkPeriodOrder);

/** Engine settings from validated options. */
export function rfmSettings(options: {
  timeUnit: CalendarTimeUnit;
  observationEnd: string;
  calibrationEnd?: string | undefined;
  mergeBy: MergeBy;
}): RfmSettings {
  return {
    mergeBy: options.mergeBy,
    timeUnit: options.timeUnit,
    observationEnd: parseIsoDate(options.observationEnd)!,
    calibrationEnd:
      options.calibrationEnd === undefined ? undefined : parseIsoDate(options.calibrationEnd),
  };
}

/** Builds the frozen summary of transaction columns. */
export function summarizeColumns(
  columns: TransactionColumns,
  options: {
    timeUnit: CalendarTimeUnit;
    observationEnd: string;
    calibrationEnd?: string | undefined;
    mergeBy: MergeBy;
  },
  currency: string,
  timeZone: string,
): RfmSummary {
  const { rows, excluded } = buildRfmRows(columns, rfmSettings(options));
  const conventions: RfmConventions = Object.freeze({
    source: 'transactions',
    mergeBy: options.mergeBy,
    timeUnit: options.timeUnit,
    timeScale: TIME_SCALES[options.timeUnit],
    timeZone,
    observationEnd: options.observationEnd,
    calibrationEnd: options.calibrationEnd ?? null,
    frequency: 'repeat-occasions',
    monetaryValue: 'mean-repeat-occasion-value',
    refunds: 'netted-within-merge-period',
  });
  const customers = Object.freeze(rows);
  rememberTwin(customers, twinOfRows(customers));
  return Object.freeze({
    kind: 'rfm-summary',
    currency,
    timeUnit: options.timeUnit,
    conventions,
    customers,
    excluded,
  });
}

function checkLog(log: unknown, fn: string): TransactionLog {
  if (log === null || typeof log !== 'object')
    fail('input/invalid', fn, 'log must be a transaction log', {
      expected: 'an object { transactions, currency, timeZone, ... }',
      received: log,
      path: ['log'],
    });
  const l = log as Partial<TransactionLog>;
  if (!Array.isArray(l.transactions))
    fail('input/invalid', fn, 'log.transactions must be an array', {
      expected: 'array',
      received: l.transactions,
      path: ['transactions'],
    });
  if (typeof l.currency !== 'string' || typeof l.timeZone !== 'string')
    fail('input/invalid', fn, 'log.currency and log.timeZone must be strings', {
      expected: 'a log made by parseTransactions or readTransactionsCsv',
      received: typeof l.currency !== 'string' ? l.currency : l.timeZone,
      path: [typeof l.currency !== 'string' ? 'currency' : 'timeZone'],
    });
  return log as TransactionLog;
}

function badTransaction(
  fn: string,
  i: number,
  field: string,
  expected: string,
  received: unknown,
): never {
  return fail('input/invalid', fn, `log.transactions[${i}].${field} is invalid`, {
    expected,
    received,
    path: ['transactions', i, field],
  });
}

/** Checks the fields the summary reads, for a log not made by the parsers. */
function checkTransactions(transactions: readonly unknown[], fn: string): void {
  for (let i = 0; i < transactions.length; i += 1) {
    const t = transactions[i] as Partial<Transaction> | null;
    if (t === null || typeof t !== 'object')
      badTransaction(fn, i, 'customerId', 'a transaction object', t);
    const { customerId, day, amount } = t;
    if (typeof customerId !== 'string' || customerId.length === 0)
      badTransaction(fn, i, 'customerId', 'a non-empty string', customerId);
    if (!Number.isSafeInteger(day) || Math.abs(day!) > 4_000_000)
      badTransaction(fn, i, 'day', 'an integer day number (days since 1970-01-01)', day);
    if (!Dec.isDecimal(amount) || !amount.isFinite())
      badTransaction(fn, i, 'amount', 'a finite decimal.js value', amount);
  }
}

/**
 * Summarises a transaction log per customer for the purchase models: repeat frequency x, recency
 * t_x, age T, mean repeat value, and (with `calibrationEnd`) what happened in the holdout period.
 * These are the sufficient statistics of the BG/NBD and Pareto/NBD likelihoods (Fader, Hardie & Lee
 * 2005, "Counting Your Customers the Easy Way", Marketing Science 24(2), section 2) and of
 * Gamma-Gamma (Fader & Hardie 2013, note 025).
 *
 * Conventions, all named in `summary.conventions`:
 * - Purchases in the same `mergeBy` period (default `'day'`; `'week'` = ISO week from Monday) are
 *   one purchase occasion whose value is the sum of their amounts. Merging by week is the
 *   distinct-weeks count of Python lifetimes' weekly summaries; it gives different data (and biased
 *   fits when times are continuous), so it is only available by asking for it.
 * - `frequency` = occasions in the calibration period minus the first; `recency` = time from the
 *   first occasion to the last calibration occasion (0 when frequency = 0); `T` = time from the
 *   first occasion to calibrationEnd (or observationEnd). Times are measured between the first days
 *   of merge periods, in `timeUnit`: days, weeks as days / 7, calendar months (whole months plus
 *   the elapsed fraction of the next month: 2024-01-15 to 2024-07-15 is exactly 6), quarters as
 *   months / 3, years as months / 12. Never "30 days".
 * - `monetaryValue` = mean value of the repeat occasions of the calibration period (exact decimal
 *   string), null when frequency = 0. `spend` gives the exact totals (first occasion, repeats,
 *   standalone refunds).
 * - Refunds (negative amounts) are netted into their merge period; a period with refunds only is
 *   not an occasion, and its amount goes to `spend.standaloneRefunds`.
 * - Transactions after observationEnd, customers whose first purchase is in the holdout and
 *   customers without a purchase are left out and counted in `summary.excluded` (with their total
 *   amount), so first + repeat + holdout spend + standalone refunds + excluded amount equals the
 *   log's total exactly.
 *
 * Customers are sorted by id. The log's `day` field (not `date`) is what is read.
 *
 * Numerical caveats: spend is exact (integer units of 10^-4 while they fit in a safe integer,
 * decimal.js otherwise); times are float64 (weeks = days / 7 is not a terminating binary fraction).
 *
 * @param log - A {@link TransactionLog} from `parseTransactions` or `readTransactionsCsv`.
 * @param options - {@link RfmSummaryOptions}.
 * @returns A frozen {@link RfmSummary}.
 * @throws CustomerAssetError `input/invalid` for bad options or a malformed log.
 *
 * @example
 * ```ts
 * import { parseTransactions, rfmSummary } from 'customer-asset';
 *
 * const log = parseTransactions(
 *   [
 *     { customerId: '4', date: '1997-01-01', amount: '29.33' },
 *     { customerId: '4', date: '1997-01-18', amount: '29.73' },
 *     { customerId: '4', date: '1997-08-02', amount: '14.96' },
 *     { customerId: '4', date: '1997-12-12', amount: '26.48' },
 *   ],
 *   { currency: 'USD' },
 * );
 * const summary = rfmSummary(log, {
 *   timeUnit: 'week',
 *   calibrationEnd: '1997-09-30',
 *   observationEnd: '1998-06-30',
 * });
 * const row = summary.customers[0]!;
 * console.log(row.frequency, row.recency * 7, row.T * 7, row.monetaryValue); // 2 213 272 '22.345'
 * console.log(row.holdout); // { frequency: 1, spend: '26.48', duration: 39 }
 * ```
 */
export function rfmSummary(log: TransactionLog, options: RfmSummaryOptions): RfmSummary {
  const fn = 'rfmSummary';
  const parsed = parseInput(RfmSummaryOptionsSchema, options, fn, 'options');
  const checked = checkLog(log, fn);
  const transactions = checked.transactions;
  let columns = rememberedColumns(transactions);
  if (columns === undefined) {
    checkTransactions(transactions, fn);
    columns = columnsOf(transactions);
  }
  return summarizeColumns(columns, parsed, checked.currency, checked.timeZone);
}

/**
 * {@link rfmSummary} that returns `{ success: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { parseTransactions, safeRfmSummary } from 'customer-asset';
 *
 * const log = parseTransactions([], { currency: 'USD' });
 * const result = safeRfmSummary(log, { timeUnit: 'week', observationEnd: '2024-02-30' });
 * console.log(result.success); // false: 2024-02-30 is not a date
 * ```
 */
export function safeRfmSummary(log: TransactionLog, options: RfmSummaryOptions): Safe<RfmSummary> {
  return toSafe(() => rfmSummary(log, options));
}
