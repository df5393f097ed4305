import { deepFreeze } from '../core/freeze.js';
import { type Money, multiplyMoney, sumMoney } from '../money/index.js';
import {
  parseValuationInput,
  type SubscriberGroup,
  SubscriberGroupsSchema,
  type SubscriberValuationInput,
} from './subscriber-inputs.js';
import { PeriodsSurvivedSchema } from './subscriber-tenure.js';

/**
 * The expected lifetime value of a new subscriber at acquisition: margin × DEL (Fader & Hardie 2010,
 * *Marketing Science* 29(1):85–93), DEL = Σ_{t≥0} S(t)/(1 + d)^t from the model (`del`). The margin
 * is received at the start of each period the subscriber is active; the first margin, at acquisition,
 * is included undiscounted. Exact decimal money from the model's binary float DEL (not rounded: round
 * once with `roundMoney` when you present it).
 *
 * @param input - `{ model, params, margin, discountRate }`.
 * @returns the expected CLV as Money in the margin's currency.
 * @throws CustomerAssetError `input/invalid`, `model/undefined-quantity` (d = 0 with an infinite
 *   expected lifetime).
 *
 * @example
 * ```ts
 * import { money, roundMoney, shiftedBetaGeometric, subscriberLifetimeValue } from 'customer-asset';
 *
 * // Fader & Hardie (2015) handbook example: $100 a year, d = 10%.
 * const clv = subscriberLifetimeValue({
 *   model: shiftedBetaGeometric,
 *   params: { alpha: 0.764, beta: 1.296 },
 *   margin: money('100', 'USD'),
 *   discountRate: 0.1,
 * });
 * console.log(roundMoney(clv).amount.toString()); // '362.02'
 * ```
 */
export function subscriberLifetimeValue<Params>(input: SubscriberValuationInput<Params>): Money {
  const fn = 'subscriberLifetimeValue';
  const { model, params, margin, discountRate } = parseValuationInput(input, {}, fn);
  return multiplyMoney(margin, model.del(params, discountRate));
}

/**
 * The expected residual lifetime value of one existing subscriber: margin × DERL (Fader & Hardie
 * 2010: a ₂F₁ closed form for the sBG; numerical sums for the BdW), with `periodsSurvived` = the renewals they
 * have made so far. Timing: valued at the moment of their next renewal decision, periodsSurvived + 1
 * periods after they were acquired; the margin that renewal brings falls at that moment and is
 * counted undiscounted (times the probability of renewing), later margins are discounted by
 * (1 + d) per period; the current period's margin, already received, is not included.
 *
 * @param input - `{ model, params, margin, discountRate, periodsSurvived }`.
 * @returns the expected residual value as Money.
 * @throws CustomerAssetError `input/invalid`, `model/undefined-quantity`.
 *
 * @example
 * ```ts
 * import { money, roundMoney, shiftedBetaGeometric, subscriberResidualValue } from 'customer-asset';
 *
 * // Handbook example: a customer at the end of period 5 (4 renewals made).
 * const rlv = subscriberResidualValue({
 *   model: shiftedBetaGeometric,
 *   params: { alpha: 0.764, beta: 1.296 },
 *   margin: money('100', 'USD'),
 *   discountRate: 0.1,
 *   periodsSurvived: 4,
 * });
 * console.log(roundMoney(rlv).amount.toString()); // '568.25'
 * ```
 */
export function subscriberResidualValue<Params>(
  input: SubscriberValuationInput<Params> & { readonly periodsSurvived: number },
): Money {
  const fn = 'subscriberResidualValue';
  const { model, params, margin, discountRate, periodsSurvived } = parseValuationInput(
    input,
    { periodsSurvived: PeriodsSurvivedSchema },
    fn,
  );
  return multiplyMoney(margin, model.derl(params, { periodsSurvived, discountRate }));
}

/** One tenure group of a valued base. */
export interface SubscriberTenureValue {
  readonly periodsSurvived: number;
  readonly count: number;
  /** DERL at this tenure (in periods' margins). */
  readonly derl: number;
  /** margin × DERL: the residual value of one subscriber of the group. */
  readonly valuePerSubscriber: Money;
  /** count × valuePerSubscriber. */
  readonly value: Money;
}

/** The residual value of a whole base of subscribers. */
export interface SubscriberBaseValue {
  readonly model: string;
  readonly discountRate: number;
  /** Subscribers valued (the sum of the counts). */
  readonly subscribers: number;
  /** The base's expected residual value: Σ count × margin × DERL. */
  readonly total: Money;
  /** Per tenure, ascending (groups with the same tenure merged). */
  readonly byTenure: readonly SubscriberTenureValue[];
}

/** Merges groups with the same tenure and sorts them by tenure. */
export function mergeGroups(groups: readonly SubscriberGroup[]): SubscriberGroup[] {
  const counts = new Map<number, number>();
  for (const g of groups)
    counts.set(g.periodsSurvived, (counts.get(g.periodsSurvived) ?? 0) + g.count);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([periodsSurvived, count]) => ({ periodsSurvived, count }));
}

/**
 * The expected residual value of a whole base of subscribers of mixed tenure (Fader & Hardie 2010,
 * section 3: the value of the base is the sum over tenures of the number of subscribers times their
 * DERL times the margin). DERL is computed once per distinct tenure by the model's `derlByTenure`
 * (one closed form and an exact recursion for the sBG), so a million subscribers grouped by tenure
 * cost a few hundred money multiplications. Timing per subscriber as in `subscriberResidualValue`.
 *
 * @param input - `{ model, params, margin, discountRate, subscribers: [{ periodsSurvived, count }] }`
 *   (build the groups with `subscribersByTenure` or `subscribersFromEvents`).
 * @returns frozen `{ model, discountRate, subscribers, total, byTenure }`.
 * @throws CustomerAssetError `input/invalid`, `model/undefined-quantity`.
 *
 * @example
 * ```ts
 * import { money, roundMoney, shiftedBetaGeometric, subscriberBaseValue } from 'customer-asset';
 *
 * const base = subscriberBaseValue({
 *   model: shiftedBetaGeometric,
 *   params: { alpha: 0.764, beta: 1.296 },
 *   margin: money('100', 'USD'),
 *   discountRate: 0.1,
 *   subscribers: [
 *     { periodsSurvived: 0, count: 1000 },
 *     { periodsSurvived: 4, count: 300 },
 *   ],
 * });
 * console.log(roundMoney(base.total).amount.toString()); // '458695.82'
 * ```
 */
export function subscriberBaseValue<Params>(
  input: SubscriberValuationInput<Params> & { readonly subscribers: readonly SubscriberGroup[] },
): SubscriberBaseValue {
  const fn = 'subscriberBaseValue';
  const { model, params, margin, discountRate, subscribers } = parseValuationInput(
    input,
    { subscribers: SubscriberGroupsSchema },
    fn,
  );
  const groups = mergeGroups(subscribers);
  const derls = model.derlByTenure(params, {
    periodsSurvived: groups.map((g) => g.periodsSurvived),
    discountRate,
  });
  let total = 0;
  const byTenure = groups.map((g, i) => {
    const valuePerSubscriber = multiplyMoney(margin, derls[i]!);
    total += g.count;
    return {
      periodsSurvived: g.periodsSurvived,
      count: g.count,
      derl: derls[i]!,
      valuePerSubscriber,
      value: multiplyMoney(valuePerSubscriber, g.count),
    };
  });
  return deepFreeze({
    model: model.name,
    discountRate,
    subscribers: total,
    total: sumMoney(
      byTenure.map((row) => row.value),
      margin.currency,
    ),
    byTenure,
  });
}
