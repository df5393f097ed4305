import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import { currencyMinorUnits, isCurrencyCode } from '../money/currencies.js';
import {
  type CalendarPeriod,
  dayFromIsoDate,
  isoDateFromDay,
  periodEndDay,
  periodIndex,
  periodLabel,
  periodStartDay,
} from './cohort-calendar.js';
import { CalendarPeriodSchema, checkTransactionLog, IsoDateSchema } from './cohort-input.js';
import { type RevenueRetention, revenueRetention } from './cohort-revenue-retention.js';
import { divideHalfEven, formatUnits, toUnits } from './cohort-units.js';
import type { Transaction, TransactionLog } from './types.js';

/** Options of {@link cohortTable}. */
export interface CohortTableOptions {
  /** The calendar period that groups customers by first purchase. Default `'month'`. */
  readonly cohortBy?: CalendarPeriod;
  /** The calendar period in which ages (periods since acquisition) are counted. Default: `cohortBy`. */
  readonly period?: CalendarPeriod;
  /**
   * Last observed day `YYYY-MM-DD` (inclusive). Default: the latest transaction date. No transaction
   * may fall after it.
   */
  readonly end?: string;
}

/** One cell of a cohort table: one cohort at one age (periods since each customer's acquisition). */
export interface CohortCell {
  /** Periods since acquisition: 0 is the period of the customer's first purchase. */
  readonly age: number;
  /** Customers of the cohort with at least one purchase (amount >= 0) at this age. */
  readonly activeCustomers: number;
  /** Active customers at their first period (all active customers at age 0, none later). */
  readonly newCustomers: number;
  /** Active customers who were acquired in an earlier period (all active customers at age > 0). */
  readonly returningCustomers: number;
  /** Distinct orders: distinct `orderId`s among the purchases; a purchase without one is one order. */
  readonly orders: number;
  /** Net revenue at this age: the exact sum of all amounts, refunds (negative amounts) included. */
  readonly revenue: string;
  /** Net revenue from age 0 to this age inclusive. */
  readonly cumulativeRevenue: string;
  /** `cumulativeRevenue / size`, rounded half-even to 4 more decimal places than `revenue` has. */
  readonly cumulativeRevenuePerCustomer: string;
  /** Customers of the cohort whose period at this age has started by `end`. */
  readonly customersObserved: number;
  /** Whether this age's period has ended by `end` for every customer of the cohort. */
  readonly complete: boolean;
}

/** One acquisition cohort: its customers and their activity at each age. */
export interface CohortRow {
  /** Label of the cohort period: `2024-W01`, `2024-01`, `2024-Q1` or `2024`. */
  readonly cohort: string;
  /** First day of the cohort period, `YYYY-MM-DD` (a Monday for weekly cohorts). */
  readonly start: string;
  /** Number of customers whose first purchase falls in the cohort period. */
  readonly size: number;
  /** One cell per age, from 0 to the oldest age any of the cohort's customers reaches by `end`. */
  readonly cells: readonly CohortCell[];
  /** This cohort's row of the retention matrix: `activeCustomers / size` at each age. */
  readonly retention: readonly number[];
  /** Net and gross revenue retention at each age (see {@link RevenueRetention}). */
  readonly revenueRetention: RevenueRetention;
}

/** One cohort's series in the layer-cake (C3) chart: its revenue and actives per calendar period. */
export interface LayerCakeSeries {
  readonly cohort: string;
  /** Net revenue of the cohort's customers in each calendar period of `LayerCake.periods`. */
  readonly revenue: readonly string[];
  /** Active customers of the cohort in each calendar period. */
  readonly activeCustomers: readonly number[];
}

/** All customers in one calendar period, split into new and returning. */
export interface CalendarPeriodTotals {
  readonly period: string;
  readonly start: string;
  readonly activeCustomers: number;
  /** Customers whose first purchase falls in this period. */
  readonly newCustomers: number;
  /** Active customers acquired in an earlier period. */
  readonly returningCustomers: number;
  readonly orders: number;
  readonly revenue: string;
}

