import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import type { CalendarPeriod } from '../data/cohort-calendar.js';
import { formatUnits } from '../data/cohort-units.js';
import { currencyMinorUnits } from '../money/currencies.js';
import { type Money, money } from '../money/money.js';
import { type RoundingMode, RoundingModeSchema } from '../money/rounding.js';
import { normalQuantile } from '../valuation/normal-quantile.js';
import { CANCEL } from './book.js';
import type { LedgerDimension } from './dimension.js';
import { toUnits } from './float-rounding.js';
import { LedgerShape, type Prepared, prepareLedger } from './prepare.js';
import type { LedgerSource } from './types.js';
import { unitsGrid } from './units-grid.js';
import type { BoundValuation, CustomerState, CustomerValuation } from './valuation.js';

/** Options of {@link erosionWatch}. */
export interface ErosionWatchOptions<A extends Readonly<Record<string, unknown>>> {
  readonly period: CalendarPeriod;
  /** The fitted model and assumptions that say what to expect, and what customers are worth. */
  readonly valuation: CustomerValuation<A>;
  readonly assumptions: A;
  /** Periods watched, the last ones of the source (default 3). */
  readonly recent?: number;
  /** Periods before the window used to calibrate the dispersion (default 12). */
  readonly baseline?: number;
  /** Coverage of the prediction interval (default 0.95). */
  readonly level?: number;
  readonly by?: LedgerDimension;
  readonly start?: string;
  readonly end?: string;
  /** Rounding of the money amounts (default: the currency's minor units, half-even). */
  readonly rounding?: { readonly decimalPlaces?: number; readonly mode?: RoundingMode };
}

/** Actual against expected in one period of one group. */
export interface ErosionPeriod {
  readonly period: string;
  /** Customers watched: the base at the period's start. */
  readonly customers: number;
  readonly actual: number;
  readonly expected: number;
  readonly lower: number;
  readonly upper: number;
  readonly status: 'below' | 'within' | 'above';
}

/** One group (the total, a cohort or a group of the `by` dimension) over the watch window. */
export interface ErosionGroup {
  /** `'total'`, `'cohort'` or the `by` dimension's name. */
  readonly dimension: string;
  readonly group: string;
  /** Customers watched at the start of the window. */
  readonly customers: number;
  /** Window totals: actual events, the model's expectation and the prediction interval. */
  readonly actual: number;
  readonly expected: number;
  readonly lower: number;
  readonly upper: number;
  readonly status: 'below' | 'within' | 'above';
  /** True when the group is outside its interval on the side that erodes value. */
  readonly alert: boolean;
  /** Residual value of the watched customers at the start of the window. */
  readonly value: Money;
  /** The share of that value the shortfall puts at risk (see erosionWatch). */
  readonly valueAtRisk: Money;
  readonly periods: readonly ErosionPeriod[];
}

/** The output of {@link erosionWatch}: frozen and JSON-serialisable. */
export interface ErosionWatch {
  readonly source: 'transactions' | 'subscriptions';
  /** What is counted: repeat purchase days (transactions) or cancellations (subscriptions). */
  readonly measure: 'repeat-purchases' | 'cancellations';
  /** The direction that erodes value: fewer purchases, or more cancellations, than expected. */
  readonly adverse: 'below' | 'above';
  readonly period: CalendarPeriod;
  readonly window: {
    readonly start: string;
    readonly end: string;
    readonly periods: readonly string[];
  };
  readonly level: number;
  /** The dispersion φ applied to the model variance, estimated on the baseline (1 without one). */
  readonly dispersion: number;
  /** Group-periods the dispersion was estimated on. */
  readonly baselineCells: number;
  readonly valuation: {
    readonly name: string;
    readonly assumptions: Readonly<Record<string, unknown>>;
  };
  readonly currency: string;
  readonly rounding: { readonly decimalPlaces: number; readonly mode: string };
  /** Every group: the total, then the cohorts, then the `by` groups. */
  readonly groups: readonly ErosionGroup[];
  /** The groups in alert, largest value at risk first. */
  readonly alerts: readonly ErosionGroup[];
}

const FN = 'erosionWatch';

