import { z } from 'zod';
import { deepFreeze } from '../core/freeze.js';
import type { TimeUnit } from '../core/time-unit.js';
import { parseInput } from '../core/validate.js';
import type { DecimalValue } from '../money/decimal.js';
import { amountOf, type Money } from '../money/money.js';
import { CX_LEVERS, type CxLeverName } from './cx-input.js';
import type { CxReturnResult } from './cx-return.js';
import type { CxSimulationResult } from './cx-simulation.js';

/** The numbers a CFO summary rests on. */
export interface CxSummaryFigures {
  readonly returnPerDollar: DecimalValue;
  readonly roi: DecimalValue;
  readonly npv: Money;
  readonly presentValueCost: Money;
  readonly presentValueBenefit: Money;
  readonly irr: DecimalValue | null;
  readonly discountedPayback: DecimalValue | null;
  readonly horizon: number;
  readonly period: TimeUnit;
  readonly discountRate: DecimalValue;
  /** The lever with the largest contribution, and its share of the total benefit. */
  readonly leadingLever: CxLeverName | null;
  readonly leadingShare: number | null;
  /** The retention uplift (points) that alone would break even. */
  readonly breakEvenRetention: number | null;
  /** From the simulation, when one was given. */
  readonly benchmark: number | null;
  readonly probabilityAtLeastBenchmark: number | null;
  readonly draws: number | null;
  /** The 5th and 95th percentiles of the return per $1 (or the outermost percentiles reported). */
  readonly returnPerDollarInterval: readonly [Percent, Percent] | null;
}

type Percent = { readonly p: number; readonly value: number };

/** A one-sentence finding for a CFO and the figures it rests on. Frozen. */
export interface CxSummary {
  readonly sentence: string;
  readonly figures: CxSummaryFigures;
}

const SummarySchema = z
  .object({
    result: z.custom<CxReturnResult>(
      (v) => typeof v === 'object' && v !== null && 'returnPerDollar' in v && 'levers' in v,
      { message: 'Must be the result of cxReturn' },
    ),
    simulation: z
      .custom<CxSimulationResult>(
        (v) => typeof v === 'object' && v !== null && 'probabilityAtLeastBenchmark' in v,
        { message: 'Must be the result of simulateCxReturn' },
      )
      .optional(),
  })
  .strict();

const LEVER_WORDS: Readonly<Record<CxLeverName, string>> = {
  retention: 'retention drives',
  spend: 'higher spend per customer drives',
  referrals: 'referrals drive',
  costToServeSaving: 'cheaper service drives',
};

const PLURAL: Readonly<Record<TimeUnit, string>> = {
  day: 'days',
  week: 'weeks',
  month: 'months',
  quarter: 'quarters',
  year: 'years',
  period: 'periods',
};

/** Compact money for prose: $5.8M, €120K, ¥3.2B (en-US, three significant digits). */
export function formatMoneyCompact(value: Money): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: value.currency,
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(amountOf(value).toNumber());
}

/** A money amount per $1 for prose, e.g. "$3.90" (two decimals, half-up). */
function perDollar(value: DecimalValue, currency: string): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(Number(value.toFixed(2)));
}

/** One unit of the currency for prose: "$1", "€1". */
function oneUnit(currency: string): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(1);
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function times(x: number): string {
  return `${x.toFixed(1)}×`;
}

/**
 * A CFO-facing summary of a CX programme: one sentence of findings (the return per $1, NPV, payback,
 * the lever that drives the gain, and, with a simulation, the probability of reaching the benchmark
 * and the 90% interval of the return) together with the numbers it rests on.
 *
 * The benchmark is whatever the simulation used (3× by default): the industry "$1 → $3" claim is a
 * figure to test, not a fact the library assumes (REFERENCE.md §9, [U]).
 *
 * @throws CustomerAssetError `input/invalid` when `result` is not a `cxReturn` result.
 *
 * @example
 * ```ts
 * import { cxReturn, cxSummary, money } from 'customer-asset';
 * const result = cxReturn({
 *   investment: [money('2000000', 'USD')],
 *   effects: { retention: 0.02, spend: 0.03, referrals: 1000 },
 *   base: { kind: 'rates', customers: 100_000, margin: money('200', 'USD'), retention: '0.8', period: 'year' },
 *   horizon: 10,
 *   discountRate: '0.1',
 * });
 * console.log(cxSummary({ result }).sentence.startsWith('Each $1 invested returns $')); // true
 * ```
 */
