/**
 * Expected customers and margins of a parsed base, period by period, under a retention uplift of Δ
 * points (see uplift.ts for what Δ means). A simple-rates base is computed exactly in decimal; the
 * model-based bases compute expected counts in float64 (they are model estimates) and hand them to
 * the decimal money arithmetic at this boundary.
 *
 * @internal
 */
import type { TimeUnit } from '../core/time-unit.js';
import { sbgKernel } from '../models/shifted-beta-geometric/kernel.js';
import type { CurrencyCode } from '../money/currencies.js';
import { Dec, type DecimalValue } from '../money/decimal.js';
import { ONE, ZERO } from '../money/decimal-input.js';
import type { ParsedBase } from './base.js';
import {
  perpetuitySum,
  scaledRetention,
  scaledSurvival,
  type UpliftScaling,
  upliftScaling,
} from './uplift.js';

/** Expected margin (currency units) and expected active customers at t = 1..H (index t − 1). */
export interface ExistingFlows {
  readonly margin: readonly DecimalValue[];
  readonly active: readonly DecimalValue[];
}

/** The valuation interface every kind of base provides. */
export interface BaseKernel {
  readonly kind: ParsedBase['kind'];
  readonly currency: CurrencyCode;
  readonly period: TimeUnit;
  /** Customers active now. */
  readonly customers: number;
  /** R̄: the expected share of today's customers still customers next period. */
  readonly aggregateRetention: number;
  /** The feasible uplifts: Δ in [−R̄, 1 − R̄]. */
  readonly upliftLow: number;
  readonly upliftHigh: number;
  /** Margin per active period of a new customer. */
  readonly newMargin: DecimalValue;
  /** The existing base at t = 1..H under uplift Δ (decimal). */
  existingFlows(delta: DecimalValue, horizon: number): ExistingFlows;
  /** Survival of one new customer at j = 0..H (1 at j = 0: a new customer pays on joining). */
  newSurvival(delta: DecimalValue, horizon: number): readonly DecimalValue[];
  /** Σ_{t>=1} v^t (margin, active) of the existing base over an infinite horizon (d > 0). */
  existingPerpetuity(
    delta: DecimalValue,
    d: DecimalValue,
  ): { margin: DecimalValue; active: DecimalValue };
  /** Σ_{j>=0} v^j S_j of one new customer over an infinite horizon (d > 0). */
  newPerpetuity(delta: DecimalValue, d: DecimalValue): DecimalValue;
  /** Float64: Σ_{t=1..H} v^t (margin, active) of the existing base. */
  existingPvFloat(delta: number, d: number, horizon: number): readonly [number, number];
  /** Float64: survival of one new customer at j = 0..H. */
  newSurvivalFloat(delta: number, horizon: number): Float64Array;
}

/** Builds the kernel of a parsed base. */
export function baseKernel(base: ParsedBase): BaseKernel {
  switch (base.kind) {
    case 'rates':
      return ratesKernel(base);
    case 'sbg':
      return sbgBaseKernel(base);
    case 'customer-values':
      return customerValuesKernel(base);
  }
}

function dec(x: number): DecimalValue {
  return x === 0 ? ZERO : new Dec(x);
}

/** Σ_{t=1..H} q^t = q(1 − q^H)/(1 − q) in float64 (H q^H... for q = 1). */
function geometricSum(q: number, horizon: number): number {
  if (Math.abs(1 - q) < 1e-12) return horizon;
  return (q * (1 - q ** horizon)) / (1 - q);
}

