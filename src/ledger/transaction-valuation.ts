import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { type CalendarTimeUnit, elapsed } from '../data/calendar.js';
import { expectedSpendUnchecked } from '../models/gamma-gamma/predict.js';
import type { CustomerHistory, TransactionModel } from '../models/types.js';
import { type Money, MoneySchema } from '../money/money.js';
import type { BoundValuation, CustomerState, CustomerValuation } from './valuation.js';

/**
 * Expected spend per transaction:
 * - `{ kind: 'gamma-gamma', p, q, gamma }`: the Gamma-Gamma model's conditional mean
 *   E(M | x, m_x) = (γ + m_x·x)·p / (p·x + q − 1), with x the customer's repeat purchases and m_x
 *   their mean (Fader, Hardie & Lee 2005, JMR 42(4); note 025; REFERENCE.md §4), computed by the
 *   gamma-gamma model's own function. A customer with no repeat purchase gets the population mean
 *   pγ/(q − 1), infinite for q <= 1 (`model/undefined-quantity`).
 * - `{ kind: 'fixed', amount }`: the same expected spend for every customer.
 */
export type SpendAssumption =
  | { readonly kind: 'gamma-gamma'; readonly p: number; readonly q: number; readonly gamma: number }
  | { readonly kind: 'fixed'; readonly amount: Money };

/** zod schema of {@link SpendAssumption}. */
export const SpendAssumptionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('gamma-gamma'),
      p: z.number().positive().finite(),
      q: z
        .number()
        .gt(1, { message: 'Must be > 1 (the mean spend is infinite otherwise)' })
        .finite(),
      gamma: z.number().positive().finite(),
    })
    .strict(),
  z.object({ kind: z.literal('fixed'), amount: MoneySchema }).strict(),
]);

/** The assumptions of a {@link transactionValuation}, revalued in this order. */
export interface TransactionValuationAssumptions<Params extends Readonly<Record<string, number>>> {
  /** Retention and purchasing behaviour: the transaction model's params. */
  readonly retention: Params;
  /** Expected spend per transaction. */
  readonly spend: SpendAssumption;
  /** Margin as a share of spend (0.3 for 30%). */
  readonly margin: number;
  /** Effective discount rate per time unit of the model (weekly for a weekly fit), >= 0. */
  readonly discountRate: number;
  readonly [key: string]: unknown;
}

const OptionsSchema = z
  .object({
    model: z.custom<TransactionModel<string, Readonly<Record<string, number>>>>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as { dert?: unknown }).dert === 'function' &&
        typeof (v as { expectedPurchases?: unknown }).expectedPurchases === 'function' &&
        typeof (v as { paramsSchema?: { safeParse?: unknown } }).paramsSchema?.safeParse ===
          'function',
      { message: 'Must be a transaction model descriptor such as bgNbd' },
    ),
    timeUnit: z.enum(['day', 'week', 'month', 'quarter', 'year']),
    name: z.string().min(1).optional(),
  })
  .strict();

/**
 * A valuation of non-contractual customers from a transaction model (BG/NBD, Pareto/NBD, ...):
 * residual value = margin × E(M) × DERT, the margin share times expected spend per transaction times
 * the discounted expected residual transactions of the customer's history at the valuation date
 * (Fader, Hardie & Lee 2005, "RFM and CLV", JMR 42(4), eq. 1; REFERENCE.md §4). Spend and
 * transactions are independent in these models, which is what lets the product stand.
 *
 * The history at a date is x = purchase days after the first, t_x = time from the first to the last,
 * T = time from the first purchase to the date, in `timeUnit` (calendar months for `'month'`).
 * Assumptions, revalued in this order: `retention` (the model's params), `spend`, `margin`,
 * `discountRate` (per `timeUnit`). The equity ledger's margin realised is margin × the amount of
 * each purchase day; the erosion watch expects `model.expectedPurchases` repeat purchases.
 *
 * Numerical caveats: DERT is the model's (its accuracy and cost are the model's); a discount rate of
 * 0 gives an infinite DERT for most fits.
 *
 * @param options - `{ model, timeUnit, name? }`: the model descriptor and the time unit its params
 *   were fitted in.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { bgNbd, money, transactionValuation } from 'customer-asset';
 *
 * const valuation = transactionValuation({ model: bgNbd, timeUnit: 'week' });
 * const bound = valuation.bind({
 *   retention: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   spend: { kind: 'fixed', amount: money('35', 'USD') },
 *   margin: 0.3,
 *   discountRate: 0.0027,
 * });
 * const state = {
 *   customerId: 'a', day: 19990, acquisitionDay: 19718, spellStartDay: 19718,
 *   lastPurchaseDay: 19930, repeatPurchases: 2, repeatSpend: 70,
 * };
 * console.log(bound.value(state) > 0); // true
 * ```
 */
