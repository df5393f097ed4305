import type { z } from 'zod';
import type { CalendarTimeUnit } from '../data/calendar.js';
import type { CalendarPeriod } from '../data/cohort-calendar.js';
import type { SubscriptionEvent } from '../data/survival-subscriptions.js';
import type { TransactionLog } from '../data/types.js';
import type { CustomerHistory } from '../models/types.js';
import type { Money } from '../money/money.js';

/** A subscription event log: `{ events }` (contractual: cancellations are observed). */
export interface SubscriptionSource {
  readonly events: readonly SubscriptionEvent[];
}

/** What the ledgers read: a transaction log (non-contractual) or a subscription event log. */
export type LedgerSource = TransactionLog | SubscriptionSource;

/**
 * Non-contractual, observed: a customer is lost once they have gone more than `days` days without a
 * purchase (the loss is dated `days + 1` days after their last purchase); a later purchase is a
 * reactivation. Losses that would fall after the last observed day are not recognised.
 */
export interface InactivityLossRule {
  readonly kind: 'inactivity';
  /** Days without a purchase a customer may go and still be counted (a whole number >= 1). */
  readonly days: number;
}

/** Contractual, observed: a customer is lost on the date of their cancellation. */
export interface CancellationLossRule {
  readonly kind: 'cancellation';
}

/**
 * Non-contractual, expected: no threshold. Each customer counts as P(alive) from a fitted
 * transaction model at every period end; the fall in P(alive) is the expected loss and a rise (a
 * purchase that shows the customer is alive) an expected reactivation. Counts become expected,
 * fractional numbers of customers.
 */
export interface ModelLossRule<
  Params extends Readonly<Record<string, number>> = Readonly<Record<string, number>>,
> {
  readonly kind: 'model';
  /** Any transaction model descriptor (bgNbd, paretoNbd, ...): only `probabilityAlive` is used. */
  readonly model: AliveModel<Params>;
  /** Fitted (or published) parameters, checked with the model's `paramsSchema`. */
  readonly params: Params;
  /** The time unit the params were fitted in: histories are measured in it. */
  readonly timeUnit: CalendarTimeUnit;
}

/** What the model loss rule needs of a transaction model (every `TransactionModel` has it). */
export interface AliveModel<Params> {
  readonly name: string;
  readonly paramsSchema: z.ZodType<Params>;
  probabilityAlive(params: Params, customer: CustomerHistory, futureTime?: number): number;
}

/** The named rule that defines a loss. There is no default: a ledger always says which it used. */
export type LossRule<
  Params extends Readonly<Record<string, number>> = Readonly<Record<string, number>>,
> = InactivityLossRule | CancellationLossRule | ModelLossRule<Params>;

/** The loss rule as a statement records it (JSON-serialisable: the model by name). */
export type LossRuleRecord =
  | InactivityLossRule
  | CancellationLossRule
  | {
      readonly kind: 'model';
      readonly model: string;
      readonly params: Readonly<Record<string, number>>;
      readonly timeUnit: CalendarTimeUnit;
    };

/**
 * The customer count roll-forward of one period: opening + acquired + reactivated − lost = closing.
 * Under an observed rule the figures are whole numbers of customers; under the model rule they are
 * expected numbers (sums of probabilities, each a multiple of 2^-24, so the identity is exact in
 * float64 arithmetic).
 */
export interface CountMovement {
  /** Customers in the base at the end of the previous period (= its closing). */
  readonly opening: number;
  /** Customers whose first purchase (or subscription start) falls in the period. */
  readonly acquired: number;
  /** Returns to the base of customers acquired earlier who had been lost. */
  readonly reactivated: number;
  /** Losses dated in the period (of opening customers and of those gained in the period). */
  readonly lost: number;
  /** Customers in the base at the end of the period (or at the last observed day). */
  readonly closing: number;
  /** closing − (opening + acquired + reactivated − lost): 0 when the statement balances. */
  readonly difference: number;
}

/** Net revenue of the period rolled forward from the previous period's (transaction ledgers). */
export interface RevenueRollForward {
  /** Previous period's net revenue of the customers acquired before this period. */
  readonly previous: Money;
  /** Revenue of the customers acquired in the period. */
  readonly acquired: Money;
  /** Revenue of existing customers who had none in the previous period. */
  readonly reactivated: Money;
  /** Increases of existing customers who had revenue in both periods. */
  readonly expansion: Money;
  /** Decreases of existing customers who had revenue in both periods (a positive amount). */
  readonly contraction: Money;
  /** Previous revenue of existing customers with none this period (a positive amount). */
  readonly churned: Money;
  /** Net revenue of the period (refunds included). */
  readonly current: Money;
  /** current − (previous + acquired + reactivated + expansion − contraction − churned): zero. */
  readonly difference: Money;
  /** (current − acquired) / previous: revenue kept and grown from existing customers. */
  readonly netRevenueRetention: number | null;
  /** (previous − contraction − churned) / previous: revenue kept, expansion not counted. */
  readonly grossRevenueRetention: number | null;
  /** (acquired + reactivated + expansion) / (contraction + churned): revenue gained per revenue lost. */
  readonly quickRatio: number | null;
}

