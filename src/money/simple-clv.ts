/**
 * Simple retention CLV: the closed-form formulas managers use, with constant retention r, discount
 * rate d and margin m per period (Fader & Hardie 2012, note 024 "Reconciling and Clarifying CLV
 * Formulas"; Gupta & Lehmann 2003; Gupta, Lehmann & Stuart 2004; REFERENCE.md §6). Valid only where r
 * is a real retention rate (contractual settings): a repeat-buying rate is not one.
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { type TimeUnit, TimeUnitSchema } from '../core/time-unit.js';
import { parseInput } from '../core/validate.js';
import { checkRetentionAndDiscount } from './check-rates.js';
import type { DecimalInput, DecimalValue } from './decimal.js';
import { DecimalInputSchema, freezeDecimal, ONE, toDecimal, ZERO } from './decimal-input.js';
import { amountOf, type Money, MoneySchema, makeMoney } from './money.js';

/**
 * When the margins arrive, relative to the retention events (Fader & Hardie note 024):
 * - `'now'` (case 1): at t = 0, 1, 2, ...; the first margin is paid today, before any renewal.
 *   Value m(1+d)/(1+d-r): a customer not yet acquired (upper bound on acquisition spend).
 * - `'next-period'` (case 2): at t = 1, 2, ..., each only if the customer renewed (survival r^t).
 *   Value m r/(1+d-r): residual value once today's payment is booked (Gupta & Lehmann).
 * - `'end-of-period'` (case 3): the margin of period t at its end, t = 1, 2, ..., for a customer
 *   alive during the period (survival r^(t-1)). Value m/(1+d-r).
 * - `'mid-period'`: case 2 with each margin discounted from mid-period, t - 0.5: m r (1+d)^0.5/(1+d-r).
 */
export type ClvTiming = 'now' | 'next-period' | 'end-of-period' | 'mid-period';

/** zod schema for {@link ClvTiming}. */
export const ClvTimingSchema = z.enum(['now', 'next-period', 'end-of-period', 'mid-period']);

/** Inputs of {@link simpleClv}; every rate is per `period`. */
export interface SimpleClvInput {
  /** Margin per period of a customer who is still a customer (first margin, before growth). */
  readonly margin: Money;
  /** Retention rate per period, in [0, 1]. */
  readonly retention: DecimalInput;
  /** Discount rate per period, > -1. */
  readonly discountRate: DecimalInput;
  /** The period the rates and the margin are quoted for (stated, never converted). */
  readonly period: TimeUnit;
  readonly timing: ClvTiming;
  /** Margin growth per period (default 0): the k-th margin is m (1+g)^(k-1). */
  readonly growth?: DecimalInput;
  /** Number of margins counted; omit for an infinite horizon. */
  readonly horizon?: number;
}

/** The result of {@link simpleClv}. Frozen. */
export interface SimpleClvResult {
  /** Present value of the expected margins, unrounded. */
  readonly value: Money;
  /** `value / margin`: the margin multiple. */
  readonly multiple: DecimalValue;
  readonly period: TimeUnit;
  readonly timing: ClvTiming;
  /** Number of margins counted, or null for an infinite horizon. */
  readonly horizon: number | null;
}

const HorizonSchema = z
  .number()
  .int()
  .nonnegative()
  .refine(Number.isSafeInteger, { message: 'Must be a safe integer' });

const RateFields = {
  retention: DecimalInputSchema,
  discountRate: DecimalInputSchema,
  timing: ClvTimingSchema,
  growth: DecimalInputSchema.optional(),
};

const SimpleClvInputSchema = z
  .object({
    margin: MoneySchema,
    period: TimeUnitSchema,
    horizon: HorizonSchema.optional(),
    ...RateFields,
  })
  .strict();

interface Rates {
  readonly r: DecimalValue;
  readonly d: DecimalValue;
  readonly g: DecimalValue;
  readonly timing: ClvTiming;
}

