/**
 * The customer-equity roll-forward as a waterfall: opening equity, each movement as a floating bar,
 * closing equity (McCarthy, Fader & Hardie 2017 gains and losses; the CFO Forum's analysis of
 * movement). Data from an equity ledger's movement; rendering is the spec's business.
 */
import { z } from 'zod';
import { deepFreeze } from '../../core/freeze.js';
import { parseInput } from '../../core/validate.js';
import type { EquityMovement } from '../../ledger/types.js';
import { negateMoney } from '../../money/arithmetic.js';
import { isMoney, type Money } from '../../money/money.js';
import { formatMoney } from '../format.js';
import {
  type ChartOptions,
  COLORS,
  compactMoneyExpression,
  frame,
  type VegaLiteSpec,
} from './spec.js';

/** One bar of the waterfall. */
export interface WaterfallStep {
  /** Position from the left, 0-based. */
  readonly order: number;
  /** Which line: `opening`, `acquired`, `reactivated`, `lost`, `marginRealised`, `unwind`, `experience`, `revaluation:<assumption>`, `closing`. */
  readonly line: string;
  readonly label: string;
  /** `total` for opening and closing, else the direction of the movement. */
  readonly kind: 'total' | 'increase' | 'decrease';
  /** The movement (signed, as it changes equity) or the total, in currency units (float, for plotting). */
  readonly amount: number;
  /** The exact amount, presented (half-up, whole currency units). */
  readonly amountText: string;
  /** Where the bar starts and ends on the value axis. */
  readonly start: number;
  readonly end: number;
}

/** The waterfall's data: its bars and the currency. */
export interface EquityWaterfallData {
  readonly currency: string;
  readonly steps: readonly WaterfallStep[];
}

/** Options of {@link equityWaterfallData}. */
export interface EquityWaterfallOptions {
  /** Label of the opening bar (default `'Opening equity'`). */
  readonly openingLabel?: string;
  /** Label of the closing bar (default `'Closing equity'`). */
  readonly closingLabel?: string;
  /** Keep lines whose amount is zero (default false: reactivation and revaluation often are). */
  readonly keepZeroLines?: boolean;
}

const MoneyField = /* @__PURE__ */ z.custom<Money>(isMoney, { message: 'Must be Money' });
const MovementSchema = /* @__PURE__ */ z.object({
  opening: MoneyField,
  acquired: MoneyField,
  reactivated: MoneyField,
  lost: MoneyField,
  marginRealised: MoneyField,
  unwind: MoneyField,
  experience: MoneyField,
  revaluation: z.array(z.object({ assumption: z.string(), amount: MoneyField })),
  closing: MoneyField,
});
const OptionsSchema = /* @__PURE__ */ z
  .object({
    openingLabel: z.string().min(1).optional(),
    closingLabel: z.string().min(1).optional(),
    keepZeroLines: z.boolean().optional(),
  })
  .strict();

const LABELS: Readonly<Record<string, string>> = Object.freeze({
  acquired: 'New customers',
  reactivated: 'Returning customers',
  lost: 'Customers lost',
  marginRealised: 'Margin collected',
  unwind: 'Interest (unwind)',
  experience: 'Experience',
});

const toNumber = (m: Money): number => Number(m.amount.toString());

/**
 * The bars of a customer-equity waterfall from one movement of an equity ledger (a period's row or
 * a series' `summary`): opening, then each line as it changes equity (acquired and reactivated
 * add; lost and the margin collected, the value turned into cash, subtract; the unwinding of the
 * discount, experience and each revaluation add with their sign), then closing. Each bar floats from
 * the running total before the line to the running total after it; the last running total is the
 * closing equity (the ledger balances exactly, so the bars meet it).
 *
 * Numerical caveats: bar positions are floats (for plotting); `amountText` is the exact amount
 * rounded half-up to whole currency units.
 *
 * @param movement - An `EquityMovement` (`ledger.total.summary`, a row, or {@link combineEquityRows}).
 * @throws CustomerAssetError `input/invalid` when `movement` is not an equity movement.
 *
 * @example
 * ```ts
 * import { equityWaterfallData, money } from 'customer-asset';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const data = equityWaterfallData({
 *   opening: usd('1000'), acquired: usd('300'), reactivated: usd('0'), lost: usd('120'),
 *   marginRealised: usd('200'), unwind: usd('40'), experience: usd('-20'), revaluation: [],
 *   closing: usd('1000'), difference: usd('0'),
 * });
 * console.log(data.steps.map((s) => s.amount).join(' ')); // '1000 300 -120 -200 40 -20 1000'
 * console.log(data.steps[3]?.start, data.steps[3]?.end); // 1180 980
 * ```
 */