/**
 * The layer cake (customer cohort chart, "C3"): revenue by acquisition cohort over calendar time,
 * one series per cohort, stacked in cohort order. A cohort's series is zero before it is acquired.
 */
export interface LayerCake {
  /** Calendar period labels (in `period` units) from the earliest acquisition to `end`. */
  readonly periods: readonly string[];
  readonly series: readonly LayerCakeSeries[];
  /** Totals per calendar period, with new versus returning customers. */
  readonly totals: readonly CalendarPeriodTotals[];
}

/** The output of {@link cohortTable}: frozen, JSON-serialisable, amounts as exact decimal strings. */
export interface CohortTable {
  readonly cohortBy: CalendarPeriod;
  readonly period: CalendarPeriod;
  /** Weeks are ISO weeks, starting on Monday. */
  readonly weekStart: 'monday';
  /** Currency of every amount in the table (the log's). */
  readonly currency: string;
  /** Earliest transaction date. */
  readonly start: string;
  /** Last observed day. */
  readonly end: string;
  readonly cohorts: readonly CohortRow[];
  readonly layerCake: LayerCake;
  /** The whole log: customers with a purchase, transactions, distinct orders, net revenue. */
  readonly totals: {
    readonly customers: number;
    readonly transactions: number;
    readonly orders: number;
    readonly revenue: string;
  };
  /**
   * Refunds that belong to no cohort: from customers with no purchase in the log, or dated in a
   * period before the customer's first purchase. Their revenue is in `totals` but in no cell.
   */
  readonly unattributed: { readonly transactions: number; readonly revenue: string };
}

const OptionsSchema = z
  .object({
    cohortBy: CalendarPeriodSchema.optional(),
    period: CalendarPeriodSchema.optional(),
    end: IsoDateSchema.optional(),
  })
  .strict();

const FN = 'cohortTable';
/** Extra decimal places of `cumulativeRevenuePerCustomer` beyond the revenue's. */
const PER_CUSTOMER_EXTRA_DIGITS = 4;
const PER_CUSTOMER_FACTOR = 10n ** BigInt(PER_CUSTOMER_EXTRA_DIGITS);

interface CustomerState {
  readonly cohortIndex: number;
  /** Index (in `period` units) of the acquisition period. */
  readonly acquisition: number;
  /** Net revenue by age, in units of 10^-scale. */
  readonly revenueByAge: Map<number, bigint>;
  /** Ages with at least one purchase. */
  readonly activeAges: Set<number>;
}

interface CellAccumulator {
  revenue: bigint;
  readonly orders: OrderCounter;
  active: number;
}

interface CohortAccumulator {
  readonly index: number;
  readonly customers: CustomerState[];
  minAcquisition: number;
  maxAcquisition: number;
  readonly cells: Map<number, CellAccumulator>;
  /** Revenue and actives by calendar period index. */
  readonly calendarRevenue: Map<number, bigint>;
  readonly calendarActive: Map<number, number>;
}

function isPurchase(t: Transaction): boolean {
  return !t.amount.isNegative() || t.amount.isZero();
}

/** Counts distinct orders: distinct order ids, plus one per purchase without an id. */
class OrderCounter {
  private ids: Set<string> | undefined;
  private anonymous = 0;

  add(orderId: string | undefined): void {
    if (orderId === undefined) this.anonymous += 1;
    else (this.ids ??= new Set()).add(orderId);
  }

  get size(): number {
    return this.anonymous + (this.ids?.size ?? 0);
  }
}

function addTo<K>(map: Map<K, bigint>, key: K, amount: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + amount);
}

function counterOf<K>(map: Map<K, OrderCounter>, key: K): OrderCounter {
  let counter = map.get(key);
  if (counter === undefined) {
    counter = new OrderCounter();
    map.set(key, counter);
  }
  return counter;
}

