/**
 * Charts of the return questions: retention against acquisition (what points of retention are
 * worth, and what acquisition would cost to match them), the distribution of a CX programme's
 * return from its Monte Carlo, and its tornado.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { deepFreeze } from '../../core/freeze.js';
import { parseInput } from '../../core/validate.js';
import type { CxSimulationResult } from '../../roi/cx-simulation.js';
import type { CxTornadoResult, TornadoInput } from '../../roi/cx-tornado.js';
import type { RetentionVsAcquisitionResult } from '../../roi/retention-vs-acquisition.js';
import { formatMoney, formatNumber, formatPercent } from '../format.js';
import {
  baseConfig,
  type ChartOptions,
  COLORS,
  compactMoneyExpression,
  frame,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from './spec.js';

/** One point of the retention-versus-acquisition curves. */
export interface RetentionCurvePoint {
  /** Retention uplift in percentage points (1 = one point). */
  readonly points: number;
  readonly series:
    | 'Equity added by retention'
    | 'Acquisition spend to add as much'
    | 'Break-even retention budget';
  /** Currency units (float, for plotting). */
  readonly value: number;
  /** The exact amount, presented. */
  readonly valueText: string;
}

/** The data of the retention-versus-acquisition chart. */
export interface RetentionCurveData {
  readonly currency: string;
  readonly period: string;
  readonly points: readonly RetentionCurvePoint[];
}

const ResultsSchema = /* @__PURE__ */ z
  .array(
    z.custom<RetentionVsAcquisitionResult>(
      (r) =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as RetentionVsAcquisitionResult).retentionPoints === 'number' &&
        typeof (r as RetentionVsAcquisitionResult).retentionGain === 'object',
      { message: 'Must be a result of retentionVsAcquisition' },
    ),
  )
  .min(1);

/**
 * The curves of retention against acquisition from `retentionVsAcquisition` results at several
 * retention uplifts (same base, rate and acquisition cost): the customer equity each uplift adds,
 * the acquisition spend that would add as much at the stated cost per customer, and the most a
 * programme delivering the uplift may cost and still beat acquisition dollar for dollar (Gupta,
 * Lehmann & Stuart 2004; Blattberg & Deighton 1996). Series without a value (a new customer worth
 * no more than its cost) are left out.
 *
 * @throws CustomerAssetError `input/invalid` (not results, or of different currencies).
 *
 * @example
 * ```ts
 * import { money, retentionCurveData, retentionVsAcquisition } from 'customer-asset';
 *
 * const results = [1, 2].map((p) =>
 *   retentionVsAcquisition({
 *     base: { kind: 'rates', customers: 1000, margin: money('200', 'USD'), retention: '0.8', period: 'year' },
 *     discountRate: '0.1',
 *     acquisitionCost: money('300', 'USD'),
 *     retentionPoints: p / 100,
 *   }),
 * );
 * const curve = retentionCurveData(results);
 * console.log(curve.points.filter((p) => p.series === 'Equity added by retention').map((p) => p.valueText).join(' '));
 * // '$25,287 $52,381'
 * ```
 */
export function retentionCurveData(
  results: readonly RetentionVsAcquisitionResult[],
): RetentionCurveData {
  const fn = 'retentionCurveData';
  const rs = parseInput(ResultsSchema, results, fn, 'results');
  const currency = rs[0]!.currency;
  const points: RetentionCurvePoint[] = [];
  rs.forEach((r, i) => {
    if (r.currency !== currency)
      fail('input/invalid', fn, `results[${i}] is in another currency`, {
        expected: currency,
        received: r.currency,
        path: [i, 'currency'],
      });
    const x = r.retentionPoints * 100;
    const add = (
      series: RetentionCurvePoint['series'],
      m: { amount: { toString(): string } } | null,
    ) => {
      if (m === null) return;
      points.push({
        points: x,
        series,
        value: Number(m.amount.toString()),
        valueText: formatMoney(m as never, { decimals: 0 }),
      });
    };
    add('Equity added by retention', r.retentionGain);
    add('Acquisition spend to add as much', r.equivalentAcquisition?.spend ?? null);
    add('Break-even retention budget', r.breakEvenRetentionSpend);
  });
  points.sort((a, b) => a.points - b.points);
  return deepFreeze({ currency, period: rs[0]!.period, points });
}

