/**
 * The input of `customerLifetimeValue`: its types, zod schema and checks that need more than a
 * schema (params against each model's own schema, units, currencies).
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import type { FittedModel } from '../core/fitted-model.js';
import { type Duration, DurationSchema, type TimeUnit } from '../core/time-unit.js';
import { parseInput, SeedSchema } from '../core/validate.js';
import type { TransactionModel, TransactionSummaryInput } from '../models/types.js';
import type { CurrencyCode } from '../money/currencies.js';
import { checkCurrency } from '../money/currencies.js';
import type { DecimalInput, DecimalValue } from '../money/decimal.js';
import { DecimalInputSchema, parseDecimal } from '../money/decimal-input.js';
import { type PaymentTiming, PaymentTimingSchema } from '../money/discounting.js';
import { amountOf, type Money, MoneySchema } from '../money/money.js';
import { type DiscountInput, DiscountInputSchema } from './discount-rate.js';
import type { IntervalMethod } from './prediction-interval.js';
import type { SpendModelLike } from './spend-column.js';
import { type CalendarConvention, CalendarConventionSchema } from './time-conversion.js';

type AnyParams = Readonly<Record<string, number>>;

/** The transaction model and either plain params or a fitted record (which brings a covariance). */
export type TransactionComponent<Params extends AnyParams> =
  | {
      readonly model: TransactionModel<string, Params>;
      readonly params: Params;
    }
  | {
      readonly model: TransactionModel<string, Params>;
      readonly fitted: FittedModel<string, Params>;
    };

/**
 * The spend per transaction: a spend model (Gamma-Gamma) with plain params or a fitted record, or a
 * fixed expected amount per transaction.
 */
export type SpendComponent<Params extends AnyParams> =
  | { readonly model: SpendModelLike<Params>; readonly params: Params }
  | { readonly model: SpendModelLike<Params>; readonly fitted: FittedModel<string, Params> }
  | { readonly amount: Money };

/** Interval options of `customerLifetimeValue`. */
export interface ClvIntervalOptions {
  /** Coverage in (0, 1); default 0.95. */
  readonly level?: number;
  /** `'delta'` (default; log scale) or `'draws'` (needs `seed`). */
  readonly method?: IntervalMethod;
  /** Number of draws (method `'draws'`), 10 to 10,000; default 200. */
  readonly draws?: number;
  readonly seed?: number;
}

/** Input of `customerLifetimeValue`. */
export interface CustomerLifetimeValueInput<TP extends AnyParams, SP extends AnyParams> {
  readonly transactions: TransactionComponent<TP>;
  readonly spend: SpendComponent<SP>;
  /** The customers: an RFM summary (with monetary values for a spend model) or a pattern summary. */
  readonly summary: TransactionSummaryInput;
  /** How far ahead: a duration such as `{ value: 52, unit: 'week' }`, or `'infinite'` (DERT). */
  readonly horizon: Duration | 'infinite';
  /** The discount rate and the span it is quoted for, e.g. `{ rate: '0.15', per: 'year' }`. */
  readonly discount: DiscountInput;
  /** Margin as a fraction of spend, e.g. `'0.30'` (>= 0). */
  readonly margin: DecimalInput;
  /** ISO 4217 code of the values. */
  readonly currency: string;
  /** Finite horizon: when within each period its transactions are discounted; default `'mid'`. */
  readonly timing?: PaymentTiming;
  /** Finite horizon: length of a period of the stream; default one time unit of the model. */
  readonly period?: Duration;
  /** How to convert between day/week and month/year units; default `'exact'` (refuse). */
  readonly calendar?: CalendarConvention;
  /**
   * The interval from parameter uncertainty: options, or `false` for none. By default a 95% delta
   * interval is computed when a fitted record with a covariance is given, and none otherwise.
   */
  readonly interval?: ClvIntervalOptions | false;
}

const looksLikeTransactionModel = (m: unknown): boolean =>
  m !== null &&
  typeof m === 'object' &&
  typeof (m as { name?: unknown }).name === 'string' &&
  typeof (m as { score?: unknown }).score === 'function' &&
  typeof (m as { expectedPurchases?: unknown }).expectedPurchases === 'function' &&
  typeof (m as { paramsSchema?: { safeParse?: unknown } }).paramsSchema?.safeParse === 'function';

const looksLikeSpendModel = (m: unknown): boolean =>
  m !== null &&
  typeof m === 'object' &&
  typeof (m as { name?: unknown }).name === 'string' &&
  typeof (m as { expectedSpend?: unknown }).expectedSpend === 'function' &&
  typeof (m as { paramsSchema?: { safeParse?: unknown } }).paramsSchema?.safeParse === 'function';

