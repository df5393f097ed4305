/**
 * The customer base that retention-versus-acquisition and CX-return calculations apply effects to:
 * simple rates, a fitted sBG (contractual), or per-customer values from any model (non-contractual).
 * This file holds the public input types and their validation; `kernel.ts` turns a parsed base into
 * expected customers and margins per period.
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { type TimeUnit, TimeUnitSchema } from '../core/time-unit.js';
import { parseInput } from '../core/validate.js';
import { type SbgParams, SbgParamsSchema } from '../models/shifted-beta-geometric/params.js';
import type { CurrencyCode } from '../money/currencies.js';
import type { DecimalInput, DecimalValue } from '../money/decimal.js';
import { DecimalInputSchema, toDecimal } from '../money/decimal-input.js';
import { amountOf, type Money, MoneySchema } from '../money/money.js';

/**
 * A customer base described by simple rates: `customers` active now, each earning `margin` per
 * period while a customer, renewing each period with probability `retention` (the same for all).
 * Margins of the current period are already booked: the first counted margin is next period's
 * (Gupta & Lehmann's timing, REFERENCE.md §6 case 2).
 */
export interface RatesBase {
  readonly kind: 'rates';
  /** Customers active now (an expected count may be fractional). */
  readonly customers: number;
  /** Margin per active customer per period (after cost to serve). */
  readonly margin: Money;
  /** Retention rate per period, in [0, 1]. A decimal input: `'0.8'` is exactly 0.8. */
  readonly retention: DecimalInput;
  /** The period the rates and the margin are quoted for. */
  readonly period: TimeUnit;
}

/**
 * A contractual base valued by a fitted shifted-beta-geometric model (Fader & Hardie 2007): each
 * customer churns at each renewal with their own probability θ ~ Beta(alpha, beta). Customers are
 * grouped by the renewals they have made so far: `customersByTenure[k]` subscribers have renewed k
 * times (k = 0: still in their first, paid, period), so by Bayes their θ ~ Beta(alpha, beta + k).
 * New customers (referrals, acquisitions) start at k = 0 and pay on joining.
 */
export interface SbgBase {
  readonly kind: 'sbg';
  /** sBG params `{ alpha, beta }` (REFERENCE.md §5 writes γ, δ), e.g. a fit's `params`. */
  readonly params: SbgParams;
  /** Active subscribers by renewals made so far (index k); whole or expected counts. */
  readonly customersByTenure: readonly number[];
  /** Margin per active subscriber per period. */
  readonly margin: Money;
  readonly period: TimeUnit;
}

/** One customer (or `count` identical customers) of a {@link CustomerValuesBase}. */
export interface CustomerValue {
  /**
   * Present value of the customer's expected future margins, from next period on, at the base's
   * `valuedAt` rate: e.g. DERT × margin per transaction from BG/NBD or Pareto/NBD with Gamma-Gamma.
   */
  readonly residualValue: Money;
  /** Expected margin from this customer in the next period (expected purchases × margin). */
  readonly nextPeriodMargin: Money;
  /** How many customers this row stands for (default 1). */
  readonly count?: number;
}

/**
 * A base of per-customer values from any model (the non-contractual case). Each customer is mapped to
 * the constant-retention customer with the same next-period expected margin e and residual value V:
 * V = e/(1 + d − r) gives the equivalent retention r = 1 + d − e/V and the margin while active m = e/r
 * (REFERENCE.md §6 case 2). New customers are described by `newCustomer` (a margin and a retention
 * rate, paying on joining). The mapping is an approximation: it matches each customer's next period
 * and total value, not the shape of the model's expected-value curve in between.
 */
export interface CustomerValuesBase {
  readonly kind: 'customer-values';
  readonly customers: readonly CustomerValue[];
  /** The discount rate per period the residual values were computed at. */
  readonly valuedAt: DecimalInput;
  /** A new customer: margin per active period and retention per period (first margin on joining). */
  readonly newCustomer: { readonly margin: Money; readonly retention: DecimalInput };
  readonly period: TimeUnit;
}

/** The customer base a retention or CX calculation applies to. */
export type CustomerBase = RatesBase | SbgBase | CustomerValuesBase;

const CountSchema = z.number().nonnegative().finite();

const RatesBaseSchema = z
  .object({
    kind: z.literal('rates'),
    customers: CountSchema,
    margin: MoneySchema,
    retention: DecimalInputSchema,
    period: TimeUnitSchema,
  })
  .strict();

const SbgBaseSchema = z
  .object({
    kind: z.literal('sbg'),
    params: SbgParamsSchema,
    customersByTenure: z.array(CountSchema).min(1).max(100_000),
    margin: MoneySchema,
    period: TimeUnitSchema,
  })
  .strict();

const CustomerValueSchema = z
  .object({
    residualValue: MoneySchema,
    nextPeriodMargin: MoneySchema,
    count: CountSchema.optional(),
  })
  .strict();

const CustomerValuesBaseSchema = z
  .object({
    kind: z.literal('customer-values'),
    customers: z.array(CustomerValueSchema).min(1),
    valuedAt: DecimalInputSchema,
    newCustomer: z.object({ margin: MoneySchema, retention: DecimalInputSchema }).strict(),
    period: TimeUnitSchema,
  })
  .strict();

/** zod schema of {@link CustomerBase}. */
export const CustomerBaseSchema = z.discriminatedUnion('kind', [
  RatesBaseSchema,
  SbgBaseSchema,
  CustomerValuesBaseSchema,
]);

