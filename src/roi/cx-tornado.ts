import { z } from 'zod';
import { deepFreeze } from '../core/freeze.js';
import { parseInput } from '../core/validate.js';
import type { CurrencyCode } from '../money/currencies.js';
import { Dec, type DecimalValue } from '../money/decimal.js';
import { freezeDecimal } from '../money/decimal-input.js';
import { type Money, makeMoney } from '../money/money.js';
import {
  CX_LEVERS,
  type CxLeverName,
  type CxReturnInput,
  type CxScenario,
  parseCxInput,
} from './cx-input.js';
import { benefitValue, cxModel, quantise } from './cx-model.js';
import { checkFeasible } from './cx-return.js';
import { effectMean } from './effects.js';

/** How far to move an input each way: by a fraction of its value, or by an amount in its own unit. */
export type TornadoMove = { readonly relative: number } | { readonly absolute: number };

/** The inputs a tornado moves. */
export type TornadoInput =
  | CxLeverName
  | 'investment'
  | 'discountRate'
  | 'baseRetention'
  | 'baseMargin';

/**
 * Moves of the tornado, each way. Defaults: each effect ±50% of its value (relative 0.5), investment
 * ±20%, discount rate ±2 points (absolute 0.02), the base's own retention ±2 points (absolute 0.02:
 * the same scaling as a retention effect), the base's margin ±10%. An input set to `null` is left out.
 */
export type CxTornadoMoves = { readonly [K in TornadoInput]?: TornadoMove | null };

/** One bar of the tornado. */
export interface TornadoRow {
  readonly input: TornadoInput;
  readonly label: string;
  /** The input's value at the low and high ends, in its own unit (effects as given; investment as
   * the scale of the schedule; discount rate as a rate; base retention as R̄; base margin as a scale). */
  readonly low: number;
  readonly high: number;
  readonly npv: { readonly low: Money; readonly high: Money };
  readonly returnPerDollar: { readonly low: DecimalValue; readonly high: DecimalValue };
  /** |NPV(high) − NPV(low)|: the bar's length; rows are sorted by it, longest first. */
  readonly swing: Money;
}

/** Chart data for a tornado plot (pure numbers, for the report module's renderers). */
export interface TornadoChartData {
  readonly kind: 'tornado';
  readonly measure: 'npv';
  readonly currency: CurrencyCode;
  /** NPV at the central inputs: the axis the bars start from. */
  readonly baseline: number;
  readonly bars: readonly {
    readonly label: string;
    readonly low: number;
    readonly high: number;
    readonly lowLabel: string;
    readonly highLabel: string;
  }[];
}

/** The result of {@link cxTornado}. Frozen. */
export interface CxTornadoResult {
  readonly central: { readonly npv: Money; readonly returnPerDollar: DecimalValue };
  readonly rows: readonly TornadoRow[];
  readonly chart: TornadoChartData;
}

const MoveSchema = z.union([
  z.object({ relative: z.number().nonnegative().finite() }).strict(),
  z.object({ absolute: z.number().nonnegative().finite() }).strict(),
]);

const MovesSchema = z
  .object({
    retention: MoveSchema.nullable().optional(),
    spend: MoveSchema.nullable().optional(),
    referrals: MoveSchema.nullable().optional(),
    costToServeSaving: MoveSchema.nullable().optional(),
    investment: MoveSchema.nullable().optional(),
    discountRate: MoveSchema.nullable().optional(),
    baseRetention: MoveSchema.nullable().optional(),
    baseMargin: MoveSchema.nullable().optional(),
  })
  .strict();

const DEFAULT_MOVES: Readonly<Record<TornadoInput, TornadoMove>> = {
  retention: { relative: 0.5 },
  spend: { relative: 0.5 },
  referrals: { relative: 0.5 },
  costToServeSaving: { relative: 0.5 },
  investment: { relative: 0.2 },
  discountRate: { absolute: 0.02 },
  baseRetention: { absolute: 0.02 },
  baseMargin: { relative: 0.1 },
};

const LABELS: Readonly<Record<TornadoInput, string>> = {
  retention: 'Retention uplift (points)',
  spend: 'Spend uplift',
  referrals: 'Referred customers per period',
  costToServeSaving: 'Cost-to-serve saving per customer',
  investment: 'Investment (scale)',
  discountRate: 'Discount rate',
  baseRetention: 'Base retention',
  baseMargin: 'Base margin (scale)',
};

function moved(value: number, move: TornadoMove): [number, number] {
  const by = 'relative' in move ? Math.abs(value) * move.relative : move.absolute;
  return [value - by, value + by];
}

function point(value: number) {
  return { kind: 'point' as const, value };
}

function evaluate(scenario: CxScenario): { npv: DecimalValue; multiple: DecimalValue } {
  const model = cxModel(scenario);
  const effects = Object.fromEntries(
    CX_LEVERS.map((lever) => [lever, effectMean(scenario.effects[lever])]),
  ) as Record<CxLeverName, number>;
  const benefit = quantise(benefitValue(model, effects));
  return { npv: benefit.minus(model.pvCost), multiple: benefit.div(model.pvCost) };
}

