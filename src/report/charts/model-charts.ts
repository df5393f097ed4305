/**
 * Charts of the fitted purchase model: P(alive) over frequency and recency (Fader, Hardie & Lee
 * 2005, figure 5 style) and the holdout tracking of expected against actual purchases (figure 2).
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { deepFreeze } from '../../core/freeze.js';
import { parseInput } from '../../core/validate.js';
import type { HoldoutTracking } from '../../models/holdout/holdout-tracking.js';
import type { TransactionModel } from '../../models/types.js';
import {
  baseConfig,
  type ChartOptions,
  COLORS,
  frame,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from './spec.js';

type AnyParams = Readonly<Record<string, number>>;

/** One cell of the P(alive) grid. */
export interface ProbabilityAliveCell {
  /** Repeat purchases x. */
  readonly frequency: number;
  /** The recency band [recencyFrom, recencyTo) in the model's time unit; P(alive) is at its middle. */
  readonly recencyFrom: number;
  readonly recencyTo: number;
  readonly recency: number;
  readonly probabilityAlive: number;
}

/** The P(alive) grid's data. */
export interface ProbabilityAliveGridData {
  readonly model: string;
  readonly timeUnit: string;
  /** The customer age T every cell is evaluated at. */
  readonly T: number;
  readonly cells: readonly ProbabilityAliveCell[];
}

/** Options of {@link probabilityAliveGridData}. */
export interface ProbabilityAliveGridOptions {
  /** Customer age T (time since first purchase) in the model's unit, > 0. */
  readonly T: number;
  /** Time unit of the params and of T (for labels), e.g. `'week'`. */
  readonly timeUnit: string;
  /** Largest frequency shown (default 10; rows 1..maxFrequency). */
  readonly maxFrequency?: number;
  /** Number of recency bands over (0, T] (default 20). */
  readonly recencyBands?: number;
}

const OptionsSchema = /* @__PURE__ */ z
  .object({
    T: z.number().positive().finite(),
    timeUnit: z.string().min(1),
    maxFrequency: z.number().int().min(1).max(200).optional(),
    recencyBands: z.number().int().min(2).max(200).optional(),
  })
  .strict();

const ModelSchema = /* @__PURE__ */ z.custom<TransactionModel<string, AnyParams>>(
  (m) =>
    typeof m === 'object' &&
    m !== null &&
    typeof (m as { probabilityAlive?: unknown }).probabilityAlive === 'function' &&
    typeof (m as { paramsSchema?: { safeParse?: unknown } }).paramsSchema?.safeParse === 'function',
  { message: 'Must be a transaction model descriptor such as bgNbd' },
);

/**
 * P(alive) of a customer of age T for each number of repeat purchases (1..maxFrequency) and each
 * recency band over (0, T], from any transaction model: the chart that shows a manager that a
 * customer who bought often but not lately is probably gone, while one who bought rarely may still
 * be alive (Fader, Hardie & Lee 2005, Marketing Science 24(2), section 5). Frequency 0 is left out:
 * its recency is 0 by definition.
 *
 * @throws CustomerAssetError `input/invalid` (bad model, params or options) and the model's errors.
 *
 * @example
 * ```ts
 * import { bgNbd, probabilityAliveGridData } from 'customer-asset';
 *
 * const grid = probabilityAliveGridData(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, {
 *   T: 39, timeUnit: 'week', maxFrequency: 2, recencyBands: 2,
 * });
 * console.log(grid.cells.map((c) => c.probabilityAlive.toFixed(2)).join(' ')); // '0.43 0.69 0.26 0.71'
 * ```
 */
export function probabilityAliveGridData<Params extends AnyParams>(
  model: TransactionModel<string, Params>,
  params: Params,
  options: ProbabilityAliveGridOptions,
): ProbabilityAliveGridData {
  const fn = 'probabilityAliveGridData';
  const m = parseInput(ModelSchema, model, fn, 'model');
  const p = parseInput(m.paramsSchema, params, fn, 'params');
  const opts = parseInput(OptionsSchema, options, fn, 'options');
  const maxFrequency = opts.maxFrequency ?? 10;
  const bands = opts.recencyBands ?? 20;
  const width = opts.T / bands;
  const cells: ProbabilityAliveCell[] = [];
  for (let x = 1; x <= maxFrequency; x += 1)
    for (let k = 0; k < bands; k += 1) {
      const recency = (k + 0.5) * width;
      const probabilityAlive = m.probabilityAlive(p, { frequency: x, recency, T: opts.T });
      if (!Number.isFinite(probabilityAlive))
        fail('model/non-finite', fn, 'P(alive) is not finite', {
          expected: 'a probability',
          received: probabilityAlive,
          details: { frequency: x, recency, T: opts.T },
        });
      cells.push({
        frequency: x,
        recencyFrom: k * width,
        recencyTo: (k + 1) * width,
        recency,
        probabilityAlive,
      });
    }
  return deepFreeze({ model: m.name, timeUnit: opts.timeUnit, T: opts.T, cells });
}