function checkRates(
  input: {
    retention: DecimalInput;
    discountRate: DecimalInput;
    growth?: DecimalInput | undefined;
    timing: ClvTiming;
  },
  fn: string,
): Rates {
  const { r, d } = checkRetentionAndDiscount(input.retention, input.discountRate, fn);
  const g = input.growth === undefined ? ZERO : toDecimal(input.growth);
  if (g.lte(-1))
    fail('finance/invalid-rate', fn, 'growth must be greater than -1', {
      expected: 'a rate > -1',
      received: g.toString(),
      path: ['growth'],
    });
  return { r, d, g, timing: input.timing };
}

/** q = r(1+g)/(1+d): the ratio of consecutive terms of the CLV series. */
function ratio({ r, d, g }: Rates): DecimalValue {
  return r.times(g.plus(1)).div(d.plus(1));
}

/** The present value, per unit of margin, of the first term of the series under `timing`. */
function firstTerm({ r, d, timing }: Rates): DecimalValue {
  const onePlus = d.plus(1);
  switch (timing) {
    case 'now':
      return ONE;
    case 'next-period':
      return r.div(onePlus);
    case 'end-of-period':
      return ONE.div(onePlus);
    case 'mid-period':
      return r.div(onePlus.sqrt());
  }
}

function checkConverges(rates: Rates, fn: string): void {
  const { r, d, g } = rates;
  if (r.times(g.plus(1)).gte(d.plus(1)))
    fail(
      'finance/growth-at-or-above-rate',
      fn,
      'retention * (1 + growth) must be below 1 + discountRate for an infinite horizon (expected margins would not shrink faster than money is discounted)',
      {
        expected: `r (1+g) < ${d.plus(1).toString()}`,
        received: r.times(g.plus(1)).toString(),
        path: ['retention'],
      },
    );
}

/** The multiple for an infinite (horizon undefined) or finite horizon. Internal. */
function multipleOf(rates: Rates, horizon: number | undefined, fn: string): DecimalValue {
  const a = firstTerm(rates);
  const q = ratio(rates);
  if (horizon === undefined) {
    checkConverges(rates, fn);
    return a.div(ONE.minus(q));
  }
  if (q.eq(1)) return a.times(horizon);
  return a.times(ONE.minus(q.pow(horizon))).div(ONE.minus(q));
}

/**
 * Simple retention CLV: the present value of a customer's expected margins with constant retention
 * `r`, discount rate `d` and margin growth `g` per period, for the payment timing you name
 * (Fader & Hardie 2012, note 024; REFERENCE.md §6). With g = 0 and an infinite horizon:
 *
 * | timing            | value               |
 * |-------------------|---------------------|
 * | `'now'`           | m (1+d) / (1+d-r)   |
 * | `'next-period'`   | m r / (1+d-r)       |
 * | `'end-of-period'` | m / (1+d-r)         |
 * | `'mid-period'`    | m r (1+d)^0.5 / (1+d-r) |
 *
 * With growth, 1+d-r becomes 1+d-r(1+g) (Gupta & Lehmann 2003). With a finite `horizon` of N margins
 * the value is the infinite one times 1 - q^N, q = r(1+g)/(1+d) (a geometric series); it tends to the
 * infinite value as N grows. m=100, r=0.8, d=0.1: 366.667, 266.667, 333.333, 279.682; 255.627 for
 * ten margins of case 2 (`clv.three_formulas`).
 *
 * The period is stated, not converted: every rate and the margin must be per that period. The value
 * is unrounded; round it with `roundMoney` when you present it.
 *
 * @throws CustomerAssetError `input/invalid` (retention outside [0, 1], bad fields),
 *   `finance/invalid-rate`, `finance/growth-at-or-above-rate` (infinite horizon with r(1+g) >= 1+d).
 *
 * @example
 * ```ts
 * import { money, simpleClv } from 'customer-asset';
 * const clv = simpleClv({
 *   margin: money('100', 'USD'),
 *   retention: '0.8',
 *   discountRate: '0.1',
 *   period: 'year',
 *   timing: 'next-period',
 * });
 * clv.value.amount.toFixed(3); // '266.667'
 * ```
 */
