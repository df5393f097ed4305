/**
 * Cohort charts from a cohort table: the layer cake ("C3", the customer cohort chart of Fader &
 * Hardie: revenue by acquisition cohort over calendar time, stacked) and the retention heatmap
 * (cohort by age, the share of the cohort active).
 */
import { z } from 'zod';
import { deepFreeze } from '../../core/freeze.js';
import { parseInput } from '../../core/validate.js';
import type { CohortTable } from '../../data/cohort-table.js';
import {
  type ChartOptions,
  COLORS,
  compactMoneyExpression,
  frame,
  type VegaLiteSpec,
} from './spec.js';

/** One cohort's revenue in one calendar period. */
export interface LayerCakePoint {
  /** Calendar period label (`2024-Q1`). */
  readonly period: string;
  /** Index of the period from the first (0-based). */
  readonly periodIndex: number;
  /** Acquisition cohort label. */
  readonly cohort: string;
  /** Index of the cohort from the oldest (0-based): the stacking order. */
  readonly cohortIndex: number;
  /** Net revenue (currency units, float for plotting; the table holds the exact decimal). */
  readonly revenue: number;
  readonly activeCustomers: number;
}

/** The layer cake's data. */
export interface LayerCakeData {
  readonly currency: string;
  readonly periods: readonly string[];
  readonly cohorts: readonly string[];
  readonly points: readonly LayerCakePoint[];
}

const TableSchema = /* @__PURE__ */ z.custom<CohortTable>(
  (t) =>
    typeof t === 'object' &&
    t !== null &&
    Array.isArray((t as CohortTable).cohorts) &&
    typeof (t as CohortTable).layerCake === 'object' &&
    typeof (t as CohortTable).currency === 'string',
  { message: 'Must be a cohort table (the result of cohortTable)' },
);

/**
 * The layer cake's points from a cohort table: every cohort's net revenue in every calendar period
 * from the first acquisition to the end (zero before the cohort is acquired), oldest cohort first,
 * so that stacking them shows how much of each period's revenue comes from each vintage of
 * customers (Fader & Hardie's "C3" chart; McCarthy, Fader & Hardie 2017).
 *
 * @throws CustomerAssetError `input/invalid` when `table` is not a cohort table.
 *
 * @example
 * ```ts
 * import { cohortTable, layerCakeData, parseTransactions } from 'customer-asset';
 *
 * const log = parseTransactions(
 *   [
 *     { customerId: 'a', date: '2024-01-05', amount: '10' },
 *     { customerId: 'a', date: '2024-02-07', amount: '20' },
 *     { customerId: 'b', date: '2024-02-09', amount: '5' },
 *   ],
 *   { currency: 'USD' },
 * );
 * const cake = layerCakeData(cohortTable(log, { cohortBy: 'month' }));
 * console.log(cake.points.map((p) => `${p.cohort}@${p.period}=${p.revenue}`).join(' '));
 * // '2024-01@2024-01=10 2024-01@2024-02=20 2024-02@2024-01=0 2024-02@2024-02=5'
 * ```
 */
export function layerCakeData(table: CohortTable): LayerCakeData {
  const t = parseInput(TableSchema, table, 'layerCakeData', 'table');
  const { periods, series } = t.layerCake;
  const points: LayerCakePoint[] = [];
  series.forEach((s, cohortIndex) => {
    periods.forEach((period, periodIndex) => {
      points.push({
        period,
        periodIndex,
        cohort: s.cohort,
        cohortIndex,
        revenue: Number(s.revenue[periodIndex] ?? '0'),
        activeCustomers: s.activeCustomers[periodIndex] ?? 0,
      });
    });
  });
  return deepFreeze({
    currency: t.currency,
    periods: [...periods],
    cohorts: series.map((s) => s.cohort),
    points,
  });
}

/**
 * The Vega-Lite spec of the layer cake: stacked areas, oldest cohort at the bottom, darker for
 * older cohorts. The legend is dropped beyond 16 cohorts (the colour ramp then reads by age).
 *
 * @example
 * ```ts
 * import { cohortTable, layerCakeData, layerCakeSpec, parseTransactions } from 'customer-asset';
 *
 * const log = parseTransactions([{ customerId: 'a', date: '2024-01-05', amount: '10' }], { currency: 'USD' });
 * const spec = layerCakeSpec(layerCakeData(cohortTable(log)));
 * console.log((spec.mark as { type: string }).type); // 'area'
 * ```
 */
export function layerCakeSpec(data: LayerCakeData, options: ChartOptions = {}): VegaLiteSpec {
  const many = data.cohorts.length > 16;
  return deepFreeze({
    ...frame(options, { title: 'Revenue by acquisition cohort (layer cake)' }),
    data: { values: data.points.map((p) => ({ ...p })) },
    mark: { type: 'area', interpolate: 'monotone', line: { strokeWidth: 0.5, color: 'white' } },
    encoding: {
      x: {
        field: 'period',
        type: 'ordinal',
        sort: data.periods,
        title: null,
        axis: { labelAngle: -45 },
        scale: { padding: 0 },
      },
      y: {
        field: 'revenue',
        type: 'quantitative',
        stack: 'zero',
        title: `Net revenue per period (${data.currency})`,
        axis: { labelExpr: compactMoneyExpression(data.currency) },
      },
      color: {
        field: 'cohort',
        type: 'ordinal',
        sort: data.cohorts,
        scale: { scheme: 'blues', reverse: true },
        title: 'Acquired in',
        legend: many ? null : { symbolType: 'square' },
      },
      order: { field: 'cohortIndex', type: 'quantitative' },
      tooltip: [
        { field: 'cohort', title: 'Cohort' },
        { field: 'period', title: 'Period' },
        { field: 'revenue', title: 'Revenue', format: ',.0f' },
        { field: 'activeCustomers', title: 'Active customers' },
      ],
    },
  });
}

