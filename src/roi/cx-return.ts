import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import type { TimeUnit } from '../core/time-unit.js';
import type { CurrencyCode } from '../money/currencies.js';
import type { DecimalValue } from '../money/decimal.js';
import { freezeDecimal, ZERO } from '../money/decimal-input.js';
import { safeIrr } from '../money/irr.js';
import { type Money, makeMoney } from '../money/money.js';
import { discountedPaybackPeriod, paybackPeriod } from '../money/payback.js';
import {
  CX_LEVERS,
  type CxLeverName,
  type CxReturnInput,
  type CxScenario,
  parseCxInput,
} from './cx-input.js';
import {
  benefitValue,
  breakEvens,
  cashFlows,
  cxModel,
  type LeverValues,
  shapley,
} from './cx-model.js';
import { effectMean } from './effects.js';

/** What one lever did. */
export interface CxLever {
  /** The effect used (the mean of its distribution). */
  readonly effect: number;
  /** Its share of the total benefit (Shapley): the four add up to the total exactly. */
  readonly contribution: Money;
  /** The benefit of this lever alone, the others at zero. */
  readonly standalone: Money;
  /**
   * The effect of this lever alone that makes PV benefit equal PV cost (return per $1 = 1), in the
   * lever's own unit; null when no feasible effect of this lever alone pays for the programme.
   */
  readonly breakEven: number | null;
}

/** One period of the programme's cash flows. */
export interface CxCashFlow {
  readonly t: number;
  readonly benefit: Money;
  readonly cost: Money;
  readonly net: Money;
}

/** The result of {@link cxReturn}. Frozen; amounts unrounded. */
export interface CxReturnResult {
  readonly currency: CurrencyCode;
  readonly period: TimeUnit;
  readonly horizon: number;
  readonly discountRate: DecimalValue;
  /** PV at t = 0 of the incremental margins (benefit) and of the programme's cost. */
  readonly presentValue: { readonly benefit: Money; readonly cost: Money };
  /** PV benefit / PV cost: what each $1 invested returns. 0 when the programme has no effect. */
  readonly returnPerDollar: DecimalValue;
  /** returnPerDollar − 1 (−1, i.e. −100%, when the programme has no effect). */
  readonly roi: DecimalValue;
  /** PV benefit − PV cost. */
  readonly npv: Money;
  /** Internal rate of return of the net flows, or null when it does not exist (no sign change). */
  readonly irr: DecimalValue | null;
  /** Why `irr` may not be unique or is missing (empty when it is fine). */
  readonly irrWarnings: readonly string[];
  /** Periods until the cumulative net flow turns non-negative for good (interpolated); null: never. */
  readonly payback: {
    readonly simple: DecimalValue | null;
    readonly discounted: DecimalValue | null;
  };
  readonly levers: LeverValues<CxLever>;
  /** Total benefit − Σ standalone benefits: what the levers add by acting together. */
  readonly interaction: Money;
  readonly cashFlows: readonly CxCashFlow[];
}

/** The deterministic CX return of a parsed scenario. Internal (tornado reuses it). */
export function evaluateScenario(
  scenario: CxScenario,
  fn: string,
  options: { readonly attribution: boolean } = { attribution: true },
): CxReturnResult {
  const effects = Object.fromEntries(
    CX_LEVERS.map((lever) => [lever, effectMean(scenario.effects[lever])]),
  ) as Record<CxLeverName, number>;
  checkFeasible(scenario, effects, fn);
  const model = cxModel(scenario);
  const { currency } = scenario.kernel;
  const toMoney = (amount: DecimalValue): Money => makeMoney(amount, currency);
  const attribution = options.attribution ? shapley(model, effects) : null;
  const total = attribution?.total ?? benefitValue(model, effects);
  const flows = cashFlows(model, effects);
  const netMoney = flows.net.map(toMoney);
  const guess = floatIrrGuess(flows.net.map((x) => x.toNumber()));
  const irr = safeIrr(netMoney, guess === null ? {} : { guess: guess.toFixed(3) });
  const breakEven = options.attribution ? breakEvens(model) : null;
  let standaloneSum = ZERO;
  const levers = Object.fromEntries(
    CX_LEVERS.map((lever, i) => {
      const standalone = attribution?.values.get(1 << i) ?? ZERO;
      standaloneSum = standaloneSum.plus(standalone);
      return [
        lever,
        {
          effect: effects[lever],
          contribution: toMoney(attribution?.contributions[lever] ?? ZERO),
          standalone: toMoney(standalone),
          breakEven: breakEven?.[lever] ?? null,
        },
      ];
    }),
  ) as Record<CxLeverName, CxLever>;
  const multiple = total.div(model.pvCost);
  return deepFreeze({
    currency,
    period: scenario.kernel.period,
    horizon: scenario.horizon,
    discountRate: freezeDecimal(scenario.discountRate),
    presentValue: { benefit: toMoney(total), cost: toMoney(model.pvCost) },
    returnPerDollar: freezeDecimal(multiple),
    roi: freezeDecimal(multiple.minus(1)),
    npv: toMoney(total.minus(model.pvCost)),
    irr: irr.success ? irr.data.rate : null,
    irrWarnings: irr.success ? irr.data.warnings : [irr.error.message],
    payback: {
      simple: paybackPeriod(netMoney),
      discounted: discountedPaybackPeriod(scenario.discountRate, netMoney),
    },
    levers,
    interaction: toMoney(total.minus(standaloneSum)),
    cashFlows: flows.net.map((net, t) => ({
      t,
      benefit: toMoney(flows.benefit[t]!),
      cost: toMoney(flows.cost[t]!),
      net: toMoney(net),
    })),
  });
}

