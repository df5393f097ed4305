import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { parseInput } from '../core/validate.js';
import {
  addPeriods,
  type CalendarPeriod,
  dayFromIsoDate,
  isoDateFromDay,
} from '../data/cohort-calendar.js';
import { CalendarPeriodSchema, IsoDateSchema } from '../data/cohort-input.js';
import { type SubscriptionEvent, subscriptionLifetimes } from '../data/survival-subscriptions.js';
import type { SubscriberGroup } from './subscriber-inputs.js';

/** Renewals made so far: a whole number >= 0. */
export const PeriodsSurvivedSchema = /* @__PURE__ */ z.number().int().nonnegative().safe();

/**
 * Groups subscribers by tenure: from one `periodsSurvived` (renewals made so far) per subscriber to
 * `[{ periodsSurvived, count }]`, ascending, the input of `subscriberBaseValue`. A plain O(n) pass
 * (a million subscribers take a few milliseconds); validation names the first bad index.
 *
 * @param periodsSurvived - one whole number >= 0 per subscriber (array or typed array).
 * @returns frozen groups, ascending by tenure.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { subscribersByTenure } from 'customer-asset';
 *
 * console.log(subscribersByTenure([0, 2, 0, 5, 2, 0])); // [{ periodsSurvived: 0, count: 3 }, { periodsSurvived: 2, count: 2 }, { periodsSurvived: 5, count: 1 }]
 * ```
 */
export function subscribersByTenure(
  periodsSurvived: ArrayLike<number>,
): readonly SubscriberGroup[] {
  const fn = 'subscribersByTenure';
  if (
    periodsSurvived === null ||
    typeof periodsSurvived !== 'object' ||
    typeof periodsSurvived.length !== 'number'
  )
    fail('input/invalid', fn, 'periodsSurvived must be an array of whole numbers', {
      expected: 'an array or typed array',
      received: periodsSurvived,
    });
  let max = 0;
  for (let i = 0; i < periodsSurvived.length; i += 1) {
    const k = periodsSurvived[i];
    if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 0)
      fail('input/invalid', fn, `periodsSurvived[${i}] must be a whole number >= 0`, {
        path: [i],
        expected: 'renewals made so far (0, 1, 2, ...)',
        received: k,
      });
    if (k > max) max = k;
  }
  const groups: SubscriberGroup[] = [];
  if (max <= 4 * periodsSurvived.length + 1024) {
    const counts = new Float64Array(max + 1);
    for (let i = 0; i < periodsSurvived.length; i += 1) counts[periodsSurvived[i]!]! += 1;
    for (let k = 0; k <= max; k += 1)
      if (counts[k]! > 0) groups.push({ periodsSurvived: k, count: counts[k]! });
  } else {
    const counts = new Map<number, number>();
    for (let i = 0; i < periodsSurvived.length; i += 1) {
      const k = periodsSurvived[i]!;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const [k, count] of [...counts.entries()].sort((a, b) => a[0] - b[0]))
      groups.push({ periodsSurvived: k, count });
  }
  return deepFreeze(groups);
}

/** Input of {@link subscribersFromEvents}. */
export interface SubscribersFromEventsInput {
  readonly events: readonly SubscriptionEvent[];
  /** Contract period: renewals fall on the anniversaries of each start. Default `'month'`. */
  readonly period?: CalendarPeriod;
  /** The valuation date `YYYY-MM-DD` (inclusive). Default: the latest event date. */
  readonly end?: string;
}

const EventsInputSchema = /* @__PURE__ */ z
  .object({
    events: z.array(z.unknown()),
    period: CalendarPeriodSchema.optional(),
    end: IsoDateSchema.optional(),
  })
  .strict();

/**
 * The active subscriber base on a date, grouped by tenure, from a subscription event log (the
 * format of `survivalTable` and `simulateSubscriptions`): every subscriber whose first lifetime has
 * no cancellation on or before `end` is active, and their `periodsSurvived` is the number of
 * renewals made, i.e. of anniversaries of their start (in `period` units, monthly on the same day of
 * the month, clamped to the month's end) on or before `end`. This matches `survivalTable`: such a
 * subscriber is alive at age `periodsSurvived`. Reactivated subscribers are left out (a contractual
 * model describes first lifetimes only), as in `survivalTable`.
 *
 * @param input - `{ events, period?, end? }`.
 * @returns frozen groups `[{ periodsSurvived, count }]`, ascending.
 * @throws CustomerAssetError `input/invalid` (a malformed row, naming it; an impossible event
 *   sequence; an event after `end`), `input/empty`.
 *
 * @example
 * ```ts
 * import { subscribersFromEvents } from 'customer-asset';
 *
 * const base = subscribersFromEvents({
 *   period: 'month',
 *   end: '2024-04-30',
 *   events: [
 *     { customerId: 'a', date: '2024-01-05', type: 'start' },
 *     { customerId: 'b', date: '2024-01-20', type: 'start' },
 *     { customerId: 'b', date: '2024-03-01', type: 'cancel' },
 *     { customerId: 'c', date: '2024-04-10', type: 'start' },
 *   ],
 * });
 * console.log(base); // [{ periodsSurvived: 0, count: 1 }, { periodsSurvived: 3, count: 1 }]
 * ```
 */
export function subscribersFromEvents(
  input: SubscribersFromEventsInput,
): readonly SubscriberGroup[] {
  const fn = 'subscribersFromEvents';
  const opts = parseInput(EventsInputSchema, input, fn, 'input');
  if (opts.events.length === 0)
    fail('input/empty', fn, 'input.events is empty', {
      path: ['events'],
      expected: 'at least one start',
      received: opts.events,
    });
  const period = opts.period ?? 'month';
  const { lifetimes, lastDay } = subscriptionLifetimes(opts.events, fn);
  const endDay = opts.end === undefined ? lastDay : dayFromIsoDate(opts.end)!;
  if (lastDay > endDay)
    fail('input/invalid', fn, 'an event falls after input.end', {
      path: ['end'],
      expected: `an end on or after ${isoDateFromDay(lastDay)}`,
      received: opts.end,
    });
  const tenures: number[] = [];
  for (const l of lifetimes) {
    if (l.cancelDay !== undefined) continue;
    let k = 0;
    while (addPeriods(l.startDay, k + 1, period) <= endDay) k += 1;
    tenures.push(k);
  }
  return subscribersByTenure(tenures);
}
