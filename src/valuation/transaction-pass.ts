/**
 * Discounted expected transactions per customer from any transaction model, through its vectorised
 * `score`: DERT for an infinite horizon, or the discounted sum of the expected transactions of each
 * period of a finite horizon.
 */

import type { TransactionModel, TransactionSummaryInput } from '../models/types.js';
import type { PaymentTiming } from '../money/discounting.js';

/** How the expected transactions are discounted. */
export type ValuationPlan =
  | {
      readonly kind: 'infinite';
      /** Effective discount rate per model time unit. */
      readonly discountRate: number;
    }
  | {
      readonly kind: 'finite';
      readonly discountRate: number;
      /** Period boundaries t_0 = 0 < t_1 < ... < t_N = horizon, in model time units. */
      readonly boundaries: Float64Array;
      /** Discount factor of period k (k = 1..N) at index k − 1. */
      readonly factors: Float64Array;
      readonly timing: PaymentTiming;
    };

/**
 * Builds a finite plan: periods of length `period` up to `horizon` (the last one shorter when the
 * horizon is not a whole number of periods), each discounted at (1+d)^−τ with τ its end, middle or
 * start (`timing`).
 */
export function finitePlan(
  horizon: number,
  period: number,
  discountRate: number,
  timing: PaymentTiming,
): ValuationPlan {
  const whole = horizon / period;
  const count = horizon === 0 ? 0 : Math.max(1, Math.ceil(whole - 1e-9));
  const boundaries = new Float64Array(count + 1);
  for (let k = 1; k <= count; k += 1) boundaries[k] = k === count ? horizon : k * period;
  const logRate = Math.log1p(discountRate);
  const factors = new Float64Array(count);
  for (let k = 1; k <= count; k += 1) {
    const start = boundaries[k - 1]!;
    const end = boundaries[k]!;
    const tau = timing === 'end' ? end : timing === 'mid' ? (start + end) / 2 : start;
    factors[k - 1] = Math.exp(-tau * logRate);
  }
  return { kind: 'finite', discountRate, boundaries, factors, timing };
}

/** What one pass over the customers gives. */
export interface TransactionPass {
  readonly probabilityAlive: Float64Array;
  /** Σ_k v_k ΔE_k (finite) or DERT (infinite). */
  readonly discounted: Float64Array;
  /** E[Y(horizon)] (finite horizon only). */
  readonly expected: Float64Array | null;
  /** Per period k: Σ_i w_i ΔE_ik (finite horizon with weights). */
  readonly periodTransactions: Float64Array | null;
  /** Per period k: Σ_i w_i s_i ΔE_ik, s the spend weights (finite horizon with weights). */
  readonly periodRevenue: Float64Array | null;
}

/**
 * One pass: DERT from `score` with the discount rate (infinite), or `score` at every boundary
 * (finite, N calls), differencing E[Y(t_k)] − E[Y(t_{k−1})]. With `weights` (customer counts and
 * spend per transaction) the per-period totals of the base are accumulated too.
 */
export function transactionPass<Params extends Readonly<Record<string, number>>>(
  model: TransactionModel<string, Params>,
  params: Params,
  summary: TransactionSummaryInput,
  plan: ValuationPlan,
  weights?: { readonly count: Float64Array; readonly spend: Float64Array },
): TransactionPass {
  if (plan.kind === 'infinite') {
    const scores = model.score(params, summary, { horizon: 0, discountRate: plan.discountRate });
    return {
      probabilityAlive: scores.probabilityAlive,
      discounted: scores.dert!,
      expected: null,
      periodTransactions: null,
      periodRevenue: null,
    };
  }
  const { boundaries, factors } = plan;
  const periods = factors.length;
  let previous: Float64Array | null = null;
  let alive: Float64Array | null = null;
  let discounted: Float64Array | null = null;
  const periodTransactions = weights === undefined ? null : new Float64Array(periods);
  const periodRevenue = weights === undefined ? null : new Float64Array(periods);
  if (periods === 0) {
    const scores = model.score(params, summary, { horizon: 0 });
    const size = scores.size;
    return {
      probabilityAlive: scores.probabilityAlive,
      discounted: new Float64Array(size),
      expected: new Float64Array(size),
      periodTransactions,
      periodRevenue,
    };
  }
  for (let k = 1; k <= periods; k += 1) {
    const scores = model.score(params, summary, { horizon: boundaries[k]! });
    const current = scores.expectedPurchases;
    const size = current.length;
    if (discounted === null) {
      discounted = new Float64Array(size);
      alive = scores.probabilityAlive;
    }
    const v = factors[k - 1]!;
    let transactions = 0;
    let revenue = 0;
    for (let i = 0; i < size; i += 1) {
      // E[Y(t)] is non-decreasing in t; clamp float noise so no period has negative purchases.
      const delta = Math.max(0, current[i]! - (previous === null ? 0 : previous[i]!));
      discounted[i] = discounted[i]! + v * delta;
      if (weights !== undefined) {
        const w = weights.count[i]! * delta;
        transactions += w;
        revenue += w * weights.spend[i]!;
      }
    }
    if (periodTransactions !== null && periodRevenue !== null) {
      periodTransactions[k - 1] = transactions;
      periodRevenue[k - 1] = revenue;
    }
    previous = current;
  }
  return {
    probabilityAlive: alive!,
    discounted: discounted!,
    expected: previous,
    periodTransactions,
    periodRevenue,
  };
}
