import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { DecimalInput, DecimalValue } from './decimal.js';
import { freezeDecimal, ONE, parseDecimal, parseRate } from './decimal-input.js';
import { amountOf, type Money, makeMoney, parseMoney } from './money.js';

/**
 * When, within period t (t = 1, 2, ... n), a payment falls:
 * - `'end'`: at time t (ordinary annuity, annuity-immediate; spreadsheet NPV);
 * - `'mid'`: at time t - 0.5 (Berger & Nasr's promotion timing; Fader & Hardie eq. 3.13): a
 *   common approximation for cash spread evenly over the period;
 * - `'begin'`: at time t - 1 (annuity-due; a customer who pays up front).
 */
export type PaymentTiming = 'end' | 'mid' | 'begin';

/** zod schema for {@link PaymentTiming}. */
export const PaymentTimingSchema = z.enum(['end', 'mid', 'begin']);

const HALF = freezeDecimal(ONE.div(2));

/** The time in periods at which a payment of period `t` falls under `timing`. Internal. */
export function paymentTime(t: DecimalValue, timing: PaymentTiming): DecimalValue {
  return timing === 'end' ? t : timing === 'mid' ? t.minus(HALF) : t.minus(ONE);
}

/** (1 + i)^0, ^0.5 or ^1: the factor that moves an end-of-period value to `timing`. Internal. */
export function timingFactor(onePlusRate: DecimalValue, timing: PaymentTiming): DecimalValue {
  return timing === 'end' ? ONE : timing === 'mid' ? onePlusRate.sqrt() : onePlusRate;
}

function parseTime(value: unknown, fn: string): DecimalValue {
  const t = parseDecimal(value, fn, 't');
  if (t.isNeg())
    fail('input/invalid', fn, 't must not be negative', {
      expected: 'a period number >= 0',
      received: t.toString(),
      path: ['t'],
    });
  return t;
}

/**
 * The discount factor of a payment in period `t` at a rate per period:
 * - `'end'`: (1 + i)^-t,
 * - `'mid'`: (1 + i)^-(t - 0.5),
 * - `'begin'`: (1 + i)^-(t - 1).
 * `t` may be fractional (for `'end'` it is then simply the time in periods). With `'end'`, factors
 * multiply over consecutive spans: DF(a + b) = DF(a) * DF(b). Integer exponents are computed by exact
 * repeated squaring, fractional ones with decimal.js `pow` (about 1e-38 relative).
 *
 * @param rate - effective rate per period, > -1.
 * @param t - period number (>= 0).
 * @param timing - `'end'` (default), `'mid'` or `'begin'`.
 * @throws CustomerAssetError `input/invalid`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { discountFactor } from 'customer-asset';
 * discountFactor('0.1', 2).toFixed(8); // '0.82644628'
 * discountFactor('0.1', 2, 'mid').toFixed(8); // '0.86678417'
 * discountFactor('0.1', 2, 'begin').toFixed(8); // '0.90909091'
 * ```
 */
export function discountFactor(
  rate: DecimalInput,
  t: DecimalInput,
  timing: PaymentTiming = 'end',
): DecimalValue {
  const fn = 'discountFactor';
  const i = parseRate(rate, fn);
  const time = parseTime(t, fn);
  const when = parseInput(PaymentTimingSchema, timing, fn, 'timing');
  return freezeDecimal(i.plus(1).pow(paymentTime(time, when).neg()));
}

/**
 * The present value of one payment in period `t`: `amount * discountFactor(rate, t, timing)`,
 * unrounded.
 *
 * @throws CustomerAssetError `input/invalid`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { money, presentValue } from 'customer-asset';
 * presentValue(money('121', 'USD'), '0.1', 2).amount.toString(); // '100'
 * ```
 */
export function presentValue(
  amount: Money,
  rate: DecimalInput,
  t: DecimalInput,
  timing: PaymentTiming = 'end',
): Money {
  const fn = 'presentValue';
  parseMoney(amount, fn, 'amount');
  const i = parseRate(rate, fn);
  const time = parseTime(t, fn);
  const when = parseInput(PaymentTimingSchema, timing, fn, 'timing');
  const factor = i.plus(1).pow(paymentTime(time, when).neg());
  return makeMoney(amountOf(amount).times(factor), amount.currency);
}

const PeriodsSchema = z
  .number()
  .int()
  .nonnegative()
  .refine(Number.isSafeInteger, { message: 'Must be a safe integer' });

