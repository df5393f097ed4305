import type { z } from 'zod';
import type { CalendarTimeUnit } from '../data/calendar.js';

/**
 * A customer as a valuation sees them at the end of a day: what has happened up to and including
 * that day. Days are day numbers (days since 1970-01-01). The ledger reuses one object per call for
 * speed: read it during the call, copy what you keep.
 */
export interface CustomerState {
  readonly customerId: string;
  /** The valuation day (the state includes everything dated on or before it). */
  readonly day: number;
  /** The first purchase (transactions) or subscription start (subscriptions). */
  readonly acquisitionDay: number;
  /** The start of the current spell in the base: the acquisition or the latest reactivation. */
  readonly spellStartDay: number;
  /** The latest purchase day (transactions), or the latest payment (subscriptions: start, renewal). */
  readonly lastPurchaseDay: number;
  /**
   * Transactions: purchase days after the first (x, the models' frequency; several purchases on one
   * day are one). Subscriptions: renewals paid in the current spell.
   */
  readonly repeatPurchases: number;
  /** Transactions: net amount of those repeat purchase days, in currency units. Subscriptions: 0. */
  readonly repeatSpend: number;
}

/** A valuation with its assumptions fixed: what the ledger calls for every customer. */
export interface BoundValuation {
  /** The currency of the values when the assumptions fix it (a margin in Money), else null. */
  readonly currency: string | null;
  /** Effective discount rate per time unit of the valuation: interest accrues at it. */
  readonly discountRate: number;
  /**
   * Residual value of the customer at `state.day`: the present value, at that day, of the margins
   * expected after it, in currency units (unrounded; the ledger rounds once, as declared).
   */
  value(state: CustomerState): number;
  /**
   * The margin of a payment: a purchase of `amount` (transactions, currency units), or one contract
   * period's payment (subscriptions; `amount` is 0).
   */
  margin(amount: number): number;
  /**
   * What the model expects between `state.day` and `toDay` (exclusive, inclusive): repeat purchases
   * (transactions) or the probability of cancelling (subscriptions), with its variance.
   */
  expectation(
    state: CustomerState,
    toDay: number,
  ): { readonly mean: number; readonly variance: number };
}

/**
 * A pluggable customer valuation: a function from (customer state at a date, assumptions) to
 * residual value, with named assumptions that the equity ledger revalues one at a time, in
 * `revaluationOrder`. Ready adapters: `transactionValuation` (a transaction model with spend and
 * margin: CLV = margin × E(M) × DERT, Fader, Hardie & Lee 2005 eq. 1), `contractualValuation` (an
 * sBG-type model: margin × DERL) and `retentionValuation` (a constant retention rate).
 */
export interface CustomerValuation<A extends Readonly<Record<string, unknown>>> {
  /** A name for the statement, e.g. `'bg-nbd × gamma-gamma'`. */
  readonly name: string;
  /** The source it values: transaction logs or subscription logs. */
  readonly source: 'transactions' | 'subscriptions';
  /** The time unit of its rates (discount rate, model params); for subscriptions, the contract period. */
  readonly timeUnit: CalendarTimeUnit;
  readonly assumptionsSchema: z.ZodType<A>;
  /** The order in which assumption changes are attributed to revaluation lines (every key of A). */
  readonly revaluationOrder: readonly (keyof A & string)[];
  /**
   * The customer's clock at `day`, in `timeUnit`: interest accrues on it. Transactions: time since
   * acquisition; subscriptions: time since the spell started, in contract periods, exactly k at the
   * spell's k-th renewal (the ledger uses k there without calling `clock`).
   */
  clock(state: CustomerState, day: number): number;
  /** Fixes the assumptions (validated with `assumptionsSchema` by the ledger). */
  bind(assumptions: A): BoundValuation;
}