/**
 * The Vega-Lite spec of the retention-versus-acquisition curves: one line per series against the
 * retention uplift in points, with the values labelled at the right end.
 *
 * @example
 * ```ts
 * import { retentionCurveSpec } from 'customer-asset';
 *
 * const spec = retentionCurveSpec({ currency: 'USD', period: 'year', points: [] });
 * console.log(Array.isArray(spec.layer)); // true
 * ```
 */
export function retentionCurveSpec(
  data: RetentionCurveData,
  options: ChartOptions = {},
): VegaLiteSpec {
  const domain = [
    'Equity added by retention',
    'Acquisition spend to add as much',
    'Break-even retention budget',
  ];
  return deepFreeze({
    ...frame(options, { title: 'Retention against acquisition' }),
    data: { values: data.points.map((p) => ({ ...p })) },
    encoding: {
      x: {
        field: 'points',
        type: 'quantitative',
        title: `Retention uplift (percentage points of ${data.period}ly retention)`,
        axis: { tickMinStep: 0.5 },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: `Present value (${data.currency})`,
        axis: { labelExpr: compactMoneyExpression(data.currency) },
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain, range: [COLORS.gain, COLORS.loss, COLORS.neutral] },
        legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 },
      },
    },
    layer: [
      {
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          tooltip: [
            { field: 'series', title: 'Series' },
            { field: 'points', title: 'Uplift (points)' },
            { field: 'valueText', title: 'Value' },
          ],
        },
      },
      {
        transform: [
          { joinaggregate: [{ op: 'max', field: 'points', as: 'last' }] },
          { filter: 'datum.points === datum.last' },
        ],
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 10 },
        encoding: { text: { field: 'valueText' } },
      },
    ],
  });
}

/** One bin of the return distribution. */
export interface ReturnBin {
  /** Return per $1 at the bin's edges. */
  readonly from: number;
  readonly to: number;
  /** Share of the simulated scenarios in the bin. */
  readonly probability: number;
}

/** The data of the CX return distribution chart. */
export interface CxDistributionData {
  readonly draws: number;
  readonly benchmark: number;
  readonly mean: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
  readonly probabilityAtLeastBenchmark: number;
  readonly probabilityPositiveNpv: number;
  readonly bins: readonly ReturnBin[];
}

const SimulationSchema = /* @__PURE__ */ z.custom<CxSimulationResult>(
  (s) =>
    typeof s === 'object' &&
    s !== null &&
    typeof (s as CxSimulationResult).returnPerDollar === 'object' &&
    Array.isArray((s as CxSimulationResult).returnPerDollar.percentiles),
  { message: 'Must be the result of simulateCxReturn' },
);
const BinsSchema = /* @__PURE__ */ z.number().int().min(5).max(200);

/** The percentiles a simulation should report for {@link cxDistributionData}: 0.005 to 0.995. */
export const DISTRIBUTION_PERCENTILES: readonly number[] = Object.freeze(
  Array.from({ length: 199 }, (_, i) => Number(((i + 1) * 0.005).toFixed(3))),
);

/** Linear interpolation of the CDF through the (quantile, p) knots, clamped to [p_first, p_last]. */
function cdfAt(knots: readonly { p: number; value: number }[], x: number): number {
  const first = knots[0]!;
  const last = knots[knots.length - 1]!;
  if (x <= first.value) return first.p;
  if (x >= last.value) return last.p;
  let lo = 0;
  let hi = knots.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (knots[mid]!.value <= x) lo = mid;
    else hi = mid;
  }
  const a = knots[lo]!;
  const b = knots[hi]!;
  return b.value === a.value ? b.p : a.p + ((b.p - a.p) * (x - a.value)) / (b.value - a.value);
}