/** One period of a customer ledger series. */
export interface LedgerRow extends CountMovement {
  /** Period label: `2024-W01`, `2024-01`, `2024-Q1` or `2024`. */
  readonly period: string;
  /** First day of the period, `YYYY-MM-DD`. */
  readonly start: string;
  /** The day the closing balance is struck: the period's last day, or the last observed day. */
  readonly end: string;
  /** Whether the period has ended by the last observed day. */
  readonly complete: boolean;
  /** Customers in both the opening and the closing base (memo line). */
  readonly retained: number;
  /** Customer retention rate: retained / opening (null when the opening base is empty). */
  readonly customerRetentionRate: number | null;
  /** Growth quick ratio in customers: (acquired + reactivated) / lost (null when nothing is lost). */
  readonly quickRatio: number | null;
  /** The revenue roll-forward (transaction ledgers), or null (subscription ledgers have no amounts). */
  readonly revenue: RevenueRollForward | null;
}

/** A series of periods: the whole base, one cohort or one group. */
export interface LedgerSeries {
  /** `'total'`, the cohort label (`'2024-01'`) or the group label. */
  readonly name: string;
  /** Customers in the series: all acquired (total), the cohort's size, or the group's size. */
  readonly customers: number;
  readonly rows: readonly LedgerRow[];
  /** The whole statement window: first opening, summed movements, last closing. */
  readonly summary: CountMovement;
}

/** The check totals a statement carries: each is a real comparison of independent computations. */
export interface LedgerChecks {
  /** Every row of every series: closing (counted from spells) = opening + gains − losses (counted from events). */
  readonly balanced: boolean;
  /** Every row's opening is the previous row's closing. */
  readonly continuous: boolean;
  /** Each line of each period, summed over the cohorts, equals the total (accumulated separately). */
  readonly cohortsAddUp: boolean;
  /** The same over the groups of the `by` dimension (null without one). */
  readonly groupsAddUp: boolean | null;
  /** Every revenue roll-forward balances (null for subscription ledgers). */
  readonly revenueBalanced: boolean | null;
  /** All of the above. */
  readonly ok: boolean;
}

/** The output of `customerLedger`: frozen and JSON-serialisable. */
export interface CustomerLedger {
  readonly source: 'transactions' | 'subscriptions';
  /** `'observed'` counts (whole customers) or `'expected'` counts (model rule: sums of P(alive)). */
  readonly basis: 'observed' | 'expected';
  readonly lossRule: LossRuleRecord;
  readonly period: CalendarPeriod;
  /** Weeks are ISO weeks starting on Monday. */
  readonly weekStart: 'monday';
  /** First day of the first reported period. */
  readonly start: string;
  /** Last observed day. */
  readonly end: string;
  /** Currency of the revenue lines (transaction ledgers), or null. */
  readonly currency: string | null;
  readonly total: LedgerSeries;
  /** One series per acquisition cohort (the period of the first purchase or start), oldest first. */
  readonly cohorts: readonly (LedgerSeries & { readonly start: string })[];
  /** The `by` dimension's name and one series per group (sorted by label), or null. */
  readonly dimension: { readonly name: string; readonly groups: readonly LedgerSeries[] } | null;
  /** Transactions that belong to no customer (refunds with no purchase before them). */
  readonly unattributed: { readonly transactions: number; readonly revenue: Money } | null;
  readonly checks: LedgerChecks;
}

export type { CalendarPeriod, CalendarTimeUnit };

/** One revaluation line: the change in closing equity from one assumption's new value. */
export interface RevaluationLine {
  /** The assumption's name (`retention`, `spend`, `margin`, `discountRate`...). */
  readonly assumption: string;
  readonly amount: Money;
}

/**
 * The customer-equity roll-forward of one period (or of the whole statement):
 * opening + acquired + reactivated − lost − marginRealised + unwind + experience + Σ revaluation =
 * closing. Every amount is exact Money in the declared rounding.
 */
