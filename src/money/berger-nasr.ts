import { z } from 'zod';
import { parseInput } from '../core/validate.js';
import { checkRetentionAndDiscount } from './check-rates.js';
import type { DecimalInput } from './decimal.js';
import { DecimalInputSchema, ONE, ZERO } from './decimal-input.js';
import { amountOf, checkPair, type Money, MoneySchema, makeMoney } from './money.js';

/** Inputs of {@link bergerNasrCase1}; rates are per year. */
export interface BergerNasrCase1Input {
  /** Gross contribution per year (GC), received at the start of each year. */
  readonly grossContribution: Money;
  /** Promotion spend per year (M), made mid-year while the customer is still there. */
  readonly promotionCost: Money;
  /** Yearly retention r in [0, 1]. */
  readonly retention: DecimalInput;
  /** Yearly discount rate d, > -1. */
  readonly discountRate: DecimalInput;
  /** n: the contributions of years 0..n are counted, the promotions of years 1..n. */
  readonly years: number;
}

const InputSchema = z
  .object({
    grossContribution: MoneySchema,
    promotionCost: MoneySchema,
    retention: DecimalInputSchema,
    discountRate: DecimalInputSchema,
    years: z.number().int().nonnegative().max(100_000),
  })
  .strict();

/**
 * Berger & Nasr (1998, JIM 12(1):17-30) case 1: yearly purchases, the gross contribution GC arriving
 * at the start of each year and the promotion spend M made at mid-year:
 *
 * CLV = GC * sum_{i=0}^{n} r^i / (1+d)^i  -  M * sum_{i=1}^{n} r^(i-1) / (1+d)^(i-0.5).
 *
 * GC = 260, M = 50, r = 0.75, d = 0.2, n = 5 gives 541.8990765 (`clv.berger_nasr_case1`,
 * REFERENCE.md §6). Unrounded.
 *
 * @throws CustomerAssetError `input/invalid`, `money/currency-mismatch`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { bergerNasrCase1, money } from 'customer-asset';
 * const clv = bergerNasrCase1({
 *   grossContribution: money('260', 'USD'),
 *   promotionCost: money('50', 'USD'),
 *   retention: '0.75',
 *   discountRate: '0.2',
 *   years: 5,
 * });
 * clv.amount.toFixed(4); // '541.8991'
 * ```
 */
export function bergerNasrCase1(input: BergerNasrCase1Input): Money {
  const fn = 'bergerNasrCase1';
  const parsed = parseInput(InputSchema, input, fn, 'input');
  const gc = parsed.grossContribution;
  const m = parsed.promotionCost;
  checkPair(gc, m, fn);
  const { r, d } = checkRetentionAndDiscount(parsed.retention, parsed.discountRate, fn);
  const q = r.div(d.plus(1));
  const halfYear = d.plus(1).sqrt();
  let contributions = ZERO;
  let promotions = ZERO;
  let term = ONE; // q^i
  for (let i = 0; i <= parsed.years; i++) {
    if (i > 0) {
      // r^(i-1)/(1+d)^(i-0.5) = q^(i-1) * (1+d)^-0.5
      promotions = promotions.plus(term.div(halfYear));
      term = term.times(q);
    }
    contributions = contributions.plus(term);
  }
  return makeMoney(
    amountOf(gc).times(contributions).minus(amountOf(m).times(promotions)),
    gc.currency,
  );
}