/**
 * A float64 estimate of the IRR (bisection on x = ln(1 + r) where NPV changes sign), used only as the
 * starting guess of the exact decimal `irr`, which then brackets the root in one step.
 */
function floatIrrGuess(flows: readonly number[]): number | null {
  const npvAt = (x: number): number => {
    const v = Math.exp(-x);
    let sum = 0;
    for (let t = flows.length - 1; t >= 0; t -= 1) sum = sum * v + flows[t]!;
    return sum;
  };
  let lo = -5;
  let hi = 5;
  let flo = npvAt(lo);
  const fhi = npvAt(hi);
  if (!(flo * fhi < 0)) return null;
  for (let i = 0; i < 60; i += 1) {
    const mid = (lo + hi) / 2;
    const fm = npvAt(mid);
    if (fm * flo > 0) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return Math.expm1((lo + hi) / 2);
}

/** Throws `input/invalid` when a lever's effect is outside what the base allows. */
export function checkFeasible(
  scenario: CxScenario,
  effects: LeverValues<number>,
  fn: string,
): void {
  const { kernel, baseShift } = scenario;
  const total = baseShift + effects.retention;
  if (total < kernel.upliftLow - 1e-15 || total > kernel.upliftHigh + 1e-15)
    fail('input/invalid', fn, 'effects.retention takes retention outside [0, 1]', {
      expected: `an uplift in [${kernel.upliftLow - baseShift}, ${kernel.upliftHigh - baseShift}] points`,
      received: effects.retention,
      path: ['effects', 'retention'],
    });
  if (effects.spend < -1)
    fail('input/invalid', fn, 'effects.spend below −100%', {
      expected: 'a relative change >= -1',
      received: effects.spend,
      path: ['effects', 'spend'],
    });
  if (effects.referrals < 0)
    fail('input/invalid', fn, 'effects.referrals is negative', {
      expected: 'customers per period >= 0',
      received: effects.referrals,
      path: ['effects', 'referrals'],
    });
}

/**
 * The return on a customer-experience (CX) programme for a given company: its cost (a schedule of
 * Money per period) against its effects on retention, spend per customer, acquisition through
 * advocacy and referrals, and cost to serve, applied to the company's own customer base (simple
 * rates or a fitted model). REFERENCE.md §9: ΔCE = retention + spend + interaction + advocacy,
 * multiple = PV(ΔCE)/PV(cost).
 *
 * Timing: `investment[t]` is spent at t (t = 0 now); existing customers' incremental margins arrive
 * at t = 1..horizon (the current period's margin is booked, Gupta–Lehmann timing); referred
 * customers join in each period of the investment schedule and pay on joining. Effects start at once
 * and last the whole horizon. Effects given as distributions are taken at their means; use
 * {@link simulateCxReturn} for the uncertainty.
 *
 * Returns the return per $1 (PV benefit / PV cost), the ROI (that − 1), NPV, IRR, simple and
 * discounted payback, each lever's Shapley contribution (they add up exactly to the total, in
 * decimal), its standalone benefit, the interaction, and the break-even effect of each lever alone.
 *
 * Numerical caveats: money is exact decimal (40 digits) on the expected counts; for a model-based
 * base those expected counts are float64 model estimates (about 15 significant digits). The IRR is
 * null when the net flows never change sign (for instance a programme with no effect), with the
 * reason in `irrWarnings`.
 *
 * @throws CustomerAssetError `input/invalid`, `input/empty`, `money/currency-mismatch`,
 *   `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { cxReturn, money } from 'customer-asset';
 * // REFERENCE.md §9: 100,000 customers, $200 margin, 80% retention, 10% a year, $2M now.
 * const result = cxReturn({
 *   investment: [money('2000000', 'USD')],
 *   effects: { retention: 0.02, spend: 0.03, referrals: 1000 },
 *   base: { kind: 'rates', customers: 100_000, margin: money('200', 'USD'), retention: '0.8', period: 'year' },
 *   horizon: 400, // long enough that the rest is worth nothing in 40 digits: the perpetuity
 *   discountRate: '0.1',
 * });
 * result.returnPerDollar.toFixed(4); // '3.9023'
 * result.levers.retention.standalone.amount.toFixed(2); // '5238095.24'
 * ```
 */
export function cxReturn(input: CxReturnInput): CxReturnResult {
  const fn = 'cxReturn';
  return evaluateScenario(parseCxInput(input, fn), fn);
}

/**
 * {@link cxReturn} that returns `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { money, safeCxReturn } from 'customer-asset';
 * const result = safeCxReturn({
 *   investment: [money('0', 'USD')],
 *   effects: { retention: 0.01 },
 *   base: { kind: 'rates', customers: 1000, margin: money('50', 'USD'), retention: '0.7', period: 'year' },
 *   horizon: 5,
 *   discountRate: '0.1',
 * });
 * result.success; // false
 * ```
 */
export function safeCxReturn(input: CxReturnInput): Safe<CxReturnResult> {
  return toSafe(() => cxReturn(input));
}
