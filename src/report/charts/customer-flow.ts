/**
 * Where customers are won and lost: the customer count roll-forward of a ledger as diverging bars
 * per period (acquired and reactivated up, lost down) with the closing base as a line.
 */
import { z } from 'zod';
import { deepFreeze } from '../../core/freeze.js';
import { parseInput } from '../../core/validate.js';
import type { CountMovement } from '../../ledger/types.js';
import {
  baseConfig,
  type ChartOptions,
  COLORS,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from './spec.js';

/** One bar segment of the customer-flow chart. */
export interface CustomerFlowBar {
  readonly period: string;
  readonly order: number;
  readonly movement: 'Acquired' | 'Reactivated' | 'Lost';
  /** Customers, signed: gains positive, losses negative (expected counts may be fractional). */
  readonly customers: number;
}

/** One period's closing base. */
export interface CustomerBasePoint {
  readonly period: string;
  readonly order: number;
  readonly closing: number;
}

/** The data of the customer-flow chart. */
export interface CustomerFlowData {
  /** `'observed'` (whole customers) or `'expected'` (model rule: sums of P(alive)). */
  readonly basis: 'observed' | 'expected';
  readonly bars: readonly CustomerFlowBar[];
  readonly base: readonly CustomerBasePoint[];
}

/** A period of a customer roll-forward: a ledger row (`ledger.total.rows`). */
export type CustomerFlowRow = CountMovement & { readonly period: string };

const RowSchema = /* @__PURE__ */ z.object({
  period: z.string(),
  acquired: z.number().finite(),
  reactivated: z.number().finite(),
  lost: z.number().finite(),
  closing: z.number().finite(),
});
const InputSchema = /* @__PURE__ */ z
  .object({ rows: z.array(RowSchema).min(1), basis: z.enum(['observed', 'expected']) })
  .strict();

/**
 * The customer-flow bars of a customer ledger: per period, the customers acquired and reactivated
 * (up) and lost (down), and the closing base (McCarthy, Fader & Hardie 2017; the count roll-forward
 * opening + acquired + reactivated − lost = closing). Under the model loss rule the counts are
 * expected numbers of customers.
 *
 * @throws CustomerAssetError `input/invalid` for rows without the count lines.
 *
 * @example
 * ```ts
 * import { customerFlowData } from 'customer-asset';
 *
 * const flow = customerFlowData({
 *   basis: 'observed',
 *   rows: [
 *     { period: '2024-Q1', opening: 0, acquired: 10, reactivated: 0, lost: 2, closing: 8, difference: 0 },
 *     { period: '2024-Q2', opening: 8, acquired: 5, reactivated: 1, lost: 3, closing: 11, difference: 0 },
 *   ],
 * });
 * console.log(flow.bars.map((b) => b.customers).join(' ')); // '10 0 -2 5 1 -3'
 * ```
 */
export function customerFlowData(input: {
  readonly rows: readonly CustomerFlowRow[];
  readonly basis: 'observed' | 'expected';
}): CustomerFlowData {
  const parsed = parseInput(InputSchema, input, 'customerFlowData', 'input');
  const bars: CustomerFlowBar[] = [];
  const base: CustomerBasePoint[] = [];
  parsed.rows.forEach((row, order) => {
    bars.push({ period: row.period, order, movement: 'Acquired', customers: row.acquired });
    bars.push({ period: row.period, order, movement: 'Reactivated', customers: row.reactivated });
    bars.push({ period: row.period, order, movement: 'Lost', customers: -row.lost });
    base.push({ period: row.period, order, closing: row.closing });
  });
  return deepFreeze({ basis: parsed.basis, bars, base });
}

/**
 * The Vega-Lite spec of the customer flow: two panels sharing the period axis, the gains and losses
 * as diverging bars on top and the closing customer base as a line below.
 *
 * @example
 * ```ts
 * import { customerFlowSpec } from 'customer-asset';
 *
 * const spec = customerFlowSpec({ basis: 'observed', bars: [], base: [] });
 * console.log((spec.vconcat as unknown[]).length); // 2
 * ```
 */
export function customerFlowSpec(data: CustomerFlowData, options: ChartOptions = {}): VegaLiteSpec {
  const width = options.width ?? 640;
  const expected = data.basis === 'expected';
  const x = {
    field: 'period',
    type: 'ordinal',
    sort: data.base.map((b) => b.period),
    title: null,
    axis: { labelAngle: -45 },
  };
  return deepFreeze({
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? 'Customers won and lost',
    config: baseConfig(),
    spacing: 8,
    vconcat: [
      {
        width,
        height: options.height ?? 200,
        data: { values: data.bars.map((b) => ({ ...b })) },
        mark: { type: 'bar' },
        encoding: {
          x: { ...x, axis: { labels: false, ticks: false } },
          y: {
            field: 'customers',
            type: 'quantitative',
            stack: 'zero',
            title: expected ? 'Customers (expected)' : 'Customers',
            axis: { format: ',.0f' },
          },
          color: {
            field: 'movement',
            type: 'nominal',
            title: null,
            scale: {
              domain: ['Acquired', 'Reactivated', 'Lost'],
              range: [COLORS.gain, '#81c784', COLORS.loss],
            },
            legend: { orient: 'top' },
          },
          tooltip: [
            { field: 'period', title: 'Period' },
            { field: 'movement', title: 'Movement' },
            { field: 'customers', title: 'Customers', format: ',.0f' },
          ],
        },
      },
      {
        width,
        height: 110,
        data: { values: data.base.map((b) => ({ ...b })) },
        mark: { type: 'line', point: true, color: COLORS.total, strokeWidth: 2 },
        encoding: {
          x,
          y: {
            field: 'closing',
            type: 'quantitative',
            title: expected ? 'Active base (expected)' : 'Customer base',
            axis: { format: ',.0f', tickCount: 4 },
            scale: { zero: false },
          },
          tooltip: [
            { field: 'period', title: 'Period' },
            { field: 'closing', title: 'Closing base', format: ',.0f' },
          ],
        },
      },
    ],
  });
}
