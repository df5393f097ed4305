/**
 * The deterministic CX cash-flow model, in decimal: incremental margins of the existing base and of
 * referred customers against the programme's cost, per period, their present values, the lever
 * attribution (Shapley) and the break-even effect of each lever alone.
 *
 * Per period t = 0..H, with effects (Δ, σ, ρ, κ) = (retention, spend, referrals, cost-to-serve
 * saving), margin scale f (1 unless a tornado moves it) and base retention shift b:
 *
 *   existing_t = (1 + σ)·f·M_t(b + Δ) + κ·A_t(b + Δ) − f·M_t(b)          (t >= 1)
 *   referral_t = ρ·((1 + σ)·f·m_new + κ) · Σ_{τ = 0}^{min(t, L−1)} S_{t−τ}(b + Δ)
 *   net_t      = existing_t + referral_t − cost_t
 *
 * where M_t and A_t are the base's expected margin and expected active customers at t, S_j the
 * survival of a new customer j periods after joining (S_0 = 1), and L the length of the investment
 * schedule. With the reference inputs and a long horizon the present values reproduce REFERENCE.md §9.
 *
 * @internal
 */
import { Dec, type DecimalValue } from '../money/decimal.js';
import { ONE, ZERO } from '../money/decimal-input.js';
import type { CxLeverName, CxScenario } from './cx-input.js';
import { CX_LEVERS } from './cx-input.js';

/** One value per lever. */
export type LeverValues<T> = Readonly<Record<CxLeverName, T>>;

/** Present values of the base at one total uplift. */
interface Components {
  readonly pvMargin: DecimalValue;
  readonly pvActive: DecimalValue;
  /** Σ_{τ<L} v^τ Σ_{j=0}^{H−τ} v^j S_j: PV of one referred customer per funded period. */
  readonly pvReferral: DecimalValue;
  readonly margin: readonly DecimalValue[];
  readonly active: readonly DecimalValue[];
  readonly survival: readonly DecimalValue[];
}

/** A scenario with its discount factors and caches. */
export interface CxModel {
  readonly scenario: CxScenario;
  /** v^t, t = 0..H. */
  readonly discount: readonly DecimalValue[];
  readonly pvCost: DecimalValue;
  components(totalDelta: number): Components;
}

function dec(x: number): DecimalValue {
  return x === 0 ? ZERO : new Dec(x);
}

/** Builds the model of a scenario. */
export function cxModel(scenario: CxScenario): CxModel {
  const { horizon: H, discountRate, investment, kernel } = scenario;
  const v = ONE.div(discountRate.plus(1));
  const discount: DecimalValue[] = [ONE];
  for (let t = 1; t <= H; t += 1) discount.push(discount[t - 1]!.times(v));
  let pvCost = ZERO;
  investment.forEach((c, t) => {
    pvCost = pvCost.plus(c.times(discount[t]!));
  });
  const L = investment.length;
  const cache = new Map<number, Components>();
  const components = (totalDelta: number): Components => {
    const hit = cache.get(totalDelta);
    if (hit) return hit;
    const delta = dec(totalDelta);
    const flows = kernel.existingFlows(delta, H);
    const survival = kernel.newSurvival(delta, H);
    let pvMargin = ZERO;
    let pvActive = ZERO;
    for (let t = 1; t <= H; t += 1) {
      pvMargin = pvMargin.plus(flows.margin[t - 1]!.times(discount[t]!));
      pvActive = pvActive.plus(flows.active[t - 1]!.times(discount[t]!));
    }
    // prefix[h] = Σ_{j=0}^{h} v^j S_j
    const prefix: DecimalValue[] = [];
    let running = ZERO;
    for (let j = 0; j <= H; j += 1) {
      running = running.plus(survival[j]!.times(discount[j]!));
      prefix.push(running);
    }
    let pvReferral = ZERO;
    for (let tau = 0; tau < L; tau += 1)
      pvReferral = pvReferral.plus(discount[tau]!.times(prefix[H - tau]!));
    const result = {
      pvMargin,
      pvActive,
      pvReferral,
      margin: flows.margin,
      active: flows.active,
      survival,
    };
    cache.set(totalDelta, result);
    return result;
  };
  return { scenario, discount, pvCost, components };
}

/** PV of the programme's benefit with the given effect values (levers not listed are 0). */
export function benefitValue(model: CxModel, effects: Partial<LeverValues<number>>): DecimalValue {
  const { baseShift, marginScale: f, kernel } = model.scenario;
  const base = model.components(baseShift);
  const delta = effects.retention ?? 0;
  const c = delta === 0 ? base : model.components(baseShift + delta);
  const sigma = dec(effects.spend ?? 0).plus(1);
  const kappa = dec(effects.costToServeSaving ?? 0);
  const rho = dec(effects.referrals ?? 0);
  const newMargin = sigma.times(f).times(kernel.newMargin).plus(kappa);
  return sigma
    .times(f)
    .times(c.pvMargin)
    .plus(kappa.times(c.pvActive))
    .minus(f.times(base.pvMargin))
    .plus(rho.times(newMargin).times(c.pvReferral));
}

