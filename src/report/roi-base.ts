/**
 * The bridge from a non-contractual valuation (BG/NBD, Pareto/NBD... with Gamma-Gamma) to the
 * yearly `customer-values` base that retention-versus-acquisition and CX-return calculations take.
 *
 * @internal
 */

import type { TransactionModel } from '../models/types.js';
import { money } from '../money/money.js';
import type { CustomerValue, CustomerValuesBase } from '../roi/base.js';

type AnyParams = Readonly<Record<string, number>>;

/** What the bridge needs, all in float64 currency units and the model's time unit. */
export interface YearlyBaseInput {
  readonly model: TransactionModel<string, AnyParams>;
  readonly params: AnyParams;
  /**
   * Rows: count, expected purchases in the next year (from the model's `score`), expected spend per
   * purchase E(M), residual value (continuous discounting).
   */
  readonly count: ArrayLike<number>;
  readonly expectedPurchasesNextYear: ArrayLike<number>;
  readonly expectedSpend: ArrayLike<number>;
  readonly residualValue: ArrayLike<number>;
  /** Margin as a share of spend. */
  readonly margin: number;
  /** The population mean spend per purchase (for new customers). */
  readonly meanSpend: number;
  /** Effective discount rate per year d, and per model time unit. */
  readonly yearlyRate: number;
  readonly unitRate: number;
  /** Model time units in a year (52.1775 weeks, 365.2425 days, 12 months). */
  readonly unitsPerYear: number;
  readonly currency: string;
}

/** The base, and how many customers the mapping had to adjust. */
export interface YearlyBase {
  readonly base: CustomerValuesBase;
  /** Customers whose next-year margin was raised to d·V (a residual value implying retention above 100%). */
  readonly adjusted: number;
  /** A new customer's value (first purchase included) and first-year margin, currency units. */
  readonly newCustomerValue: number;
  readonly newCustomerMargin: number;
  readonly newCustomerRetention: number;
}

/** Resolution of the equivalent retention rates when customers are merged. */
const RESOLUTION = 1e-3;

const fixed = (x: number) => (Math.abs(x) < 1e-9 ? '0' : x.toFixed(9));

/**
 * Maps each customer to the constant-retention customer of the `customer-values` base.
 *
 * - e (next-year margin) = margin × E(M) × E[purchases in the next year | history].
 * - V (residual value, year-end convention) = V_continuous × δ/d with δ = ln(1 + d): the residual
 *   value of the valuation discounts each purchase when it happens; the base books a year's margins
 *   at the year's end, and for margins spread evenly over a year the two differ by exactly δ/d.
 * - Where V > e/d (a customer whose yearly margins do not fall, e.g. a rare buyer the model expects
 *   to keep buying at the same slow pace) no retention rate explains the pair; e is raised to d·V
 *   (retention 100%) and the customer counted in `adjusted`.
 * - A new customer pays on joining: m = margin × E(M) × (1 + E[repeat purchases in the first year]),
 *   and r solves m(1 + d)/(1 + d − r) = CLV_new = margin × E(M) × (1 + DERT of a new customer).
 */
export function yearlyCustomerValuesBase(input: YearlyBaseInput): YearlyBase {
  const d = input.yearlyRate;
  const toYearEnd = Math.log1p(d) / d;
  const rows = input.count.length;
  // Each customer maps to (r, m): retention 1 + d − e/V and margin while active e/r. Customers with
  // the same r differ only in m, in which every figure of the base is linear, so they are merged
  // exactly into one row with their count-weighted margin; r is first rounded to 1e-3 (on the sample
  // the figures move by less than 0.01%).
  const groups = new Map<number, { count: number; marginSum: number }>();
  let adjusted = 0;
  for (let i = 0; i < rows; i += 1) {
    const count = input.count[i]!;
    const V = input.residualValue[i]! * toYearEnd;
    if (!(count > 0) || !(V > 0)) continue;
    let e = input.margin * input.expectedSpend[i]! * input.expectedPurchasesNextYear[i]!;
    if (e < d * V) {
      e = d * V;
      adjusted += count;
    }
    const r = Math.max(RESOLUTION, Math.round((1 + d - e / V) / RESOLUTION) * RESOLUTION);
    const key = Math.round(r / RESOLUTION);
    const group = groups.get(key) ?? { count: 0, marginSum: 0 };
    group.count += count;
    group.marginSum += (count * e) / (1 + d - e / V);
    groups.set(key, group);
  }
  const customers: CustomerValue[] = [];
  for (const [key, group] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const r = key * RESOLUTION;
    const m = group.marginSum / group.count;
    const e = m * r;
    customers.push({
      residualValue: money(fixed(e / (1 + d - r)), input.currency),
      nextPeriodMargin: money(fixed(e), input.currency),
      count: group.count,
    });
  }
  const newHistory = { frequency: 0, recency: 0, T: 0 };
  const perPurchase = input.margin * input.meanSpend;
  const dertNew = input.model.dert(input.params, newHistory, input.unitRate);
  const newCustomerValue = perPurchase * (1 + dertNew);
  const newCustomerMargin =
    perPurchase * (1 + input.model.expectedPurchasesNewCustomer(input.params, input.unitsPerYear));
  const r = Math.min(1, Math.max(0, (1 + d) * (1 - newCustomerMargin / newCustomerValue)));
  return {
    base: {
      kind: 'customer-values',
      customers,
      valuedAt: fixed(d),
      newCustomer: {
        margin: money(fixed(newCustomerMargin), input.currency),
        retention: fixed(r),
      },
      period: 'year',
    },
    adjusted,
    newCustomerValue,
    newCustomerMargin,
    newCustomerRetention: r,
  };
}
