import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { CalendarPeriod } from '../data/cohort-calendar.js';
import { CalendarPeriodSchema } from '../data/cohort-input.js';
import type { ContractualModel } from '../models/contractual-types.js';
import { type Money, MoneySchema } from '../money/money.js';
import { anniversary, monthOf, monthStart } from './month-table.js';
import type { BoundValuation, CustomerState, CustomerValuation } from './valuation.js';

/**
 * Time from `start` to `day` in contract periods: k whole periods to the latest anniversary on or
 * before `day` (anniversaries on the same day of the month, clamped to month ends, counted from
 * `start`, as `addPeriods` does), plus the elapsed share of the current period in days. Whole at
 * every anniversary, and additive within a period, so interest accrued on it compounds exactly. This
 * is the clock of `contractualValuation` and `retentionValuation` (on the start of the current spell).
 *
 * @param start - The day number the contract started (days since 1970-01-01).
 * @param day - The day number to measure to.
 * @param period - The contract period.
 *
 * @example
 * ```ts
 * import { contractClock } from 'customer-asset';
 *
 * // 2024-01-31 (day 19753): renewals on Feb 29, Mar 31, Apr 30...; Mar 15 is 15/31 into the second period
 * console.log(contractClock(19753, 19782, 'month')); // 1
 * console.log(contractClock(19753, 19797, 'month').toFixed(4)); // '1.4839'
 * ```
 */
export function contractClock(start: number, day: number, period: CalendarPeriod): number {
  if (period === 'week') return (day - start) / 7;
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const base = monthOf(start);
  const dom = start - monthStart(base) + 1;
  const k = periodsBefore(base, dom, months, day);
  const a = anniversary(base, dom, k * months);
  const b = anniversary(base, dom, (k + 1) * months);
  return k + (day - a) / (b - a);
}

/**
 * {@link contractClock} with a cache of the last contract period it found (per start day): calls
 * that move forward through a subscriber's periods, as the ledger's do, cost a few arithmetic
 * operations instead of calendar conversions.
 */
export function cachedContractClock(
  period: CalendarPeriod,
): (start: number, day: number) => number {
  if (period === 'week') return (start, day) => (day - start) / 7;
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  let lastStart = Number.NaN;
  let base = 0;
  let dom = 0;
  let k = 0;
  let a = 0;
  let b = 0;
  let jumpDay = Number.NaN;
  let jumpMonth = 0;
  // the ledger asks twice for the same reading (to accrue, then to value): the last one is kept
  let lastDay = Number.NaN;
  let lastReading = 0;
  return (start, day) => {
    if (start === lastStart && day === lastDay) return lastReading;
    if (start !== lastStart) {
      lastStart = start;
      base = monthOf(start);
      dom = start - monthStart(base) + 1;
      k = 0;
      a = start;
      b = anniversary(base, dom, months);
    }
    if (day >= b && day < b + 62 * months) {
      // the next period or the one after: step forward
      while (day >= b) {
        k += 1;
        a = b;
        b = anniversary(base, dom, (k + 1) * months);
      }
    } else if (day < a || day >= b) {
      // a jump (many subscribers are valued on the same statement dates: remember the month)
      if (day !== jumpDay) {
        jumpDay = day;
        jumpMonth = monthOf(day);
      }
      k = periodsAfter(base, dom, months, jumpMonth, day);
      a = anniversary(base, dom, k * months);
      b = anniversary(base, dom, (k + 1) * months);
    }
    lastDay = day;
    lastReading = k + (day - a) / (b - a);
    return lastReading;
  };
}

/**
 * The number k of whole contract periods from the anniversary base (month index `base`, day of month
 * `dom`) to `day`: the largest k with anniversary k on or before `day`.
 */
export function periodsBefore(base: number, dom: number, months: number, day: number): number {
  return periodsAfter(base, dom, months, monthOf(day), day);
}

/** {@link periodsBefore} given the month index of `day`. */
export function periodsAfter(
  base: number,
  dom: number,
  months: number,
  month: number,
  day: number,
): number {
  let k = Math.floor((month - base) / months);
  if (anniversary(base, dom, k * months) > day) k -= 1;
  return k;
}

/** The assumptions of a {@link contractualValuation}, revalued in this order. */
export interface ContractualValuationAssumptions<Params extends Readonly<Record<string, number>>> {
  /** Retention: the contractual model's params (sBG `{ alpha, beta }`, ...). */
  readonly retention: Params;
  /** Margin per contract period (one payment). */
  readonly margin: Money;
  /** Effective discount rate per contract period, >= 0. */
  readonly discountRate: number;
  readonly [key: string]: unknown;
}

