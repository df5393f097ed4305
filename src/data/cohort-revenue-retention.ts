import { unitsRatio } from './cohort-units.js';

/**
 * Net and gross revenue retention of one cohort at each age k (periods since acquisition), against
 * the acquisition period (age 0) or against the previous age (k − 1). With r_{i,k} the net revenue of
 * customer i at age k and B the base age (0, or k − 1):
 *
 * - net revenue retention    NRR_k = Σ_i r_{i,k} / Σ_i r_{i,B}
 *   (expansion counts: NRR can exceed 1);
 * - gross revenue retention  GRR_k = Σ_i min(max(r_{i,k}, 0), max(r_{i,B}, 0)) / Σ_i r_{i,B}
 *   (each customer's revenue is capped at their own base revenue, so expansion and new money never
 *   count, and GRR <= 1 when no refunds are involved).
 *
 * These are the subscription-finance definitions (NRR = (start + expansion − contraction − churn) /
 * start; GRR the same without expansion) applied to the customers of a cohort. A ratio is `null` when
 * its base revenue is not positive (no revenue to retain), and the "previous" ratios are `null` at
 * age 0. Ratios are binary floats computed from exact decimal sums.
 */
export interface RevenueRetention {
  /** NRR against the acquisition period: `revenue(k) / revenue(0)`; 1 at age 0. */
  readonly netVsAcquisition: readonly (number | null)[];
  /** GRR against the acquisition period; 1 at age 0 when no refunds are involved. */
  readonly grossVsAcquisition: readonly (number | null)[];
  /** NRR period over period: `revenue(k) / revenue(k − 1)`; `null` at age 0. */
  readonly netVsPrevious: readonly (number | null)[];
  /** GRR period over period; `null` at age 0. */
  readonly grossVsPrevious: readonly (number | null)[];
}

function ratio(numerator: bigint, denominator: bigint): number | null {
  return denominator > 0n ? unitsRatio(numerator, denominator) : null;
}

function min(x: bigint, y: bigint): bigint {
  return x < y ? x : y;
}

/**
 * Computes {@link RevenueRetention} from the cohort's net revenue at each age and each customer's
 * net revenue by age (sparse maps: a missing age is zero revenue), all in integer minor units.
 *
 * @internal
 */
export function revenueRetention(
  revenues: readonly bigint[],
  customers: readonly ReadonlyMap<number, bigint>[],
): RevenueRetention {
  const grossBase = revenues.map(() => 0n);
  const grossPrevious = revenues.map(() => 0n);
  for (const byAge of customers) {
    const base = byAge.get(0) ?? 0n;
    for (const [age, revenue] of byAge) {
      if (revenue <= 0n || age >= revenues.length) continue;
      if (base > 0n) grossBase[age]! += min(revenue, base);
      const previous = byAge.get(age - 1) ?? 0n;
      if (previous > 0n) grossPrevious[age]! += min(revenue, previous);
    }
  }
  const first = revenues[0] ?? 0n;
  return {
    netVsAcquisition: revenues.map((r) => ratio(r, first)),
    grossVsAcquisition: grossBase.map((g) => ratio(g, first)),
    netVsPrevious: revenues.map((r, k) => (k === 0 ? null : ratio(r, revenues[k - 1]!))),
    grossVsPrevious: grossPrevious.map((g, k) => (k === 0 ? null : ratio(g, revenues[k - 1]!))),
  };
}