const TransactionModelSchema = /* @__PURE__ */ z.custom<TransactionModel<string, AnyParams>>(
  looksLikeTransactionModel,
  { message: 'Must be a transaction model descriptor such as bgNbd or paretoNbd' },
);
const SpendModelSchema = /* @__PURE__ */ z.custom<SpendModelLike<AnyParams>>(looksLikeSpendModel, {
  message: 'Must be a spend model descriptor such as gammaGamma',
});
const FittedSchema = /* @__PURE__ */ z.custom<FittedModel<string, AnyParams>>(
  (f) =>
    f !== null &&
    typeof f === 'object' &&
    typeof (f as { model?: unknown }).model === 'string' &&
    typeof (f as { params?: unknown }).params === 'object',
  { message: 'Must be a fitted record (the result of a fit or fromJSON)' },
);
const SummarySchema = /* @__PURE__ */ z.custom<TransactionSummaryInput>(
  (s) =>
    s !== null &&
    typeof s === 'object' &&
    ((s as { kind?: unknown }).kind === 'rfm-summary' ||
      (s as { kind?: unknown }).kind === 'rfm-patterns'),
  { message: 'Must be an RFM summary or pattern summary' },
);
const PositiveDurationSchema = /* @__PURE__ */ DurationSchema.refine((d) => d.value > 0, {
  message: 'Must be a duration longer than zero',
});

/** Either `params` or `fitted`, not both. */
function exactlyOneSource(
  component: { params?: unknown; fitted?: unknown },
  ctx: z.RefinementCtx,
): void {
  if ((component.params === undefined) === (component.fitted === undefined))
    ctx.addIssue({
      code: 'custom',
      path: component.params === undefined ? ['params'] : ['fitted'],
      message: 'Must give either params or fitted (a fitted record), not both',
    });
}