/**
 * A histogram of a CX programme's simulated return per $1, rebuilt from the simulation's
 * percentiles (run `simulateCxReturn` with `percentiles: DISTRIBUTION_PERCENTILES`): equal-width bins
 * between the 0.5th and 99.5th percentiles, each holding the share of scenarios the piecewise-linear
 * CDF through the percentiles puts there, plus the figures the chart marks (break-even at 1×, the
 * benchmark, the median and the 5th–95th percentiles).
 *
 * Numerical caveats: the histogram is exact at the percentiles given and linear in between; the
 * outer 1% of scenarios is not drawn. With fewer percentiles it is coarser.
 *
 * @throws CustomerAssetError `input/invalid` (not a simulation, fewer than 3 percentiles, bad bins).
 *
 * @example
 * ```ts
 * import { cxDistributionData, DISTRIBUTION_PERCENTILES, money, simulateCxReturn } from 'customer-asset';
 *
 * const sim = simulateCxReturn(
 *   {
 *     investment: [money('100000', 'USD')],
 *     effects: { retention: { kind: 'range', low: 0, high: 0.04 } },
 *     base: { kind: 'rates', customers: 10_000, margin: money('100', 'USD'), retention: '0.8', period: 'year' },
 *     horizon: 5,
 *     discountRate: '0.1',
 *   },
 *   { draws: 20_000, seed: 1, percentiles: DISTRIBUTION_PERCENTILES },
 * );
 * const dist = cxDistributionData(sim, 20);
 * console.log(dist.bins.length, dist.bins.reduce((s, b) => s + b.probability, 0).toFixed(2)); // 20 '0.99'
 * ```
 */
export function cxDistributionData(simulation: CxSimulationResult, bins = 30): CxDistributionData {
  const fn = 'cxDistributionData';
  const sim = parseInput(SimulationSchema, simulation, fn, 'simulation');
  const count = parseInput(BinsSchema, bins, fn, 'bins');
  const knots = [...sim.returnPerDollar.percentiles].sort((a, b) => a.p - b.p);
  if (knots.length < 3)
    fail('input/invalid', fn, 'the simulation reports too few percentiles for a histogram', {
      expected: 'simulateCxReturn(..., { percentiles: DISTRIBUTION_PERCENTILES })',
      received: knots.length,
      path: ['simulation', 'returnPerDollar', 'percentiles'],
    });
  const at = (p: number) =>
    knots.reduce((best, k) => (Math.abs(k.p - p) < Math.abs(best.p - p) ? k : best)).value;
  const lo = knots[0]!.value;
  const hi = knots[knots.length - 1]!.value;
  const out: ReturnBin[] = [];
  if (!(hi > lo)) {
    // Every scenario returns the same: one narrow bar holding the mass between the knots.
    const width = Math.max(Math.abs(lo) * 0.01, 0.01);
    out.push({
      from: lo - width / 2,
      to: lo + width / 2,
      probability: knots[knots.length - 1]!.p - knots[0]!.p,
    });
  } else {
    const width = (hi - lo) / count;
    for (let k = 0; k < count; k += 1) {
      const from = lo + k * width;
      const to = k === count - 1 ? hi : from + width;
      out.push({ from, to, probability: cdfAt(knots, to) - cdfAt(knots, from) });
    }
  }
  return deepFreeze({
    draws: sim.draws,
    benchmark: sim.benchmark,
    mean: sim.returnPerDollar.mean,
    median: at(0.5),
    p5: at(0.05),
    p95: at(0.95),
    probabilityAtLeastBenchmark: sim.probabilityAtLeastBenchmark,
    probabilityPositiveNpv: sim.probabilityPositiveNpv,
    bins: out,
  });
}

/**
 * The Vega-Lite spec of the return distribution: the histogram, a red rule at 1× (the programme
 * pays for itself), an orange rule at the benchmark (3× by default, an industry claim tested here,
 * never assumed) and a dark rule at the median.
 *
 * @example
 * ```ts
 * import { cxDistributionSpec } from 'customer-asset';
 *
 * const spec = cxDistributionSpec({
 *   draws: 1, benchmark: 3, mean: 2, median: 2, p5: 1, p95: 3,
 *   probabilityAtLeastBenchmark: 0.1, probabilityPositiveNpv: 0.9, bins: [{ from: 1, to: 3, probability: 0.9 }],
 * });
 * console.log((spec.layer as unknown[]).length); // 3
 * ```
 */