export function equityWaterfallData(
  movement: EquityMovement,
  options: EquityWaterfallOptions = {},
): EquityWaterfallData {
  const fn = 'equityWaterfallData';
  const m = parseInput(MovementSchema, movement, fn, 'movement');
  const opts = parseInput(OptionsSchema, options, fn, 'options');
  const lines: { line: string; label: string; amount: Money; sign: 1 | -1 }[] = [
    { line: 'acquired', label: LABELS.acquired!, amount: m.acquired, sign: 1 },
    { line: 'reactivated', label: LABELS.reactivated!, amount: m.reactivated, sign: 1 },
    { line: 'lost', label: LABELS.lost!, amount: m.lost, sign: -1 },
    { line: 'marginRealised', label: LABELS.marginRealised!, amount: m.marginRealised, sign: -1 },
    { line: 'unwind', label: LABELS.unwind!, amount: m.unwind, sign: 1 },
    { line: 'experience', label: LABELS.experience!, amount: m.experience, sign: 1 },
    ...m.revaluation.map((r) => ({
      line: `revaluation:${r.assumption}`,
      label: `Revaluation: ${r.assumption}`,
      amount: r.amount,
      sign: 1 as const,
    })),
  ];
  const steps: WaterfallStep[] = [];
  const opening = toNumber(m.opening);
  steps.push({
    order: 0,
    line: 'opening',
    label: opts.openingLabel ?? 'Opening equity',
    kind: 'total',
    amount: opening,
    amountText: formatMoney(m.opening, { decimals: 0 }),
    start: 0,
    end: opening,
  });
  let running = opening;
  for (const l of lines) {
    if (l.amount.amount.isZero() && opts.keepZeroLines !== true) continue;
    const amount = l.sign * toNumber(l.amount);
    const signed = l.sign === 1 ? l.amount : negateMoney(l.amount);
    steps.push({
      order: steps.length,
      line: l.line,
      label: l.label,
      kind: amount >= 0 ? 'increase' : 'decrease',
      amount,
      amountText: formatMoney(signed, { decimals: 0 }),
      start: running,
      end: running + amount,
    });
    running += amount;
  }
  const closing = toNumber(m.closing);
  steps.push({
    order: steps.length,
    line: 'closing',
    label: opts.closingLabel ?? 'Closing equity',
    kind: 'total',
    amount: closing,
    amountText: formatMoney(m.closing, { decimals: 0 }),
    start: 0,
    end: closing,
  });
  return deepFreeze({ currency: m.closing.currency, steps });
}

/**
 * The Vega-Lite spec of the waterfall: floating bars coloured by direction (totals navy, increases
 * green, decreases red), each labelled with its exact amount.
 *
 * @example
 * ```ts
 * import { equityWaterfallData, equityWaterfallSpec, money } from 'customer-asset';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const spec = equityWaterfallSpec(equityWaterfallData({
 *   opening: usd('0'), acquired: usd('500'), reactivated: usd('0'), lost: usd('100'),
 *   marginRealised: usd('50'), unwind: usd('10'), experience: usd('0'), revaluation: [],
 *   closing: usd('360'), difference: usd('0'),
 * }));
 * console.log((spec.data as { values: unknown[] }).values.length); // 6
 * ```
 */
export function equityWaterfallSpec(
  data: EquityWaterfallData,
  options: ChartOptions = {},
): VegaLiteSpec {
  return deepFreeze({
    ...frame(options, { title: 'What moved customer equity', height: 300 }),
    data: { values: data.steps.map((s) => ({ ...s })) },
    encoding: {
      x: {
        field: 'label',
        type: 'ordinal',
        sort: data.steps.map((st) => st.label),
        title: null,
        axis: { labelAngle: 0, labelExpr: "split(datum.label, ' ')", labelLimit: 120 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', width: { band: 0.7 } },
        encoding: {
          y: {
            field: 'start',
            type: 'quantitative',
            title: `Customer equity (${data.currency})`,
            axis: { labelExpr: compactMoneyExpression(data.currency) },
          },
          y2: { field: 'end' },
          color: {
            field: 'kind',
            type: 'nominal',
            legend: null,
            scale: {
              domain: ['total', 'increase', 'decrease'],
              range: [COLORS.total, COLORS.gain, COLORS.loss],
            },
          },
          tooltip: [
            { field: 'label', title: 'Line' },
            { field: 'amountText', title: 'Amount' },
          ],
        },
      },
      {
        mark: { type: 'text', dy: -7, fontSize: 11, color: COLORS.ink },
        encoding: {
          y: { field: 'top', type: 'quantitative' },
          text: { field: 'amountText' },
        },
        transform: [{ calculate: 'max(datum.start, datum.end)', as: 'top' }],
      },
    ],
  });
}
