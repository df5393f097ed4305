import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import type { TimeUnit } from '../core/time-unit.js';
import { parseInput } from '../core/validate.js';
import type { CurrencyCode } from '../money/currencies.js';
import { Dec, type DecimalInput, type DecimalValue } from '../money/decimal.js';
import { DecimalInputSchema, freezeDecimal, ONE, parseRate } from '../money/decimal-input.js';
import { amountOf, type Money, MoneySchema, makeMoney } from '../money/money.js';
import {
  type AcquisitionUnitEconomics,
  acquisitionEconomicsOf,
  checkNonNegative,
} from './acquisition-economics.js';
import { type CustomerBase, CustomerBaseSchema, checkCurrencyOf, parseBase } from './base.js';
import { checkHorizonRate, type EquityLevers, equityParts } from './equity.js';
import { baseKernel } from './kernel.js';

/** Input of {@link retentionVsAcquisition}. */
export interface RetentionVsAcquisitionInput {
  /** The company's own customers: simple rates or a fitted model. */
  readonly base: CustomerBase;
  /** Discount rate per period of the base (the cost of capital). */
  readonly discountRate: DecimalInput;
  /** What it costs to acquire one new customer, in the base's currency. */
  readonly acquisitionCost: Money;
  /**
   * New customers acquired per period from next period on (default 0): future cohorts, bought at
   * `acquisitionCost` each, as in Gupta, Lehmann & Stuart's customer equity.
   */
  readonly newCustomersPerPeriod?: number;
  /** The retention uplift to value, in points of aggregate retention (default 0.01: one point). */
  readonly retentionPoints?: number;
  /** Periods counted; omitted: an infinite horizon (as GLS), which needs a discount rate > 0. */
  readonly horizon?: number;
}

/** Elasticities of customer equity, one per lever. */
export interface EquityElasticities {
  /** null when retention cannot rise (R̄ = 1). */
  readonly retention: number | null;
  readonly margin: number;
  readonly acquisitionCost: number;
  readonly discountRate: number;
}

/** The result of {@link retentionVsAcquisition}. Frozen. */
export interface RetentionVsAcquisitionResult {
  readonly currency: CurrencyCode;
  readonly period: TimeUnit;
  readonly discountRate: DecimalValue;
  /** Periods counted, or null for an infinite horizon. */
  readonly horizon: number | null;
  /** R̄: the share of today's customers expected to be customers next period. */
  readonly aggregateRetention: number;
  /** Customer equity: existingCustomers + futureCustomers − acquisitionSpend. */
  readonly customerEquity: Money;
  readonly existingCustomers: Money;
  /** PV of the future cohorts' margins. */
  readonly futureCustomers: Money;
  /** PV of the spending that acquires the future cohorts. */
  readonly acquisitionSpend: Money;
  readonly retentionPoints: number;
  /** Customer-equity gain from `retentionPoints` more retention, for today's and future customers. */
  readonly retentionGain: Money;
  /**
   * The acquisition that buys the same gain at `acquisitionCost`: `customers` extra new customers,
   * each worth its break-even cost minus the CAC, and the `spend` on them. null when a new customer
   * is worth no more than it costs (no amount of acquisition buys the gain).
   */
  readonly equivalentAcquisition: {
    readonly customers: DecimalValue;
    readonly spend: Money;
  } | null;
  /**
   * equivalentAcquisition.spend / retentionGain: dollars of acquisition spend per dollar of equity a
   * point of retention adds (= CAC/(CLV − CAC)); null with no equivalent or no gain.
   */
  readonly spendPerDollarOfGain: DecimalValue | null;
  /**
   * The most the retention uplift may cost (in PV) and still return as much per dollar as acquisition
   * does at `acquisitionCost`: retentionGain × CAC / CLV_new, since each dollar of acquisition returns
   * CLV_new/CAC. null when a new customer has no positive value. Assumes acquisition scales at a
   * constant CAC (the customer-equity test relaxes that).
   */
  readonly breakEvenRetentionSpend: Money | null;
  /**
   * Point elasticities d ln CE / d ln x (signed: retention and margin positive, acquisition cost and
   * discount rate negative). The retention elasticity is the derivative in the direction of more
   * retention. null when customer equity is not positive.
   */
  readonly elasticities: EquityElasticities | null;
  /**
   * The % change in customer equity from a 1% improvement in each lever (retention and margin up 1%,
   * acquisition cost and discount rate down 1%), the form Gupta, Lehmann & Stuart (2004) report:
   * positive when the improvement helps. null when customer equity is not positive; retention is
   * null when a 1% rise would take retention above 1.
   */
  readonly onePercentImprovement: {
    readonly retention: number | null;
    readonly margin: number;
    readonly acquisitionCost: number;
    readonly discountRate: number;
  } | null;
  /** Break-even acquisition cost, CLV/CAC and payback of one new customer. */
  readonly acquisition: AcquisitionUnitEconomics;
}

