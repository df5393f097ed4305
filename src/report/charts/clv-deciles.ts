/**
 * How concentrated the value of the customer base is: customers ranked by CLV and cut into equal
 * groups (deciles by default), each group's share of the total value, and the cumulative share (the
 * concentration, or Lorenz, curve read from the most valuable customer down).
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { deepFreeze } from '../../core/freeze.js';
import { parseInput } from '../../core/validate.js';
import { type ChartOptions, COLORS, frame, type VegaLiteSpec } from './spec.js';

/** One group of customers of equal size, ranked by value. */
export interface ClvGroup {
  /** 1 = the most valuable group. */
  readonly rank: number;
  /** `'Top 10%'`, `'10–20%'`, ... */
  readonly label: string;
  /** Customers in the group (fractional when a summary row of several customers is split). */
  readonly customers: number;
  /** Total value of the group (currency units, float). */
  readonly value: number;
  /** Mean value per customer of the group. */
  readonly meanValue: number;
  /** Share of the base's total value. */
  readonly share: number;
  /** Share of the total value held by this group and all more valuable ones. */
  readonly cumulativeShare: number;
}

/** One point of the concentration curve. */
export interface ConcentrationPoint {
  /** Share of customers, most valuable first (0 to 1). */
  readonly customerShare: number;
  /** Share of value they hold (0 to 1). */
  readonly valueShare: number;
}

/** The data of the CLV decile chart. */
export interface ClvConcentrationData {
  readonly currency: string;
  readonly customers: number;
  readonly totalValue: number;
  readonly groups: readonly ClvGroup[];
  /** The curve at every percent of customers (101 points, from 0 to 1). */
  readonly curve: readonly ConcentrationPoint[];
  /**
   * The Gini coefficient of value across customers (0 = everyone worth the same, near 1 = a few
   * customers hold all the value), from the trapezoid rule on the exact step curve.
   */
  readonly gini: number;
}

/** Input of {@link clvConcentrationData}. */
export interface ClvConcentrationInput {
  /** CLV per summary row (currency units), e.g. `customerLifetimeValue(...).value`. */
  readonly values: ArrayLike<number>;
  /** Customers per row (default 1 each), e.g. `customerLifetimeValue(...).count`. */
  readonly counts?: ArrayLike<number>;
  readonly currency: string;
  /** Number of equal groups (default 10: deciles). */
  readonly groups?: number;
}

