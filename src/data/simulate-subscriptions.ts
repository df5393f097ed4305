import { z } from 'zod';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import { PositiveNumberSchema, parseInput, SeedSchema } from '../core/validate.js';
import { createRandom, sampleBeta, sampleGeometric } from '../random/index.js';
import { addPeriods, type CalendarPeriod, isoDateFromDay } from './cohort-calendar.js';
import { CalendarPeriodSchema, IsoDateSchema } from './cohort-input.js';
import { simulationWindow } from './simulation-window.js';
import type { SubscriptionEvent } from './survival-subscriptions.js';

/** sBG parameters: each subscriber's per-period churn probability θ ~ Beta(alpha, beta). */
export interface SbgSimulationParams {
  readonly alpha: number;
  readonly beta: number;
}

/** Options of {@link simulateSubscriptions}. */
export interface SimulateSubscriptionsOptions {
  readonly params: SbgSimulationParams;
  /** Number of subscribers (1 to 1,000,000). */
  readonly customers: number;
  /** First start date `YYYY-MM-DD`. */
  readonly start: string;
  /** Last start date: starts are uniform over `start..acquisitionEnd`. Default: all on `start`. */
  readonly acquisitionEnd?: string;
  /** Last observed day `YYYY-MM-DD`: cancellations after it are not in the log. */
  readonly end: string;
  /** Contract period: renewals fall on the anniversaries of each start. Default `'month'`. */
  readonly period?: CalendarPeriod;
  readonly seed: number;
}

/** The latent truth of one simulated subscriber. */
export interface SimulatedSubscriber {
  readonly customerId: string;
  readonly startDate: string;
  /** Per-period churn probability θ. */
  readonly theta: number;
  /** Lifetime in contract periods (1 = did not renew at the first anniversary); may exceed the window. */
  readonly lifetime: number;
}

/** The output of {@link simulateSubscriptions}. */
export interface SimulatedSubscriptions {
  /** Subscription events sorted by date then customer: one `start` each, a `cancel` if observed. */
  readonly events: readonly SubscriptionEvent[];
  readonly customers: readonly SimulatedSubscriber[];
  readonly period: CalendarPeriod;
  readonly end: string;
  readonly seed: number;
}

const FN = 'simulateSubscriptions';

const OptionsSchema = z
  .object({
    params: z.object({ alpha: PositiveNumberSchema, beta: PositiveNumberSchema }).strict(),
    customers: z.number().int().min(1).max(1_000_000),
    start: IsoDateSchema,
    acquisitionEnd: IsoDateSchema.optional(),
    end: IsoDateSchema,
    period: CalendarPeriodSchema.optional(),
    seed: SeedSchema,
  })
  .strict();

/** Fewest days in one period: lifetimes longer than the window in these units never cancel in it. */
const MIN_DAYS: Readonly<Record<CalendarPeriod, number>> = {
  week: 7,
  month: 28,
  quarter: 89,
  year: 365,
};

/**
 * Draws a subscription event log from the shifted-beta-geometric (sBG) story of Fader & Hardie
 * (2007), "How to Project Customer Retention", *Journal of Interactive Marketing* 21(1): each
 * subscriber has a churn probability θ ~ Beta(alpha, beta) and, at each renewal (anniversary of the
 * start date in `period` units), leaves with probability θ, so the lifetime T in periods is shifted
 * geometric: P(T = t) = θ(1 − θ)^(t − 1), t = 1, 2, .... The cancellation of a subscriber with
 * lifetime t is dated uniformly on the days after the (t − 1)-th anniversary up to and including the
 * t-th, so {@link survivalTable} counts them alive at ages 0..t − 1; cancellations after `end` are
 * censored (absent). The expected alive share at age t is S(t) = B(alpha, beta + t)/B(alpha, beta).
 *
 * @param options `params` `{ alpha, beta }`, `customers`, `start`, `acquisitionEnd?`, `end`,
 *   `period?`, `seed`.
 * @returns frozen events and the latent truth of each subscriber.
 * @throws CustomerAssetError `input/invalid` for bad options (e.g. `end` before the last start).
 *
 * @example
 * ```ts
 * import { simulateSubscriptions, survivalTable } from 'customer-asset';
 *
 * const { events } = simulateSubscriptions({
 *   params: { alpha: 0.704, beta: 1.182 },
 *   customers: 1000,
 *   start: '2015-01-01',
 *   end: '2022-01-01',
 *   period: 'year',
 *   seed: 1,
 * });
 * const table = survivalTable({ events, period: 'year', end: '2022-01-01' });
 * console.log(table.cohorts[0]?.alive); // [1000, 618, 471, 382, 321, 275, 243, 217]
 * ```
 */
export function simulateSubscriptions(
  options: SimulateSubscriptionsOptions,
): SimulatedSubscriptions {
  const opts = parseInput(OptionsSchema, options, FN, 'options');
  const period = opts.period ?? 'month';
  const {
    startDay,
    endDay,
    lastDay: lastStart,
  } = simulationWindow(opts, FN, 'the last start date');
  const rng = createRandom(opts.seed);
  const width = String(opts.customers).length;
  const startDays = lastStart - startDay + 1;
  const rows: { day: number; customer: number; type: 'start' | 'cancel' }[] = [];
  const customers: SimulatedSubscriber[] = [];
  for (let c = 0; c < opts.customers; c += 1) {
    const customerId = String(c + 1).padStart(width, '0');
    const start = startDays === 1 ? startDay : startDay + Math.floor(rng.nextDouble() * startDays);
    const theta = sampleBeta(rng, opts.params.alpha, opts.params.beta);
    const lifetime = theta > 0 ? 1 + sampleGeometric(rng, theta) : Number.POSITIVE_INFINITY;
    rows.push({ day: start, customer: c, type: 'start' });
    // A lifetime longer than the window cannot end inside it (and its anniversaries may overflow).
    if (lifetime - 1 <= Math.floor((endDay - start) / MIN_DAYS[period]) + 1) {
      const from = addPeriods(start, lifetime - 1, period);
      const to = addPeriods(start, lifetime, period);
      const cancel = from + 1 + Math.floor(rng.nextDouble() * (to - from));
      if (cancel <= endDay) rows.push({ day: cancel, customer: c, type: 'cancel' });
    }
    customers.push({ customerId, startDate: isoDateFromDay(start), theta, lifetime });
  }
  rows.sort((x, y) => x.day - y.day || x.customer - y.customer);
  const events: SubscriptionEvent[] = rows.map((row) => ({
    customerId: customers[row.customer]!.customerId,
    date: isoDateFromDay(row.day),
    type: row.type,
  }));
  return deepFreeze({ events, customers, period, end: opts.end, seed: opts.seed });
}

/** {@link simulateSubscriptions} returning a {@link Safe} result instead of throwing. */
export function safeSimulateSubscriptions(
  options: SimulateSubscriptionsOptions,
): Safe<SimulatedSubscriptions> {
  return toSafe(() => simulateSubscriptions(options));
}
