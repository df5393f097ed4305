import { z } from 'zod';
import { fail } from '../core/errors.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import { type FlowPolynomial, periodicPolynomial, signChanges } from './cash-flow-polynomial.js';
import type { CurrencyCode } from './currencies.js';
import type { DecimalInput, DecimalValue } from './decimal.js';
import { DecimalInputSchema, freezeDecimal, minusOne, ONE, parseRate } from './decimal-input.js';
import { amountOf, type Money, makeMoney, parseMoneyList } from './money.js';
import { DAYS_PER_YEAR, type DatedCashFlow, dailyDiscount, parseDatedFlows } from './npv.js';
import { findDiscountRoot } from './root.js';

/** Options of {@link irr} and {@link xirr}. */
export interface IrrOptions {
  /**
   * Where the search starts (default 0.1). With several sign changes there may be several rates; the
   * one returned is the one nearest the guess (in ln(1 + r)), as with a spreadsheet's guess.
   */
  readonly guess?: DecimalInput;
  /** Refinement iterations allowed (default 400; bisection alone needs about 110). */
  readonly maxIterations?: number;
}

/** The rate found by {@link irr} or {@link xirr}, with its diagnostics. Frozen. */
export interface IrrResult {
  /** The rate per period (irr) or per year (xirr) at which NPV (XNPV) is zero. */
  readonly rate: DecimalValue;
  /** NPV (XNPV) of the cash flows at `rate`: zero up to 40-digit rounding. */
  readonly npv: Money;
  /** How often the flows change sign in time order (zeros skipped). */
  readonly signChanges: number;
  /** Refinement iterations (Newton or bisection steps) after bracketing. */
  readonly iterations: number;
  /** Evaluations of the NPV polynomial in all (bracketing and refinement). */
  readonly evaluations: number;
  /** The rates that bracketed the root before refinement, lower first. */
  readonly bracket: readonly [DecimalValue, DecimalValue];
  /** Empty, or why the rate may not be the only one (more than one sign change). */
  readonly warnings: readonly string[];
}

const IrrOptionsSchema = z
  .object({
    guess: DecimalInputSchema.optional(),
    maxIterations: z.number().int().positive().max(100_000).optional(),
  })
  .strict();

function solve(
  poly: FlowPolynomial,
  currency: CurrencyCode,
  perYear: number,
  options: unknown,
  fn: string,
): IrrResult {
  const opts = parseInput(IrrOptionsSchema, options, fn, 'options');
  const guess = parseRate(opts.guess ?? '0.1', fn, 'guess');
  const changes = signChanges(poly);
  if (changes === 0)
    fail(
      'finance/no-sign-change',
      fn,
      'the cash flows never change sign, so no rate makes NPV zero',
      {
        expected: 'at least one negative and one positive flow',
        received: `${poly.amounts.length} flows without a sign change`,
        path: ['cashflows'],
      },
    );
  // u = (1 + r)^(-1/K)
  const toU = (rate: DecimalValue): DecimalValue =>
    perYear === 1 ? ONE.div(rate.plus(1)) : dailyDiscount(rate);
  const toRate = (u: DecimalValue): DecimalValue =>
    minusOne(perYear === 1 ? ONE.div(u) : u.pow(-perYear));
  const root = findDiscountRoot(poly, toU(guess), perYear, opts.maxIterations ?? 400, fn);
  const warnings =
    changes > 1
      ? [
          `the cash flows change sign ${changes} times, so up to ${changes} rates can make NPV zero (Descartes' rule of signs); this is the one nearest the guess`,
        ]
      : [];
  const [uSmall, uLarge] = root.bracket;
  return Object.freeze({
    rate: freezeDecimal(toRate(root.u)),
    npv: makeMoney(root.value, currency),
    signChanges: changes,
    iterations: root.iterations,
    evaluations: root.evaluations,
    bracket: Object.freeze([freezeDecimal(toRate(uLarge)), freezeDecimal(toRate(uSmall))] as const),
    warnings: Object.freeze(warnings),
  });
}