/** The assumptions of a {@link retentionValuation}, revalued in this order. */
export interface RetentionValuationAssumptions {
  /** Probability that a subscriber renews at each renewal, in (0, 1]. */
  readonly retention: number;
  /** Margin per contract period (one payment). */
  readonly margin: Money;
  /** Effective discount rate per contract period, >= 0 (> 0 when retention is 1). */
  readonly discountRate: number;
  readonly [key: string]: unknown;
}

/** What a contractual valuation needs from its retention assumption. */
interface RetentionCurve {
  /** DERL with `renewals` renewals made: value, at the next renewal, of the payments from it on. */
  derl(renewals: number): number;
  /** r_t: probability of renewing at the t-th renewal given the (t − 1)-th. */
  rate(t: number): number;
}

function contractual<A extends Readonly<Record<string, unknown>>>(
  name: string,
  period: CalendarPeriod,
  assumptionsSchema: z.ZodType<A>,
  order: readonly (keyof A & string)[],
  curve: (assumptions: A) => RetentionCurve,
): CustomerValuation<A> {
  // the ledger walks each subscriber forward in time: the cached clock (equal to contractClock)
  // steps from one anniversary to the next instead of converting calendar dates on every call
  const cached = cachedContractClock(period);
  const clock = (state: CustomerState, day: number) => cached(state.spellStartDay, day);
  return Object.freeze({
    name,
    source: 'subscriptions' as const,
    timeUnit: period,
    assumptionsSchema,
    revaluationOrder: Object.freeze([...order]),
    clock,
    bind(assumptions: A): BoundValuation {
      const a = parseInput(assumptionsSchema, assumptions, 'bind', 'assumptions');
      const margin = a.margin as Money;
      const d = a.discountRate as number;
      const m = Number(margin.amount.toString());
      const retention = curve(a);
      const derl = new Map<number, number>();
      const lnGrowth = Math.log1p(d);
      // DERL by tenure: an array for the tenures subscribers have (a Map beyond)
      const derlByTenure: number[] = [];
      const derlAt = (k: number) => {
        let v = k < 4096 ? derlByTenure[k] : derl.get(k);
        if (v === undefined) {
          v = retention.derl(k);
          if (!Number.isFinite(v))
            fail('model/undefined-quantity', name, 'the residual lifetime value is not finite', {
              expected: 'a discount rate that makes DERL finite',
              received: d,
            });
          if (k < 4096) derlByTenure[k] = v;
          else derl.set(k, v);
        }
        return v;
      };
      return Object.freeze({
        currency: margin.currency,
        discountRate: d,
        value(state: CustomerState): number {
          const tau = clock(state, state.day);
          const k = Math.floor(tau);
          // (1 + d)^−(1 − f) with f the elapsed share of the period
          return m * derlAt(k) * Math.exp(-(1 - (tau - k)) * lnGrowth);
        },
        margin: () => m,
        expectation(state: CustomerState, toDay: number) {
          const k0 = Math.floor(clock(state, state.day));
          const k1 = Math.floor(clock(state, toDay));
          let survive = 1;
          for (let t = k0 + 1; t <= k1; t += 1) survive *= retention.rate(t);
          const mean = 1 - survive;
          return { mean, variance: mean * (1 - mean) };
        },
      });
    },
  });
}

const ContractualOptionsSchema = z
  .object({
    model: z.custom<ContractualModel<string, Readonly<Record<string, number>>>>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as { derl?: unknown }).derl === 'function' &&
        typeof (v as { retentionRate?: unknown }).retentionRate === 'function' &&
        typeof (v as { paramsSchema?: { safeParse?: unknown } }).paramsSchema?.safeParse ===
          'function',
      { message: 'Must be a contractual model descriptor such as shiftedBetaGeometric' },
    ),
    period: CalendarPeriodSchema,
    name: z.string().min(1).optional(),
  })
  .strict();

