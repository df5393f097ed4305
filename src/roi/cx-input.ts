/**
 * The input of the CX-return functions and its validation.
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { DecimalInput, DecimalValue } from '../money/decimal.js';
import { DecimalInputSchema, ONE, parseRate } from '../money/decimal-input.js';
import { amountOf, type Money, MoneySchema } from '../money/money.js';
import { type CustomerBase, CustomerBaseSchema, checkCurrencyOf, parseBase } from './base.js';
import {
  type EffectDistribution,
  EffectDistributionSchema,
  type ParsedEffect,
  parseEffect,
} from './effects.js';
import { type BaseKernel, baseKernel } from './kernel.js';

/**
 * The four levers of a CX programme (Forrester's retention, enrichment and advocacy, plus cost to
 * serve). Each is a number (point estimate) or an {@link EffectDistribution}; omitted means 0.
 */
export interface CxEffects {
  /**
   * Retention uplift in points of the base's aggregate retention per period (0.02 = two points:
   * 80% → 82%). For a heterogeneous base, every customer's churn probability is scaled by the same
   * factor so that the aggregate rises by exactly this much (see the guide).
   */
  readonly retention?: EffectDistribution;
  /** Relative change in margin per active customer per period (0.03 = +3%), existing and new. */
  readonly spend?: EffectDistribution;
  /**
   * New customers won through advocacy and referrals, per period, in each period of the investment
   * schedule (t = 0 .. investment.length − 1). They pay on joining and then renew like any new
   * customer of the base, with the programme's other effects.
   */
  readonly referrals?: EffectDistribution;
  /**
   * Saving in cost to serve per active customer per period, in units of the base's currency
   * (4 = four dollars cheaper to serve each customer each period). Raises the margin of every active
   * customer, existing and new, by this amount.
   */
  readonly costToServeSaving?: EffectDistribution;
}

/** The names of the levers, in the fixed order used everywhere (draws, tables, attribution). */
export const CX_LEVERS = ['retention', 'spend', 'referrals', 'costToServeSaving'] as const;

/** One of the four levers. */
export type CxLeverName = (typeof CX_LEVERS)[number];

/** Input of `cxReturn` (and of the tornado and the Monte Carlo). */
export interface CxReturnInput {
  /**
   * The programme's cost per period: `investment[t]` is spent at time t (t = 0 is now, undiscounted).
   * Amounts >= 0 in the base's currency, at least one positive, at most `horizon + 1` periods.
   */
  readonly investment: readonly Money[];
  readonly effects: CxEffects;
  /** The company's own customer base (simple rates or a fitted model). */
  readonly base: CustomerBase;
  /** Periods over which benefits are counted: cash flows at t = 0 .. horizon (1 to 2,000). */
  readonly horizon: number;
  /** Discount rate per period of the base (> −1): the company's cost of capital. */
  readonly discountRate: DecimalInput;
}

const EffectsSchema = z
  .object({
    retention: EffectDistributionSchema.optional(),
    spend: EffectDistributionSchema.optional(),
    referrals: EffectDistributionSchema.optional(),
    costToServeSaving: EffectDistributionSchema.optional(),
  })
  .strict();

/** zod schema of {@link CxReturnInput}. */
export const CxReturnInputSchema = z
  .object({
    investment: z.array(MoneySchema).min(1),
    effects: EffectsSchema,
    base: CustomerBaseSchema,
    horizon: z.number().int().min(1).max(2000),
    discountRate: DecimalInputSchema,
  })
  .strict();

/** A validated CX scenario. Internal. */
export interface CxScenario {
  readonly kernel: BaseKernel;
  /** Cost amounts per period (decimal), t = 0 .. L − 1. */
  readonly investment: readonly DecimalValue[];
  readonly effects: Readonly<Record<CxLeverName, ParsedEffect>>;
  readonly horizon: number;
  readonly discountRate: DecimalValue;
  /** Tornado moves of the base itself: retention shift (points) and margin scale. */
  readonly baseShift: number;
  readonly marginScale: DecimalValue;
}

/** Validates a {@link CxReturnInput} into a scenario. */
export function parseCxInput(input: unknown, fn: string): CxScenario {
  const parsed = parseInput(CxReturnInputSchema, input, fn, 'input');
  const base = parseBase(parsed.base, fn, 'base');
  const kernel = baseKernel(base);
  const discountRate = parseRate(parsed.discountRate, fn, 'discountRate');
  if (parsed.investment.length > parsed.horizon + 1)
    fail('input/invalid', fn, 'investment has more periods than the horizon', {
      expected: `at most horizon + 1 = ${parsed.horizon + 1} periods`,
      received: parsed.investment.length,
      path: ['investment'],
    });
  const investment = parsed.investment.map((m, t) => {
    checkCurrencyOf(m, kernel.currency, fn, ['investment', t]);
    const amount = amountOf(m);
    if (amount.isNeg())
      fail('input/invalid', fn, `investment[${t}] is negative`, {
        expected: 'a cost >= 0',
        received: amount.toString(),
        path: ['investment', t],
      });
    return amount;
  });
  if (investment.every((a) => a.isZero()))
    fail('input/invalid', fn, 'investment is zero in every period', {
      expected: 'at least one positive amount (a return per $1 needs a cost)',
      received: '0',
      path: ['investment'],
    });
  const effects = Object.fromEntries(
    CX_LEVERS.map((lever) => [
      lever,
      parseEffect(parsed.effects[lever] ?? 0, fn, ['effects', lever]),
    ]),
  ) as Record<CxLeverName, ParsedEffect>;
  return {
    kernel,
    investment,
    effects,
    horizon: parsed.horizon,
    discountRate,
    baseShift: 0,
    marginScale: ONE,
  };
}