/** A validated base in the form the kernels use. Internal. */
export type ParsedBase =
  | {
      readonly kind: 'rates';
      readonly currency: CurrencyCode;
      readonly period: TimeUnit;
      readonly customers: DecimalValue;
      readonly margin: DecimalValue;
      readonly retention: DecimalValue;
    }
  | {
      readonly kind: 'sbg';
      readonly currency: CurrencyCode;
      readonly period: TimeUnit;
      readonly params: SbgParams;
      readonly customersByTenure: readonly number[];
      readonly margin: DecimalValue;
    }
  | {
      readonly kind: 'customer-values';
      readonly currency: CurrencyCode;
      readonly period: TimeUnit;
      /** Count, margin while active and equivalent retention of each row with value. */
      readonly rows: readonly { count: number; margin: number; retention: number }[];
      readonly newMargin: DecimalValue;
      readonly newRetention: DecimalValue;
    };

/** Throws `money/currency-mismatch` unless `value` is in `currency`. */
export function checkCurrencyOf(
  value: Money,
  currency: CurrencyCode,
  fn: string,
  path: readonly (string | number)[],
): void {
  if (value.currency !== currency)
    fail('money/currency-mismatch', fn, `${path.join('.')} is in another currency than the base`, {
      expected: currency,
      received: value.currency,
      path,
    });
}

function checkProbability(value: DecimalValue, fn: string, path: (string | number)[]): void {
  if (value.lt(0) || value.gt(1))
    fail('input/invalid', fn, `${path.join('.')} must be a probability in [0, 1]`, {
      expected: 'a retention rate in [0, 1]',
      received: value.toString(),
      path,
    });
}

/** Validates a {@link CustomerBase} (zod, then the cross-field rules) and normalises it. Internal. */
export function parseBase(value: unknown, fn: string, root = 'base'): ParsedBase {
  const base = parseInput(CustomerBaseSchema, value, fn, root);
  switch (base.kind) {
    case 'rates': {
      const retention = toDecimal(base.retention);
      checkProbability(retention, fn, [root, 'retention']);
      return {
        kind: 'rates',
        currency: base.margin.currency,
        period: base.period,
        customers: toDecimal(base.customers),
        margin: amountOf(base.margin),
        retention,
      };
    }
    case 'sbg': {
      if (base.customersByTenure.every((n) => n === 0))
        fail('input/empty', fn, `${root}.customersByTenure has no customers`, {
          expected: 'at least one active customer',
          received: base.customersByTenure,
          path: [root, 'customersByTenure'],
        });
      return {
        kind: 'sbg',
        currency: base.margin.currency,
        period: base.period,
        params: base.params,
        customersByTenure: base.customersByTenure,
        margin: amountOf(base.margin),
      };
    }
    case 'customer-values':
      return parseCustomerValues(base, fn, root);
  }
}

function parseCustomerValues(
  base: z.output<typeof CustomerValuesBaseSchema>,
  fn: string,
  root: string,
): ParsedBase {
  const currency = base.newCustomer.margin.currency;
  const d = toDecimal(base.valuedAt);
  if (d.lte(-1))
    fail('finance/invalid-rate', fn, `${root}.valuedAt must be greater than -1 (-100%)`, {
      expected: 'a rate > -1',
      received: d.toString(),
      path: [root, 'valuedAt'],
    });
  const newRetention = toDecimal(base.newCustomer.retention);
  checkProbability(newRetention, fn, [root, 'newCustomer', 'retention']);
  const rows: { count: number; margin: number; retention: number }[] = [];
  base.customers.forEach((customer, i) => {
    const path = [root, 'customers', i];
    checkCurrencyOf(customer.residualValue, currency, fn, [...path, 'residualValue']);
    checkCurrencyOf(customer.nextPeriodMargin, currency, fn, [...path, 'nextPeriodMargin']);
    const value = amountOf(customer.residualValue);
    const next = amountOf(customer.nextPeriodMargin);
    const count = customer.count ?? 1;
    if (value.isZero() && next.isZero()) return; // a customer with no future value adds nothing
    if (!value.gt(0) || next.isNeg())
      fail(
        'input/invalid',
        fn,
        `${path.join('.')} needs a positive residualValue and a non-negative nextPeriodMargin`,
        {
          expected: 'residualValue > 0 and nextPeriodMargin >= 0',
          received: `${value.toString()} and ${next.toString()}`,
          path,
        },
      );
    // V = e / (1 + d - r)  =>  r = 1 + d - e/V (REFERENCE.md §6 case 2).
    const retention = d.plus(1).minus(next.div(value));
    if (retention.lte(0) || retention.gt(1))
      fail(
        'input/invalid',
        fn,
        `${path.join('.')}: residualValue and nextPeriodMargin imply a retention rate outside (0, 1] at valuedAt; they must satisfy d·V <= e < (1 + d)·V`,
        {
          expected: 'an equivalent retention 1 + d - e/V in (0, 1]',
          received: retention.toString(),
          path,
        },
      );
    if (count > 0)
      rows.push({
        count,
        margin: next.div(retention).toNumber(),
        retention: retention.toNumber(),
      });
  });
  if (rows.length === 0)
    fail('input/empty', fn, `${root}.customers has no customer with value`, {
      expected: 'at least one customer with a positive residual value',
      received: base.customers,
      path: [root, 'customers'],
    });
  return {
    kind: 'customer-values',
    currency,
    period: base.period,
    rows,
    newMargin: amountOf(base.newCustomer.margin),
    newRetention,
  };
}
