import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { type Safe, toSafe } from '../../core/safe.js';
import type { TimeUnit } from '../../core/time-unit.js';
import { parseInput } from '../../core/validate.js';
import {
  type CalendarTimeUnit,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  elapsed,
  formatDay,
  type MergeBy,
  parseIsoDate,
  periodStart,
} from '../../data/calendar.js';
import { rfmSummary } from '../../data/rfm-summary.js';
import type { RfmSummary } from '../../data/summary-types.js';
import type { TransactionLog } from '../../data/types.js';
import type { TransactionModel } from '../types.js';

type AnyParams = Readonly<Record<string, number>>;

/** Options of {@link holdoutTracking}. */
export interface HoldoutTrackingOptions {
  /** Last day of the calibration period (inclusive), `YYYY-MM-DD`. */
  readonly calibrationEnd: string;
  /** Last day of the data (inclusive), `YYYY-MM-DD`. */
  readonly observationEnd: string;
  /** Unit of the model's params and of the tracking periods (one period = one unit). */
  readonly timeUnit: CalendarTimeUnit;
  /** Merge granularity of purchase occasions (default `'day'`), as in `rfmSummary`. */
  readonly mergeBy?: MergeBy;
}

/** One period of the holdout: expected against actual purchases of the calibration customers. */
export interface TrackingPeriod {
  /** 1-based period number. */
  readonly index: number;
  /** Time since the end of calibration at the end of the period, in the model's unit. */
  readonly t: number;
  /** Last day of the period (`YYYY-MM-DD`). */
  readonly end: string;
  readonly actual: number;
  readonly expected: number;
  readonly cumulativeActual: number;
  readonly cumulativeExpected: number;
}

/** The aggregate tracking of a holdout period. */
export interface HoldoutTracking {
  readonly model: string;
  readonly timeUnit: TimeUnit;
  readonly calibrationEnd: string;
  readonly observationEnd: string;
  /** Customers acquired in the calibration period (the summary's rows). */
  readonly customers: number;
  readonly periods: readonly TrackingPeriod[];
  readonly totalActual: number;
  readonly totalExpected: number;
  /** The calibration summary the expectations were computed from. */
  readonly summary: RfmSummary;
}

const IsoDateSchema = z.string().refine((text) => parseIsoDate(text) !== undefined, {
  message: 'Must be a calendar date written YYYY-MM-DD',
});

const OptionsSchema = /* @__PURE__ */ z
  .object({
    calibrationEnd: IsoDateSchema,
    observationEnd: IsoDateSchema,
    timeUnit: z.enum(['day', 'week', 'month', 'quarter', 'year']),
    mergeBy: z.enum(['day', 'week', 'month', 'quarter', 'year']).optional(),
  })
  .strict()
  .refine((o) => o.calibrationEnd < o.observationEnd, {
    message: 'calibrationEnd must be before observationEnd (there must be a holdout)',
    path: ['calibrationEnd'],
  });

/** Most tracking periods (each is one scoring pass). */
const MAX_PERIODS = 5000;

