import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import type { TimeUnit } from '../core/time-unit.js';
import { parseInput } from '../core/validate.js';
import type { CurrencyCode } from '../money/currencies.js';
import type { DecimalInput, DecimalValue } from '../money/decimal.js';
import { DecimalInputSchema, freezeDecimal, ONE, parseRate, ZERO } from '../money/decimal-input.js';
import { amountOf, type Money, MoneySchema, makeMoney } from '../money/money.js';
import { discountedPaybackPeriod, paybackPeriod } from '../money/payback.js';
import { type CustomerBase, CustomerBaseSchema, checkCurrencyOf, parseBase } from './base.js';
import { checkHorizonRate, equityParts } from './equity.js';
import { type BaseKernel, baseKernel } from './kernel.js';

/** Input of {@link acquisitionEconomics}. */
export interface AcquisitionUnitEconomicsInput {
  readonly base: CustomerBase;
  /** What it costs to acquire one new customer (CAC), in the base's currency. */
  readonly acquisitionCost: Money;
  /** Discount rate per period of the base. */
  readonly discountRate: DecimalInput;
  /** Periods counted; omitted: an infinite horizon (discount rate > 0). */
  readonly horizon?: number;
}

/** The unit economics of acquiring one customer. Frozen. */
export interface AcquisitionUnitEconomics {
  readonly currency: CurrencyCode;
  readonly period: TimeUnit;
  /**
   * The most it pays to spend acquiring one customer: the PV of a new customer's expected margins,
   * the first on joining (REFERENCE.md §6 case 1, "the upper bound on acquisition spend").
   */
  readonly breakEvenAcquisitionCost: Money;
  readonly acquisitionCost: Money;
  /** breakEvenAcquisitionCost / acquisitionCost (CLV/CAC); null when the CAC is zero. */
  readonly clvToCac: DecimalValue | null;
  /**
   * Periods until a new customer's expected margins (survival-weighted) repay the CAC, undiscounted
   * (`simple`) and discounted, interpolated within the period; null when they never do within
   * `paybackSearchedPeriods`.
   */
  readonly payback: {
    readonly simple: DecimalValue | null;
    readonly discounted: DecimalValue | null;
  };
  /** The horizon searched for payback: `horizon`, or 1,200 periods for an infinite horizon. */
  readonly paybackSearchedPeriods: number;
}

/** Periods searched for payback when the horizon is infinite. */
const PAYBACK_SEARCH = 1200;

const InputSchema = z
  .object({
    base: CustomerBaseSchema,
    acquisitionCost: MoneySchema,
    discountRate: DecimalInputSchema,
    horizon: z.number().int().min(1).max(2000).optional(),
  })
  .strict();

/** Unit economics for a validated kernel. Internal. */
export function acquisitionEconomicsOf(
  kernel: BaseKernel,
  cac: DecimalValue,
  discountRate: DecimalValue,
  horizon: number | null,
): AcquisitionUnitEconomics {
  const { currency } = kernel;
  const parts = equityParts(kernel, {
    delta: 0,
    marginScale: ONE,
    acquisitionCost: cac,
    newCustomersPerPeriod: ZERO,
    discountRate,
    horizon,
  });
  const searched = horizon ?? PAYBACK_SEARCH;
  const survival = kernel.newSurvival(ZERO, searched);
  const flows = survival.map((s, j) => {
    const margin = kernel.newMargin.times(s);
    return makeMoney(j === 0 ? margin.minus(cac) : margin, currency);
  });
  return deepFreeze({
    currency,
    period: kernel.period,
    breakEvenAcquisitionCost: makeMoney(parts.newCustomerValue, currency),
    acquisitionCost: makeMoney(cac, currency),
    clvToCac: cac.isZero() ? null : freezeDecimal(parts.newCustomerValue.div(cac)),
    payback: {
      simple: paybackPeriod(flows),
      discounted: discountedPaybackPeriod(discountRate, flows),
    },
    paybackSearchedPeriods: searched,
  });
}

/**
 * The unit economics of acquiring a customer into this base: the break-even acquisition cost (the PV
 * of a new customer's expected margins, the first paid on joining: REFERENCE.md §6 case 1), CLV/CAC,
 * and the payback period of the CAC on the new customer's expected (survival-weighted) margins,
 * undiscounted and discounted. For a simple-rates base the break-even cost is m(1 + d)/(1 + d − r)
 * over an infinite horizon.
 *
 * Numerical caveats: payback counts expected margins, so it is the time at which the *average*
 * customer of a cohort has repaid the CAC; with an infinite horizon the search stops at 1,200 periods.
 *
 * @throws CustomerAssetError `input/invalid`, `money/currency-mismatch`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { acquisitionEconomics, money } from 'customer-asset';
 * const unit = acquisitionEconomics({
 *   base: { kind: 'rates', customers: 1, margin: money('100', 'USD'), retention: '0.8', period: 'year' },
 *   acquisitionCost: money('250', 'USD'),
 *   discountRate: '0.1',
 * });
 * unit.breakEvenAcquisitionCost.amount.toFixed(2); // '366.67'
 * unit.clvToCac?.toFixed(3); // '1.467'
 * ```
 */
export function acquisitionEconomics(
  input: AcquisitionUnitEconomicsInput,
): AcquisitionUnitEconomics {
  const fn = 'acquisitionEconomics';
  const parsed = parseInput(InputSchema, input, fn, 'input');
  const kernel = baseKernel(parseBase(parsed.base, fn, 'base'));
  checkCurrencyOf(parsed.acquisitionCost, kernel.currency, fn, ['acquisitionCost']);
  const cac = amountOf(parsed.acquisitionCost);
  const d = parseRate(parsed.discountRate, fn, 'discountRate');
  const horizon = parsed.horizon ?? null;
  checkHorizonRate(d, horizon, fn);
  checkNonNegative(cac, fn);
  return acquisitionEconomicsOf(kernel, cac, d, horizon);
}

/** Throws `input/invalid` for a negative acquisition cost. */
export function checkNonNegative(cac: DecimalValue, fn: string): void {
  if (cac.isNeg())
    fail('input/invalid', fn, 'acquisitionCost is negative', {
      expected: 'a cost >= 0',
      received: cac.toString(),
      path: ['acquisitionCost'],
    });
}
