/**
 * Subscription event logs: validation and each subscriber's first lifetime.
 *
 * @internal
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { dayFromIsoDate } from './cohort-calendar.js';
import { IsoDateSchema } from './cohort-input.js';

/** One row of a subscription event log. */
export interface SubscriptionEvent {
  readonly customerId: string;
  /** `YYYY-MM-DD`: the day the subscription started, was cancelled (effective that day) or came back. */
  readonly date: string;
  readonly type: 'start' | 'cancel' | 'reactivate';
}

/** zod schema of a {@link SubscriptionEvent}. */
export const SubscriptionEventSchema = z.object({
  customerId: z.string().min(1),
  date: IsoDateSchema,
  type: z.enum(['start', 'cancel', 'reactivate']),
});

/** A subscriber's first lifetime: start day and first cancel day (undefined while still subscribed). */
export interface FirstLifetime {
  readonly customerId: string;
  readonly startDay: number;
  readonly cancelDay: number | undefined;
}

/** The first lifetimes of a validated event log, with the count of (ignored) reactivations. */
export interface SubscriptionLifetimes {
  readonly lifetimes: readonly FirstLifetime[];
  readonly reactivations: number;
  readonly lastDay: number;
}

interface Row {
  readonly index: number;
  readonly day: number;
  readonly type: SubscriptionEvent['type'];
}

/**
 * Validates the rows (zod, naming row and field) and each customer's sequence of events, ordered by
 * date with ties kept in input order: the first event must be `start`; `cancel` only while
 * subscribed; `reactivate` only after a `cancel`; a second `start` is an error (use `reactivate`).
 * Returns each customer's first lifetime, from `start` to the first `cancel`.
 */
export function subscriptionLifetimes(events: unknown, fn: string): SubscriptionLifetimes {
  const rows = parseInput(z.array(SubscriptionEventSchema), events, fn, 'events');
  const byCustomer = new Map<string, Row[]>();
  let lastDay = Number.NEGATIVE_INFINITY;
  rows.forEach((event, index) => {
    const day = dayFromIsoDate(event.date)!;
    lastDay = Math.max(lastDay, day);
    let list = byCustomer.get(event.customerId);
    if (list === undefined) {
      list = [];
      byCustomer.set(event.customerId, list);
    }
    list.push({ index, day, type: event.type });
  });
  const lifetimes: FirstLifetime[] = [];
  let reactivations = 0;
  for (const [customerId, list] of byCustomer) {
    list.sort((x, y) => x.day - y.day || x.index - y.index);
    let subscribed = false;
    let startDay: number | undefined;
    let cancelDay: number | undefined;
    for (const row of list) {
      const bad = (problem: string, expected: string) =>
        fail('input/invalid', fn, `events[${row.index}].type ${problem}`, {
          path: [row.index, 'type'],
          expected,
          received: row.type,
        });
      if (row.type === 'start') {
        if (startDay !== undefined)
          bad(`is a second 'start' for customer ${JSON.stringify(customerId)}`, "'reactivate'");
        startDay = row.day;
        subscribed = true;
      } else if (startDay === undefined) {
        bad(`comes before customer ${JSON.stringify(customerId)}'s 'start'`, "'start' first");
      } else if (row.type === 'cancel') {
        if (!subscribed)
          bad(
            `cancels customer ${JSON.stringify(customerId)}, who is not subscribed`,
            "'reactivate'",
          );
        subscribed = false;
        cancelDay ??= row.day;
      } else {
        if (subscribed)
          bad(`reactivates customer ${JSON.stringify(customerId)}, who is subscribed`, "'cancel'");
        subscribed = true;
        reactivations += 1;
      }
    }
    lifetimes.push({ customerId, startDay: startDay!, cancelDay });
  }
  return { lifetimes, reactivations, lastDay };
}
