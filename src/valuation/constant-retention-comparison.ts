import { z } from 'zod';
import { deepFreeze } from '../core/freeze.js';
import { type Money, multiplyMoney, subtractMoney, sumMoney } from '../money/index.js';
import {
  parseValuationInput,
  type SubscriberGroup,
  SubscriberGroupsSchema,
  type SubscriberValuationInput,
} from './subscriber-inputs.js';
import { mergeGroups } from './subscriber-value.js';

/** Input of {@link compareWithConstantRetention}. */
export interface ConstantRetentionComparisonInput<Params> extends SubscriberValuationInput<Params> {
  /** The base: subscribers grouped by renewals made so far. */
  readonly subscribers: readonly SubscriberGroup[];
  /**
   * The single retention rate per period to compare with, in [0, 1). Default: the base's aggregate
   * retention implied by the model, Σ count × r_(k+1) / Σ count: the share of the base expected to
   * renew at their next decision, which is what a finance team measures as "our retention rate".
   */
  readonly retentionRate?: number;
}

/** One tenure of the comparison (values per subscriber). */
export interface ConstantRetentionRow {
  readonly periodsSurvived: number;
  readonly count: number;
  /** The model's retention rate at this group's next renewal, r_(k+1): it rises with tenure. */
  readonly retentionRate: number;
  /** margin × DERL under the heterogeneous model. */
  readonly heterogeneousValue: Money;
  /** margin × r(1 + d)/(1 + d − r): the same at every tenure. */
  readonly constantValue: Money;
  /** heterogeneousValue − constantValue (positive where the single rate undervalues). */
  readonly difference: Money;
}

/** The output of {@link compareWithConstantRetention}: frozen, JSON-serialisable. */
export interface ConstantRetentionComparison {
  readonly model: string;
  readonly discountRate: number;
  /** The single rate used. */
  readonly retentionRate: number;
  readonly retentionRateSource: 'given' | 'base-aggregate';
  /** A new subscriber at acquisition: margin × DEL against margin × (1 + d)/(1 + d − r). */
  readonly newSubscriber: { readonly heterogeneousValue: Money; readonly constantValue: Money };
  readonly byTenure: readonly ConstantRetentionRow[];
  readonly total: {
    readonly subscribers: number;
    readonly heterogeneousValue: Money;
    readonly constantValue: Money;
    readonly difference: Money;
    /** (heterogeneous − constant)/heterogeneous: the share of the base's value the single rate misses. */
    readonly understatement: number;
  };
}

/**
 * What a single average retention rate says a subscriber base is worth, against the heterogeneous
 * model, tenure by tenure: the table a CFO needs to see (Fader & Hardie 2010, "Customer-Base
 * Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity", *Marketing Science*
 * 29(1):85–93). Under one rate r every subscriber is worth margin × r(1 + d)/(1 + d − r),
 * whatever their tenure; under the sBG or BdW the residual value margin × DERL rises with tenure,
 * because those who have stayed are those with low churn. Fader & Hardie find that the single rate
 * undervalues a typical base by 25–50%.
 *
 * Timing as in `subscriberResidualValue` (valued at each subscriber's next renewal decision, that
 * renewal's margin undiscounted); for new subscribers, DEL and (1 + d)/(1 + d − r) include the
 * first margin at acquisition.
 *
 * @param input - `{ model, params, margin, discountRate, subscribers, retentionRate? }`.
 * @returns frozen `{ retentionRate, retentionRateSource, newSubscriber, byTenure, total }`.
 * @throws CustomerAssetError `input/invalid`, `model/undefined-quantity`.
 *
 * @example
 * ```ts
 * import { compareWithConstantRetention, money, roundMoney, shiftedBetaGeometric } from 'customer-asset';
 *
 * // Handbook example: gamma = 0.764, delta = 1.296, $100 a year, d = 10%, aggregate retention 0.833.
 * const table = compareWithConstantRetention({
 *   model: shiftedBetaGeometric,
 *   params: { alpha: 0.764, beta: 1.296 },
 *   margin: money('100', 'USD'),
 *   discountRate: 0.1,
 *   retentionRate: 0.833,
 *   subscribers: [
 *     { periodsSurvived: 0, count: 1 },
 *     { periodsSurvived: 1, count: 1 },
 *     { periodsSurvived: 4, count: 1 },
 *   ],
 * });
 * console.log(table.byTenure.map((row) => roundMoney(row.heterogeneousValue).amount.toString())); // ['288.22', '393.94', '568.25']
 * console.log(roundMoney(table.byTenure[0]!.constantValue).amount.toString()); // '343.18'
 * ```
 */
export function compareWithConstantRetention<Params>(
  input: ConstantRetentionComparisonInput<Params>,
): ConstantRetentionComparison {
  const fn = 'compareWithConstantRetention';
  const parsed = parseValuationInput(
    input,
    { subscribers: SubscriberGroupsSchema, retentionRate: z.number().min(0).lt(1).optional() },
    fn,
  );
  const { model, params, margin, discountRate: d } = parsed;
  const groups = mergeGroups(parsed.subscribers);
  const derls = model.derlByTenure(params, {
    periodsSurvived: groups.map((g) => g.periodsSurvived),
    discountRate: d,
  });
  const rates = groups.map((g) => model.retentionRate(params, g.periodsSurvived + 1));
  let subscribers = 0;
  let renewals = 0;
  groups.forEach((g, i) => {
    subscribers += g.count;
    renewals += g.count * rates[i]!;
  });
  const r = parsed.retentionRate ?? (subscribers > 0 ? renewals / subscribers : 0);
  const constantValue = multiplyMoney(margin, (r * (1 + d)) / (1 + d - r));
  const byTenure = groups.map((g, i) => {
    const heterogeneousValue = multiplyMoney(margin, derls[i]!);
    return {
      periodsSurvived: g.periodsSurvived,
      count: g.count,
      retentionRate: rates[i]!,
      heterogeneousValue,
      constantValue,
      difference: subtractMoney(heterogeneousValue, constantValue),
    };
  });
  const heterogeneousTotal = sumMoney(
    byTenure.map((row) => multiplyMoney(row.heterogeneousValue, row.count)),
    margin.currency,
  );
  const constantTotal = multiplyMoney(constantValue, subscribers);
  const difference = subtractMoney(heterogeneousTotal, constantTotal);
  return deepFreeze({
    model: model.name,
    discountRate: d,
    retentionRate: r,
    retentionRateSource: parsed.retentionRate === undefined ? 'base-aggregate' : 'given',
    newSubscriber: {
      heterogeneousValue: multiplyMoney(margin, model.del(params, d)),
      constantValue: multiplyMoney(margin, (1 + d) / (1 + d - r)),
    },
    byTenure,
    total: {
      subscribers,
      heterogeneousValue: heterogeneousTotal,
      constantValue: constantTotal,
      difference,
      understatement: heterogeneousTotal.amount.isZero()
        ? 0
        : difference.amount.div(heterogeneousTotal.amount).toNumber(),
    },
  });
}