/**
 * The Vega-Lite spec of the P(alive) grid: a heatmap with recency across, frequency up, and a
 * red-to-green ramp for P(alive).
 *
 * @example
 * ```ts
 * import { bgNbd, probabilityAliveGridData, probabilityAliveGridSpec } from 'customer-asset';
 *
 * const grid = probabilityAliveGridData(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { T: 39, timeUnit: 'week' });
 * console.log((probabilityAliveGridSpec(grid).mark as { type: string }).type); // 'rect'
 * ```
 */
export function probabilityAliveGridSpec(
  data: ProbabilityAliveGridData,
  options: ChartOptions = {},
): VegaLiteSpec {
  const maxFrequency = data.cells.reduce((m, c) => Math.max(m, c.frequency), 1);
  return deepFreeze({
    ...frame(options, { title: 'Probability a customer is still active', height: 240 }),
    data: { values: data.cells.map((c) => ({ ...c })) },
    mark: { type: 'rect' },
    encoding: {
      x: {
        field: 'recencyFrom',
        type: 'quantitative',
        title: `Time of last purchase, ${data.timeUnit}s after the first (customers ${formatAge(data.T)} ${data.timeUnit}s old)`,
        scale: { domain: [0, data.T], nice: false },
      },
      x2: { field: 'recencyTo' },
      y: {
        field: 'yFrom',
        type: 'quantitative',
        title: 'Repeat purchases',
        scale: { domain: [0.5, maxFrequency + 0.5], nice: false },
        axis: { values: Array.from({ length: maxFrequency }, (_, i) => i + 1), format: 'd' },
      },
      y2: { field: 'yTo' },
      color: {
        field: 'probabilityAlive',
        type: 'quantitative',
        title: 'P(active)',
        scale: { scheme: 'redyellowgreen', domain: [0, 1] },
        legend: { format: '.0%' },
      },
      tooltip: [
        { field: 'frequency', title: 'Repeat purchases' },
        { field: 'recency', title: 'Last purchase at', format: '.1f' },
        { field: 'probabilityAlive', title: 'P(active)', format: '.1%' },
      ],
    },
    transform: [
      { calculate: 'datum.frequency - 0.5', as: 'yFrom' },
      { calculate: 'datum.frequency + 0.5', as: 'yTo' },
    ],
  });
}

function formatAge(T: number): string {
  return Number.isInteger(T) ? String(T) : T.toFixed(1);
}

/** One period of the holdout chart, in long form (one row per series). */
export interface HoldoutPoint {
  readonly period: number;
  /** Last day of the period. */
  readonly end: string;
  readonly series: 'Actual' | 'Model';
  /** Purchases in the period. */
  readonly purchases: number;
  /** Purchases since the end of calibration. */
  readonly cumulative: number;
  /** Whether the period is shorter than one time unit (the last one may be). */
  readonly partial: boolean;
}

/** The holdout chart's data. */
export interface HoldoutChartData {
  readonly model: string;
  readonly timeUnit: string;
  readonly calibrationEnd: string;
  readonly customers: number;
  readonly totalActual: number;
  readonly totalExpected: number;
  /** (expected − actual) / actual over the holdout, or null when there were no purchases. */
  readonly relativeError: number | null;
  readonly points: readonly HoldoutPoint[];
}

const TrackingSchema = /* @__PURE__ */ z.custom<HoldoutTracking>(
  (t) =>
    typeof t === 'object' &&
    t !== null &&
    Array.isArray((t as HoldoutTracking).periods) &&
    typeof (t as HoldoutTracking).totalActual === 'number',
  { message: 'Must be a holdout tracking (the result of holdoutTracking)' },
);

