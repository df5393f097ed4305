/**
 * Customer equity of a base in decimal: the value of today's customers, of the future cohorts the
 * company keeps acquiring, and the acquisition spending that buys them (Gupta, Lehmann & Stuart 2004,
 * REFERENCE.md §6: Σ_k n_k/(1+i)^k Σ_t m r^t/(1+i)^t − Σ_k n_k c_k/(1+i)^k, with constant n and c).
 *
 * @internal
 */
import { fail } from '../core/errors.js';
import type { DecimalValue } from '../money/decimal.js';
import { ONE, ZERO } from '../money/decimal-input.js';
import type { BaseKernel } from './kernel.js';

/** The parts of customer equity at one set of levers. */
export interface EquityParts {
  /** PV of the margins of today's customers, from next period on. */
  readonly existing: DecimalValue;
  /** PV of the margins of the future cohorts (n per period, t = 1, 2, ...). */
  readonly futureGross: DecimalValue;
  /** PV of the acquisition spending on the future cohorts. */
  readonly acquisitionPv: DecimalValue;
  /** PV of one new customer's margins, the first on joining (the break-even acquisition cost). */
  readonly newCustomerValue: DecimalValue;
  /** existing + futureGross − acquisitionPv. */
  readonly equity: DecimalValue;
}

/** The levers customer equity depends on. */
export interface EquityLevers {
  readonly delta: number;
  readonly marginScale: DecimalValue;
  readonly acquisitionCost: DecimalValue;
  readonly newCustomersPerPeriod: DecimalValue;
  readonly discountRate: DecimalValue;
  /** Periods counted, or null for an infinite horizon (needs a discount rate > 0). */
  readonly horizon: number | null;
}

/** Throws `finance/invalid-rate` unless an infinite horizon has a positive discount rate. */
export function checkHorizonRate(
  rate: DecimalValue,
  horizon: number | null,
  fn: string,
  path = 'discountRate',
): void {
  if (horizon === null && !rate.gt(0))
    fail('finance/invalid-rate', fn, `${path} must be positive for an infinite horizon`, {
      expected: 'a discount rate > 0, or a finite horizon',
      received: rate.toString(),
      path: [path],
    });
}

/** Customer equity and its parts. */
export function equityParts(kernel: BaseKernel, levers: EquityLevers): EquityParts {
  const { delta: deltaNumber, marginScale: f, acquisitionCost, newCustomersPerPeriod: n } = levers;
  const d = levers.discountRate;
  const delta = deltaNumber === 0 ? ZERO : ONE.times(deltaNumber);
  let existing: DecimalValue;
  let newCustomerValue: DecimalValue;
  let cohortFactor: DecimalValue; // Σ_τ v^τ × (value of a cohort member acquired at τ, per unit)
  let acquisitionFactor: DecimalValue; // Σ_τ v^τ
  if (levers.horizon === null) {
    existing = kernel.existingPerpetuity(delta, d).margin;
    newCustomerValue = kernel.newMargin.times(kernel.newPerpetuity(delta, d));
    acquisitionFactor = ONE.div(d);
    cohortFactor = newCustomerValue.times(acquisitionFactor);
  } else {
    const H = levers.horizon;
    const v = ONE.div(d.plus(1));
    const discount: DecimalValue[] = [ONE];
    for (let t = 1; t <= H; t += 1) discount.push(discount[t - 1]!.times(v));
    const flows = kernel.existingFlows(delta, H);
    existing = ZERO;
    for (let t = 1; t <= H; t += 1)
      existing = existing.plus(flows.margin[t - 1]!.times(discount[t]!));
    const survival = kernel.newSurvival(delta, H);
    const prefix: DecimalValue[] = [];
    let running = ZERO;
    for (let j = 0; j <= H; j += 1) {
      running = running.plus(survival[j]!.times(discount[j]!));
      prefix.push(running);
    }
    newCustomerValue = kernel.newMargin.times(prefix[H]!);
    let cohorts = ZERO;
    acquisitionFactor = ZERO;
    for (let tau = 1; tau <= H; tau += 1) {
      cohorts = cohorts.plus(discount[tau]!.times(prefix[H - tau]!));
      acquisitionFactor = acquisitionFactor.plus(discount[tau]!);
    }
    cohortFactor = kernel.newMargin.times(cohorts);
  }
  existing = existing.times(f);
  newCustomerValue = newCustomerValue.times(f);
  const futureGross = n.times(f).times(cohortFactor);
  const acquisitionPv = n.times(acquisitionCost).times(acquisitionFactor);
  return {
    existing,
    futureGross,
    acquisitionPv,
    newCustomerValue,
    equity: existing.plus(futureGross).minus(acquisitionPv),
  };
}
