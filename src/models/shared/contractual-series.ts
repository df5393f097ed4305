/**
 * The numerical core shared by the contractual models: survival kernels, discounted residual-lifetime
 * series with an error bound, the backward recursion for many tenures, cohort projection and
 * simulation. Models plug in their own ln S(t) and ln r_t (and closed forms where they exist).
 *
 * @internal
 */
import { fail } from '../../core/errors.js';
import { deepFreeze } from '../../core/freeze.js';
import type { SurvivalCounts } from '../../data/survival-counts.js';
import { createRandom, type RandomSource } from '../../random/index.js';
import type {
  ContractualSimulationOptions,
  SurvivalProjection,
  SurvivalProjectionInput,
} from '../contractual-types.js';

/** A model's survival function at validated params. */
export interface SurvivalKernel {
  /** ln S(t) for a whole number t >= 0 (0 at t = 0). */
  logSurvival(t: number): number;
  /** ln r_t = ln S(t) − ln S(t − 1) for t >= 1, computed without cancellation. */
  logRetention(t: number): number;
}

/** Relative accuracy the discounted series stop at (the bound on the neglected tail). */
const SERIES_TOLERANCE = 1e-15;
/** Largest number of terms a discounted series may take before it reports non-convergence. */
const MAX_SERIES_TERMS = 20_000_000;
/** Largest run of the backward recursion between two tenures; a longer gap restarts the series. */
const MAX_RECURSION_GAP = 4096;

/**
 * Fader & Hardie (2010) DERL(n) = Σ_{t≥n} [S(t)/S(n−1)] v^(t−n) with v = 1/(1+d) < 1, summed term
 * by term: the j-th term is v^j r_n r_{n+1} ... r_{n+j}. Since every r <= 1, the neglected tail after
 * a term p is at most p·v/(1 − v) = p/d, and the sum stops when that is below 1e-15 of the total.
 * Takes about ln(1e15/d)/ln(1+d) terms at worst (4,000 at d = 1% per period, fewer when S falls fast);
 * throws `math/not-converged` beyond 20 million terms (d below about 2e-6 per period).
 */
export function residualSeries(kernel: SurvivalKernel, n: number, d: number, fn: string): number {
  const v = 1 / (1 + d);
  const tailFactor = 1 / d;
  let p = Math.exp(kernel.logRetention(n));
  let sum = p;
  for (let j = 1; j <= MAX_SERIES_TERMS; j += 1) {
    if (p * tailFactor <= SERIES_TOLERANCE * sum) return sum;
    p *= v * Math.exp(kernel.logRetention(n + j));
    sum += p;
  }
  return fail(
    'math/not-converged',
    fn,
    'the discounted residual-lifetime series did not converge',
    {
      expected: `a discount rate large enough for the series to converge within ${MAX_SERIES_TERMS} terms`,
      received: d,
      path: ['discountRate'],
    },
  );
}

/**
 * DERL for many tenures (k = renewals made, n = k + 1) by the backward recursion
 * DERL(n) = r_n · (1 + v · DERL(n + 1)) (Fader & Hardie 2010, from the definition), started at the
 * largest tenure with `startAt(n)` (a closed form or {@link residualSeries}) and restarted when two
 * tenures are more than 4,096 periods apart. The recursion is stable going backwards: an error in
 * DERL(n + 1) is multiplied by r_n·v <= 1 at each step. Returns values aligned with `tenures`.
 */
export function derlForTenures(
  tenures: ArrayLike<number>,
  d: number,
  kernel: SurvivalKernel,
  startAt: (n: number) => number,
): Float64Array {
  const v = 1 / (1 + d);
  let max = 0;
  for (let i = 0; i < tenures.length; i += 1) if (tenures[i]! > max) max = tenures[i]!;
  // Distinct tenures: a dense table when they are small (the usual case), a Map otherwise.
  const dense = max <= 4 * tenures.length + 1024;
  const table = dense ? new Float64Array(max + 1).fill(Number.NaN) : null;
  const sparse = dense ? null : new Map<number, number>();
  for (let i = 0; i < tenures.length; i += 1) {
    if (table !== null) table[tenures[i]!] = 0;
    else sparse!.set(tenures[i]!, 0);
  }
  const keys: number[] = [];
  if (table !== null) {
    for (let k = max; k >= 0; k -= 1) if (table[k] === 0) keys.push(k);
  } else keys.push(...[...sparse!.keys()].sort((a, b) => b - a));
  let previousN = -1;
  let previousValue = 0;
  for (const k of keys) {
    const n = k + 1;
    let value: number;
    if (previousN > 0 && previousN - n <= MAX_RECURSION_GAP) {
      value = previousValue;
      for (let m = previousN - 1; m >= n; m -= 1)
        value = Math.exp(kernel.logRetention(m)) * (1 + v * value);
    } else value = startAt(n);
    if (table !== null) table[k] = value;
    else sparse!.set(k, value);
    previousN = n;
    previousValue = value;
  }
  const out = new Float64Array(tenures.length);
  for (let i = 0; i < tenures.length; i += 1)
    out[i] = table !== null ? table[tenures[i]!]! : sparse!.get(tenures[i]!)!;
  return out;
}

/**
 * Expected survivors of each cohort h = 0..horizon periods ahead: alive · S(age + h)/S(age)
 * (the conditional survival of those alive now), and their total.
 */
export function projectCohorts(
  kernel: SurvivalKernel,
  input: SurvivalProjectionInput,
): SurvivalProjection {
  const { horizon } = input;
  const total = new Array<number>(horizon + 1).fill(0);
  const cohorts = input.cohorts.map((c, index) => {
    const expectedAlive = new Array<number>(horizon + 1);
    expectedAlive[0] = c.alive;
    let logRatio = 0;
    for (let h = 1; h <= horizon; h += 1) {
      logRatio += kernel.logRetention(c.age + h);
      expectedAlive[h] = c.alive * Math.exp(logRatio);
    }
    for (let h = 0; h <= horizon; h += 1) total[h]! += expectedAlive[h]!;
    return { cohort: c.cohort ?? String(index), age: c.age, alive: c.alive, expectedAlive };
  });
  return deepFreeze({ horizon, total, cohorts });
}

/**
 * Draws alive counts for each cohort: `drawLifetime(rng)` returns one customer's lifetime T >= 1 in
 * periods (Infinity for a customer who never cancels); the customer is alive at ages 0..T − 1.
 */
export function simulateCohorts(
  options: ContractualSimulationOptions,
  drawLifetime: (rng: RandomSource) => number,
): SurvivalCounts {
  const rng = createRandom(options.seed);
  const cohorts = options.cohorts.map((c, index) => {
    const alive = new Array<number>(c.periods + 1).fill(0);
    // lastAge[k]: customers whose last age alive is exactly k (k < periods), the rest survive.
    const lastAge = new Float64Array(c.periods + 1);
    for (let i = 0; i < c.size; i += 1) {
      const T = drawLifetime(rng);
      lastAge[Math.min(T - 1, c.periods)]! += 1;
    }
    let survivors = 0;
    for (let k = c.periods; k >= 0; k -= 1) {
      survivors += lastAge[k]!;
      alive[k] = survivors;
    }
    return { cohort: c.cohort ?? String(index), alive };
  });
  return deepFreeze({ cohorts });
}