export function cxDistributionSpec(
  data: CxDistributionData,
  options: ChartOptions = {},
): VegaLiteSpec {
  const rules = [
    { value: 1, label: 'Break-even 1×', color: COLORS.loss },
    {
      value: data.benchmark,
      label: `Benchmark ${formatNumber(data.benchmark, 1)}× (P = ${formatPercent(data.probabilityAtLeastBenchmark, 0)})`,
      color: COLORS.accent,
    },
    { value: data.median, label: `Median ${formatNumber(data.median, 2)}×`, color: COLORS.ink },
  ];
  return deepFreeze({
    ...frame(options, { title: 'Return per $1 across simulated scenarios', height: 240 }),
    layer: [
      {
        data: { values: data.bins.map((b) => ({ ...b })) },
        mark: {
          type: 'rect',
          color: COLORS.model,
          opacity: 0.85,
          stroke: 'white',
          strokeWidth: 0.5,
        },
        encoding: {
          x: {
            field: 'from',
            type: 'quantitative',
            title: 'Present value returned per $1 invested',
            axis: { labelExpr: "format(datum.value, '.2~f') + '×'" },
            scale: { zero: false },
          },
          x2: { field: 'to' },
          y: {
            field: 'probability',
            type: 'quantitative',
            title: 'Share of scenarios',
            axis: { format: '.0%' },
          },
          y2: { datum: 0 },
          tooltip: [
            { field: 'from', title: 'From', format: '.2f' },
            { field: 'to', title: 'To', format: '.2f' },
            { field: 'probability', title: 'Share', format: '.1%' },
          ],
        },
      },
      {
        data: { values: rules },
        mark: { type: 'rule', strokeWidth: 2, strokeDash: [4, 3] },
        encoding: {
          x: { field: 'value', type: 'quantitative' },
          color: { field: 'color', type: 'nominal', scale: null },
        },
      },
      {
        data: { values: rules.map((r, i) => ({ ...r, top: 8 + 14 * i })) },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 },
        encoding: {
          x: { field: 'value', type: 'quantitative' },
          y: { field: 'top', type: 'quantitative', scale: null },
          text: { field: 'label' },
          color: { field: 'color', type: 'nominal', scale: null },
        },
      },
    ],
  });
}

/** One bar end of the tornado. */
export interface TornadoBar {
  readonly input: TornadoInput;
  readonly label: string;
  /** Rank by swing, 1 = the input that moves NPV most. */
  readonly rank: number;
  readonly end: 'low' | 'high';
  /** The input's value at this end, presented (`+1.0 pts`, `8.0%`, `×0.8`...). */
  readonly inputText: string;
  /** NPV at the central inputs and at this end (currency units, float). */
  readonly baseline: number;
  readonly npv: number;
  readonly npvText: string;
}

/** The data of the tornado chart. */
export interface CxTornadoChartData {
  readonly currency: string;
  readonly baseline: number;
  readonly baselineText: string;
  readonly bars: readonly TornadoBar[];
}

const TornadoSchema = /* @__PURE__ */ z.custom<CxTornadoResult>(
  (t) =>
    typeof t === 'object' &&
    t !== null &&
    Array.isArray((t as CxTornadoResult).rows) &&
    typeof (t as CxTornadoResult).central === 'object',
  { message: 'Must be the result of cxTornado' },
);

/** Short names of the tornado's inputs, for the chart's rows. */
const TORNADO_LABELS: Readonly<Record<TornadoInput, string>> = Object.freeze({
  retention: 'Retention uplift',
  spend: 'Spend uplift',
  referrals: 'Referrals',
  costToServeSaving: 'Cost-to-serve saving',
  investment: 'Investment',
  discountRate: 'Cost of capital',
  baseRetention: 'Base retention',
  baseMargin: 'Base margin',
});

/** The value of a tornado input in the words of a reader. */
function inputText(input: TornadoInput, value: number, currency: string): string {
  switch (input) {
    case 'retention':
    case 'baseRetention':
      return input === 'retention'
        ? `${value >= 0 ? '+' : ''}${formatNumber(value * 100, 1)} pts`
        : formatPercent(value, 1);
    case 'spend':
      return `${value >= 0 ? '+' : ''}${formatPercent(value, 1)}`;
    case 'referrals':
      return formatNumber(value, 0);
    case 'costToServeSaving':
      return `${formatNumber(value, 2)} ${currency}`;
    case 'discountRate':
      return formatPercent(value, 1);
    case 'investment':
    case 'baseMargin':
      return `×${formatNumber(value, 2)}`;
  }
}

