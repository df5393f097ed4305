import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import {
  evaluatePolynomial,
  type FlowPolynomial,
  flowPolynomial,
  periodicPolynomial,
} from './cash-flow-polynomial.js';
import type { CurrencyCode } from './currencies.js';
import { dayNumber, IsoDateSchema } from './dates.js';
import { Dec, type DecimalInput, type DecimalValue } from './decimal.js';
import { ONE, parseRate } from './decimal-input.js';
import { amountOf, type Money, MoneySchema, makeMoney, parseMoneyList } from './money.js';

/** Days in the year of the XNPV/XIRR convention (actual days / 365, leap days ignored). */
export const DAYS_PER_YEAR = 365;

/** A cash flow on a calendar date, for {@link xnpv} and `xirr`. */
export interface DatedCashFlow {
  /** ISO 8601 calendar date `YYYY-MM-DD`. */
  readonly date: string;
  readonly amount: Money;
}

/** Options of {@link npv}. */
export interface NpvOptions {
  /**
   * The time of `cashflows[0]` in periods: `0` (default: the first flow is now, undiscounted) or `1`
   * (the spreadsheet convention: every flow, the first included, is discounted at least one period).
   */
  readonly firstAt?: 0 | 1;
}

const NpvOptionsSchema = z
  .object({ firstAt: z.union([z.literal(0), z.literal(1)]).optional() })
  .strict();

/**
 * Net present value of periodic cash flows, **`cashflows[0]` at t = 0** (undiscounted), `cashflows[t]`
 * at the end of period t: `NPV = sum_t CF_t / (1 + rate)^t`. Returns Money, unrounded.
 *
 * **The spreadsheet trap.** Excel's, LibreOffice's and Google Sheets' `NPV(rate, v1, ..., vn)` discount
 * the *first* value by one full period: `sum_i v_i / (1 + rate)^i`, i = 1..n; the investment at t = 0
 * must be added outside the function. numpy-financial's `npv`, like this function, puts `values[0]` at
 * t = 0. On [-1000, 500, 500, 500] at 10% the two give 243.4260 (here) and 221.2964 (spreadsheet):
 * a 10% gap, which is one period of discounting (`fin.npv.convention_trap`). To reproduce a
 * spreadsheet's `NPV(...)`, pass `{ firstAt: 1 }`.
 *
 * Evaluated by Horner's rule with v = 1/(1 + rate) in 40-digit decimal arithmetic: relative error
 * about n * 1e-40 for n flows.
 *
 * @param rate - effective rate per period, > -1.
 * @param cashflows - one or more Money values in one currency.
 * @param options - `{ firstAt: 0 | 1 }`, see above.
 * @throws CustomerAssetError `input/invalid`, `input/empty`, `money/currency-mismatch`,
 *   `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { money, npv } from 'customer-asset';
 * const flows = ['-1000', '500', '500', '500'].map((a) => money(a, 'USD'));
 * npv('0.1', flows).amount.toFixed(4); // '243.4260' (first flow now)
 * npv('0.1', flows, { firstAt: 1 }).amount.toFixed(4); // '221.2964' (spreadsheet NPV)
 * ```
 */
export function npv(
  rate: DecimalInput,
  cashflows: readonly Money[],
  options: NpvOptions = {},
): Money {
  const fn = 'npv';
  const i = parseRate(rate, fn);
  const list = parseMoneyList(cashflows, fn, 'cashflows');
  const opts = parseInput(NpvOptionsSchema, options, fn, 'options');
  const poly = periodicPolynomial(list.map(amountOf), opts.firstAt ?? 0);
  return makeMoney(evaluatePolynomial(poly, ONE.div(i.plus(1))), list[0]!.currency);
}

const DatedCashFlowSchema = z.object({ date: IsoDateSchema, amount: MoneySchema });
const DatedCashFlowsSchema = z.array(DatedCashFlowSchema);

/** Validated dated flows as a polynomial in u = (1+r)^(-1/365). Internal, shared with xirr. */
export interface DatedFlows {
  readonly poly: FlowPolynomial;
  readonly currency: CurrencyCode;
}

/**
 * Validates dated flows: non-empty, one currency, every date on or after the first flow's date
 * (as in Excel). Internal.
 */
export function parseDatedFlows(value: unknown, fn: string): DatedFlows {
  const list = parseInput(DatedCashFlowsSchema, value, fn, 'cashflows');
  if (list.length === 0)
    fail('input/empty', fn, 'cashflows is empty', {
      expected: 'at least one dated cash flow',
      received: list,
      path: ['cashflows'],
    });
  const first = list[0]!;
  const start = dayNumber(first.date);
  const days: number[] = [];
  const amounts: DecimalValue[] = [];
  list.forEach((flow, k) => {
    if (flow.amount.currency !== first.amount.currency)
      fail(
        'money/currency-mismatch',
        fn,
        `cashflows[${k}] is in another currency than cashflows[0]`,
        {
          expected: first.amount.currency,
          received: flow.amount.currency,
          path: ['cashflows', k, 'amount'],
        },
      );
    const d = dayNumber(flow.date) - start;
    if (d < 0)
      fail('input/invalid', fn, `cashflows[${k}] is dated before the first flow`, {
        expected: `a date on or after ${first.date}`,
        received: flow.date,
        path: ['cashflows', k, 'date'],
      });
    days.push(d);
    amounts.push(amountOf(flow.amount));
  });
  return { poly: flowPolynomial(days, amounts), currency: first.amount.currency };
}

/** u = (1 + rate)^(-1/365): the discount factor of one day. Internal. */
export function dailyDiscount(rate: DecimalValue): DecimalValue {
  return rate.plus(1).pow(new Dec(-1).div(DAYS_PER_YEAR));
}

/**
 * Net present value of dated cash flows (Excel's XNPV): `sum_j P_j / (1 + rate)^((d_j - d_0)/365)`,
 * where d_0 is the date of the **first flow in the list** (t = 0, undiscounted; the other dates may
 * come in any order but not before it) and time is actual days / 365 with leap days not treated
 * specially. `rate` is an annual effective rate. Returns Money, unrounded.
 *
 * Excel help's example, [-10000, 2750, 4250, 3250, 2750] on 2008-01-01, 2008-03-01, 2008-10-30,
 * 2009-02-15, 2009-04-01 at 9%, gives 2086.65 (2086.6476... unrounded).
 *
 * @param rate - annual effective rate, > -1.
 * @param cashflows - `{ date: 'YYYY-MM-DD', amount: Money }[]`, one currency.
 * @throws CustomerAssetError `input/invalid`, `input/empty`, `money/currency-mismatch`,
 *   `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { money, xnpv } from 'customer-asset';
 * const usd = (a: string) => money(a, 'USD');
 * const value = xnpv('0.09', [
 *   { date: '2008-01-01', amount: usd('-10000') },
 *   { date: '2008-03-01', amount: usd('2750') },
 *   { date: '2008-10-30', amount: usd('4250') },
 *   { date: '2009-02-15', amount: usd('3250') },
 *   { date: '2009-04-01', amount: usd('2750') },
 * ]);
 * value.amount.toFixed(2); // '2086.65'
 * ```
 */
export function xnpv(rate: DecimalInput, cashflows: readonly DatedCashFlow[]): Money {
  const fn = 'xnpv';
  const i = parseRate(rate, fn);
  const { poly, currency } = parseDatedFlows(cashflows, fn);
  return makeMoney(evaluatePolynomial(poly, dailyDiscount(i)), currency);
}
