import { z } from 'zod';
import type { TimeUnit } from '../../core/time-unit.js';
import { TimeUnitSchema } from '../../core/time-unit.js';
import { parseInput, SeedSchema } from '../../core/validate.js';
import { rfmSummaryFromRows } from '../../data/rfm-from-rows.js';
import type { RfmSummary } from '../../data/summary-types.js';
import { betaVariate } from '../../random/gamma.js';
import { createRandom } from '../../random/prng.js';
import { type BgBbParams, MAX_OPPORTUNITIES, parseBgBbParams } from './params.js';

const SimulateOptionsSchema = /* @__PURE__ */ z
  .object({
    customers: z.number().int().positive().max(100_000_000),
    T: z.number().int().nonnegative().max(MAX_OPPORTUNITIES),
    seed: SeedSchema,
    timeUnit: TimeUnitSchema.optional(),
  })
  .strict();

/**
 * Draws customers from the BG/BB story (Fader, Hardie & Shang 2010, section 3.1), one opportunity at
 * a time: each customer draws p ~ Beta(α, β) and θ ~ Beta(γ, δ); at the start of each opportunity
 * 1 … T a living customer dies with probability θ, and a customer still alive then buys with
 * probability p. The result is the customer summary x (opportunities with a purchase), t_x (the
 * last of them, 0 if none) and n = T, one row per customer (ids "0", "1", ...), in the time unit
 * of one opportunity (`options.timeUnit`, default `'period'`).
 *
 * Numerical caveats: Beta draws with tiny shapes may be exactly 0 or 1 (see `sampleBeta`); the cost
 * is O(customers × opportunities alive).
 *
 * @param params - {@link BgBbParams}.
 * @param options - `customers` (>= 1), `T` the number of opportunities (a whole number), `seed`,
 *   optional `timeUnit` of one opportunity.
 * @returns A frozen RFM summary in opportunities.
 * @throws CustomerAssetError `input/invalid` for bad params or options.
 *
 * @example
 * ```ts
 * import { bgBb } from 'customer-asset';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * const summary = bgBb.simulate(params, { customers: 1000, T: 6, seed: 7 });
 * console.log(summary.customers.length, summary.customers[0]!.T); // 1000 6
 * ```
 */
export function simulateBgBb(
  params: BgBbParams,
  options: {
    readonly customers: number;
    readonly T: number;
    readonly seed: number;
    readonly timeUnit?: TimeUnit;
  },
): RfmSummary {
  const fn = 'bgBb.simulate';
  const { alpha, beta, gamma, delta } = parseBgBbParams(params, fn);
  const { customers, T, seed, timeUnit } = parseInput(
    SimulateOptionsSchema,
    options,
    fn,
    'options',
  );
  const rng = createRandom(seed);
  const rows: { frequency: number; recency: number; T: number }[] = new Array(customers);
  for (let c = 0; c < customers; c += 1) {
    const p = betaVariate(rng, alpha, beta);
    const theta = betaVariate(rng, gamma, delta);
    let x = 0;
    let tx = 0;
    for (let t = 1; t <= T; t += 1) {
      if (rng.nextDouble() < theta) break;
      if (rng.nextDouble() < p) {
        x += 1;
        tx = t;
      }
    }
    rows[c] = { frequency: x, recency: tx, T };
  }
  return rfmSummaryFromRows(rows, { timeUnit: timeUnit ?? 'period' });
}