/**
 * The holdout tracking in long form for plotting: for each period after the end of calibration, the
 * purchases the model expected from the calibration customers and those they made, per period and
 * cumulated, and the error over the whole holdout.
 *
 * @throws CustomerAssetError `input/invalid` when `tracking` is not a holdout tracking.
 *
 * @example
 * ```ts
 * import { bgNbd, holdoutChartData, holdoutTracking, parseTransactions } from 'customer-asset';
 *
 * const log = parseTransactions(
 *   [
 *     { customerId: 'a', date: '2024-01-01', amount: '10' },
 *     { customerId: 'a', date: '2024-01-20', amount: '12' },
 *     { customerId: 'a', date: '2024-02-10', amount: '9' },
 *   ],
 *   { currency: 'USD' },
 * );
 * const tracking = holdoutTracking(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, log, {
 *   calibrationEnd: '2024-01-31', observationEnd: '2024-02-28', timeUnit: 'week',
 * });
 * const chart = holdoutChartData(tracking);
 * console.log(chart.points.length, chart.totalActual); // 8 1
 * ```
 */
export function holdoutChartData(tracking: HoldoutTracking): HoldoutChartData {
  const t = parseInput(TrackingSchema, tracking, 'holdoutChartData', 'tracking');
  const points: HoldoutPoint[] = [];
  let previous = 0;
  for (const p of t.periods) {
    const partial = p.t - previous < 1 - 1e-9;
    previous = p.t;
    points.push({
      period: p.index,
      end: p.end,
      series: 'Actual',
      purchases: p.actual,
      cumulative: p.cumulativeActual,
      partial,
    });
    points.push({
      period: p.index,
      end: p.end,
      series: 'Model',
      purchases: p.expected,
      cumulative: p.cumulativeExpected,
      partial,
    });
  }
  return deepFreeze({
    model: t.model,
    timeUnit: t.timeUnit,
    calibrationEnd: t.calibrationEnd,
    customers: t.customers,
    totalActual: t.totalActual,
    totalExpected: t.totalExpected,
    relativeError: t.totalActual > 0 ? (t.totalExpected - t.totalActual) / t.totalActual : null,
    points,
  });
}

/**
 * The Vega-Lite spec of the holdout tracking: two panels side by side, purchases per period (full
 * periods only: a shorter last period would look like a collapse) and cumulative purchases, the
 * model dashed and the actual solid.
 *
 * @example
 * ```ts
 * import { holdoutChartSpec } from 'customer-asset';
 *
 * const spec = holdoutChartSpec({
 *   model: 'bg-nbd', timeUnit: 'week', calibrationEnd: '2024-01-31', customers: 1,
 *   totalActual: 1, totalExpected: 0.8, relativeError: -0.2, points: [],
 * });
 * console.log((spec.hconcat as unknown[]).length); // 2
 * ```
 */
export function holdoutChartSpec(data: HoldoutChartData, options: ChartOptions = {}): VegaLiteSpec {
  const width = Math.round((options.width ?? 640) / 2) - 30;
  const height = options.height ?? 240;
  const legend = { orient: 'bottom', title: null };
  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: ['Actual', 'Model'], range: [COLORS.actual, COLORS.model] },
    legend,
  };
  const strokeDash = {
    field: 'series',
    type: 'nominal',
    scale: {
      domain: ['Actual', 'Model'],
      range: [
        [1, 0],
        [6, 3],
      ],
    },
    legend,
  };
  const x = {
    field: 'end',
    type: 'temporal',
    title: null,
    axis: { format: '%b %Y', labelAngle: 0, tickCount: 4 },
  };
  const panel = (field: string, title: string, subtitle: string, fullOnly: boolean) => ({
    width,
    height,
    title: { text: title, subtitle, fontSize: 12 },
    ...(fullOnly ? { transform: [{ filter: '!datum.partial' }] } : {}),
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x,
      y: { field, type: 'quantitative', title: null, axis: { format: ',.0f' } },
      color,
      strokeDash,
      tooltip: [
        { field: 'end', type: 'temporal', title: 'Period ending' },
        { field: 'series', title: 'Series' },
        { field, title: 'Purchases', format: ',.1f' },
      ],
    },
  });
  return deepFreeze({
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? 'Forecast against what customers then did (holdout)',
    config: baseConfig(),
    data: { values: data.points.map((p) => ({ ...p })) },
    hconcat: [
      panel(
        'purchases',
        `Repeat purchases per ${data.timeUnit}`,
        `after ${data.calibrationEnd}`,
        true,
      ),
      panel('cumulative', 'Cumulative repeat purchases', `after ${data.calibrationEnd}`, false),
    ],
  });
}