/**
 * A valuation of subscribers from a contractual retention model (shifted-beta-geometric, beta-
 * discrete-Weibull, geometric): a subscriber who has paid k renewals since their current spell
 * started, a share f of the way through the current contract period, is worth
 * margin × DERL(k) × (1 + d)^−(1 − f), where DERL(k) (the model's `derl` with `periodsSurvived` = k;
 * Fader & Hardie 2010, Marketing Science 29(1), eq. 6; REFERENCE.md §5) values the payments from the
 * next renewal on at the moment of that renewal. Payments fall at the start of every contract period
 * (the spell start and each anniversary); the start payment is part of the value acquired.
 *
 * Assumptions, revalued in this order: `retention` (the model's params), `margin` (Money per period),
 * `discountRate` (per contract period). The erosion watch expects a cancellation probability of
 * 1 − Π r_t over the renewals due in the window.
 *
 * Numerical caveats: DERL is computed by the model once per tenure and cached per assumption set.
 *
 * @param options - `{ model, period, name? }`: the model descriptor and the contract period.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { contractualValuation, money, shiftedBetaGeometric } from 'customer-asset';
 *
 * const valuation = contractualValuation({ model: shiftedBetaGeometric, period: 'year' });
 * const bound = valuation.bind({
 *   retention: { alpha: 0.764, beta: 1.296 },
 *   margin: money('100', 'USD'),
 *   discountRate: 0.1,
 * });
 * // a subscriber on the day of their first renewal (1971-01-01), just after paying: 100 × DERL(1) / 1.1
 * const state = {
 *   customerId: 'a', day: 365, acquisitionDay: 0, spellStartDay: 0,
 *   lastPurchaseDay: 365, repeatPurchases: 1, repeatSpend: 0,
 * };
 * console.log(bound.value(state).toFixed(2)); // '358.13'
 * ```
 */
export function contractualValuation<Params extends Readonly<Record<string, number>>>(options: {
  readonly model: ContractualModel<string, Params>;
  readonly period: CalendarPeriod;
  readonly name?: string;
}): CustomerValuation<ContractualValuationAssumptions<Params>> {
  const opts = parseInput(ContractualOptionsSchema, options, 'contractualValuation', 'options');
  const model = options.model;
  const schema = z
    .object({
      retention: model.paramsSchema,
      margin: MoneySchema,
      discountRate: z.number().nonnegative().finite(),
    })
    .strict() as unknown as z.ZodType<ContractualValuationAssumptions<Params>>;
  return contractual(
    opts.name ?? model.name,
    opts.period,
    schema,
    ['retention', 'margin', 'discountRate'],
    (a) => ({
      derl: (k) => model.derl(a.retention, { periodsSurvived: k, discountRate: a.discountRate }),
      rate: (t) => model.retentionRate(a.retention, t),
    }),
  );
}

const RetentionOptionsSchema = z
  .object({ period: CalendarPeriodSchema, name: z.string().min(1).optional() })
  .strict();

const RetentionAssumptionsSchema = z
  .object({
    retention: z.number().gt(0).max(1),
    margin: MoneySchema,
    discountRate: z.number().nonnegative().finite(),
  })
  .strict()
  .refine((a) => 1 + a.discountRate - a.retention > 0, {
    message: 'discountRate must be > 0 when retention is 1 (the value is infinite otherwise)',
    path: ['discountRate'],
  }) as unknown as z.ZodType<RetentionValuationAssumptions>;

/**
 * A valuation of subscribers at a constant retention rate r: DERL = r(1 + d)/(1 + d − r) at every
 * tenure (the constant-retention DERL, Fader & Hardie 2010; REFERENCE.md §5 and §6: just after a
 * payment the residual value is m·r/(1 + d − r), Gupta & Lehmann's margin multiple). Otherwise as
 * {@link contractualValuation}: payments at the start of every contract period, the value accrues
 * interest between them. Assumptions, revalued in this order: `retention`, `margin`, `discountRate`.
 *
 * A constant rate is right only where r is a real retention rate (contracts, subscriptions): a
 * repeat-buying rate is not one (Fader & Hardie 2012, note 024).
 *
 * @param options - `{ period, name? }`: the contract period.
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { money, retentionValuation } from 'customer-asset';
 *
 * const bound = retentionValuation({ period: 'year' }).bind({
 *   retention: 0.8,
 *   margin: money('100', 'USD'),
 *   discountRate: 0.1,
 * });
 * const justPaid = {
 *   customerId: 'a', day: 365, acquisitionDay: 0, spellStartDay: 0,
 *   lastPurchaseDay: 365, repeatPurchases: 1, repeatSpend: 0,
 * };
 * console.log(bound.value(justPaid).toFixed(3)); // '266.667' = 100 × 0.8 / (1.1 − 0.8)
 * ```
 */
export function retentionValuation(options: {
  readonly period: CalendarPeriod;
  readonly name?: string;
}): CustomerValuation<RetentionValuationAssumptions> {
  const opts = parseInput(RetentionOptionsSchema, options, 'retentionValuation', 'options');
  return contractual(
    opts.name ?? 'retention-rate',
    opts.period,
    RetentionAssumptionsSchema,
    ['retention', 'margin', 'discountRate'],
    (a) => ({
      derl: () => (a.retention * (1 + a.discountRate)) / (1 + a.discountRate - a.retention),
      rate: () => a.retention,
    }),
  );
}
