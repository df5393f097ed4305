import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { parseInput, SeedSchema } from '../../core/validate.js';
import { rememberTwin, twinOf } from '../../data/summary-twin.js';
import type { RfmRow, RfmSummary } from '../../data/summary-types.js';
import { standardGammaVariate } from '../../random/gamma.js';
import { createRandom } from '../../random/prng.js';
import { checkSpendSummary } from './data.js';
import { type GammaGammaParams, parseGammaGammaParams } from './params.js';

const OptionsSchema = /* @__PURE__ */ z.object({ summary: z.unknown(), seed: SeedSchema }).strict();

/** A positive double as a plain decimal string with 17 significant digits (no exponent). */
function plainDecimal(value: number): string {
  const digitsBefore = Math.floor(Math.log10(value)) + 1;
  return value.toFixed(Math.min(100, Math.max(0, 17 - digitsBefore)));
}

/**
 * Draws mean repeat spends from the Gamma-Gamma story (Fader & Hardie note 025, section 2) for the
 * customers of a summary: each customer with x >= 1 draws ν ~ Gamma(q, γ), and the mean of their x
 * transaction values z ~ Gamma(p, ν) is drawn exactly as Gamma(px, ν)/x (a sum of x independent
 * Gamma(p, ν) is Gamma(px, ν)). Ids, frequency, recency, T, counts, currency and conventions are
 * kept (`conventions.monetaryValue` becomes `'as-supplied'`); customers with x = 0 get no monetary
 * value; the rows' `spend` and `holdout` breakdowns, which would contradict the drawn values, are
 * dropped. Compose it with a transaction model's `simulate` for full RFM data.
 *
 * Numerical caveats: means are written as decimal strings with 17 significant digits (they read
 * back as the same doubles); a draw so small that it underflows is reported as `model/non-finite`.
 *
 * @param params - {@link GammaGammaParams}.
 * @param options - `summary` (a customer RFM summary; rows with x >= 1 must have count 1, one
 *   customer each) and `seed`.
 * @returns A frozen RFM summary with `monetaryValue` drawn for every customer with x >= 1.
 * @throws CustomerAssetError `input/invalid` for bad params, options, or a row with x >= 1 and
 *   count > 1.
 *
 * @example
 * ```ts
 * import { gammaGamma, rfmSummaryFromRows } from 'customer-asset';
 *
 * const counts = rfmSummaryFromRows(
 *   [
 *     { customerId: 'a', frequency: 3, recency: 20, T: 39 },
 *     { customerId: 'b', frequency: 0, recency: 0, T: 39 },
 *   ],
 *   { timeUnit: 'week' },
 * );
 * const withSpend = gammaGamma.simulate({ p: 6.25, q: 3.74, gamma: 15.44 }, { summary: counts, seed: 1 });
 * console.log(Number(withSpend.customers[0]!.monetaryValue) > 0, withSpend.customers[1]!.monetaryValue); // true null
 * ```
 */
export function simulateGammaGamma(
  params: GammaGammaParams,
  options: { readonly summary: RfmSummary; readonly seed: number },
): RfmSummary {
  const fn = 'gammaGamma.simulate';
  const { p, q, gamma } = parseGammaGammaParams(params, fn);
  const { seed } = parseInput(OptionsSchema, options, fn, 'options');
  const summary = checkSpendSummary(options.summary, fn);
  const rng = createRandom(seed);
  const rows = summary.customers.map((row, i): RfmRow => {
    const x = row?.frequency;
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0)
      fail('input/invalid', fn, `summary.customers[${i}].frequency is not a whole number >= 0`, {
        expected: 'a whole number >= 0',
        received: x,
        path: ['summary', 'customers', i, 'frequency'],
      });
    // Built as one object literal (not a spread of a smaller one): V8 then gives every row the same
    // fast shape, and passes over a million such rows stay fast.
    const withSpend = (monetaryValue: string | null): RfmRow =>
      Object.freeze({
        customerId: row.customerId,
        frequency: x,
        recency: row.recency,
        T: row.T,
        monetaryValue,
        count: row.count,
      });
    if (x === 0) return withSpend(null);
    if (row.count !== 1)
      fail('input/invalid', fn, `summary.customers[${i}] stands for ${row.count} customers`, {
        expected: 'count 1 for every customer with frequency >= 1 (each draws its own spend)',
        received: row.count,
        path: ['summary', 'customers', i, 'count'],
      });
    const nu = standardGammaVariate(rng, q) / gamma;
    const mean = standardGammaVariate(rng, p * x) / (nu * x);
    if (!(mean > 0 && Number.isFinite(mean)))
      fail('model/non-finite', fn, 'a drawn mean spend underflowed or overflowed', {
        expected: 'params that give spends within the double range',
        received: mean,
        path: ['params'],
      });
    return withSpend(plainDecimal(mean));
  });
  const customers = Object.freeze(rows);
  // Same frequency, recency, T and count row for row: the input's twin serves the output too.
  const twin = twinOf(summary.customers);
  if (twin !== undefined) rememberTwin(customers, twin);
  return Object.freeze({
    kind: 'rfm-summary',
    currency: summary.currency,
    timeUnit: summary.timeUnit,
    conventions: Object.freeze({ ...summary.conventions, monetaryValue: 'as-supplied' }),
    customers,
    excluded: summary.excluded,
  });
}
