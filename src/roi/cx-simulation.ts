import { z } from 'zod';
import { deepFreeze } from '../core/freeze.js';
import type { TimeUnit } from '../core/time-unit.js';
import { parseInput, SeedSchema } from '../core/validate.js';
import type { CurrencyCode } from '../money/currencies.js';
import { Dec } from '../money/decimal.js';
import { type Money, makeMoney } from '../money/money.js';
import { createRandom } from '../random/prng.js';
import { chebyshevInterpolant } from './chebyshev.js';
import { type CxReturnInput, type CxScenario, parseCxInput } from './cx-input.js';
import { checkFeasible } from './cx-return.js';
import { effectMean, effectSampler, effectSupport, isDegenerate } from './effects.js';

/** Options of {@link simulateCxReturn}. */
export interface CxSimulationOptions {
  /** Number of draws (1 to 10,000,000). */
  readonly draws: number;
  /** Seed of the PRNG: the same seed gives the same result. Required. */
  readonly seed: number;
  /**
   * The return per $1 whose probability is reported (default 3). The "$1 in CX returns $3" figure
   * is an industry claim (Sitecore/Avanade; no primary text found, REFERENCE.md §9 [U]): it is a
   * benchmark to test against, never an assumption of the library.
   */
  readonly benchmark?: number;
  /** Percentiles to report, in (0, 1) (default 0.05, 0.25, 0.5, 0.75, 0.95). */
  readonly percentiles?: readonly number[];
}

/** A percentile of a simulated quantity. */
export interface CxPercentile<T> {
  readonly p: number;
  readonly value: T;
}

/** The result of {@link simulateCxReturn}. Frozen. */
export interface CxSimulationResult {
  readonly draws: number;
  readonly seed: number;
  readonly benchmark: number;
  readonly currency: CurrencyCode;
  readonly period: TimeUnit;
  readonly horizon: number;
  /** The return per $1 (PV benefit / PV cost) across draws. */
  readonly returnPerDollar: {
    readonly mean: number;
    readonly sd: number;
    readonly percentiles: readonly CxPercentile<number>[];
  };
  /** NPV across draws (float64, converted to Money at the edge). */
  readonly npv: { readonly mean: Money; readonly percentiles: readonly CxPercentile<Money>[] };
  /** Share of draws whose return per $1 is at least `benchmark`. */
  readonly probabilityAtLeastBenchmark: number;
  /** Its Monte Carlo standard error, sqrt(p(1 − p)/draws). */
  readonly probabilityStandardError: number;
  /** Share of draws with NPV > 0 (return per $1 above 1). */
  readonly probabilityPositiveNpv: number;
  /** Draws moved to the edge of the feasible range (retention within [0, 1], spend >= −100%, referrals >= 0). */
  readonly clamped: {
    readonly retention: number;
    readonly spend: number;
    readonly referrals: number;
  };
}

const OptionsSchema = z
  .object({
    draws: z.number().int().min(1).max(10_000_000),
    seed: SeedSchema,
    benchmark: z.number().finite().optional(),
    percentiles: z.array(z.number().gt(0).lt(1)).min(1).optional(),
  })
  .strict();

/** Value of the base as a function of the total uplift: [PV margin, PV active, PV per referral]. */
type ValueFunction = (delta: number) => readonly number[];

function valueFunction(scenario: CxScenario): ValueFunction {
  const { kernel, horizon: H, investment } = scenario;
  const d = scenario.discountRate.toNumber();
  const v = 1 / (1 + d);
  const L = investment.length;
  return (delta) => {
    const [margin, active] = kernel.existingPvFloat(delta, d, H);
    const survival = kernel.newSurvivalFloat(delta, H);
    const prefix = new Float64Array(H + 1);
    let running = 0;
    let f = 1;
    for (let j = 0; j <= H; j += 1) {
      running += f * survival[j]!;
      prefix[j] = running;
      f *= v;
    }
    let referral = 0;
    f = 1;
    for (let tau = 0; tau < L; tau += 1) {
      referral += f * prefix[H - tau]!;
      f *= v;
    }
    return [margin, active, referral];
  };
}