export function simpleClv(input: SimpleClvInput): SimpleClvResult {
  const fn = 'simpleClv';
  const parsed = parseInput(SimpleClvInputSchema, input, fn, 'input');
  const rates = checkRates(parsed, fn);
  const multiple = multipleOf(rates, parsed.horizon, fn);
  return Object.freeze({
    value: makeMoney(amountOf(parsed.margin).times(multiple), parsed.margin.currency),
    multiple: freezeDecimal(multiple),
    period: parsed.period,
    timing: parsed.timing,
    horizon: parsed.horizon ?? null,
  });
}

/** One expected margin of {@link simpleClvCashFlows}. Frozen. */
export interface ClvCashFlow {
  /** 1 for the first margin, 2 for the second, ... */
  readonly payment: number;
  /** When it is paid, in periods from now (0, 1, ... for `'now'`; 0.5, 1.5, ... for `'mid-period'`). */
  readonly time: DecimalValue;
  /** Probability the customer is still there to pay it. */
  readonly survival: DecimalValue;
  /** The margin if paid: m (1+g)^(payment-1). */
  readonly margin: Money;
  /** margin * survival. */
  readonly expectedMargin: Money;
  /** (1 + d)^-time. */
  readonly discountFactor: DecimalValue;
  /** expectedMargin * discountFactor. */
  readonly presentValue: Money;
}

const CashFlowsInputSchema = z
  .object({ margin: MoneySchema, period: TimeUnitSchema, horizon: HorizonSchema, ...RateFields })
  .strict();

/**
 * The period-by-period stream behind {@link simpleClv}: for each of the `horizon` margins, when it is
 * paid, the survival probability, the expected margin, the discount factor and the present value.
 * The present values add up to `simpleClv` with the same horizon. Use it to show a CFO where the
 * value comes from, or to feed `npv`-style tools.
 *
 * @throws CustomerAssetError as {@link simpleClv}; `horizon` is required.
 *
 * @example
 * ```ts
 * import { money, simpleClvCashFlows } from 'customer-asset';
 * const flows = simpleClvCashFlows({
 *   margin: money('100', 'USD'), retention: '0.8', discountRate: '0.1',
 *   period: 'year', timing: 'next-period', horizon: 3,
 * });
 * flows.map((f) => f.presentValue.amount.toFixed(2)); // ['72.73', '52.89', '38.47']
 * ```
 */
export function simpleClvCashFlows(
  input: SimpleClvInput & { readonly horizon: number },
): readonly ClvCashFlow[] {
  const fn = 'simpleClvCashFlows';
  const parsed = parseInput(CashFlowsInputSchema, input, fn, 'input');
  const rates = checkRates(parsed, fn);
  const { r, d, g, timing } = rates;
  const m = amountOf(parsed.margin);
  const currency = parsed.margin.currency;
  const v = ONE.div(d.plus(1));
  const offset = timing === 'now' ? ZERO : timing === 'mid-period' ? ONE.div(2) : ONE;
  const survivalLag = timing === 'now' || timing === 'end-of-period' ? 0 : 1;
  const flows: ClvCashFlow[] = [];
  let margin = m;
  for (let k = 0; k < parsed.horizon; k++) {
    if (k > 0) margin = margin.times(g.plus(1));
    const time = offset.plus(k);
    const survival = r.pow(k + survivalLag);
    const factor = timing === 'mid-period' ? d.plus(1).pow(time.neg()) : v.pow(time);
    const expected = margin.times(survival);
    flows.push(
      Object.freeze({
        payment: k + 1,
        time: freezeDecimal(time),
        survival: freezeDecimal(survival),
        margin: makeMoney(margin, currency),
        expectedMargin: makeMoney(expected, currency),
        discountFactor: freezeDecimal(factor),
        presentValue: makeMoney(expected.times(factor), currency),
      }),
    );
  }
  return Object.freeze(flows);
}

const MultipleInputSchema = z.tuple([
  DecimalInputSchema,
  DecimalInputSchema,
  DecimalInputSchema.optional(),
]);