const InputSchema = z
  .object({
    base: CustomerBaseSchema,
    discountRate: DecimalInputSchema,
    acquisitionCost: MoneySchema,
    newCustomersPerPeriod: z.number().nonnegative().finite().optional(),
    retentionPoints: z.number().finite().optional(),
    horizon: z.number().int().min(1).max(2000).optional(),
  })
  .strict();

/** Step in ln x of the numerical derivatives (errors O(h^4) and O(h^2): ~1e-11 relative). */
const STEP = 1e-4;

/**
 * Retention versus acquisition for one company, from its own customers: the customer-equity gain from
 * one more point of retention, the acquisition spend that would buy the same gain at the stated
 * acquisition cost, and their ratio; the elasticities of customer equity to retention, margin,
 * acquisition cost and discount rate (Gupta, Lehmann & Stuart 2004, "Valuing Customers", JMR 41(1),
 * and REFERENCE.md §6); and the unit economics of acquisition (break-even CAC, CLV/CAC, payback).
 *
 * Customer equity is Σ_t v^t (margins of today's customers) + Σ_τ v^τ n (CLV_new − CAC), with
 * v = 1/(1 + d), n new customers per period and CLV_new the PV of a new customer's margins, the first
 * on joining. With n = 0 and simple rates over an infinite horizon the elasticities are the closed
 * forms (1 + d)/(1 + d − r) for retention, 1 for margin and −d/(1 + d − r) for the discount rate;
 * with acquisition, margin becomes 1 + (acquisition PV)/CE and acquisition cost −(acquisition PV)/CE,
 * which is how GLS's table reads (Amazon: margin 1.07, acquisition cost 0.07).
 *
 * A retention uplift on a model-based base scales every customer's churn by the factor that raises
 * aggregate retention R̄ by exactly that many points (see the guide, docs/guide/retention-vs-acquisition.md).
 * The Reichheld–Sasser "+5 points of retention, +25% to +95% profit" figures are case studies; this
 * computes the lever from the company's own base instead.
 *
 * Numerical caveats: money in decimal; for a model-based base the expected counts are float64. The
 * retention and discount-rate elasticities are numerical derivatives (error ~1e-9 relative).
 *
 * @throws CustomerAssetError `input/invalid`, `input/empty`, `money/currency-mismatch`,
 *   `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { money, retentionVsAcquisition } from 'customer-asset';
 * const rva = retentionVsAcquisition({
 *   base: { kind: 'rates', customers: 100_000, margin: money('200', 'USD'), retention: '0.8', period: 'year' },
 *   discountRate: '0.1',
 *   acquisitionCost: money('300', 'USD'),
 * });
 * rva.retentionGain.amount.toFixed(2); // '2528735.63'
 * rva.elasticities?.retention?.toFixed(4); // '3.6667'
 * ```
 */