/** The two scenarios (low, high) of one input, and the input's values there. */
function variants(
  scenario: CxScenario,
  input: TornadoInput,
  move: TornadoMove,
): { values: [number, number]; scenarios: [CxScenario, CxScenario] } {
  const { kernel } = scenario;
  const means = Object.fromEntries(
    CX_LEVERS.map((lever) => [lever, effectMean(scenario.effects[lever])]),
  ) as Record<CxLeverName, number>;
  const clampRetention = (x: number, shift: number): number =>
    Math.min(Math.max(x, kernel.upliftLow - shift), kernel.upliftHigh - shift);
  const build = (value: number): { value: number; scenario: CxScenario } => {
    switch (input) {
      case 'retention': {
        const v = clampRetention(value, scenario.baseShift);
        return {
          value: v,
          scenario: { ...scenario, effects: { ...scenario.effects, retention: point(v) } },
        };
      }
      case 'spend': {
        const v = Math.max(value, -1);
        return {
          value: v,
          scenario: { ...scenario, effects: { ...scenario.effects, spend: point(v) } },
        };
      }
      case 'referrals': {
        const v = Math.max(value, 0);
        return {
          value: v,
          scenario: { ...scenario, effects: { ...scenario.effects, referrals: point(v) } },
        };
      }
      case 'costToServeSaving':
        return {
          value,
          scenario: {
            ...scenario,
            effects: { ...scenario.effects, costToServeSaving: point(value) },
          },
        };
      case 'investment': {
        const v = Math.max(value, 1e-9);
        const factor = new Dec(v);
        return {
          value: v,
          scenario: { ...scenario, investment: scenario.investment.map((c) => c.times(factor)) },
        };
      }
      case 'discountRate': {
        const v = Math.max(value, -0.99);
        return { value: v, scenario: { ...scenario, discountRate: new Dec(v) } };
      }
      case 'baseRetention': {
        // value is R̄ + shift; keep R̄ + shift + effect within [0, 1].
        const lowShift = kernel.upliftLow;
        const highShift = kernel.upliftHigh - Math.max(means.retention, 0);
        const shift = Math.min(Math.max(value - kernel.aggregateRetention, lowShift), highShift);
        return {
          value: kernel.aggregateRetention + shift,
          scenario: { ...scenario, baseShift: shift },
        };
      }
      case 'baseMargin': {
        const v = Math.max(value, 0);
        return { value: v, scenario: { ...scenario, marginScale: new Dec(v) } };
      }
    }
  };
  const central: Record<TornadoInput, number> = {
    ...means,
    investment: 1,
    discountRate: scenario.discountRate.toNumber(),
    baseRetention: kernel.aggregateRetention + scenario.baseShift,
    baseMargin: scenario.marginScale.toNumber(),
  };
  const [lowValue, highValue] = moved(central[input], move);
  const low = build(lowValue);
  const high = build(highValue);
  return { values: [low.value, high.value], scenarios: [low.scenario, high.scenario] };
}

/**
 * A tornado table for a CX programme: each input moved down and up by a stated amount, the others at
 * their central values, and the NPV and return per $1 at each end; rows sorted by the NPV swing,
 * longest first, with chart data for a tornado plot. Inputs: the four effects, the investment, the
 * discount rate, the base's own retention and its margin (defaults in {@link CxTornadoMoves}).
 *
 * One input at a time, so the table shows sensitivity, not interactions (those are in
 * `cxReturn(...).interaction`). A move that would leave the feasible range (retention outside
 * [0, 1], spend below −100%, negative referrals) is clamped to it and the row shows the value used.
 *
 * @throws CustomerAssetError as {@link cxReturn}, and `input/invalid` for bad moves.
 *
 * @example
 * ```ts
 * import { cxTornado, money } from 'customer-asset';
 * const tornado = cxTornado({
 *   investment: [money('2000000', 'USD')],
 *   effects: { retention: 0.02, spend: 0.03, referrals: 1000 },
 *   base: { kind: 'rates', customers: 100_000, margin: money('200', 'USD'), retention: '0.8', period: 'year' },
 *   horizon: 10,
 *   discountRate: '0.1',
 * });
 * tornado.rows[0]?.input; // 'retention'
 * ```
 */
export function cxTornado(input: CxReturnInput, moves: CxTornadoMoves = {}): CxTornadoResult {
  const fn = 'cxTornado';
  const scenario = parseCxInput(input, fn);
  const opts = parseInput(MovesSchema, moves, fn, 'moves');
  const means = Object.fromEntries(
    CX_LEVERS.map((lever) => [lever, effectMean(scenario.effects[lever])]),
  ) as Record<CxLeverName, number>;
  checkFeasible(scenario, means, fn);
  const { currency } = scenario.kernel;
  const toMoney = (x: DecimalValue): Money => makeMoney(x, currency);
  const central = evaluate(scenario);
  const rows: TornadoRow[] = [];
  for (const name of Object.keys(DEFAULT_MOVES) as TornadoInput[]) {
    const given = opts[name];
    if (given === null) continue;
    const move = given ?? DEFAULT_MOVES[name];
    const { values, scenarios } = variants(scenario, name, move);
    const low = evaluate(scenarios[0]);
    const high = evaluate(scenarios[1]);
    rows.push({
      input: name,
      label: LABELS[name],
      low: values[0],
      high: values[1],
      npv: { low: toMoney(low.npv), high: toMoney(high.npv) },
      returnPerDollar: { low: freezeDecimal(low.multiple), high: freezeDecimal(high.multiple) },
      swing: toMoney(high.npv.minus(low.npv).abs()),
    });
  }
  rows.sort((a, b) => b.swing.amount.comparedTo(a.swing.amount));
  const format = (x: number): string => String(Number(x.toPrecision(4)));
  return deepFreeze({
    central: { npv: toMoney(central.npv), returnPerDollar: freezeDecimal(central.multiple) },
    rows,
    chart: {
      kind: 'tornado' as const,
      measure: 'npv' as const,
      currency,
      baseline: central.npv.toNumber(),
      bars: rows.map((row) => ({
        label: row.label,
        low: row.npv.low.amount.toNumber(),
        high: row.npv.high.amount.toNumber(),
        lowLabel: format(row.low),
        highLabel: format(row.high),
      })),
    },
  });
}