/**
 * Builds the acquisition-cohort table of a transaction log: for each cohort (the calendar period of
 * a customer's first purchase) and each age (periods since that customer's acquisition period, 0, 1,
 * 2, ...), the active customers, new versus returning customers, distinct orders, net revenue and
 * its running totals, the retention matrix (active / cohort size), net and gross revenue retention,
 * and the layer-cake (C3) series of revenue by cohort over calendar time.
 *
 * Conventions, stated once (docs/guide/cohorts.md has the worked example):
 * - A purchase is a transaction with amount >= 0 (zero-value purchases included); a refund has a
 *   negative amount. Purchases define acquisition and activity; revenue is net of refunds.
 * - Ages are counted in calendar periods: a customer acquired on 31 January who buys on 1 February is
 *   active at age 1 of monthly periods. Each customer's age counts from their own acquisition
 *   period, so age 0 is always the first-purchase period (active at age 0 = cohort size), also when
 *   `cohortBy` is coarser than `period`.
 * - Weeks are ISO weeks and start on Monday; labels are `2024-W01`, `2024-01`, `2024-Q1`, `2024`.
 * - Cells at ages whose period has not ended by `end` are flagged `complete: false`: their counts are
 *   partial, and retention there is understated. `customersObserved` says how many of the cohort's
 *   customers had reached the age.
 * - Revenue strings are exact sums (decimal.js at 40 significant digits), written with the
 *   currency's minor units (ISO 4217, e.g. `12.50` for USD) or more if an amount in the log has more
 *   decimal places, so no digit is ever rounded away. Ratios are numbers.
 *
 * Sources: the layer-cake chart is the customer cohort chart of McCarthy & Fader (2018), "Customer-Based
 * Corporate Valuation for Publicly Traded Non-Subscription Firms", *Journal of Marketing Research*
 * 55(5), and Fader & McCarthy's "C3" charts; NRR and GRR follow the usual subscription-finance
 * definitions, applied to cohorts (see {@link RevenueRetention}).
 *
 * @param log a parsed transaction log (amounts are decimals; see `TransactionLog`).
 * @param options `cohortBy` and `period` (`'week' | 'month' | 'quarter' | 'year'`), `end`.
 * @returns a frozen {@link CohortTable}.
 * @throws CustomerAssetError `input/invalid` for a malformed log or options (naming the row and
 *   field), `input/empty` when the log has no purchases.
 *
 * @example
 * ```ts
 * import { cohortTable, parseTransactions } from 'customer-asset';
 *
 * const log = parseTransactions(
 *   [
 *     { customerId: 'a', date: '2024-01-05', amount: '10.00' },
 *     { customerId: 'a', date: '2024-02-03', amount: '20.00' },
 *     { customerId: 'b', date: '2024-01-10', amount: '30.00' },
 *     { customerId: 'c', date: '2024-02-14', amount: '50.00' },
 *   ],
 *   { currency: 'USD' },
 * );
 * const table = cohortTable(log, { cohortBy: 'month', period: 'month' });
 * console.log(table.cohorts[0]?.retention); // [1, 0.5]
 * console.log(table.layerCake.series.map((s) => s.revenue)); // [['40.00', '20.00'], ['0.00', '50.00']]
 * ```
 */
export function cohortTable(log: TransactionLog, options: CohortTableOptions = {}): CohortTable {
  const checked = checkTransactionLog(log, FN);
  const opts = parseInput(OptionsSchema, options, FN, 'options');
  const cohortBy = opts.cohortBy ?? 'month';
  const period = opts.period ?? cohortBy;
  return deepFreeze(buildCohortTable(checked, cohortBy, period, opts.end));
}

/** {@link cohortTable} returning a {@link Safe} result instead of throwing. */
export function safeCohortTable(
  log: TransactionLog,
  options: CohortTableOptions = {},
): Safe<CohortTable> {
  return toSafe(() => cohortTable(log, options));
}