function ratesKernel(base: Extract<ParsedBase, { kind: 'rates' }>): BaseKernel {
  const { customers, margin, retention } = base;
  const customerMargin = customers.times(margin);
  const r = retention.toNumber();
  const n = customers.toNumber();
  const m = margin.toNumber();
  const powers = (q: DecimalValue, from: number, horizon: number): DecimalValue[] => {
    const out: DecimalValue[] = [];
    let p = from === 0 ? ONE : q;
    for (let t = from; t <= horizon; t += 1) {
      out.push(p);
      p = p.times(q);
    }
    return out;
  };
  return {
    kind: 'rates',
    currency: base.currency,
    period: base.period,
    customers: n,
    aggregateRetention: r,
    upliftLow: -r,
    upliftHigh: 1 - r,
    newMargin: margin,
    existingFlows(delta, horizon) {
      const survival = powers(retention.plus(delta), 1, horizon);
      return {
        margin: survival.map((s) => s.times(customerMargin)),
        active: survival.map((s) => s.times(customers)),
      };
    },
    newSurvival: (delta, horizon) => powers(retention.plus(delta), 0, horizon),
    existingPerpetuity(delta, d) {
      const rr = retention.plus(delta);
      const multiple = rr.div(d.plus(1).minus(rr)); // Σ_{t>=1} (r/(1+d))^t
      return { margin: multiple.times(customers).times(margin), active: multiple.times(customers) };
    },
    newPerpetuity(delta, d) {
      const rr = retention.plus(delta);
      return d.plus(1).div(d.plus(1).minus(rr));
    },
    existingPvFloat(delta, d, horizon) {
      const s = geometricSum((r + delta) / (1 + d), horizon);
      return [n * m * s, n * s];
    },
    newSurvivalFloat(delta, horizon) {
      const out = new Float64Array(horizon + 1);
      let p = 1;
      for (let j = 0; j <= horizon; j += 1) {
        out[j] = p;
        p *= r + delta;
      }
      return out;
    },
  };
}

function sbgBaseKernel(base: Extract<ParsedBase, { kind: 'sbg' }>): BaseKernel {
  const kernel = sbgKernel(base.params);
  const retentionAt = (t: number): number => Math.exp(kernel.logRetention(t));
  const classes = base.customersByTenure
    .map((count, k) => ({ count, k }))
    .filter((c) => c.count > 0);
  const customers = classes.reduce((s, c) => s + c.count, 0);
  // R̄ = Σ n_k r_(k+1) / N: a subscriber with k renewals faces renewal k + 1 next.
  const rbar = classes.reduce((s, c) => s + c.count * retentionAt(c.k + 1), 0) / customers;
  const m = base.margin.toNumber();
  const rhoCache = new Map<number, Float64Array>();
  /** ρ_j = S(k + j)/S(k), j = 0..H (cached per k, extended on demand). */
  const rho = (k: number, horizon: number): Float64Array => {
    const cached = rhoCache.get(k);
    if (cached && cached.length > horizon) return cached.subarray(0, horizon + 1);
    const out = new Float64Array(horizon + 1);
    out[0] = 1;
    for (let j = 1; j <= horizon; j += 1) out[j] = out[j - 1]! * retentionAt(k + j);
    rhoCache.set(k, out);
    return out;
  };
  const activeFloat = (delta: number, horizon: number): Float64Array => {
    const scaling = upliftScaling(delta, rbar);
    const total = new Float64Array(horizon + 1);
    for (const { count, k } of classes) {
      const u = scaledSurvival(rho(k, horizon), scaling);
      for (let t = 1; t <= horizon; t += 1) total[t] = total[t]! + count * u[t]!;
    }
    return total;
  };
  const newFloat = (delta: number, horizon: number): Float64Array =>
    scaledSurvival(rho(0, horizon), upliftScaling(delta, rbar));
  const perpetuity = (k: number, scaling: UpliftScaling, d: number): number =>
    perpetuitySum((j) => retentionAt(k + j), scaling, d);
  return {
    kind: 'sbg',
    currency: base.currency,
    period: base.period,
    customers,
    aggregateRetention: rbar,
    upliftLow: -rbar,
    upliftHigh: 1 - rbar,
    newMargin: base.margin,
    existingFlows(delta, horizon) {
      const active = Array.from(activeFloat(delta.toNumber(), horizon).subarray(1), dec);
      return { margin: active.map((a) => a.times(base.margin)), active };
    },
    newSurvival: (delta, horizon) => Array.from(newFloat(delta.toNumber(), horizon), dec),
    existingPerpetuity(delta, d) {
      const scaling = upliftScaling(delta.toNumber(), rbar);
      const dd = d.toNumber();
      let sum = 0;
      for (const { count, k } of classes) sum += count * perpetuity(k, scaling, dd);
      const active = dec(sum);
      return { margin: active.times(base.margin), active };
    },
    newPerpetuity: (delta, d) =>
      dec(1 + perpetuity(0, upliftScaling(delta.toNumber(), rbar), d.toNumber())),
    existingPvFloat(delta, d, horizon) {
      const active = activeFloat(delta, horizon);
      const v = 1 / (1 + d);
      let pv = 0;
      let f = 1;
      for (let t = 1; t <= horizon; t += 1) {
        f *= v;
        pv += f * active[t]!;
      }
      return [m * pv, pv];
    },
    newSurvivalFloat: newFloat,
  };
}