/** Sorted-sample quantile with linear interpolation (Hyndman & Fan 1996, type 7). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Runs the Monte Carlo on a parsed scenario. Internal (the public entry validates first). */
export function simulateScenario(
  scenario: CxScenario,
  options: Required<Pick<CxSimulationOptions, 'draws' | 'seed' | 'benchmark'>> & {
    readonly percentiles: readonly number[];
  },
): CxSimulationResult {
  const { kernel, effects, baseShift } = scenario;
  const f = scenario.marginScale.toNumber();
  const newMargin = kernel.newMargin.toNumber();
  const d = scenario.discountRate.toNumber();
  let pvCost = 0;
  scenario.investment.forEach((c, t) => {
    pvCost += c.toNumber() / (1 + d) ** t;
  });
  const exact = valueFunction(scenario);
  const baseMargin = exact(baseShift)[0]!;
  // The retention effect's reachable range, within what the base allows.
  const lowest = kernel.upliftLow - baseShift;
  const highest = kernel.upliftHigh - baseShift;
  const [supportLo, supportHi] = effectSupport(effects.retention);
  const lo = Math.max(lowest, supportLo);
  const hi = Math.min(highest, supportHi);
  // evaluate(Δ, out) writes [PV margin, PV active, PV per referral] at uplift baseShift + Δ.
  let evaluate: (x: number, out: Float64Array) => Float64Array;
  if (isDegenerate(effects.retention) || !(hi > lo)) {
    const fixed = Float64Array.from(
      exact(baseShift + Math.min(Math.max(effectMean(effects.retention), lowest), highest)),
    );
    evaluate = () => fixed;
  } else if (kernel.kind === 'rates') {
    // One smooth piece: r' = r + Δ.
    const piece = chebyshevInterpolant((x) => exact(baseShift + x), lo, hi);
    evaluate = (x, out) => piece(Math.min(Math.max(x, lo), hi), out);
  } else {
    // The uplift scales churn above Δ = 0 and retention below: interpolate each side separately.
    const kink = -baseShift;
    const left =
      kink > lo ? chebyshevInterpolant((x) => exact(baseShift + x), lo, Math.min(kink, hi)) : null;
    const right =
      kink < hi ? chebyshevInterpolant((x) => exact(baseShift + x), Math.max(kink, lo), hi) : null;
    evaluate = (x, out) => {
      const y = Math.min(Math.max(x, lo), hi);
      return (y < kink ? left! : right!)(y, out);
    };
  }
  const sample = {
    retention: effectSampler(effects.retention),
    spend: effectSampler(effects.spend),
    referrals: effectSampler(effects.referrals),
    costToServeSaving: effectSampler(effects.costToServeSaving),
  };
  const rng = createRandom(options.seed);
  const n = options.draws;
  const multiples = new Float64Array(n);
  const scratch = new Float64Array(3);
  const clamped = { retention: 0, spend: 0, referrals: 0 };
  let atLeast = 0;
  let positive = 0;
  // Welford's running mean and sum of squared deviations (stable: zero spread gives sd = 0 exactly).
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i += 1) {
    let delta = sample.retention(rng);
    let sigma = sample.spend(rng);
    let rho = sample.referrals(rng);
    const kappa = sample.costToServeSaving(rng);
    if (delta < lowest || delta > highest) {
      delta = delta < lowest ? lowest : highest;
      clamped.retention += 1;
    }
    if (sigma < -1) {
      sigma = -1;
      clamped.spend += 1;
    }
    if (rho < 0) {
      rho = 0;
      clamped.referrals += 1;
    }
    const value = evaluate(delta, scratch);
    const em = value[0]!;
    const ea = value[1]!;
    const rs = value[2]!;
    const benefit =
      (1 + sigma) * f * em +
      kappa * ea -
      f * baseMargin +
      rho * ((1 + sigma) * f * newMargin + kappa) * rs;
    const multiple = benefit / pvCost;
    multiples[i] = multiple;
    const deviation = multiple - mean;
    mean += deviation / (i + 1);
    m2 += deviation * (multiple - mean);
    if (multiple >= options.benchmark) atLeast += 1;
    if (multiple > 1) positive += 1;
  }
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  multiples.sort();
  const { currency } = kernel;
  const toMoney = (x: number): Money => makeMoney(new Dec(x), currency);
  const probability = atLeast / n;
  return deepFreeze({
    draws: n,
    seed: options.seed,
    benchmark: options.benchmark,
    currency,
    period: kernel.period,
    horizon: scenario.horizon,
    returnPerDollar: {
      mean,
      sd,
      percentiles: options.percentiles.map((p) => ({ p, value: quantile(multiples, p) })),
    },
    npv: {
      mean: toMoney((mean - 1) * pvCost),
      percentiles: options.percentiles.map((p) => ({
        p,
        value: toMoney((quantile(multiples, p) - 1) * pvCost),
      })),
    },
    probabilityAtLeastBenchmark: probability,
    probabilityStandardError: Math.sqrt((probability * (1 - probability)) / n),
    probabilityPositiveNpv: positive / n,
    clamped,
  });
}