export interface EquityMovement {
  /** Residual value of the opening base: the previous period's closing equity. */
  readonly opening: Money;
  /** Value of the customers acquired, at acquisition (their CLV then, first purchase included). */
  readonly acquired: Money;
  /** Value of the customers who came back, at their return. */
  readonly reactivated: Money;
  /** Carrying amount of the customers lost, written off at the loss date (model rule: expected churn). */
  readonly lost: Money;
  /** Margin the customers in the base paid in the period (purchases, renewals): value turned into cash. */
  readonly marginRealised: Money;
  /** Interest at the valuation's discount rate on the carrying amounts: the unwinding of the discount. */
  readonly unwind: Money;
  /**
   * Revaluation for changed behaviour: the closing value under the opening assumptions minus the
   * carrying amount (purchases and silence, survival, tenure).
   */
  readonly experience: Money;
  /** Revaluation for changed assumptions, one line per assumption, in the valuation's order. */
  readonly revaluation: readonly RevaluationLine[];
  /** Residual value of the closing base under the closing assumptions. */
  readonly closing: Money;
  /** closing − (opening + every line): zero when the statement balances. */
  readonly difference: Money;
}

/** One period of an equity ledger series. */
export interface EquityRow extends EquityMovement {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly complete: boolean;
  /** The customer count roll-forward of the same period, rule and series. */
  readonly customers: CountMovement;
}

/** An equity series: the whole base, one cohort or one group. */
export interface EquitySeries {
  readonly name: string;
  readonly customers: number;
  readonly rows: readonly EquityRow[];
  /** The whole statement window: first opening, summed lines, last closing. */
  readonly summary: EquityMovement;
}

/** The assumptions in force in one period: at its opening and (after revisions) at its closing. */
export interface EquityPeriodAssumptions {
  readonly period: string;
  readonly opening: Readonly<Record<string, unknown>>;
  readonly closing: Readonly<Record<string, unknown>>;
  /** The assumptions revised at the end of the period, in revaluation order. */
  readonly revised: readonly string[];
}

/** Acquisition economics of one cohort acquired within the statement. */
export interface CohortAcquisitionEconomics {
  readonly cohort: string;
  /** Customers acquired in the cohort period. */
  readonly customers: number;
  readonly acquisitionCost: Money;
  /** Acquisition cost per customer acquired (CAC), or null when none was acquired. */
  readonly costPerCustomer: Money | null;
  /** The cohort's `acquired` value: its CLV at acquisition, first purchase included. */
  readonly valueAtAcquisition: Money;
  /** valueAtAcquisition per customer, or null. */
  readonly clvAtAcquisition: Money | null;
  /** CLV / CAC = valueAtAcquisition / acquisitionCost, or null when the cost is zero. */
  readonly clvToCac: number | null;
  /** Margin the cohort has realised by the end of the statement (all periods from acquisition). */
  readonly marginToDate: Money;
  /**
   * Periods from the start of the acquisition period until the cohort's cumulative realised margin
   * covers the acquisition cost (linear within the period), or null while it does not.
   */
  readonly paybackPeriods: number | null;
}

/** The check totals of an equity statement. */
export interface EquityChecks {
  /** Every row: closing = opening + lines (each line accumulated separately). */
  readonly balanced: boolean;
  /** Every row's opening is the previous row's closing. */
  readonly continuous: boolean;
  /** Each line of each period summed over the cohorts equals the total. */
  readonly cohortsAddUp: boolean;
  /** The same over the groups (null without a `by` dimension). */
  readonly groupsAddUp: boolean | null;
  /** The customer counts of the rows pass their own checks. */
  readonly customers: boolean;
  readonly ok: boolean;
}

/** The output of `equityLedger`: frozen and JSON-serialisable. */
export interface EquityLedger {
  readonly source: 'transactions' | 'subscriptions';
  readonly basis: 'observed' | 'expected';
  readonly lossRule: LossRuleRecord;
  readonly period: CalendarPeriod;
  readonly weekStart: 'monday';
  readonly start: string;
  readonly end: string;
  readonly currency: string;
  /** The valuation that produced every value: its name, time unit and revaluation order. */
  readonly valuation: {
    readonly name: string;
    readonly timeUnit: CalendarTimeUnit;
    readonly revaluationOrder: readonly string[];
  };
  /** The assumptions of every period. */
  readonly assumptions: readonly EquityPeriodAssumptions[];
  /** The rounding declared once: every customer's value, interest accrual and margin is rounded so. */
  readonly rounding: { readonly decimalPlaces: number; readonly mode: string };
  readonly total: EquitySeries;
  readonly cohorts: readonly (EquitySeries & { readonly start: string })[];
  readonly dimension: { readonly name: string; readonly groups: readonly EquitySeries[] } | null;
  /** Per cohort with a stated acquisition cost, or null when no costs were given. */
  readonly acquisition: readonly CohortAcquisitionEconomics[] | null;
  readonly checks: EquityChecks;
}