/**
 * Internal rate of return of periodic cash flows (`cashflows[0]` at t = 0, one flow per period): the
 * rate r > -1 at which `npv(r, cashflows)` is zero. Brackets the root by walking out from the guess,
 * then refines by safeguarded Newton on the exact decimal NPV polynomial, to about 1e-32.
 *
 * - No sign change in the flows: no rate exists, `finance/no-sign-change`.
 * - More than one sign change: NPV may have several zeros (Descartes' rule of signs allows one per
 *   sign change); the rate nearest the guess is returned and `warnings` says so. Check NPV over a
 *   range of rates before trusting an IRR of such flows, or use NPV at the cost of capital instead.
 * - Excel's IRR stops after 20 iterations (#NUM!) and at 0.00001%; this returns the converged rate
 *   or `finance/not-converged`.
 *
 * Excel help's example, [-70000, 12000, 15000, 18000, 21000, 26000]: -2.1% after four years
 * (-0.0212448), 8.7% after five (0.0866309), -44.4% after two (-0.443507) (`fin.irr.excel`).
 *
 * @param cashflows - two or more Money values in one currency, in period order.
 * @param options - `{ guess, maxIterations }`.
 * @throws CustomerAssetError `input/invalid`, `input/empty`, `money/currency-mismatch`,
 *   `finance/no-sign-change`, `finance/not-converged`, `finance/invalid-rate` (guess <= -1).
 *
 * @example
 * ```ts
 * import { irr, money } from 'customer-asset';
 * const flows = ['-70000', '12000', '15000', '18000', '21000', '26000'].map((a) => money(a, 'USD'));
 * const result = irr(flows);
 * result.rate.toFixed(7); // '0.0866309'
 * result.warnings; // []
 * ```
 */
export function irr(cashflows: readonly Money[], options: IrrOptions = {}): IrrResult {
  const fn = 'irr';
  const list = parseMoneyList(cashflows, fn, 'cashflows');
  return solve(periodicPolynomial(list.map(amountOf)), list[0]!.currency, 1, options, fn);
}

/**
 * {@link irr} that returns `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { money, safeIrr } from 'customer-asset';
 * const result = safeIrr([money('100', 'USD'), money('50', 'USD')]);
 * result.success ? result.data.rate : result.error.code; // 'finance/no-sign-change'
 * ```
 */
export function safeIrr(cashflows: readonly Money[], options: IrrOptions = {}): Safe<IrrResult> {
  return toSafe(() => irr(cashflows, options));
}

/**
 * Internal rate of return of dated cash flows (Excel's XIRR): the annual rate at which {@link xnpv}
 * is zero, with time in actual days / 365 from the first flow's date. Same method, errors and
 * warnings as {@link irr}.
 *
 * Excel help's example, [-10000, 2750, 4250, 3250, 2750] on 2008-01-01, 2008-03-01, 2008-10-30,
 * 2009-02-15, 2009-04-01, gives 0.373362535 (37.34%); the exact root is 0.3733625335188..., Excel
 * stops within its 0.000001% tolerance.
 *
 * @param cashflows - `{ date: 'YYYY-MM-DD', amount: Money }[]`, one currency, no date before the first.
 * @param options - `{ guess, maxIterations }`.
 * @throws CustomerAssetError as {@link irr}.
 *
 * @example
 * ```ts
 * import { money, xirr } from 'customer-asset';
 * const usd = (a: string) => money(a, 'USD');
 * const result = xirr([
 *   { date: '2008-01-01', amount: usd('-10000') },
 *   { date: '2008-03-01', amount: usd('2750') },
 *   { date: '2008-10-30', amount: usd('4250') },
 *   { date: '2009-02-15', amount: usd('3250') },
 *   { date: '2009-04-01', amount: usd('2750') },
 * ]);
 * result.rate.toFixed(8); // '0.37336253' (Excel: 0.373362535, to its 1e-8 tolerance)
 * ```
 */
export function xirr(cashflows: readonly DatedCashFlow[], options: IrrOptions = {}): IrrResult {
  const fn = 'xirr';
  const { poly, currency } = parseDatedFlows(cashflows, fn);
  return solve(poly, currency, DAYS_PER_YEAR, options, fn);
}

/**
 * {@link xirr} that returns `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { money, safeXirr } from 'customer-asset';
 * safeXirr([{ date: '2024-01-01', amount: money('-5', 'EUR') }]).success; // false
 * ```
 */
export function safeXirr(
  cashflows: readonly DatedCashFlow[],
  options: IrrOptions = {},
): Safe<IrrResult> {
  return toSafe(() => xirr(cashflows, options));
}