export function cxSummary(input: {
  readonly result: CxReturnResult;
  readonly simulation?: CxSimulationResult;
}): CxSummary {
  const fn = 'cxSummary';
  const { result, simulation } = parseInput(SummarySchema, input, fn, 'input');
  const currency = result.currency;
  const total = amountOf(result.presentValue.benefit);
  let leadingLever: CxLeverName | null = null;
  let leadingShare: number | null = null;
  if (total.gt(0)) {
    for (const lever of CX_LEVERS) {
      const c = amountOf(result.levers[lever].contribution);
      if (
        c.gt(0) &&
        (leadingLever === null || c.gt(amountOf(result.levers[leadingLever].contribution)))
      )
        leadingLever = lever;
    }
    if (leadingLever !== null)
      leadingShare = amountOf(result.levers[leadingLever].contribution).div(total).toNumber();
  }
  const unit = PLURAL[result.period];
  const rate = `${Number(result.discountRate.times(100).toFixed(2))}%`;
  const paysBack = result.returnPerDollar.gte(1);
  const parts: string[] = [];
  const payback = result.payback.discounted;
  parts.push(
    `Each ${oneUnit(currency)} invested returns ${perDollar(result.returnPerDollar, currency)} in present value over ${result.horizon} ${unit} at ${rate} per ${result.period} (NPV ${formatMoneyCompact(result.npv)}${
      payback === null
        ? ', never paid back'
        : payback.isZero()
          ? ', paid back at once'
          : `, discounted payback ${Number(payback.toFixed(1))} ${unit}`
    })`,
  );
  if (leadingLever !== null && leadingShare !== null)
    parts.push(`${LEVER_WORDS[leadingLever]} ${percent(leadingShare)} of the gain`);
  const breakEvenRetention = result.levers.retention.breakEven;
  if (!paysBack)
    parts.push(
      breakEvenRetention === null
        ? 'no retention uplift alone would pay for it'
        : `it would break even on a retention uplift of ${(breakEvenRetention * 100).toFixed(2)} points alone`,
    );
  let interval: readonly [Percent, Percent] | null = null;
  if (simulation) {
    const ps = simulation.returnPerDollar.percentiles;
    const low = ps.find((q) => q.p === 0.05) ?? ps[0]!;
    const high = ps.find((q) => q.p === 0.95) ?? ps[ps.length - 1]!;
    interval = [low, high];
    parts.push(
      `across ${simulation.draws.toLocaleString('en-US')} simulated scenarios the return reaches ${times(simulation.benchmark)} with probability ${percent(simulation.probabilityAtLeastBenchmark)} (${Math.round(low.p * 100)}th–${Math.round(high.p * 100)}th percentile ${times(low.value)} to ${times(high.value)})`,
    );
  }
  const sentence = `${parts.join('; ')}.`;
  return deepFreeze({
    sentence,
    figures: {
      returnPerDollar: result.returnPerDollar,
      roi: result.roi,
      npv: result.npv,
      presentValueCost: result.presentValue.cost,
      presentValueBenefit: result.presentValue.benefit,
      irr: result.irr,
      discountedPayback: payback,
      horizon: result.horizon,
      period: result.period,
      discountRate: result.discountRate,
      leadingLever,
      leadingShare,
      breakEvenRetention,
      benchmark: simulation?.benchmark ?? null,
      probabilityAtLeastBenchmark: simulation?.probabilityAtLeastBenchmark ?? null,
      draws: simulation?.draws ?? null,
      returnPerDollarInterval: interval,
    },
  });
}
