import { z } from 'zod';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import type { CalendarPeriod } from '../data/cohort-calendar.js';
import { expectedCounts, observedCounts } from './count-engine.js';
import { countStatement } from './count-statement.js';
import type { LedgerDimension } from './dimension.js';
import { LedgerShape, prepareLedger } from './prepare.js';
import { revenueGrids } from './revenue-engine.js';
import type { CustomerLedger, LedgerSource, LossRule } from './types.js';

/** Options of {@link customerLedger}. */
export interface CustomerLedgerOptions<
  Params extends Readonly<Record<string, number>> = Readonly<Record<string, number>>,
> {
  /** The reporting period: `'week'` (ISO, Monday), `'month'`, `'quarter'` or `'year'`. */
  readonly period: CalendarPeriod;
  /** The named rule that defines a loss (no default). */
  readonly lossRule: LossRule<Params>;
  /** A dimension to split the ledger by (acquisition channel or segment, or any named grouping). */
  readonly by?: LedgerDimension;
  /**
   * A date `YYYY-MM-DD` in the first period to report. Default: the period of the first acquisition.
   * Customers acquired before it are in the first period's opening base.
   */
  readonly start?: string;
  /** Last observed day `YYYY-MM-DD` (inclusive). Default: the latest date in the source. */
  readonly end?: string;
}

const OptionsSchema = z.object(LedgerShape).strict();

const FN = 'customerLedger';

/**
 * The customer count roll-forward: for each period, opening customers + acquired + reactivated −
 * lost = closing, for the whole base, for each acquisition cohort and for each group of the `by`
 * dimension, with the customer retention rate, the growth quick ratio and (for a transaction log)
 * the revenue roll-forward with net and gross revenue retention.
 *
 * The base at a date is defined by the named loss rule:
 * - `{ kind: 'inactivity', days }` (transaction log): in the base while the last purchase is at most
 *   `days` days old; the loss is dated `days + 1` days after the last purchase and a later purchase is
 *   a reactivation. Losses after the last observed day are not recognised (right-censoring).
 * - `{ kind: 'cancellation' }` (subscription log): starts, cancellations (effective on their date) and
 *   reactivations as dated.
 * - `{ kind: 'model', model, params, timeUnit }` (transaction log): expected counts, each customer
 *   weighted by P(alive) at each period end from the fitted model; a fall in P(alive) is an expected
 *   loss, a rise (the customer bought, so is alive after all) an expected reactivation. No threshold.
 *
 * Movements are counted from dated events (a customer can be lost and come back in one period); the
 * closing base is counted separately from the spells that cover each period end, and `checks`
 * reports whether the two agree (`balanced`), whether each opening is the previous closing
 * (`continuous`) and whether cohorts and groups add up to the total, which are accumulated
 * separately. The customer retention rate is retained / opening, with retained the customers in both
 * the opening and the closing base; the growth quick ratio is (acquired + reactivated) / lost
 * (Social Capital's growth accounting). The revenue roll-forward is exact decimal money.
 *
 * Sources: McCarthy, Fader & Hardie (2017), "Valuing Subscription-Based Businesses Using Publicly
 * Disclosed Customer Data", J. Marketing 81(1): the customer data cube C(m, m') and the identities
 * A(m) = C(m, m), L(m) = C(·, m−1) − [C(·, m) − C(m, m)] (REFERENCE.md §8); Gupta, Lehmann & Stuart
 * (2004) and Blattberg & Deighton (1996) for customers as assets.
 *
 * Numerical caveats: observed counts are whole numbers; expected counts are sums of P(alive) rounded
 * per customer to multiples of 2^-24 (about 6e-8), so every line is an exact binary fraction and the
 * identities hold exactly in float64 (up to 2^29 customer-periods). Revenue is exact to 4 decimals
 * (amounts with more decimals are refused). Purchases on the same day are one purchase occasion.
 *
 * @param source - A `TransactionLog` (from `parseTransactions` / `readTransactionsCsv`) or a
 *   subscription log `{ events: [{ customerId, date, type: 'start' | 'cancel' | 'reactivate' }] }`.
 * @param options - {@link CustomerLedgerOptions}.
 * @returns A frozen {@link CustomerLedger}.
 * @throws CustomerAssetError `input/invalid` (bad options, a rule that does not fit the source, an
 *   impossible event sequence, entries after `end`), `input/empty`, `model/non-finite`.
 *
 * @example
 * ```ts
 * import { customerLedger, parseTransactions } from 'customer-asset';
 *
 * const log = parseTransactions(
 *   [
 *     { customerId: 'a', date: '2024-01-05', amount: '20' },
 *     { customerId: 'b', date: '2024-01-20', amount: '35' },
 *     { customerId: 'a', date: '2024-02-10', amount: '25' },
 *     { customerId: 'c', date: '2024-03-02', amount: '15' },
 *     { customerId: 'b', date: '2024-05-01', amount: '40' },
 *   ],
 *   { currency: 'USD' },
 * );
 * const ledger = customerLedger(log, {
 *   period: 'month',
 *   lossRule: { kind: 'inactivity', days: 60 },
 *   end: '2024-05-31',
 * });
 * console.log(ledger.total.rows.map((r) => [r.period, r.opening, r.acquired, r.reactivated, r.lost, r.closing]));
 * // [['2024-01', 0, 2, 0, 0, 2], ['2024-02', 2, 0, 0, 0, 2], ['2024-03', 2, 1, 0, 1, 2],
 * //  ['2024-04', 2, 0, 0, 1, 1], ['2024-05', 1, 0, 1, 1, 1]]
 * console.log(ledger.checks.ok); // true
 * ```
 */
export function customerLedger(
  source: LedgerSource,
  options: CustomerLedgerOptions,
): CustomerLedger {
  const opts = parseInput(OptionsSchema, options, FN, 'options');
  const p = prepareLedger(source, opts, FN);
  const grid =
    p.rule.kind === 'model'
      ? expectedCounts(p.book, p.timeline, p.rule, p.map, FN)
      : observedCounts(p.book, p.timeline, p.rule, p.map);
  const revenue = p.book.source === 'transactions' ? revenueGrids(p.book, p.timeline, p.map) : null;
  return deepFreeze(countStatement(p, grid, revenue));
}

/**
 * {@link customerLedger} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeCustomerLedger } from 'customer-asset';
 *
 * const result = safeCustomerLedger({ events: [] }, { period: 'month', lossRule: { kind: 'cancellation' } });
 * console.log(result.success ? 'ok' : result.error.code); // 'input/empty'
 * ```
 */
export function safeCustomerLedger<Params extends Readonly<Record<string, number>>>(
  source: LedgerSource,
  options: CustomerLedgerOptions<Params>,
): Safe<CustomerLedger> {
  return toSafe(() => customerLedger(source, options));
}
