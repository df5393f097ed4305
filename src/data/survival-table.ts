import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import {
  addPeriods,
  type CalendarPeriod,
  dayFromIsoDate,
  isoDateFromDay,
  periodEndDay,
  periodIndex,
  periodLabel,
  periodStartDay,
} from './cohort-calendar.js';
import { CalendarPeriodSchema, checkTransactionLog, IsoDateSchema } from './cohort-input.js';
import { type SubscriptionEvent, subscriptionLifetimes } from './survival-subscriptions.js';
import type { TransactionLog } from './types.js';

/**
 * The rule that turns a noncontractual transaction log into lifetimes: a customer is alive at age k
 * if they make a purchase at some age >= k, and is declared lost after their last purchase once
 * `periods` whole periods have passed without one.
 */
export interface InactivityRule {
  readonly kind: 'inactivity';
  /** Whole periods without a purchase after which a customer counts as lost (>= 1). */
  readonly periods: number;
}

/** Survival from a subscription event log (contractual: cancellations are observed). */
export interface SubscriptionSurvivalInput {
  readonly events: readonly SubscriptionEvent[];
  /** Contract period in which ages are counted (anniversaries of each start). Default `'month'`. */
  readonly period?: CalendarPeriod;
  /** Calendar period that groups subscribers by start date. Default: `period`. */
  readonly cohortBy?: CalendarPeriod;
  /** Last observed day `YYYY-MM-DD` (inclusive). Default: the latest event date. */
  readonly end?: string;
}

/** Survival from a transaction log with a stated inactivity rule (noncontractual). */
export interface TransactionSurvivalInput {
  readonly log: TransactionLog;
  readonly rule: InactivityRule;
  /** Calendar period in which ages are counted. Default `'month'`. */
  readonly period?: CalendarPeriod;
  /** Calendar period that groups customers by first purchase. Default: `period`. */
  readonly cohortBy?: CalendarPeriod;
  /** Last observed day `YYYY-MM-DD` (inclusive). Default: the latest transaction date. */
  readonly end?: string;
}

/** What {@link survivalTable} accepts: an object with `events` or one with `log` and `rule`. */
export type SurvivalTableInput = SubscriptionSurvivalInput | TransactionSurvivalInput;

/** One cohort's survival curve. */
export interface SurvivalCohort {
  /** Cohort label: `2024-W01`, `2024-01`, `2024-Q1` or `2024`. */
  readonly cohort: string;
  /** First day of the cohort period. */
  readonly start: string;
  /** Customers in the cohort (= `alive[0]`). */
  readonly size: number;
  /** Customers alive at ages 0, 1, ..., up to the last age known for every customer of the cohort. */
  readonly alive: readonly number[];
}

/** The output of {@link survivalTable}: frozen, JSON-serialisable. */
export interface SurvivalTable {
  readonly source: 'subscriptions' | 'transactions';
  /** `first-lifetime` for subscriptions (reactivations ignored), or the inactivity rule used. */
  readonly rule: { readonly kind: 'first-lifetime' } | InactivityRule;
  readonly period: CalendarPeriod;
  readonly cohortBy: CalendarPeriod;
  /** Weeks are ISO weeks starting on Monday. */
  readonly weekStart: 'monday';
  readonly end: string;
  readonly cohorts: readonly SurvivalCohort[];
  /** Reactivation events in the log, ignored by the first-lifetime curve (0 for transactions). */
  readonly reactivations: number;
}

const FN = 'survivalTable';

const CommonShape = {
  period: CalendarPeriodSchema.optional(),
  cohortBy: CalendarPeriodSchema.optional(),
  end: IsoDateSchema.optional(),
};
const SubscriptionInputSchema = z.object({ events: z.array(z.unknown()), ...CommonShape }).strict();
const TransactionInputSchema = z
  .object({
    log: z.unknown(),
    rule: z.object({ kind: z.literal('inactivity'), periods: z.number().int().min(1).safe() }),
    ...CommonShape,
  })
  .strict();