/**
 * Monte Carlo of a CX programme's return: draws the four effects from their distributions (point,
 * range, triangular, normal, beta) with a seeded PRNG, values each draw on the company's own base, and
 * reports percentiles of the return per $1 and of the NPV, and the probability that the return
 * reaches a benchmark (3× by default: the industry figure, REFERENCE.md §9, tagged [U] there: a claim
 * to test, which the library never assumes).
 *
 * Draws are made in a fixed order (retention, spend, referrals, cost to serve) from one stream, so
 * the same seed gives the same result. An effect with zero spread gives every draw the deterministic
 * value, and the percentiles then equal {@link cxReturn}'s figures (to float64 rounding).
 *
 * Numerical caveats: the simulation runs in float64 for speed (decimal money would be ~100× slower);
 * amounts are converted to Money at the edge, so NPV percentiles carry about 15 significant digits.
 * For a model-based base the value as a function of the retention uplift is replaced by a Chebyshev
 * interpolant accurate to 1e-12 relative (built from ~17–65 exact evaluations). Draws outside the
 * feasible range are clamped to it and counted in `clamped`; the NPV is linear in the return per $1
 * (NPV = (multiple − 1) × PV cost), so its percentiles are the multiple's.
 *
 * @throws CustomerAssetError as {@link cxReturn}, and `input/invalid` for bad options.
 *
 * @example
 * ```ts
 * import { money, simulateCxReturn } from 'customer-asset';
 * const sim = simulateCxReturn(
 *   {
 *     investment: [money('2000000', 'USD')],
 *     effects: {
 *       retention: { kind: 'triangular', low: 0, mode: 0.02, high: 0.03 },
 *       spend: { kind: 'normal', mean: 0.03, sd: 0.01 },
 *       referrals: { kind: 'range', low: 0, high: 2000 },
 *     },
 *     base: { kind: 'rates', customers: 100_000, margin: money('200', 'USD'), retention: '0.8', period: 'year' },
 *     horizon: 10,
 *     discountRate: '0.1',
 *   },
 *   { draws: 10_000, seed: 42 },
 * );
 * console.log(sim.probabilityAtLeastBenchmark > 0 && sim.probabilityAtLeastBenchmark < 1); // true
 * ```
 */
export function simulateCxReturn(
  input: CxReturnInput,
  options: CxSimulationOptions,
): CxSimulationResult {
  const fn = 'simulateCxReturn';
  const scenario = parseCxInput(input, fn);
  const opts = parseInput(OptionsSchema, options, fn, 'options');
  const means = {
    retention: effectMean(scenario.effects.retention),
    spend: effectMean(scenario.effects.spend),
    referrals: effectMean(scenario.effects.referrals),
    costToServeSaving: effectMean(scenario.effects.costToServeSaving),
  };
  checkFeasible(scenario, means, fn);
  return simulateScenario(scenario, {
    draws: opts.draws,
    seed: opts.seed,
    benchmark: opts.benchmark ?? 3,
    percentiles: opts.percentiles ?? [0.05, 0.25, 0.5, 0.75, 0.95],
  });
}