const OptionsSchema = z
  .object({
    period: LedgerShape.period,
    by: LedgerShape.by,
    start: LedgerShape.start,
    end: LedgerShape.end,
    valuation: z.custom<CustomerValuation<Readonly<Record<string, unknown>>>>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as { bind?: unknown }).bind === 'function' &&
        typeof (v as { clock?: unknown }).clock === 'function',
      { message: 'Must be a customer valuation such as transactionValuation(...)' },
    ),
    assumptions: z.record(z.string(), z.unknown()),
    recent: z.number().int().min(1).safe().optional(),
    baseline: z.number().int().min(0).safe().optional(),
    level: z.number().gt(0).lt(1).optional(),
    rounding: z
      .object({
        decimalPlaces: z.number().int().min(0).max(12).optional(),
        mode: RoundingModeSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

type MutableState = { -readonly [K in keyof CustomerState]: CustomerState[K] };

interface Accumulated {
  readonly actual: Float64Array;
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  readonly customers: Float64Array;
}

/**
 * Walks every customer through the slots `from..to` and, at each slot's start, asks the valuation
 * what it expects over the slot; counts what happened. Also values the watched base at the start of
 * slot `from + baseline` (the window start) into `value`.
 */
function accumulate(
  p: Prepared,
  bound: BoundValuation,
  valuation: CustomerValuation<Readonly<Record<string, unknown>>>,
  from: number,
  windowStart: number,
  value: (c: number, units: number) => void,
  toValueUnits: (x: number) => number,
): Accumulated {
  const { book, timeline, map } = p;
  const width = timeline.count + 1;
  const size = map.rows * width;
  const out: Accumulated = {
    actual: new Float64Array(size),
    mean: new Float64Array(size),
    variance: new Float64Array(size),
    customers: new Float64Array(size),
  };
  const rowsOf = [0, 0, 0];
  const k = map.groupRow === null ? 2 : 3;
  const subscriptions = book.source === 'subscriptions';
  const state: MutableState = {
    customerId: '',
    day: 0,
    acquisitionDay: 0,
    spellStartDay: 0,
    lastPurchaseDay: 0,
    repeatPurchases: 0,
    repeatSpend: 0,
  };
  for (let c = 0; c < book.size; c += 1) {
    rowsOf[1] = map.cohortRow[c]!;
    if (map.groupRow !== null) rowsOf[2] = map.groupRow[c]!;
    const a = book.offsets[c]!;
    const b = book.offsets[c + 1]!;
    const acquisition = book.firstDay[c]!;
    state.customerId = book.ids[c]!;
    state.acquisitionDay = acquisition;
    state.spellStartDay = acquisition;
    state.lastPurchaseDay = acquisition;
    state.repeatPurchases = 0;
    state.repeatSpend = 0;
    let i = a;
    let subscribed = false;
    for (let s = from; s < width; s += 1) {
      const t0 = timeline.checkDays[s - 1]!;
      const t1 = timeline.checkDays[s]!;
      // bring the state to t0
      for (; i < b && book.days[i]! <= t0; i += 1) {
        const d = book.days[i]!;
        if (subscriptions) {
          subscribed = book.kinds[i] !== CANCEL;
          if (subscribed) state.spellStartDay = d;
        } else if (book.kinds[i] === 1 && d > acquisition) {
          state.repeatPurchases += 1;
          state.repeatSpend += book.units[i]! / 1e4;
          state.lastPurchaseDay = d;
        }
      }
      if (acquisition > t0 || (subscriptions && !subscribed)) continue;
      state.day = t0;
      if (subscriptions) {
        const tau = valuation.clock(state, t0);
        state.repeatPurchases = Math.floor(tau);
      }
      const { mean, variance } = bound.expectation(state, t1);
      if (!(Number.isFinite(mean) && Number.isFinite(variance)))
        fail('model/non-finite', FN, 'the model expectation is not finite', {
          expected: 'a finite mean and variance',
          received: mean,
          details: { customerId: state.customerId },
        });
      let actual = 0;
      for (let j = i; j < b && book.days[j]! <= t1; j += 1) {
        if (subscriptions) {
          if (book.kinds[j] === CANCEL) {
            actual = 1;
            break;
          }
        } else if (book.kinds[j] === 1) actual += 1;
      }
      for (let r = 0; r < k; r += 1) {
        const index = rowsOf[r]! * width + s;
        out.actual[index]! += actual;
        out.mean[index]! += mean;
        out.variance[index]! += variance;
        out.customers[index]! += 1;
      }
      if (s === windowStart) value(c, toValueUnits(bound.value(state)));
    }
  }
  return out;
}

/**
 * The early warning: per cohort and per `by` group, the events of the last `recent` periods against
 * what the fitted model expected, with a prediction interval; the groups outside it on the adverse
 * side, ranked by value at risk in money. This is the "revenue erosion early warning system" a chief
 * customer officer asks for: where customers are going quiet (or leaving) faster than the model says,
 * before they say so.
 *
 * What is compared, for the customers in the base at the start of each period:
 * - transaction log: repeat purchase days in the period against the model's expected purchases
 *   (`valuation.bind(assumptions).expectation`, e.g. `model.expectedPurchases` given each customer's
 *   history); the adverse side is below the interval;
 * - subscription log: cancellations against the model's cancellation probabilities (1 − Π r_t over
 *   the renewals due); the adverse side is above.
 * Customers are independent given the model, so the group's expected count is Σ mean and its model
 * variance Σ var (Poisson for purchases, Bernoulli for cancellations). The model variance is scaled
 * by a dispersion φ = max(1, mean of z²) estimated on the group-periods of the `baseline` periods
 * before the window (quasi-likelihood, as in the Farrington et al. 1996 outbreak detection algorithm,
 * JRSS A 159(3)), and the interval is the normal one: expected ± z·√(φ·variance) at `level`.
 *
 * Value at risk: the residual value of the group's watched customers at the window start, times the
 * shortfall share (expected − actual)/expected for purchases; for cancellations, the excess
 * cancellations (actual − expected) times the group's value per customer. Zero on the other side.
 *
 * Numerical caveats: the normal interval is rough for groups expecting fewer than about 10 events;
 * Φ⁻¹ is Wichura's AS 241 (about 1e-16 relative), shared with the valuation module.
 *
 * @param source - A transaction log or a subscription log `{ events }`.
 * @param options - {@link ErosionWatchOptions}.
 * @returns A frozen {@link ErosionWatch}.
 * @throws CustomerAssetError `input/invalid`, `input/empty`, `money/currency-mismatch`,
 *   `model/non-finite`.
 *
 * @example
 * ```ts
 * import { erosionWatch, money, retentionValuation } from 'customer-asset';
 *
 * const events = [];
 * for (let i = 0; i < 40; i += 1) {
 *   events.push({ customerId: `c${i}`, date: '2023-01-15', type: 'start' as const });
 *   if (i < 12) events.push({ customerId: `c${i}`, date: '2023-06-15', type: 'cancel' as const });
 * }
 * const watch = erosionWatch({ events }, {
 *   period: 'month',
 *   valuation: retentionValuation({ period: 'month' }),
 *   assumptions: { retention: 0.98, margin: money('20', 'USD'), discountRate: 0.01 },
 *   recent: 3,
 *   end: '2023-06-30',
 * });
 * console.log(watch.alerts.map((g) => [g.dimension, g.group, g.actual]));
 * // [['total', 'total', 12], ['cohort', '2023-01', 12]]
 * ```
 */
export function erosionWatch<A extends Readonly<Record<string, unknown>>>(
  source: LedgerSource,
  options: ErosionWatchOptions<A>,
): ErosionWatch {
  const opts = parseInput(OptionsSchema, options, FN, 'options');
  const p = prepareLedger(
    source,
    {
      ...opts,
      lossRule: isSubscriptions(source)
        ? { kind: 'cancellation' }
        : { kind: 'inactivity', days: 1 },
    },
    FN,
  );
  const valuation = opts.valuation;
  if (valuation.source !== p.book.source)
    fail(
      'input/invalid',
      FN,
      `the valuation values ${valuation.source}, the source is ${p.book.source}`,
      {
        path: ['valuation'],
        expected: `a valuation of ${p.book.source}`,
        received: valuation.source,
      },
    );
  const assumptions = parseInput(
    valuation.assumptionsSchema,
    opts.assumptions,
    FN,
    'options.assumptions',
  );
  const bound = valuation.bind(assumptions);
  const currency = p.book.currency ?? bound.currency;
  if (currency === null)
    return fail('input/invalid', FN, 'the watch has no currency', {
      path: ['assumptions'],
      expected: 'assumptions with a margin in Money',
      received: null,
    });
  if (bound.currency !== null && bound.currency !== currency)
    fail('money/currency-mismatch', FN, 'the assumptions are in another currency than the source', {
      path: ['assumptions'],
      expected: currency,
      received: bound.currency,
    });
  const decimalPlaces = opts.rounding?.decimalPlaces ?? currencyMinorUnits(currency);
  const mode = opts.rounding?.mode ?? 'half-even';
  const scale = 10 ** decimalPlaces;
  const level = opts.level ?? 0.95;
  const z = normalQuantile(1 - (1 - level) / 2);
  const P = p.timeline.count;
  const recent = Math.min(opts.recent ?? 3, P);
  const windowStart = P - recent + 1;
  const from = Math.max(1, windowStart - (opts.baseline ?? 12));
  const width = P + 1;
  const values = unitsGrid(p.map.rows, Number.POSITIVE_INFINITY);
  const acc = accumulate(
    p,
    bound,
    valuation,
    from,
    windowStart,
    (c, units) => {
      values.add(0, units);
      values.add(p.map.cohortRow[c]!, units);
      if (p.map.groupRow !== null) values.add(p.map.groupRow[c]!, units);
    },
    (x) => toUnits(x, scale, mode, FN),
  );
  // dispersion from the baseline group-periods (cohorts and groups; not the total)
  let sumZ2 = 0;
  let cells = 0;
  for (let r = 1; r < p.map.rows; r += 1)
    for (let s = from; s < windowStart; s += 1) {
      const index = r * width + s;
      const v = acc.variance[index]!;
      if (v <= 0) continue;
      const d = acc.actual[index]! - acc.mean[index]!;
      sumZ2 += (d * d) / v;
      cells += 1;
    }
  const dispersion = cells === 0 ? 1 : Math.max(1, sumZ2 / cells);
  const subscriptions = p.book.source === 'subscriptions';
  const adverse = subscriptions ? 'above' : 'below';
  const m = (units: bigint): Money => money(formatUnits(units, decimalPlaces), currency);
  const interval = (mean: number, variance: number) => {
    const half = z * Math.sqrt(dispersion * variance);
    return { lower: Math.max(0, mean - half), upper: mean + half };
  };
  const status = (actual: number, lower: number, upper: number) =>
    actual < lower ? ('below' as const) : actual > upper ? ('above' as const) : ('within' as const);
  const group = (r: number, dimension: string, name: string): ErosionGroup => {
    const periods: ErosionPeriod[] = [];
    let actual = 0;
    let expected = 0;
    let variance = 0;
    for (let s = windowStart; s < width; s += 1) {
      const index = r * width + s;
      const a = acc.actual[index]!;
      const e = acc.mean[index]!;
      const v = acc.variance[index]!;
      actual += a;
      expected += e;
      variance += v;
      const { lower, upper } = interval(e, v);
      periods.push({
        period: p.timeline.labels[s - 1]!,
        customers: acc.customers[index]!,
        actual: a,
        expected: e,
        lower,
        upper,
        status: status(a, lower, upper),
      });
    }
    const { lower, upper } = interval(expected, variance);
    const st = status(actual, lower, upper);
    const value = values.get(r);
    const customers = acc.customers[r * width + windowStart]!;
    let atRisk = 0;
    if (subscriptions) {
      if (actual > expected && customers > 0)
        atRisk = ((actual - expected) * Number(value)) / customers;
    } else if (expected > actual && expected > 0)
      atRisk = (Number(value) * (expected - actual)) / expected;
    return {
      dimension,
      group: name,
      customers,
      actual,
      expected,
      lower,
      upper,
      status: st,
      alert: st === adverse,
      value: m(value),
      valueAtRisk: m(BigInt(toUnits(atRisk, 1, mode, FN))),
      periods,
    };
  };
  const offset = 1 + p.cohorts.length;
  const groups: ErosionGroup[] = [
    group(0, 'total', 'total'),
    ...p.cohorts.map((cohort, k) => group(k + 1, 'cohort', cohort.label)),
    ...(p.grouping?.labels.map((label, k) => group(offset + k, p.grouping!.name, label)) ?? []),
  ];
  const alerts = groups
    .filter((g) => g.alert)
    .sort((x, y) => y.valueAtRisk.amount.cmp(x.valueAtRisk.amount));
  return deepFreeze({
    source: p.book.source,
    measure: subscriptions ? ('cancellations' as const) : ('repeat-purchases' as const),
    adverse,
    period: p.timeline.period,
    window: {
      start: p.timeline.starts[windowStart - 1]!,
      end: p.timeline.ends[P - 1]!,
      periods: p.timeline.labels.slice(windowStart - 1),
    },
    level,
    dispersion,
    baselineCells: cells,
    valuation: { name: valuation.name, assumptions },
    currency,
    rounding: { decimalPlaces, mode },
    groups,
    alerts,
  });
}

function isSubscriptions(source: unknown): boolean {
  return typeof source === 'object' && source !== null && 'events' in source;
}

/**
 * {@link erosionWatch} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { money, retentionValuation, safeErosionWatch } from 'customer-asset';
 *
 * const result = safeErosionWatch({ events: [] }, {
 *   period: 'month',
 *   valuation: retentionValuation({ period: 'month' }),
 *   assumptions: { retention: 0.98, margin: money('20', 'USD'), discountRate: 0.01 },
 * });
 * console.log(result.success ? 'ok' : result.error.code); // 'input/empty'
 * ```
 */
export function safeErosionWatch<A extends Readonly<Record<string, unknown>>>(
  source: LedgerSource,
  options: ErosionWatchOptions<A>,
): Safe<ErosionWatch> {
  return toSafe(() => erosionWatch(source, options));
}