/**
 * Builds the alive counts per acquisition cohort that contractual survival models (sBG, BdW) are
 * fitted on: `{ cohorts: [{ cohort: '2024-01', alive: [1000, 631, 468, ...] }], period }`. Each
 * cohort's `alive` starts with its size and ends at the last age known for all of its customers, so
 * cohorts are right-censored at different ages (younger cohorts have shorter curves).
 *
 * From a **subscription event log** (`{ events }`): ages are contract periods counted from each
 * subscriber's own start date (anniversaries: monthly on the same day of the month, clamped to the
 * month's end). A subscriber is alive at age k >= 1 if their first cancellation is dated after their
 * k-th anniversary (a cancellation dated on the anniversary means they did not renew). Age k is known
 * for the cohort once the k-th anniversary of its latest start is on or before `end`. Reactivation
 * starts a new lifetime that contractual models do not describe, so a reactivated subscriber stays
 * lost in the survival curve after their first cancellation (first lifetimes only); reactivations are
 * counted in `reactivations`.
 *
 * From a **transaction log with an inactivity rule** (`{ log, rule: { kind: 'inactivity', periods: n } }`):
 * ages are calendar periods since each customer's first-purchase period (as in `cohortTable`), and a
 * customer is alive at age k if they buy (amount >= 0) at some age >= k. A customer whose last
 * purchase is at age L is declared lost only once the n whole periods after L have passed without a
 * purchase, so age k is known for the cohort only if k <= K − n + 1, where K is the cohort's last
 * complete age: the last n − 1 complete periods (and an incomplete final period) are censored. This
 * is a heuristic: noncontractual deaths are never observed (BG/NBD and Pareto/NBD model them instead).
 *
 * Weeks are ISO weeks starting on Monday.
 *
 * Source: the data layout of Fader & Hardie (2007), "How to Project Customer Retention", *Journal of
 * Interactive Marketing* 21(1), Table 1, whose likelihood has the right-censoring term for those
 * still alive at the last observed age.
 *
 * @param input `{ events, period?, cohortBy?, end? }` or `{ log, rule, period?, cohortBy?, end? }`.
 * @returns a frozen {@link SurvivalTable}.
 * @throws CustomerAssetError `input/invalid` for malformed rows (naming row and field), an impossible
 *   event sequence or an event after `end`; `input/empty` for an empty log.
 *
 * @example
 * ```ts
 * import { survivalTable } from 'customer-asset';
 *
 * const table = survivalTable({
 *   period: 'month',
 *   end: '2024-04-30',
 *   events: [
 *     { customerId: 'a', date: '2024-01-05', type: 'start' },
 *     { customerId: 'b', date: '2024-01-20', type: 'start' },
 *     { customerId: 'b', date: '2024-03-01', type: 'cancel' },
 *     { customerId: 'c', date: '2024-02-10', type: 'start' },
 *   ],
 * });
 * console.log(table.cohorts.map((c) => [c.cohort, c.alive])); // [['2024-01', [2, 2, 1, 1]], ['2024-02', [1, 1, 1]]]
 * ```
 */
export function survivalTable(input: SurvivalTableInput): SurvivalTable {
  const raw = input as unknown;
  if (raw !== null && typeof raw === 'object' && 'events' in raw) {
    const opts = parseInput(SubscriptionInputSchema, raw, FN, 'input');
    const period = opts.period ?? 'month';
    return deepFreeze(fromSubscriptions(opts.events, period, opts.cohortBy ?? period, opts.end));
  }
  if (raw !== null && typeof raw === 'object' && 'log' in raw) {
    const opts = parseInput(TransactionInputSchema, raw, FN, 'input');
    const period = opts.period ?? 'month';
    const log = checkTransactionLog(opts.log, FN);
    return deepFreeze(
      fromTransactions(log, opts.rule.periods, period, opts.cohortBy ?? period, opts.end),
    );
  }
  return fail('input/invalid', FN, 'input has neither `events` nor `log`', {
    expected: 'a subscription log { events } or a transaction log { log, rule }',
    received: raw,
  });
}

/** {@link survivalTable} returning a {@link Safe} result instead of throwing. */
export function safeSurvivalTable(input: SurvivalTableInput): Safe<SurvivalTable> {
  return toSafe(() => survivalTable(input));
}

function resolveEnd(endOption: string | undefined, lastDay: number, what: string): number {
  const endDay = endOption === undefined ? lastDay : dayFromIsoDate(endOption)!;
  if (lastDay > endDay)
    fail('input/invalid', FN, `${what} falls after input.end`, {
      path: ['end'],
      expected: `an end on or after ${isoDateFromDay(lastDay)}`,
      received: endOption,
    });
  return endDay;
}

interface Member {
  /** Day of the start or first purchase. */
  readonly day: number;
  /** Number of ages 1, 2, ... survived, capped by the caller; alive at ages 0..lived. */
  lived: number;
}

function groupByCohort<T extends { readonly day: number }>(
  members: readonly T[],
  cohortBy: CalendarPeriod,
): [number, T[]][] {
  const groups = new Map<number, T[]>();
  for (const member of members) {
    const index = periodIndex(member.day, cohortBy);
    const list = groups.get(index);
    if (list === undefined) groups.set(index, [member]);
    else list.push(member);
  }
  return [...groups.entries()].sort((x, y) => x[0] - y[0]);
}