/**
 * The present value of 1 paid in each of `n` periods:
 * - `'end'`: a(n) = (1 - (1 + i)^-n) / i (annuity-immediate; n at i = 0),
 * - `'begin'`: a(n) * (1 + i) (annuity-due),
 * - `'mid'`: a(n) * (1 + i)^0.5.
 * At i = 12%, n = 5: 3.604776, 4.037349 and 3.814937 (`fin.annuity_and_rates`). Multiply a Money
 * payment by it with `multiplyMoney`.
 *
 * @param rate - effective rate per period, > -1.
 * @param periods - n, a non-negative integer.
 * @throws CustomerAssetError `input/invalid`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { annuityFactor } from 'customer-asset';
 * annuityFactor('0.12', 5).toFixed(8); // '3.60477620'
 * annuityFactor('0.12', 5, 'begin').toFixed(8); // '4.03734935'
 * ```
 */
export function annuityFactor(
  rate: DecimalInput,
  periods: number,
  timing: PaymentTiming = 'end',
): DecimalValue {
  const fn = 'annuityFactor';
  const i = parseRate(rate, fn);
  const n = parseInput(PeriodsSchema, periods, fn, 'periods');
  const when = parseInput(PaymentTimingSchema, timing, fn, 'timing');
  if (i.isZero()) return freezeDecimal(ONE.times(n));
  const onePlus = i.plus(1);
  const immediate = ONE.minus(onePlus.pow(-n)).div(i);
  return freezeDecimal(immediate.times(timingFactor(onePlus, when)));
}

/**
 * The present value of a level payment made every period for ever: `payment / i` for `'end'` (first
 * payment one period away), `payment * (1 + i) / i` for `'begin'`, `payment * (1 + i)^0.5 / i` for
 * `'mid'`. 1/12% = 8.3333 (`fin.annuity_and_rates`). Unrounded.
 *
 * @param payment - the level payment.
 * @param rate - effective rate per period, > 0 (a perpetuity has no finite value otherwise).
 * @throws CustomerAssetError `input/invalid`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { money, perpetuity } from 'customer-asset';
 * perpetuity(money('100', 'USD'), '0.05').amount.toString(); // '2000'
 * ```
 */
export function perpetuity(
  payment: Money,
  rate: DecimalInput,
  timing: PaymentTiming = 'end',
): Money {
  const fn = 'perpetuity';
  parseMoney(payment, fn, 'payment');
  const i = parseRate(rate, fn);
  const when = parseInput(PaymentTimingSchema, timing, fn, 'timing');
  if (i.lte(0))
    fail('finance/invalid-rate', fn, 'a level perpetuity needs a positive rate', {
      expected: 'rate > 0',
      received: i.toString(),
      path: ['rate'],
    });
  const factor = timingFactor(i.plus(1), when).div(i);
  return makeMoney(amountOf(payment).times(factor), payment.currency);
}

/**
 * The present value of payments growing at `growth` per period for ever (Gordon): the first payment
 * is `payment`, the k-th is `payment * (1 + g)^(k-1)`; value `payment / (i - g)` for `'end'`, times
 * (1 + i) for `'begin'`, times (1 + i)^0.5 for `'mid'`. At i = 12%, g = 3%: 11.1111 per unit
 * (`fin.annuity_and_rates`). Unrounded.
 *
 * @param payment - the first payment.
 * @param rate - effective discount rate per period, > -1.
 * @param growth - growth per period, > -1 and strictly below `rate`.
 * @throws CustomerAssetError `input/invalid`, `finance/invalid-rate`,
 *   `finance/growth-at-or-above-rate` (g >= i: the sum diverges).
 *
 * @example
 * ```ts
 * import { growingPerpetuity, money } from 'customer-asset';
 * growingPerpetuity(money('100', 'USD'), '0.08', '0.03').amount.toString(); // '2000'
 * ```
 */
export function growingPerpetuity(
  payment: Money,
  rate: DecimalInput,
  growth: DecimalInput,
  timing: PaymentTiming = 'end',
): Money {
  const fn = 'growingPerpetuity';
  parseMoney(payment, fn, 'payment');
  const i = parseRate(rate, fn);
  const g = parseRate(growth, fn, 'growth');
  const when = parseInput(PaymentTimingSchema, timing, fn, 'timing');
  if (g.gte(i))
    fail('finance/growth-at-or-above-rate', fn, 'growth must be below the discount rate', {
      expected: `growth < ${i.toString()}`,
      received: g.toString(),
      path: ['growth'],
    });
  const factor = timingFactor(i.plus(1), when).div(i.minus(g));
  return makeMoney(amountOf(payment).times(factor), payment.currency);
}