export function retentionVsAcquisition(
  input: RetentionVsAcquisitionInput,
): RetentionVsAcquisitionResult {
  const fn = 'retentionVsAcquisition';
  const parsed = parseInput(InputSchema, input, fn, 'input');
  const kernel = baseKernel(parseBase(parsed.base, fn, 'base'));
  checkCurrencyOf(parsed.acquisitionCost, kernel.currency, fn, ['acquisitionCost']);
  const cac = amountOf(parsed.acquisitionCost);
  checkNonNegative(cac, fn);
  const d = parseRate(parsed.discountRate, fn, 'discountRate');
  const horizon = parsed.horizon ?? null;
  checkHorizonRate(d, horizon, fn);
  const points = parsed.retentionPoints ?? 0.01;
  if (points < kernel.upliftLow || points > kernel.upliftHigh)
    fail('input/invalid', fn, 'retentionPoints takes retention outside [0, 1]', {
      expected: `an uplift in [${kernel.upliftLow}, ${kernel.upliftHigh}]`,
      received: points,
      path: ['retentionPoints'],
    });
  const central: EquityLevers = {
    delta: 0,
    marginScale: ONE,
    acquisitionCost: cac,
    newCustomersPerPeriod: new Dec(parsed.newCustomersPerPeriod ?? 0),
    discountRate: d,
    horizon,
  };
  const at = (changes: Partial<EquityLevers>) => equityParts(kernel, { ...central, ...changes });
  const parts = at({});
  const ce = parts.equity;
  const gain = at({ delta: points }).equity.minus(ce);
  const { currency } = kernel;
  const toMoney = (x: DecimalValue): Money => makeMoney(x, currency);
  const netPerCustomer = parts.newCustomerValue.minus(cac);
  const equivalent = netPerCustomer.gt(0)
    ? (() => {
        const customers = gain.div(netPerCustomer);
        return { customers: freezeDecimal(customers), spend: toMoney(customers.times(cac)) };
      })()
    : null;
  const positive = ce.gt(0);
  const rbar = kernel.aggregateRetention;
  // ln(CE'/CE) in decimal, so that the differences below keep their digits.
  const lnCe = (changes: Partial<EquityLevers>): number => {
    const ratio = at(changes).equity.div(ce);
    return ratio.gt(0) ? ratio.ln().toNumber() : Number.NaN;
  };
  let elasticities: EquityElasticities | null = null;
  let improvement: RetentionVsAcquisitionResult['onePercentImprovement'] = null;
  if (positive) {
    const gross = parts.existing.plus(parts.futureGross).div(ce).toNumber();
    const acquisitionShare = parts.acquisitionPv.div(ce).toNumber();
    const canRaise = rbar > 0 && rbar * Math.expm1(4 * STEP) <= kernel.upliftHigh;
    // Five-point forward derivative in ln R̄ (error O(h^4)); one-sided because the uplift's scaling
    // changes branch at 0 (see uplift.ts), and "more retention" is the direction that matters.
    const retention = canRaise
      ? (48 * lnCe({ delta: rbar * Math.expm1(STEP) }) -
          36 * lnCe({ delta: rbar * Math.expm1(2 * STEP) }) +
          16 * lnCe({ delta: rbar * Math.expm1(3 * STEP) }) -
          3 * lnCe({ delta: rbar * Math.expm1(4 * STEP) })) /
        (12 * STEP)
      : null;
    const dNumber = d.toNumber();
    // Central difference in ln d, with one Richardson step: error O(h^4).
    const centralDifference = (h: number): number =>
      (lnCe({ discountRate: new Dec(dNumber * Math.exp(h)) }) -
        lnCe({ discountRate: new Dec(dNumber * Math.exp(-h)) })) /
      (2 * h);
    const discountRate = (4 * centralDifference(STEP / 2) - centralDifference(STEP)) / 3;
    elasticities = {
      retention: retention === null || Number.isFinite(retention) ? retention : null,
      margin: gross,
      acquisitionCost: acquisitionShare === 0 ? 0 : -acquisitionShare,
      discountRate: d.isZero() || !Number.isFinite(discountRate) ? 0 : discountRate,
    };
    const percent = (changes: Partial<EquityLevers>): number =>
      (at(changes).equity.div(ce).toNumber() - 1) * 100;
    improvement = {
      retention: rbar * 0.01 <= kernel.upliftHigh ? percent({ delta: rbar * 0.01 }) : null,
      margin: gross,
      acquisitionCost: acquisitionShare,
      discountRate: percent({ discountRate: d.times('0.99') }),
    };
  }
  return deepFreeze({
    currency,
    period: kernel.period,
    discountRate: freezeDecimal(d),
    horizon,
    aggregateRetention: rbar,
    customerEquity: toMoney(ce),
    existingCustomers: toMoney(parts.existing),
    futureCustomers: toMoney(parts.futureGross),
    acquisitionSpend: toMoney(parts.acquisitionPv),
    retentionPoints: points,
    retentionGain: toMoney(gain),
    equivalentAcquisition: equivalent,
    spendPerDollarOfGain:
      equivalent && gain.gt(0) ? freezeDecimal(amountOf(equivalent.spend).div(gain)) : null,
    breakEvenRetentionSpend: parts.newCustomerValue.gt(0)
      ? toMoney(gain.times(cac).div(parts.newCustomerValue))
      : null,
    elasticities,
    onePercentImprovement: improvement,
    acquisition: acquisitionEconomicsOf(kernel, cac, d, horizon),
  });
}

/**
 * {@link retentionVsAcquisition} that returns `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { money, safeRetentionVsAcquisition } from 'customer-asset';
 * const result = safeRetentionVsAcquisition({
 *   base: { kind: 'rates', customers: 1000, margin: money('50', 'USD'), retention: '0.7', period: 'year' },
 *   discountRate: '0',
 *   acquisitionCost: money('100', 'USD'),
 * });
 * result.success; // false: an infinite horizon needs a positive discount rate
 * ```
 */
export function safeRetentionVsAcquisition(
  input: RetentionVsAcquisitionInput,
): Safe<RetentionVsAcquisitionResult> {
  return toSafe(() => retentionVsAcquisition(input));
}
