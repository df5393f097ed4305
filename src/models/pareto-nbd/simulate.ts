import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { TimeUnitSchema } from '../../core/time-unit.js';
import { parseInput, SeedSchema } from '../../core/validate.js';
import { rfmSummaryFromRows } from '../../data/rfm-from-rows.js';
import type { RfmSummary } from '../../data/summary-types.js';
import { standardGammaVariate } from '../../random/gamma.js';
import { MAX_POISSON_MEAN, poissonVariate } from '../../random/poisson.js';
import { createRandom } from '../../random/prng.js';
import { type ParetoNbdParams, parseParetoNbdParams } from './params.js';

const SimulateOptionsSchema = /* @__PURE__ */ z
  .object({
    customers: z.number().int().positive().max(50_000_000),
    T: z.union([
      z.number().nonnegative().finite(),
      z.array(z.number().nonnegative().finite()).min(1),
    ]),
    seed: SeedSchema,
    timeUnit: TimeUnitSchema.optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (Array.isArray(o.T) && o.T.length !== o.customers) {
      ctx.addIssue({
        code: 'custom',
        message: `Must have one T per customer (${o.customers})`,
        path: ['T'],
      });
    }
  });

/** Options of {@link simulate}. */
export interface ParetoNbdSimulateOptions {
  readonly customers: number;
  /** Observation time of every customer, or one per customer (in the params' time unit). */
  readonly T: number | readonly number[];
  readonly seed: number;
  /** The time unit the summary is labelled with (default `'period'`: that of the params). */
  readonly timeUnit?: RfmSummary['timeUnit'];
}

/**
 * Draws a customer summary from the Pareto/NBD story (Schmittlein, Morrison & Colombo 1987), exactly
 * and in continuous time: each customer gets λ ~ Gamma(r, α) and μ ~ Gamma(s, β), an exponential
 * lifetime τ with rate μ, and Poisson purchases at rate λ while alive; over (0, T] the number of
 * repeat purchases is x ~ Poisson(λ · min(τ, T)) and, given x, the purchase times are uniform on
 * (0, min(τ, T)], so t_x = min(τ, T) · U^(1/x) (the largest of x uniforms). No time grid is involved
 * (lifetimes' generator rounds to whole periods, which biases recency).
 *
 * Numerical caveat: λ and μ below the smallest double (tiny shapes) come back as 0, i.e. no purchases
 * or an endless life, which is the correctly rounded outcome.
 *
 * @param params - Pareto/NBD params (rates per time unit of T).
 * @param options - `customers`, `T` (one number, or one per customer), `seed`, optional `timeUnit`.
 * @returns A frozen RFM summary (customer ids "0", "1", ...).
 * @throws `input/invalid` for bad params or options; `model/non-finite` when a purchase rate times T
 *   exceeds 1e15 (no exact Poisson draw exists there).
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 *
 * const params = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
 * const summary = paretoNbd.simulate(params, { customers: 1000, T: 39, seed: 7, timeUnit: 'week' });
 * console.log(summary.customers.length, summary.timeUnit); // 1000 'week'
 * console.log(summary.customers.every((c) => c.recency <= c.T)); // true
 * ```
 */
export function simulateParetoNbd(
  params: ParetoNbdParams,
  options: ParetoNbdSimulateOptions,
): RfmSummary {
  const fn = 'simulateParetoNbd';
  const { r, alpha, s, beta } = parseParetoNbdParams(params, fn);
  const o = parseInput(SimulateOptionsSchema, options, fn, 'options');
  const rng = createRandom(o.seed);
  const rows: { frequency: number; recency: number; T: number }[] = new Array(o.customers);
  for (let i = 0; i < o.customers; i += 1) {
    const T = typeof o.T === 'number' ? o.T : o.T[i]!;
    const lambda = standardGammaVariate(rng, r) / alpha;
    const mu = standardGammaVariate(rng, s) / beta;
    const lifetime = -Math.log1p(-rng.nextDouble()) / mu; // Infinity when mu = 0
    const alive = Math.min(lifetime, T);
    const mean = lambda * alive;
    if (!(mean <= MAX_POISSON_MEAN)) {
      fail('model/non-finite', fn, 'a purchase rate times T is too large to draw from', {
        expected: `λ · T <= ${MAX_POISSON_MEAN}`,
        received: mean,
        details: { params, customer: i },
      });
    }
    const x = poissonVariate(rng, mean);
    const recency = x === 0 ? 0 : alive * Math.exp(Math.log1p(-rng.nextDouble()) / x);
    rows[i] = { frequency: x, recency, T };
  }
  return rfmSummaryFromRows(rows, { timeUnit: o.timeUnit ?? 'period' });
}