/**
 * Gupta & Lehmann's margin multiple `r / (1 + i - r)`, or `r / (1 + i - r(1 + g))` with margin growth
 * g: the value of a customer, in margins per period, when margins arrive at the end of each period
 * the customer renews (timing `'next-period'`, infinite horizon). At i = 10%: 1.20, 1.75, 2.67, 4.50
 * for r = 0.6, 0.7, 0.8, 0.9 (Gupta & Lehmann 2003, 2005; `clv.margin_multiple`).
 *
 * @param retention - r in [0, 1].
 * @param discountRate - i > -1.
 * @param growth - g > -1 (default 0).
 * @throws CustomerAssetError `input/invalid`, `finance/invalid-rate`,
 *   `finance/growth-at-or-above-rate` (r(1+g) >= 1+i).
 *
 * @example
 * ```ts
 * import { marginMultiple } from 'customer-asset';
 * marginMultiple('0.8', '0.1').toFixed(4); // '2.6667'
 * ```
 */
export function marginMultiple(
  retention: DecimalInput,
  discountRate: DecimalInput,
  growth?: DecimalInput,
): DecimalValue {
  const fn = 'marginMultiple';
  const [r, i, g] = parseInput(
    MultipleInputSchema,
    [retention, discountRate, growth],
    fn,
    'arguments',
  );
  const rates = checkRates({ retention: r, discountRate: i, growth: g, timing: 'next-period' }, fn);
  return freezeDecimal(multipleOf(rates, undefined, fn));
}

/** Inputs of {@link simpleClvElasticities}. */
export interface ClvElasticityInput {
  readonly retention: DecimalInput;
  readonly discountRate: DecimalInput;
  readonly timing: ClvTiming;
  readonly growth?: DecimalInput;
}

/** Elasticities of simple CLV: the % change in CLV per 1% change in each lever. Frozen. */
export interface ClvElasticities {
  /** d ln CLV / d ln r. */
  readonly retention: DecimalValue;
  /** d ln CLV / d ln m (always 1). */
  readonly margin: DecimalValue;
  /** d ln CLV / d ln d (negative). */
  readonly discountRate: DecimalValue;
}

const ElasticityInputSchema = z.object(RateFields).strict();

/**
 * Closed-form elasticities of the infinite-horizon simple CLV (Gupta, Lehmann & Stuart 2004, JMR
 * 41(1); REFERENCE.md §6). For the GLS timing `'next-period'`, with D = 1 + i - r(1 + g):
 *
 * - d ln CLV / d ln r = (1 + i) / D,
 * - d ln CLV / d ln m = 1,
 * - d ln CLV / d ln i = -i / D.
 *
 * Other timings differ by the log-derivative of their timing factor: `'now'` and `'end-of-period'`
 * have r(1+g)/D for retention; `'now'` adds i/(1+i) and `'mid-period'` adds i/(2(1+i)) to the
 * discount-rate elasticity. GLS's published firm elasticities (Amazon 2.45 for retention, ...) also
 * include acquisition costs and cohorts, so they are not these numbers.
 *
 * @throws CustomerAssetError as {@link simpleClv} (infinite horizon).
 *
 * @example
 * ```ts
 * import { simpleClvElasticities } from 'customer-asset';
 * const e = simpleClvElasticities({ retention: '0.8', discountRate: '0.12', timing: 'next-period' });
 * e.retention.toFixed(2); // '3.50'
 * e.discountRate.toFixed(3); // '-0.375'
 * ```
 */
export function simpleClvElasticities(input: ClvElasticityInput): ClvElasticities {
  const fn = 'simpleClvElasticities';
  const rates = checkRates(parseInput(ElasticityInputSchema, input, fn, 'input'), fn);
  checkConverges(rates, fn);
  const { r, d, g, timing } = rates;
  const onePlus = d.plus(1);
  const denominator = onePlus.minus(r.times(g.plus(1)));
  const base = d.div(denominator).neg();
  const retention =
    timing === 'next-period' || timing === 'mid-period'
      ? onePlus.div(denominator)
      : r.times(g.plus(1)).div(denominator);
  const discountRate =
    timing === 'now'
      ? base.plus(d.div(onePlus))
      : timing === 'mid-period'
        ? base.plus(d.div(onePlus.times(2)))
        : base;
  return Object.freeze({
    retention: freezeDecimal(retention),
    margin: ONE,
    discountRate: freezeDecimal(discountRate),
  });
}