const ArrayLikeSchema = /* @__PURE__ */ z.custom<ArrayLike<number>>(
  (v) =>
    (Array.isArray(v) || ArrayBuffer.isView(v)) &&
    typeof (v as ArrayLike<number>).length === 'number',
  { message: 'Must be an array or typed array of numbers' },
);
const InputSchema = /* @__PURE__ */ z
  .object({
    values: ArrayLikeSchema,
    counts: ArrayLikeSchema.optional(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    groups: z.number().int().min(2).max(100).optional(),
  })
  .strict();

function groupLabel(rank: number, groups: number): string {
  const step = 100 / groups;
  const from = (rank - 1) * step;
  const to = rank * step;
  const f = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  return rank === 1 ? `Top ${f(to)}%` : `${f(from)}–${f(to)}%`;
}

/**
 * Ranks customers by value (most valuable first) and cuts them into `groups` groups of equal
 * numbers of customers; a summary row standing for several customers is split across groups when
 * it straddles a boundary. Returns each group's value and share, the concentration curve at every
 * percent of customers, and the Gini coefficient. Negative values are allowed (they rank last).
 *
 * Numerical caveats: sums are float64 over customers (≈1e-15 relative); exact money totals are in
 * the valuation itself.
 *
 * @throws CustomerAssetError `input/invalid` (lengths differ, non-finite value, negative count),
 *   `input/empty` (no customers or zero total value).
 *
 * @example
 * ```ts
 * import { clvConcentrationData } from 'customer-asset';
 *
 * const data = clvConcentrationData({
 *   values: [100, 0, 50, 30, 20, 0, 0, 0, 0, 0],
 *   currency: 'USD',
 * });
 * console.log(data.groups[0]?.label, data.groups[0]?.share); // 'Top 10%' 0.5
 * console.log(data.groups[2]?.cumulativeShare); // 0.9
 * ```
 */
export function clvConcentrationData(input: ClvConcentrationInput): ClvConcentrationData {
  const fn = 'clvConcentrationData';
  const parsed = parseInput(InputSchema, input, fn, 'input');
  const values = parsed.values;
  const n = values.length;
  const counts = parsed.counts;
  if (counts !== undefined && counts.length !== n)
    fail('input/invalid', fn, 'counts must have one entry per value', {
      expected: `${n} counts`,
      received: counts.length,
      path: ['counts'],
    });
  const order: number[] = [];
  let customers = 0;
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const v = values[i]!;
    const c = counts === undefined ? 1 : counts[i]!;
    if (!Number.isFinite(v))
      fail('input/invalid', fn, `values[${i}] is not a finite number`, {
        expected: 'finite values',
        received: v,
        path: ['values', i],
      });
    if (!(c >= 0 && Number.isFinite(c)))
      fail('input/invalid', fn, `counts[${i}] must be a count >= 0`, {
        expected: 'a count >= 0',
        received: c,
        path: ['counts', i],
      });
    if (c === 0) continue;
    order.push(i);
    customers += c;
    total += v * c;
  }
  if (customers === 0 || !(total > 0))
    fail('input/empty', fn, 'there is no customer value to rank', {
      expected: 'at least one customer and a positive total value',
      received: customers === 0 ? 'no customers' : total,
      path: ['values'],
    });
  order.sort((a, b) => values[b]! - values[a]!);
  const k = parsed.groups ?? 10;
  const groupValue = new Float64Array(k);
  const curvePoints = 100;
  const curve = new Float64Array(curvePoints + 1);
  // Walk the ranked customers as a step function of customer share; accumulate value per group,
  // read the curve at each percent, and integrate for the Gini coefficient.
  let seen = 0;
  let cumulative = 0;
  let area = 0; // ∫ valueShare d(customerShare), concentration curve from the top
  let nextGroup = 0;
  let nextPoint = 1;
  for (const i of order) {
    const v = values[i]!;
    let remaining = counts === undefined ? 1 : counts[i]!;
    while (remaining > 0) {
      const groupEnd = ((nextGroup + 1) * customers) / k;
      const take = nextGroup === k - 1 ? remaining : Math.min(remaining, groupEnd - seen);
      const before = cumulative;
      groupValue[nextGroup] = groupValue[nextGroup]! + take * v;
      // points of the curve inside this piece
      while (nextPoint <= curvePoints && (nextPoint * customers) / curvePoints <= seen + take) {
        curve[nextPoint] = (before + ((nextPoint * customers) / curvePoints - seen) * v) / total;
        nextPoint += 1;
      }
      cumulative += take * v;
      area += ((take / customers) * (before + cumulative)) / (2 * total);
      seen += take;
      remaining -= take;
      if (nextGroup < k - 1 && seen >= groupEnd - 1e-9 * customers) nextGroup += 1;
    }
  }
  for (; nextPoint <= curvePoints; nextPoint += 1) curve[nextPoint] = 1;
  let running = 0;
  const groups: ClvGroup[] = [];
  for (let g = 0; g < k; g += 1) {
    running += groupValue[g]!;
    groups.push({
      rank: g + 1,
      label: groupLabel(g + 1, k),
      customers: customers / k,
      value: groupValue[g]!,
      meanValue: groupValue[g]! / (customers / k),
      share: groupValue[g]! / total,
      cumulativeShare: running / total,
    });
  }
  return deepFreeze({
    currency: parsed.currency,
    customers,
    totalValue: total,
    groups,
    curve: Array.from(curve, (valueShare, p) => ({ customerShare: p / curvePoints, valueShare })),
    // From the top the curve lies above the diagonal: Gini = 2·area − 1.
    gini: 2 * area - 1,
  });
}

/**
 * The Vega-Lite spec of the decile chart: a bar per group with its share of the total value and its
 * mean CLV, and the cumulative share as a line on the same percentage axis.
 *
 * @example
 * ```ts
 * import { clvConcentrationData, clvConcentrationSpec } from 'customer-asset';
 *
 * const spec = clvConcentrationSpec(clvConcentrationData({ values: [5, 4, 3, 2, 1], currency: 'USD', groups: 5 }));
 * console.log((spec.layer as unknown[]).length); // 3
 * ```
 */
export function clvConcentrationSpec(
  data: ClvConcentrationData,
  options: ChartOptions = {},
): VegaLiteSpec {
  const values = data.groups.map((g) => ({ ...g }));
  return deepFreeze({
    ...frame(options, { title: 'Where the value sits: customers ranked by CLV' }),
    data: { values },
    encoding: {
      x: {
        field: 'label',
        type: 'ordinal',
        sort: data.groups.map((g) => g.label),
        title: 'Customers ranked by lifetime value',
        axis: { labelAngle: 0 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', color: COLORS.total, width: { band: 0.75 } },
        encoding: {
          y: {
            field: 'share',
            type: 'quantitative',
            title: 'Share of customer equity',
            axis: { format: '.0%' },
            scale: { domain: [0, 1] },
          },
          tooltip: [
            { field: 'label', title: 'Group' },
            { field: 'share', title: 'Share of value', format: '.1%' },
            { field: 'cumulativeShare', title: 'Cumulative share', format: '.1%' },
            { field: 'meanValue', title: `Mean CLV (${data.currency})`, format: ',.2f' },
          ],
        },
      },
      {
        mark: { type: 'text', dy: -7, fontSize: 10, color: COLORS.ink },
        encoding: {
          y: { field: 'share', type: 'quantitative' },
          text: { field: 'share', type: 'quantitative', format: '.0%' },
        },
      },
      {
        mark: { type: 'line', color: COLORS.accent, point: { color: COLORS.accent } },
        encoding: { y: { field: 'cumulativeShare', type: 'quantitative' } },
      },
    ],
  });
}