/** One cell of the retention heatmap. */
export interface RetentionCell {
  readonly cohort: string;
  readonly cohortIndex: number;
  /** Periods since acquisition. */
  readonly age: number;
  /** Share of the cohort active at this age. */
  readonly retention: number;
  readonly activeCustomers: number;
  readonly size: number;
}

/** The retention heatmap's data. */
export interface RetentionHeatmapData {
  /** The calendar period of ages (`'quarter'`...). */
  readonly period: string;
  readonly cohorts: readonly string[];
  readonly cells: readonly RetentionCell[];
}

/** Options of {@link retentionHeatmapData}. */
export interface RetentionHeatmapOptions {
  /** First age shown (default 1: age 0 is 100% by definition). */
  readonly fromAge?: number;
  /** Show cells of periods not yet over for the whole cohort (default false: they understate). */
  readonly includeIncomplete?: boolean;
}

const HeatmapOptionsSchema = /* @__PURE__ */ z
  .object({
    fromAge: z.number().int().min(0).optional(),
    includeIncomplete: z.boolean().optional(),
  })
  .strict();

/**
 * The retention matrix of a cohort table as heatmap cells: for each acquisition cohort and each age
 * (periods since acquisition), the share of the cohort's customers who bought at that age. Age 0
 * (100% by definition) and periods not yet complete for the whole cohort are left out by default.
 *
 * @throws CustomerAssetError `input/invalid` when `table` is not a cohort table or options are bad.
 *
 * @example
 * ```ts
 * import { cohortTable, parseTransactions, retentionHeatmapData } from 'customer-asset';
 *
 * const log = parseTransactions(
 *   [
 *     { customerId: 'a', date: '2024-01-05', amount: '10' },
 *     { customerId: 'b', date: '2024-01-09', amount: '10' },
 *     { customerId: 'a', date: '2024-02-07', amount: '20' },
 *     { customerId: 'c', date: '2024-03-02', amount: '20' },
 *   ],
 *   { currency: 'USD' },
 * );
 * const heat = retentionHeatmapData(cohortTable(log, { cohortBy: 'month', end: '2024-03-31' }));
 * console.log(heat.cells.map((c) => `${c.cohort}+${c.age}:${c.retention}`).join(' '));
 * // '2024-01+1:0.5 2024-01+2:0'
 * ```
 */
export function retentionHeatmapData(
  table: CohortTable,
  options: RetentionHeatmapOptions = {},
): RetentionHeatmapData {
  const fn = 'retentionHeatmapData';
  const t = parseInput(TableSchema, table, fn, 'table');
  const opts = parseInput(HeatmapOptionsSchema, options, fn, 'options');
  const fromAge = opts.fromAge ?? 1;
  const cells: RetentionCell[] = [];
  t.cohorts.forEach((row, cohortIndex) => {
    for (const cell of row.cells) {
      if (cell.age < fromAge) continue;
      if (!cell.complete && opts.includeIncomplete !== true) continue;
      cells.push({
        cohort: row.cohort,
        cohortIndex,
        age: cell.age,
        retention: row.size === 0 ? 0 : cell.activeCustomers / row.size,
        activeCustomers: cell.activeCustomers,
        size: row.size,
      });
    }
  });
  return deepFreeze({ period: t.period, cohorts: t.cohorts.map((c) => c.cohort), cells });
}

/**
 * The Vega-Lite spec of the retention heatmap: cohorts down, ages across, a blue ramp for the share
 * active, each cell labelled with its percentage.
 *
 * @example
 * ```ts
 * import { cohortTable, parseTransactions, retentionHeatmapData, retentionHeatmapSpec } from 'customer-asset';
 *
 * const log = parseTransactions([{ customerId: 'a', date: '2024-01-05', amount: '10' }], { currency: 'USD' });
 * const spec = retentionHeatmapSpec(retentionHeatmapData(cohortTable(log)));
 * console.log(Array.isArray(spec.layer)); // true
 * ```
 */
export function retentionHeatmapSpec(
  data: RetentionHeatmapData,
  options: ChartOptions = {},
): VegaLiteSpec {
  const max = data.cells.reduce((m, c) => Math.max(m, c.retention), 0);
  return deepFreeze({
    ...frame(options, {
      title: 'Share of each cohort buying, by age',
      height: Math.max(120, 22 * data.cohorts.length),
    }),
    data: { values: data.cells.map((c) => ({ ...c })) },
    encoding: {
      x: {
        field: 'age',
        type: 'ordinal',
        title: `${data.period[0]!.toUpperCase()}${data.period.slice(1)}s since acquisition`,
        axis: { labelAngle: 0 },
      },
      y: { field: 'cohort', type: 'ordinal', sort: data.cohorts, title: 'Acquired in' },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'retention',
            type: 'quantitative',
            title: 'Active',
            scale: { scheme: 'blues', domain: [0, max > 0 ? max : 1] },
            legend: { format: '.0%' },
          },
          tooltip: [
            { field: 'cohort', title: 'Cohort' },
            { field: 'age', title: 'Age' },
            { field: 'retention', title: 'Active', format: '.1%' },
            { field: 'activeCustomers', title: 'Customers active' },
            { field: 'size', title: 'Cohort size' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'retention', type: 'quantitative', format: '.0%' },
          color: {
            condition: { test: `datum.retention > ${(max * 0.6).toFixed(6)}`, value: 'white' },
            value: COLORS.ink,
          },
        },
      },
    ],
  });
}