export function transactionValuation<Params extends Readonly<Record<string, number>>>(options: {
  readonly model: TransactionModel<string, Params>;
  readonly timeUnit: CalendarTimeUnit;
  readonly name?: string;
}): CustomerValuation<TransactionValuationAssumptions<Params>> {
  const fn = 'transactionValuation';
  const opts = parseInput(OptionsSchema, options, fn, 'options');
  const model = options.model;
  const unit = opts.timeUnit;
  const assumptionsSchema = z
    .object({
      retention: model.paramsSchema,
      spend: SpendAssumptionSchema,
      margin: z.number().finite(),
      discountRate: z.number().nonnegative().finite(),
    })
    .strict() as unknown as z.ZodType<TransactionValuationAssumptions<Params>>;
  const history = (
    state: CustomerState,
    into: { frequency: number; recency: number; T: number },
  ) => {
    into.frequency = state.repeatPurchases;
    into.recency =
      state.repeatPurchases === 0 ? 0 : elapsed(state.acquisitionDay, state.lastPurchaseDay, unit);
    into.T = elapsed(state.acquisitionDay, state.day, unit);
    return into as CustomerHistory;
  };
  return Object.freeze({
    name: opts.name ?? model.name,
    source: 'transactions' as const,
    timeUnit: unit,
    assumptionsSchema,
    revaluationOrder: Object.freeze(['retention', 'spend', 'margin', 'discountRate'] as const),
    clock: (state: CustomerState, day: number) => elapsed(state.acquisitionDay, day, unit),
    bind(assumptions: TransactionValuationAssumptions<Params>): BoundValuation {
      const a = parseInput(assumptionsSchema, assumptions, 'bind', 'assumptions');
      const params = a.retention;
      const spend = a.spend;
      const fixed = spend.kind === 'fixed' ? Number(spend.amount.amount.toString()) : 0;
      const expectedSpend =
        spend.kind === 'fixed'
          ? () => fixed
          : (state: CustomerState) => {
              const x = state.repeatPurchases;
              return expectedSpendUnchecked(spend, x, x === 0 ? 0 : state.repeatSpend / x, fn);
            };
      const scratch = { frequency: 0, recency: 0, T: 0 };
      return Object.freeze({
        currency: spend.kind === 'fixed' ? spend.amount.currency : null,
        discountRate: a.discountRate,
        value(state: CustomerState): number {
          const dert = model.dert(params, history(state, scratch), a.discountRate);
          const v = a.margin * expectedSpend(state) * dert;
          if (!Number.isFinite(v))
            fail('model/non-finite', fn, 'the residual value is not finite', {
              expected: 'a finite DERT and spend',
              received: v,
              details: { customerId: state.customerId, dert },
            });
          return v;
        },
        margin: (amount: number) => a.margin * amount,
        expectation(state: CustomerState, toDay: number) {
          const t =
            elapsed(state.acquisitionDay, toDay, unit) -
            elapsed(state.acquisitionDay, state.day, unit);
          const mean = model.expectedPurchases(params, history(state, scratch), t);
          return { mean, variance: mean };
        },
      });
    },
  });
}