function buildCohortTable(
  log: TransactionLog,
  cohortBy: CalendarPeriod,
  period: CalendarPeriod,
  endOption: string | undefined,
): CohortTable {
  const txs = log.transactions;
  if (txs.length === 0)
    fail('input/empty', FN, 'the log has no transactions', {
      expected: 'at least one purchase',
      received: txs,
    });

  // Pass 1: first purchase day per customer, observation bounds, display scale.
  const firstDay = new Map<string, number>();
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  let scale = isCurrencyCode(log.currency) ? currencyMinorUnits(log.currency) : 0;
  for (const t of txs) {
    minDay = Math.min(minDay, t.day);
    maxDay = Math.max(maxDay, t.day);
    scale = Math.max(scale, t.amount.decimalPlaces());
    if (!isPurchase(t)) continue;
    const seen = firstDay.get(t.customerId);
    if (seen === undefined || t.day < seen) firstDay.set(t.customerId, t.day);
  }
  if (firstDay.size === 0)
    fail('input/empty', FN, 'the log has no purchases (only refunds)', {
      expected: 'at least one transaction with amount >= 0',
      received: `${txs.length} refunds`,
    });
  const endDay = endOption === undefined ? maxDay : dayFromIsoDate(endOption)!;
  if (maxDay > endDay)
    fail('input/invalid', FN, 'a transaction falls after options.end', {
      path: ['end'],
      expected: `an end on or after ${isoDateFromDay(maxDay)}`,
      received: endOption,
    });
  const endPeriod = periodIndex(endDay, period);
  const lastComplete = periodEndDay(endPeriod, period) === endDay ? endPeriod : endPeriod - 1;

  // Customers and cohorts.
  const customers = new Map<string, CustomerState>();
  const cohorts = new Map<number, CohortAccumulator>();
  for (const [customerId, day] of firstDay) {
    const cohortIndex = periodIndex(day, cohortBy);
    const acquisition = periodIndex(day, period);
    const state: CustomerState = {
      cohortIndex,
      acquisition,
      revenueByAge: new Map(),
      activeAges: new Set(),
    };
    customers.set(customerId, state);
    let cohort = cohorts.get(cohortIndex);
    if (cohort === undefined) {
      cohort = {
        index: cohortIndex,
        customers: [],
        minAcquisition: acquisition,
        maxAcquisition: acquisition,
        cells: new Map(),
        calendarRevenue: new Map(),
        calendarActive: new Map(),
      };
      cohorts.set(cohortIndex, cohort);
    }
    cohort.customers.push(state);
    cohort.minAcquisition = Math.min(cohort.minAcquisition, acquisition);
    cohort.maxAcquisition = Math.max(cohort.maxAcquisition, acquisition);
  }

  // Pass 2: attribute each transaction to (cohort, age) and to its calendar period.
  let totalRevenue = 0n;
  let unattributedRevenue = 0n;
  let unattributedCount = 0;
  const allOrders = new OrderCounter();
  const calendarOrders = new Map<number, OrderCounter>();
  const calendarRevenue = new Map<number, bigint>();
  for (const t of txs) {
    const amount = toUnits(t.amount, scale);
    totalRevenue += amount;
    const customer = customers.get(t.customerId);
    const calendar = periodIndex(t.day, period);
    const age = customer === undefined ? -1 : calendar - customer.acquisition;
    if (customer === undefined || age < 0) {
      unattributedRevenue += amount;
      unattributedCount += 1;
      continue;
    }
    const cohort = cohorts.get(customer.cohortIndex)!;
    let cell = cohort.cells.get(age);
    if (cell === undefined) {
      cell = { revenue: 0n, orders: new OrderCounter(), active: 0 };
      cohort.cells.set(age, cell);
    }
    cell.revenue += amount;
    addTo(customer.revenueByAge, age, amount);
    addTo(cohort.calendarRevenue, calendar, amount);
    addTo(calendarRevenue, calendar, amount);
    if (isPurchase(t)) {
      cell.orders.add(t.orderId);
      allOrders.add(t.orderId);
      counterOf(calendarOrders, calendar).add(t.orderId);
      customer.activeAges.add(age);
    }
  }

  // Active customers per cell and per calendar period (new vs returning).
  const calendarActive = new Map<number, number>();
  const calendarNew = new Map<number, number>();
  const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const cohort of cohorts.values()) {
    for (const customer of cohort.customers) {
      for (const age of customer.activeAges) {
        cohort.cells.get(age)!.active += 1;
        const calendar = customer.acquisition + age;
        bump(cohort.calendarActive, calendar);
        bump(calendarActive, calendar);
        if (age === 0) bump(calendarNew, calendar);
      }
    }
  }

  const money = (units: bigint) => formatUnits(units, scale);
  const ordered = [...cohorts.values()].sort((x, y) => x.index - y.index);
  const rows = ordered.map((cohort) =>
    buildRow(cohort, cohortBy, endPeriod, lastComplete, scale, money),
  );

  // Layer cake over calendar periods from the earliest acquisition to the end.
  const firstPeriod = Math.min(...ordered.map((c) => c.minAcquisition));
  const calendarIndices: number[] = [];
  for (let p = firstPeriod; p <= endPeriod; p += 1) calendarIndices.push(p);
  const layerCake: LayerCake = {
    periods: calendarIndices.map((p) => periodLabel(p, period)),
    series: ordered.map((cohort) => ({
      cohort: periodLabel(cohort.index, cohortBy),
      revenue: calendarIndices.map((p) => money(cohort.calendarRevenue.get(p) ?? 0n)),
      activeCustomers: calendarIndices.map((p) => cohort.calendarActive.get(p) ?? 0),
    })),
    totals: calendarIndices.map((p) => {
      const active = calendarActive.get(p) ?? 0;
      const fresh = calendarNew.get(p) ?? 0;
      return {
        period: periodLabel(p, period),
        start: isoDateFromDay(periodStartDay(p, period)),
        activeCustomers: active,
        newCustomers: fresh,
        returningCustomers: active - fresh,
        orders: calendarOrders.get(p)?.size ?? 0,
        revenue: money(calendarRevenue.get(p) ?? 0n),
      };
    }),
  };

  return {
    cohortBy,
    period,
    weekStart: 'monday',
    currency: log.currency,
    start: isoDateFromDay(minDay),
    end: isoDateFromDay(endDay),
    cohorts: rows,
    layerCake,
    totals: {
      customers: customers.size,
      transactions: txs.length,
      orders: allOrders.size,
      revenue: money(totalRevenue),
    },
    unattributed: { transactions: unattributedCount, revenue: money(unattributedRevenue) },
  };
}

