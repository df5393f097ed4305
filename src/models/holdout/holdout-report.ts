import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { type Safe, toSafe } from '../../core/safe.js';
import type { TimeUnit } from '../../core/time-unit.js';
import { parseInput } from '../../core/validate.js';
import type { RfmSummary } from '../../data/summary-types.js';
import type { TransactionModel } from '../types.js';

type AnyParams = Readonly<Record<string, number>>;

/** One row of the calibration-versus-holdout table: customers grouped by calibration frequency. */
export interface HoldoutBucket {
  /** `'0'`, `'1'`, ..., `'2-3'` or `'7+'`. */
  readonly label: string;
  /** Smallest calibration frequency in the bucket. */
  readonly from: number;
  /** Largest calibration frequency in the bucket, or null for the open last bucket. */
  readonly to: number | null;
  readonly customers: number;
  /** Mean holdout purchases per customer, observed. */
  readonly meanActual: number;
  /** Mean holdout purchases per customer, predicted (E[Y(duration) | x, t_x, T]). */
  readonly meanPredicted: number;
  readonly totalActual: number;
  readonly totalPredicted: number;
}

/** Accuracy of one model over a holdout period. */
export interface HoldoutReport {
  readonly model: string;
  readonly timeUnit: TimeUnit;
  /** The holdout length(s) predicted for, in the summary's unit (one value for a summary from a log). */
  readonly durations: readonly number[];
  /** Customers (Σ count). */
  readonly customers: number;
  readonly totalActual: number;
  readonly totalPredicted: number;
  /** Σ|predicted − actual| / customers. */
  readonly meanAbsoluteError: number;
  /** √(Σ(predicted − actual)² / customers). */
  readonly rootMeanSquaredError: number;
  /** Σ(predicted − actual) / customers: positive when the model over-predicts. */
  readonly bias: number;
  /** The calibration-versus-holdout table by calibration frequency. */
  readonly byFrequency: readonly HoldoutBucket[];
  /** Predicted holdout purchases per row, in the summary's row order. */
  readonly predicted: Float64Array;
  /** Observed holdout purchases per row. */
  readonly actual: Float64Array;
}

/** Options of {@link holdoutReport}. */
export interface HoldoutReportOptions {
  /**
   * Lower bounds of the frequency buckets, strictly increasing integers starting at 0; the last
   * bucket is open. Default `[0, 1, 2, 3, 4, 5, 6, 7]`: 0..6 and 7+ (Fader, Hardie & Lee 2005,
   * figure 4).
   */
  readonly frequencyBuckets?: readonly number[];
}

const OptionsSchema = /* @__PURE__ */ z
  .object({
    frequencyBuckets: z
      .array(z.number().int().nonnegative())
      .min(1)
      .refine((b) => b[0] === 0, { message: 'Must start at 0' })
      .refine((b) => b.every((v, i) => i === 0 || v > b[i - 1]!), {
        message: 'Must be strictly increasing',
      })
      .optional(),
  })
  .strict();

const DEFAULT_BUCKETS = Object.freeze([0, 1, 2, 3, 4, 5, 6, 7]);

function bucketLabel(from: number, to: number | null): string {
  if (to === null) return `${from}+`;
  return from === to ? String(from) : `${from}-${to}`;
}

/** Checks that the summary has a holdout on every row and returns durations and actuals. */
function holdoutColumns(
  summary: RfmSummary,
  fn: string,
): { actual: Float64Array; duration: Float64Array } {
  if (summary === null || typeof summary !== 'object' || summary.kind !== 'rfm-summary')
    fail('input/invalid', fn, 'summary must be an RFM summary with holdout data', {
      expected: 'rfmSummary(log, { ..., calibrationEnd }) (every row has a holdout)',
      received: (summary as { kind?: unknown } | null)?.kind ?? summary,
      path: ['summary'],
    });
  const rows = summary.customers;
  const actual = new Float64Array(rows.length);
  const duration = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const h = rows[i]?.holdout;
    if (
      h === undefined ||
      !(Number.isInteger(h.frequency) && h.frequency >= 0) ||
      !(h.duration >= 0 && Number.isFinite(h.duration))
    )
      fail('input/invalid', fn, `summary row ${i} has no holdout data`, {
        expected:
          'a summary built with calibrationEnd (row.holdout = { frequency, spend, duration })',
        received: h === undefined ? undefined : `frequency ${h.frequency}, duration ${h.duration}`,
        path: ['summary', 'customers', i, 'holdout'],
      });
    actual[i] = h.frequency;
    duration[i] = h.duration;
  }
  return { actual, duration };
}