/** Benefit, cost and net cash flow per period t = 0..H (decimal amounts). */
export function cashFlows(
  model: CxModel,
  effects: LeverValues<number>,
): { benefit: DecimalValue[]; cost: DecimalValue[]; net: DecimalValue[] } {
  const { baseShift, marginScale: f, kernel, horizon: H, investment } = model.scenario;
  const base = model.components(baseShift);
  const c = model.components(baseShift + effects.retention);
  const sigma = dec(effects.spend).plus(1);
  const kappa = dec(effects.costToServeSaving);
  const rho = dec(effects.referrals);
  const perReferral = rho.times(sigma.times(f).times(kernel.newMargin).plus(kappa));
  const L = investment.length;
  const benefit: DecimalValue[] = [];
  const cost: DecimalValue[] = [];
  const net: DecimalValue[] = [];
  for (let t = 0; t <= H; t += 1) {
    let b = ZERO;
    if (t >= 1)
      b = sigma
        .times(f)
        .times(c.margin[t - 1]!)
        .plus(kappa.times(c.active[t - 1]!))
        .minus(f.times(base.margin[t - 1]!));
    if (!rho.isZero()) {
      let alive = ZERO;
      for (let tau = 0; tau <= Math.min(t, L - 1); tau += 1)
        alive = alive.plus(c.survival[t - tau]!);
      b = b.plus(perReferral.times(alive));
    }
    const k = t < L ? investment[t]! : ZERO;
    benefit.push(b);
    cost.push(k);
    net.push(b.minus(k));
  }
  return { benefit, cost, net };
}

/**
 * Shapley attribution of the total benefit to the four levers (Shapley 1953): each lever gets its
 * marginal contribution averaged over the 24 orders in which the levers can be added, with weights
 * |S|!(n − |S| − 1)!/n! = 6, 2, 2, 6 (/24) for |S| = 0..3. All values are quantised to 1e-18 of a
 * currency unit; the quotient by 24 rounds there, so the lever with the largest contribution takes
 * the remainder, total − Σ others: the contributions add up to the total exactly. A lever with no
 * effect gets exactly 0.
 */
/**
 * Attribution amounts are quantised to 1e-18 of a currency unit (half-even) before they are added, so
 * that any sum of them is exact in 40 digits up to 1e21 units, whatever the order of addition.
 */
export function quantise(x: DecimalValue): DecimalValue {
  return x.toDecimalPlaces(18, Dec.ROUND_HALF_EVEN);
}

export function shapley(
  model: CxModel,
  effects: LeverValues<number>,
): {
  contributions: LeverValues<DecimalValue>;
  total: DecimalValue;
  values: Map<number, DecimalValue>;
} {
  const n = CX_LEVERS.length;
  const values = new Map<number, DecimalValue>();
  for (let mask = 0; mask < 1 << n; mask += 1) {
    const subset: Partial<Record<CxLeverName, number>> = {};
    CX_LEVERS.forEach((lever, i) => {
      if (mask & (1 << i)) subset[lever] = effects[lever];
    });
    values.set(mask, quantise(benefitValue(model, subset)));
  }
  const weights = [6, 2, 2, 6];
  const raw = CX_LEVERS.map((_, i) => {
    let sum = ZERO;
    for (let mask = 0; mask < 1 << n; mask += 1) {
      if (mask & (1 << i)) continue;
      let size = 0;
      for (let j = 0; j < n; j += 1) if (mask & (1 << j)) size += 1;
      const gain = values.get(mask | (1 << i))!.minus(values.get(mask)!);
      if (!gain.isZero()) sum = sum.plus(gain.times(weights[size]!));
    }
    return quantise(sum.div(24));
  });
  const total = values.get((1 << n) - 1)!;
  let largest = 0;
  raw.forEach((value, i) => {
    if (value.abs().gt(raw[largest]!.abs())) largest = i;
  });
  let others = ZERO;
  raw.forEach((value, i) => {
    if (i !== largest) others = others.plus(value);
  });
  raw[largest] = total.minus(others);
  const contributions = Object.fromEntries(CX_LEVERS.map((lever, i) => [lever, raw[i]!])) as Record<
    CxLeverName,
    DecimalValue
  >;
  return { contributions, total, values };
}

/**
 * The effect of each lever alone at which the programme breaks even (PV benefit = PV cost). Spend,
 * referrals and cost to serve act linearly, so their break-evens are quotients; retention is found by
 * bisection on the float64 value of the base (to 1e-12 points). null when no feasible effect of
 * that lever alone pays for the programme (or the lever cannot add value, e.g. a base with no margin).
 */
export function breakEvens(model: CxModel): LeverValues<number | null> {
  const { baseShift, marginScale: f, kernel } = model.scenario;
  const base = model.components(baseShift);
  const cost = model.pvCost;
  const quotient = (denominator: DecimalValue): number | null =>
    denominator.gt(0) ? cost.div(denominator).toNumber() : null;
  const spend = quotient(f.times(base.pvMargin));
  const costToServeSaving = quotient(base.pvActive);
  const referrals = quotient(f.times(kernel.newMargin).times(base.pvReferral));
  return { retention: retentionBreakEven(model), spend, referrals, costToServeSaving };
}

function retentionBreakEven(model: CxModel): number | null {
  const { baseShift, marginScale, kernel, discountRate, horizon } = model.scenario;
  const f = marginScale.toNumber();
  const d = discountRate.toNumber();
  const cost = model.pvCost.toNumber();
  const at = (delta: number): number =>
    f * kernel.existingPvFloat(baseShift + delta, d, horizon)[0];
  const start = at(0);
  const gain = (delta: number): number => at(delta) - start - cost;
  let hi = kernel.upliftHigh - baseShift;
  if (!(hi > 0) || gain(hi) < 0) return null;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i += 1) {
    const mid = (lo + hi) / 2;
    if (gain(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