/** alive[k] = #{members with lived >= k}, for k = 0..lastAge. */
function aliveCounts(members: readonly Member[], lastAge: number): number[] {
  const alive = new Array<number>(lastAge + 1).fill(0);
  for (const member of members) {
    const top = Math.min(member.lived, lastAge);
    for (let k = 0; k <= top; k += 1) alive[k]! += 1;
  }
  return alive;
}

function fromSubscriptions(
  events: readonly unknown[],
  period: CalendarPeriod,
  cohortBy: CalendarPeriod,
  endOption: string | undefined,
): SurvivalTable {
  if (events.length === 0)
    fail('input/empty', FN, 'input.events is empty', {
      path: ['events'],
      expected: 'at least one start',
      received: events,
    });
  const { lifetimes, reactivations, lastDay } = subscriptionLifetimes(events, FN);
  const endDay = resolveEnd(endOption, lastDay, 'an event');
  const members = lifetimes.map((l) => ({ day: l.startDay, cancelDay: l.cancelDay, lived: 0 }));
  const cohorts = groupByCohort(members, cohortBy).map(([index, list]) => {
    const latest = list.reduce((max, m) => Math.max(max, m.day), Number.NEGATIVE_INFINITY);
    let lastAge = 0;
    while (addPeriods(latest, lastAge + 1, period) <= endDay) lastAge += 1;
    for (const m of list) {
      // Alive at age k >= 1 iff the first cancel is after the k-th anniversary.
      let lived = 0;
      while (
        lived < lastAge &&
        (m.cancelDay === undefined || m.cancelDay > addPeriods(m.day, lived + 1, period))
      )
        lived += 1;
      m.lived = lived;
    }
    return cohortRow(index, cohortBy, list, lastAge);
  });
  return {
    source: 'subscriptions',
    rule: { kind: 'first-lifetime' },
    period,
    cohortBy,
    weekStart: 'monday',
    end: isoDateFromDay(endDay),
    cohorts,
    reactivations,
  };
}

function fromTransactions(
  log: TransactionLog,
  n: number,
  period: CalendarPeriod,
  cohortBy: CalendarPeriod,
  endOption: string | undefined,
): SurvivalTable {
  const txs = log.transactions;
  if (txs.length === 0)
    fail('input/empty', FN, 'input.log has no transactions', {
      path: ['log', 'transactions'],
      expected: 'at least one purchase',
      received: txs,
    });
  const lastDay = txs.reduce((max, t) => Math.max(max, t.day), Number.NEGATIVE_INFINITY);
  const endDay = resolveEnd(endOption, lastDay, 'a transaction');
  const endPeriod = periodIndex(endDay, period);
  const lastComplete = periodEndDay(endPeriod, period) === endDay ? endPeriod : endPeriod - 1;
  // First and last purchase day per customer (refunds neither acquire nor keep a customer alive).
  const span = new Map<string, { first: number; last: number }>();
  for (const t of txs) {
    if (t.amount.lt(0)) continue;
    const seen = span.get(t.customerId);
    if (seen === undefined) span.set(t.customerId, { first: t.day, last: t.day });
    else {
      seen.first = Math.min(seen.first, t.day);
      seen.last = Math.max(seen.last, t.day);
    }
  }
  if (span.size === 0)
    fail('input/empty', FN, 'input.log has no purchases (only refunds)', {
      path: ['log', 'transactions'],
      expected: 'at least one transaction with amount >= 0',
      received: `${txs.length} refunds`,
    });
  const members = [...span.values()].map((s) => ({
    day: s.first,
    acquisition: periodIndex(s.first, period),
    lived: periodIndex(s.last, period) - periodIndex(s.first, period),
  }));
  const cohorts = groupByCohort(members, cohortBy).map(([index, list]) => {
    const latest = list.reduce((max, m) => Math.max(max, m.acquisition), Number.NEGATIVE_INFINITY);
    const lastAge = Math.max(0, lastComplete - latest - n + 1);
    return cohortRow(index, cohortBy, list, lastAge);
  });
  return {
    source: 'transactions',
    rule: { kind: 'inactivity', periods: n },
    period,
    cohortBy,
    weekStart: 'monday',
    end: isoDateFromDay(endDay),
    cohorts,
    reactivations: 0,
  };
}

function cohortRow(
  index: number,
  cohortBy: CalendarPeriod,
  members: readonly Member[],
  lastAge: number,
): SurvivalCohort {
  return {
    cohort: periodLabel(index, cohortBy),
    start: isoDateFromDay(periodStartDay(index, cohortBy)),
    size: members.length,
    alive: aliveCounts(members, lastAge),
  };
}