function buildRow(
  cohort: CohortAccumulator,
  cohortBy: CalendarPeriod,
  endPeriod: number,
  lastComplete: number,
  scale: number,
  money: (units: bigint) => string,
): CohortRow {
  const size = cohort.customers.length;
  const maxAge = endPeriod - cohort.minAcquisition;
  // Customers acquired in or before each period index (acquisitions span a few indices at most).
  const acquiredIn = new Map<number, number>();
  for (const c of cohort.customers)
    acquiredIn.set(c.acquisition, (acquiredIn.get(c.acquisition) ?? 0) + 1);
  const acquiredBy = (index: number) => {
    let count = 0;
    for (const [acquisition, n] of acquiredIn) if (acquisition <= index) count += n;
    return count;
  };
  const cells: CohortCell[] = [];
  const revenues: bigint[] = [];
  let cumulative = 0n;
  for (let age = 0; age <= maxAge; age += 1) {
    const cell = cohort.cells.get(age);
    const revenue = cell?.revenue ?? 0n;
    const active = cell?.active ?? 0;
    cumulative += revenue;
    revenues.push(revenue);
    const observed = acquiredBy(endPeriod - age);
    cells.push({
      age,
      activeCustomers: active,
      newCustomers: age === 0 ? active : 0,
      returningCustomers: age === 0 ? 0 : active,
      orders: cell?.orders.size ?? 0,
      revenue: money(revenue),
      cumulativeRevenue: money(cumulative),
      cumulativeRevenuePerCustomer: formatUnits(
        divideHalfEven(cumulative * PER_CUSTOMER_FACTOR, BigInt(size)),
        scale + PER_CUSTOMER_EXTRA_DIGITS,
      ),
      customersObserved: observed,
      complete: cohort.maxAcquisition + age <= lastComplete,
    });
  }
  return {
    cohort: periodLabel(cohort.index, cohortBy),
    start: isoDateFromDay(periodStartDay(cohort.index, cohortBy)),
    size,
    cells,
    retention: cells.map((c) => c.activeCustomers / size),
    revenueRetention: revenueRetention(
      revenues,
      cohort.customers.map((c) => c.revenueByAge),
    ),
  };
}