/**
 * How well a fitted transaction model predicts the holdout period: for each customer the expected
 * purchases over the holdout given the calibration history, E[Y(t) | x, t_x, T] with t the row's
 * holdout duration, against the purchases observed. Reports the quantities asked for in practice:
 * mean absolute error, root mean squared error and bias per customer, totals, and the
 * calibration-versus-holdout table (mean actual against mean predicted by calibration frequency
 * 0, 1, ..., 6 and 7+, or other buckets): the conditional-expectation check of Fader, Hardie & Lee
 * (2005, Marketing Science 24(2), figure 4) and Schmittlein & Peterson (1994).
 *
 * Model-agnostic: any {@link TransactionModel} (its vectorised `score`, once per distinct holdout
 * duration). Rows are weighted by their `count`.
 *
 * Numerical caveats: float64 sums over customers (fine for millions of rows); MAE and RMSE compare
 * an expectation with a count, so they cannot reach 0 even for a perfect model (the Poisson noise
 * remains): compare models with them, and read the bias and the table for calibration.
 *
 * @param model - Any transaction model descriptor (`bgNbd`, `paretoNbd`...).
 * @param params - Its params, in the summary's time unit.
 * @param summary - An RFM summary with a holdout (built from a log with `calibrationEnd`).
 * @param options - {@link HoldoutReportOptions}.
 * @returns A frozen {@link HoldoutReport}.
 * @throws CustomerAssetError `input/invalid` (a summary without holdout data, bad buckets) and the
 *   model's own errors.
 *
 * @example
 * ```ts
 * import { bgNbd, holdoutReport, parseTransactions, rfmSummary } from 'customer-asset';
 *
 * const log = parseTransactions(
 *   [
 *     { customerId: 'a', date: '2024-01-01', amount: '10' },
 *     { customerId: 'a', date: '2024-02-01', amount: '12' },
 *     { customerId: 'a', date: '2024-05-01', amount: '9' },
 *     { customerId: 'b', date: '2024-01-15', amount: '30' },
 *   ],
 *   { currency: 'USD' },
 * );
 * const summary = rfmSummary(log, {
 *   timeUnit: 'week',
 *   calibrationEnd: '2024-03-31',
 *   observationEnd: '2024-06-30',
 * });
 * const report = holdoutReport(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, summary);
 * console.log(report.totalActual); // 1
 * console.log(report.byFrequency.map((b) => b.label).join(' ')); // '0 1 2 3 4 5 6 7+'
 * ```
 */
export function holdoutReport<Params extends AnyParams>(
  model: TransactionModel<string, Params>,
  params: Params,
  summary: RfmSummary,
  options: HoldoutReportOptions = {},
): HoldoutReport {
  const fn = 'holdoutReport';
  if (model === null || typeof model !== 'object' || typeof model.score !== 'function')
    fail('input/invalid', fn, 'model must be a transaction model descriptor', {
      expected: 'bgNbd, paretoNbd, mbgNbd, bgBb ...',
      received: model,
      path: ['model'],
    });
  const checkedParams = parseInput(model.paramsSchema, params, fn, 'params');
  const opts = parseInput(OptionsSchema, options, fn, 'options');
  const buckets = opts.frequencyBuckets ?? DEFAULT_BUCKETS;
  const { actual, duration } = holdoutColumns(summary, fn);
  const size = actual.length;
  const rows = summary.customers;
  const predicted = new Float64Array(size);
  const durations = [...new Set(duration)].sort((a, b) => a - b);
  for (const d of durations) {
    const scores = model.score(checkedParams, summary, { horizon: d });
    for (let i = 0; i < size; i += 1)
      if (duration[i] === d) predicted[i] = scores.expectedPurchases[i]!;
  }
  const k = buckets.length;
  const bucketCustomers = new Float64Array(k);
  const bucketActual = new Float64Array(k);
  const bucketPredicted = new Float64Array(k);
  let customers = 0;
  let totalActual = 0;
  let totalPredicted = 0;
  let absolute = 0;
  let squared = 0;
  for (let i = 0; i < size; i += 1) {
    const row = rows[i]!;
    const n = row.count;
    const a = actual[i]!;
    const p = predicted[i]!;
    const e = p - a;
    customers += n;
    totalActual += n * a;
    totalPredicted += n * p;
    absolute += n * Math.abs(e);
    squared += n * e * e;
    // Bucket: the last lower bound <= frequency.
    let b = k - 1;
    while (b > 0 && buckets[b]! > row.frequency) b -= 1;
    bucketCustomers[b] = bucketCustomers[b]! + n;
    bucketActual[b] = bucketActual[b]! + n * a;
    bucketPredicted[b] = bucketPredicted[b]! + n * p;
  }
  if (customers === 0)
    fail('input/empty', fn, 'the summary has no customers', {
      expected: 'at least one customer',
      received: 0,
      path: ['summary'],
    });
  const byFrequency = buckets.map((from, b) => {
    const to = b === k - 1 ? null : buckets[b + 1]! - 1;
    const c = bucketCustomers[b]!;
    return Object.freeze({
      label: bucketLabel(from, to),
      from,
      to,
      customers: c,
      meanActual: c === 0 ? 0 : bucketActual[b]! / c,
      meanPredicted: c === 0 ? 0 : bucketPredicted[b]! / c,
      totalActual: bucketActual[b]!,
      totalPredicted: bucketPredicted[b]!,
    });
  });
  return Object.freeze({
    model: model.name,
    timeUnit: summary.timeUnit,
    durations: Object.freeze(durations),
    customers,
    totalActual,
    totalPredicted,
    meanAbsoluteError: absolute / customers,
    rootMeanSquaredError: Math.sqrt(squared / customers),
    bias: (totalPredicted - totalActual) / customers,
    byFrequency: Object.freeze(byFrequency),
    predicted,
    actual,
  });
}

/**
 * {@link holdoutReport} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { bgNbd, rfmSummaryFromRows, safeHoldoutReport } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows([{ frequency: 1, recency: 2, T: 5 }], { timeUnit: 'week' });
 * const result = safeHoldoutReport(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, summary);
 * console.log(result.success); // false: rows from rfmSummaryFromRows have no holdout
 * ```
 */
export function safeHoldoutReport<Params extends AnyParams>(
  model: TransactionModel<string, Params>,
  params: Params,
  summary: RfmSummary,
  options: HoldoutReportOptions = {},
): Safe<HoldoutReport> {
  return toSafe(() => holdoutReport(model, params, summary, options));
}