/**
 * The tornado's bars from `cxTornado`: for each input (ranked by how far it swings the NPV), the
 * NPV with the input at its low and at its high value, the others at their central values, and the
 * input's values in words. Inputs that do not move the NPV at all (an effect the programme does not
 * claim) are left out.
 *
 * @throws CustomerAssetError `input/invalid` when `tornado` is not a `cxTornado` result.
 *
 * @example
 * ```ts
 * import { cxTornado, cxTornadoChartData, money } from 'customer-asset';
 *
 * const tornado = cxTornado({
 *   investment: [money('100000', 'USD')],
 *   effects: { retention: 0.02 },
 *   base: { kind: 'rates', customers: 10_000, margin: money('100', 'USD'), retention: '0.8', period: 'year' },
 *   horizon: 5,
 *   discountRate: '0.1',
 * });
 * const chart = cxTornadoChartData(tornado);
 * console.log(chart.bars[0]?.input, chart.bars[0]?.inputText, chart.bars[1]?.inputText); // 'retention' '+1.0 pts' '+3.0 pts'
 * ```
 */
export function cxTornadoChartData(tornado: CxTornadoResult): CxTornadoChartData {
  const t = parseInput(TornadoSchema, tornado, 'cxTornadoChartData', 'tornado');
  const currency = t.central.npv.currency;
  const baseline = Number(t.central.npv.amount.toString());
  const bars: TornadoBar[] = [];
  t.rows
    .filter((row) => !row.swing.amount.isZero())
    .forEach((row, i) => {
      for (const end of ['low', 'high'] as const)
        bars.push({
          input: row.input,
          label: TORNADO_LABELS[row.input] ?? row.label,
          rank: i + 1,
          end,
          inputText: inputText(row.input, row[end], currency),
          baseline,
          npv: Number(row.npv[end].amount.toString()),
          npvText: formatMoney(row.npv[end], { decimals: 0 }),
        });
    });
  return deepFreeze({
    currency,
    baseline,
    baselineText: formatMoney(t.central.npv, { decimals: 0 }),
    bars,
  });
}

/**
 * The Vega-Lite spec of the tornado: one row per input, bars from the central NPV to the NPV at the
 * input's low (red) and high (green) value, labelled with the input's value, a rule at the central
 * NPV and one at zero.
 *
 * @example
 * ```ts
 * import { cxTornadoChartSpec } from 'customer-asset';
 *
 * const spec = cxTornadoChartSpec({ currency: 'USD', baseline: 10, baselineText: '$10', bars: [] });
 * console.log(Array.isArray(spec.layer)); // true
 * ```
 */
export function cxTornadoChartSpec(
  data: CxTornadoChartData,
  options: ChartOptions = {},
): VegaLiteSpec {
  const rows = new Set(data.bars.map((b) => b.label)).size;
  const labels = [...new Map(data.bars.map((b) => [b.label, b.rank])).entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([label]) => label);
  const y = {
    field: 'label',
    type: 'ordinal',
    sort: labels,
    title: null,
    axis: { labelLimit: 200 },
  };
  const label = (test: string, align: 'left' | 'right', dx: number) => ({
    transform: [{ filter: test }],
    mark: { type: 'text', fontSize: 10, baseline: 'middle', align, dx },
    encoding: { y, x: { field: 'npv', type: 'quantitative' }, text: { field: 'inputText' } },
  });
  return deepFreeze({
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? 'What moves the programme’s NPV most',
    width: options.width ?? 420,
    height: options.height ?? Math.max(80, 34 * rows),
    config: baseConfig(),
    data: { values: data.bars.map((b) => ({ ...b })) },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          y,
          x: {
            field: 'baseline',
            type: 'quantitative',
            title: `Programme NPV (${data.currency})`,
            axis: { labelExpr: compactMoneyExpression(data.currency) },
          },
          x2: { field: 'npv' },
          color: {
            field: 'end',
            type: 'nominal',
            title: 'Input at its',
            scale: { domain: ['low', 'high'], range: [COLORS.loss, COLORS.gain] },
            legend: { orient: 'bottom' },
          },
          tooltip: [
            { field: 'label', title: 'Input' },
            { field: 'inputText', title: 'Value' },
            { field: 'npvText', title: 'NPV' },
          ],
        },
      },
      label('datum.npv < datum.baseline', 'right', -4),
      label('datum.npv >= datum.baseline', 'left', 4),
      {
        data: { values: [{ x: data.baseline }] },
        mark: { type: 'rule', color: COLORS.ink, strokeWidth: 1.5 },
        encoding: { x: { field: 'x', type: 'quantitative' } },
      },
    ],
  });
}