function customerValuesKernel(base: Extract<ParsedBase, { kind: 'customer-values' }>): BaseKernel {
  const { rows } = base;
  const customers = rows.reduce((s, row) => s + row.count, 0);
  const rbar = rows.reduce((s, row) => s + row.count * row.retention, 0) / customers;
  const newR = base.newRetention.toNumber();
  /** Per-period sums of count × margin × r'^t and count × r'^t, t = 1..H. */
  const flowsFloat = (delta: number, horizon: number): [Float64Array, Float64Array] => {
    const scaling = upliftScaling(delta, rbar);
    const margin = new Float64Array(horizon + 1);
    const active = new Float64Array(horizon + 1);
    for (const row of rows) {
      const r = scaledRetention(row.retention, scaling);
      let p = row.count;
      for (let t = 1; t <= horizon; t += 1) {
        p *= r;
        active[t] = active[t]! + p;
        margin[t] = margin[t]! + p * row.margin;
      }
    }
    return [margin, active];
  };
  const newFloat = (delta: number, horizon: number): Float64Array => {
    const r = scaledRetention(newR, upliftScaling(delta, rbar));
    const out = new Float64Array(horizon + 1);
    let p = 1;
    for (let j = 0; j <= horizon; j += 1) {
      out[j] = p;
      p *= r;
    }
    return out;
  };
  const pvFloat = (delta: number, d: number, horizon: number | null): [number, number] => {
    const scaling = upliftScaling(delta, rbar);
    let margin = 0;
    let active = 0;
    for (const row of rows) {
      const q = scaledRetention(row.retention, scaling) / (1 + d);
      const s = horizon === null ? q / (1 - q) : geometricSum(q, horizon);
      active += row.count * s;
      margin += row.count * row.margin * s;
    }
    return [margin, active];
  };
  return {
    kind: 'customer-values',
    currency: base.currency,
    period: base.period,
    customers,
    aggregateRetention: rbar,
    upliftLow: -rbar,
    upliftHigh: 1 - rbar,
    newMargin: base.newMargin,
    existingFlows(delta, horizon) {
      const [margin, active] = flowsFloat(delta.toNumber(), horizon);
      return {
        margin: Array.from(margin.subarray(1), dec),
        active: Array.from(active.subarray(1), dec),
      };
    },
    newSurvival: (delta, horizon) => Array.from(newFloat(delta.toNumber(), horizon), dec),
    existingPerpetuity(delta, d) {
      const [margin, active] = pvFloat(delta.toNumber(), d.toNumber(), null);
      return { margin: dec(margin), active: dec(active) };
    },
    newPerpetuity(delta, d) {
      const r = scaledRetention(newR, upliftScaling(delta.toNumber(), rbar));
      return d.plus(1).div(d.plus(1).minus(dec(r)));
    },
    existingPvFloat: (delta, d, horizon) => pvFloat(delta, d, horizon),
    newSurvivalFloat: newFloat,
  };
}