/** zod schema of {@link CustomerLifetimeValueInput} (model params are checked by each model's schema). */
export const CustomerLifetimeValueInputSchema = /* @__PURE__ */ z
  .object({
    transactions: z
      .object({
        model: TransactionModelSchema,
        params: z.record(z.string(), z.unknown()).optional(),
        fitted: FittedSchema.optional(),
      })
      .strict()
      .superRefine(exactlyOneSource),
    spend: z
      .object({
        model: SpendModelSchema.optional(),
        params: z.record(z.string(), z.unknown()).optional(),
        fitted: FittedSchema.optional(),
        amount: MoneySchema.optional(),
      })
      .strict()
      .superRefine((spend, ctx) => {
        if (spend.amount !== undefined) {
          if (spend.model !== undefined || spend.params !== undefined || spend.fitted !== undefined)
            ctx.addIssue({
              code: 'custom',
              path: ['amount'],
              message: 'Must be given alone: either { amount } or { model, params | fitted }',
            });
          return;
        }
        if (spend.model === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['model'],
            message: 'Must be a spend model (with params or fitted), or give { amount } instead',
          });
        else exactlyOneSource(spend, ctx);
      }),
    summary: SummarySchema,
    horizon: z.unknown(),
    discount: DiscountInputSchema,
    margin: DecimalInputSchema,
    currency: z.string(),
    timing: PaymentTimingSchema.optional(),
    period: PositiveDurationSchema.optional(),
    calendar: CalendarConventionSchema.optional(),
    interval: z
      .union([
        z.literal(false),
        z
          .object({
            level: z.number().gt(0).lt(1).optional(),
            method: z.enum(['delta', 'draws']).optional(),
            draws: z.number().int().min(10).max(10_000).optional(),
            seed: SeedSchema.optional(),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict();

/** One model component after checks. */
export interface CheckedComponent<M> {
  readonly model: M;
  readonly params: AnyParams;
  readonly fitted: FittedModel<string, AnyParams> | null;
}

/** The input after every check. */
export interface CheckedClvInput {
  readonly transactions: CheckedComponent<TransactionModel<string, AnyParams>>;
  readonly spend:
    | ({ readonly kind: 'model' } & CheckedComponent<SpendModelLike<AnyParams>>)
    | { readonly kind: 'amount'; readonly amount: DecimalValue; readonly amountFloat: number };
  readonly summary: TransactionSummaryInput;
  readonly timeUnit: TimeUnit;
  readonly horizon: Duration | 'infinite';
  readonly discount: DiscountInput;
  readonly margin: DecimalValue;
  readonly currency: CurrencyCode;
  readonly timing: PaymentTiming | undefined;
  readonly period: Duration | undefined;
  readonly calendar: CalendarConvention;
  readonly interval: {
    readonly level: number;
    readonly method: IntervalMethod;
    readonly draws: number;
    readonly seed: number | null;
    readonly requested: boolean;
  } | null;
}

function checkComponent<M extends { name: string; paramsSchema: z.ZodType<AnyParams> }>(
  component: { model: M; params?: unknown; fitted?: FittedModel<string, AnyParams> },
  timeUnit: TimeUnit | null,
  fn: string,
  root: 'transactions' | 'spend',
): CheckedComponent<M> {
  const { model } = component;
  if (component.fitted !== undefined) {
    const fitted = component.fitted;
    if (fitted.model !== model.name)
      fail(
        'input/invalid',
        fn,
        `${root}.fitted is a fit of '${fitted.model}', not of '${model.name}'`,
        {
          expected: `a fitted record of '${model.name}'`,
          received: fitted.model,
          path: [root, 'fitted', 'model'],
        },
      );
    if (timeUnit !== null && fitted.timeUnit !== timeUnit)
      fail(
        'input/invalid',
        fn,
        `the params were fitted in '${fitted.timeUnit}' but the summary is in '${timeUnit}'; summarise the customers in the unit of the fit`,
        { expected: timeUnit, received: fitted.timeUnit, path: [root, 'fitted', 'timeUnit'] },
      );
    const params = parseInput(model.paramsSchema, fitted.params, fn, `${root}.fitted.params`);
    return { model, params, fitted };
  }
  const params = parseInput(model.paramsSchema, component.params, fn, `${root}.params`);
  return { model, params, fitted: null };
}

/** Validates the input (zod, then each model's params schema, units and currencies). */
export function checkClvInput(input: unknown, fn: string): CheckedClvInput {
  const parsed = parseInput(CustomerLifetimeValueInputSchema, input, fn, 'input');
  const summary = parsed.summary;
  const timeUnit = summary.timeUnit;
  const currency = checkCurrency(parsed.currency, fn, ['currency']);
  const transactions = checkComponent(
    parsed.transactions as {
      model: TransactionModel<string, AnyParams>;
      params?: unknown;
      fitted?: FittedModel<string, AnyParams>;
    },
    timeUnit,
    fn,
    'transactions',
  );
  let spend: CheckedClvInput['spend'];
  const horizon: Duration | 'infinite' =
    parsed.horizon === 'infinite'
      ? 'infinite'
      : parseInput(DurationSchema, parsed.horizon, fn, 'horizon');
  if (parsed.spend.amount !== undefined) {
    const amount = parsed.spend.amount;
    if (amount.currency !== currency)
      fail('money/currency-mismatch', fn, 'spend.amount is not in the currency of the valuation', {
        expected: currency,
        received: amount.currency,
        path: ['spend', 'amount'],
      });
    const value = amountOf(amount);
    if (value.isNeg())
      fail('input/invalid', fn, 'spend.amount must not be negative', {
        expected: 'an expected spend per transaction >= 0',
        received: value.toString(),
        path: ['spend', 'amount'],
      });
    spend = { kind: 'amount', amount: value, amountFloat: value.toNumber() };
  } else {
    const component = checkComponent(
      parsed.spend as {
        model: SpendModelLike<AnyParams>;
        params?: unknown;
        fitted?: FittedModel<string, AnyParams>;
      },
      null,
      fn,
      'spend',
    );
    if (
      summary.kind === 'rfm-summary' &&
      summary.currency !== null &&
      summary.currency !== currency
    )
      fail('money/currency-mismatch', fn, "the summary's monetary values are in another currency", {
        expected: currency,
        received: summary.currency,
        path: ['summary', 'currency'],
      });
    spend = { kind: 'model', ...component };
  }
  const margin = parseDecimal(parsed.margin, fn, 'margin');
  if (margin.isNeg())
    fail('input/invalid', fn, 'margin must not be negative', {
      expected: 'a margin >= 0 (a fraction of spend, e.g. "0.30")',
      received: margin.toString(),
      path: ['margin'],
    });
  if (horizon === 'infinite' && (parsed.timing !== undefined || parsed.period !== undefined))
    fail('input/invalid', fn, 'timing and period apply to a finite horizon only', {
      expected: "a finite horizon, or neither timing nor period with horizon 'infinite'",
      received: parsed.timing ?? 'period',
      path: [parsed.timing !== undefined ? 'timing' : 'period'],
    });
  let interval: CheckedClvInput['interval'] = null;
  const hasCovariance =
    (transactions.fitted?.covariance ?? null) !== null ||
    (spend.kind === 'model' && (spend.fitted?.covariance ?? null) !== null);
  if (parsed.interval !== false) {
    const requested = parsed.interval !== undefined;
    const options = parsed.interval ?? {};
    const method = options.method ?? 'delta';
    if (method === 'draws' && options.seed === undefined)
      fail('input/invalid', fn, 'interval method draws needs a seed', {
        expected: 'interval.seed, an integer',
        received: undefined,
        path: ['interval', 'seed'],
      });
    if (requested && !hasCovariance)
      fail(
        'model/undefined-quantity',
        fn,
        'an interval was asked for but neither component is a fitted record with a covariance',
        {
          expected: 'transactions.fitted or spend.fitted with a covariance',
          received: 'params only',
          path: ['interval'],
        },
      );
    if (hasCovariance)
      interval = {
        level: options.level ?? 0.95,
        method,
        draws: options.draws ?? 200,
        seed: options.seed ?? null,
        requested,
      };
  }
  return {
    transactions,
    spend,
    summary,
    timeUnit,
    horizon,
    discount: parsed.discount,
    margin,
    currency,
    timing: parsed.timing,
    period: parsed.period,
    calendar: parsed.calendar ?? 'exact',
    interval,
  };
}