/** Day `start` moved by `months` calendar months, clamped to the end of a shorter month. */
function addMonths(start: number, months: number): number {
  const [y, m, d] = civilFromDays(start);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return daysFromCivil(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The last day of period k (k units after `origin`), as a day number. */
function periodEndDay(origin: number, k: number, unit: CalendarTimeUnit): number {
  switch (unit) {
    case 'day':
      return origin + k;
    case 'week':
      return origin + 7 * k;
    case 'month':
      return addMonths(origin, k);
    case 'quarter':
      return addMonths(origin, 3 * k);
    case 'year':
      return addMonths(origin, 12 * k);
  }
}

/**
 * The aggregate tracking of a holdout period, period by period: the cumulative purchases the model
 * expects from the customers acquired in the calibration period, Σ_i E[Y_i(t) | x_i, t_x,i, T_i],
 * against the purchases they actually made, counted from the transaction log (the tracking plots
 * of Fader, Hardie & Lee 2005, Marketing Science 24(2), figure 2, for the existing customers only).
 *
 * The calibration summary is built with `rfmSummary` from the same log and options, so the
 * customers, the purchase occasions (same-`mergeBy` merging, refunds-only periods not counted) and
 * the times follow its conventions: times run from the start of the merge period of
 * `calibrationEnd`; period k ends k time units later (calendar months for month/quarter/year,
 * clamped to month ends); the last period ends at `observationEnd` and may be shorter. An occasion
 * belongs to the first period whose end time is not before its time. The actual total equals the
 * sum of the summary's holdout frequencies.
 *
 * Model-agnostic: any {@link TransactionModel} (one vectorised `score` per period).
 *
 * Numerical caveats: the expectations are float64 sums over customers; actual counts are exact.
 *
 * @param model - A transaction model descriptor.
 * @param params - Its params, in `timeUnit`.
 * @param log - A transaction log (from `parseTransactions` or `readTransactionsCsv`).
 * @param options - {@link HoldoutTrackingOptions}.
 * @returns A frozen {@link HoldoutTracking}.
 * @throws CustomerAssetError `input/invalid` (bad options or log, too many periods) and the model's
 *   own errors.
 *
 * @example
 * ```ts
 * import { bgNbd, holdoutTracking, parseTransactions } from 'customer-asset';
 *
 * const log = parseTransactions(
 *   [
 *     { customerId: 'a', date: '2024-01-01', amount: '10' },
 *     { customerId: 'a', date: '2024-01-20', amount: '12' },
 *     { customerId: 'a', date: '2024-02-10', amount: '9' },
 *     { customerId: 'b', date: '2024-01-05', amount: '30' },
 *   ],
 *   { currency: 'USD' },
 * );
 * const tracking = holdoutTracking(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, log, {
 *   calibrationEnd: '2024-01-31',
 *   observationEnd: '2024-02-28',
 *   timeUnit: 'week',
 * });
 * console.log(tracking.periods.map((p) => p.actual).join(',')); // '0,1,0,0'
 * ```
 */
export function holdoutTracking<Params extends AnyParams>(
  model: TransactionModel<string, Params>,
  params: Params,
  log: TransactionLog,
  options: HoldoutTrackingOptions,
): HoldoutTracking {
  const fn = 'holdoutTracking';
  if (model === null || typeof model !== 'object' || typeof model.score !== 'function')
    fail('input/invalid', fn, 'model must be a transaction model descriptor', {
      expected: 'bgNbd, paretoNbd, mbgNbd ...',
      received: model,
      path: ['model'],
    });
  const checkedParams = parseInput(model.paramsSchema, params, fn, 'params');
  const opts = parseInput(OptionsSchema, options, fn, 'options');
  const mergeBy: MergeBy = opts.mergeBy ?? 'day';
  const unit = opts.timeUnit;
  const summary = rfmSummary(log, {
    timeUnit: unit,
    calibrationEnd: opts.calibrationEnd,
    observationEnd: opts.observationEnd,
    mergeBy,
  });
  const calibrationEnd = parseIsoDate(opts.calibrationEnd)!;
  const observationEnd = parseIsoDate(opts.observationEnd)!;
  const origin = periodStart(calibrationEnd, mergeBy);
  const duration = elapsed(origin, periodStart(observationEnd, mergeBy), unit);
  const count = Math.max(1, Math.ceil(duration - 1e-9));
  if (count > MAX_PERIODS)
    fail('input/invalid', fn, 'the holdout has too many periods', {
      expected: `at most ${MAX_PERIODS} periods of one ${unit}`,
      received: count,
      path: ['options', 'timeUnit'],
    });
  const boundaries = new Float64Array(count);
  const ends: string[] = [];
  for (let k = 1; k <= count; k += 1) {
    boundaries[k - 1] = k === count ? duration : k;
    ends.push(formatDay(k === count ? observationEnd : periodEndDay(origin, k, unit)));
  }

  // Actual: holdout occasions of the summary's customers, dated by their merge period.
  const inSummary = new Set<string>();
  for (const row of summary.customers) inSummary.add(row.customerId);
  const occasionStart = new Map<string, number>();
  for (const t of log.transactions) {
    if (t.day <= calibrationEnd || t.day > observationEnd || !inSummary.has(t.customerId)) continue;
    if (t.amount.isNeg() && !t.amount.isZero()) continue;
    const key = `${t.customerId}\u0000${periodStart(t.day, mergeBy)}`;
    if (!occasionStart.has(key)) occasionStart.set(key, periodStart(t.day, mergeBy));
  }
  const actual = new Float64Array(count);
  for (const start of occasionStart.values()) {
    const time = elapsed(origin, start, unit);
    let k = 0;
    while (k < count - 1 && boundaries[k]! < time) k += 1;
    actual[k] = actual[k]! + 1;
  }

  // Expected: Σ count × E[Y(t_k)] at each boundary.
  const rows = summary.customers;
  const periods: TrackingPeriod[] = [];
  let previous = 0;
  let cumulativeActual = 0;
  for (let k = 0; k < count; k += 1) {
    const scores = model.score(checkedParams, summary, { horizon: boundaries[k]! });
    let cumulative = 0;
    for (let i = 0; i < rows.length; i += 1)
      cumulative += rows[i]!.count * scores.expectedPurchases[i]!;
    cumulativeActual += actual[k]!;
    periods.push(
      Object.freeze({
        index: k + 1,
        t: boundaries[k]!,
        end: ends[k]!,
        actual: actual[k]!,
        expected: cumulative - previous,
        cumulativeActual,
        cumulativeExpected: cumulative,
      }),
    );
    previous = cumulative;
  }
  let customers = 0;
  for (const row of rows) customers += row.count;
  return Object.freeze({
    model: model.name,
    timeUnit: unit,
    calibrationEnd: opts.calibrationEnd,
    observationEnd: opts.observationEnd,
    customers,
    periods: Object.freeze(periods),
    totalActual: cumulativeActual,
    totalExpected: previous,
    summary,
  });
}

/**
 * {@link holdoutTracking} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { bgNbd, parseTransactions, safeHoldoutTracking } from 'customer-asset';
 *
 * const log = parseTransactions([{ customerId: 'a', date: '2024-01-01', amount: '10' }], {
 *   currency: 'USD',
 * });
 * const result = safeHoldoutTracking(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, log, {
 *   calibrationEnd: '2024-03-31',
 *   observationEnd: '2024-01-31',
 *   timeUnit: 'week',
 * });
 * console.log(result.success); // false: calibrationEnd is after observationEnd
 * ```
 */
export function safeHoldoutTracking<Params extends AnyParams>(
  model: TransactionModel<string, Params>,
  params: Params,
  log: TransactionLog,
  options: HoldoutTrackingOptions,
): Safe<HoldoutTracking> {
  return toSafe(() => holdoutTracking(model, params, log, options));
}
