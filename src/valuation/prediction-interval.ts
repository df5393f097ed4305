import { z } from 'zod';
import { fail } from '../core/errors.js';
import type { FittedModel } from '../core/fitted-model.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput, SeedSchema } from '../core/validate.js';
import { createRandom } from '../random/prng.js';
import { normalQuantile } from './normal-quantile.js';
import {
  centralGradient,
  drawParameters,
  type ParametricModel,
  parameterDistribution,
  quadraticFormVector,
  sortedQuantile,
} from './parameter-uncertainty.js';

/**
 * How an interval from parameter uncertainty is computed:
 * - `'delta'`: the delta method, Var f(θ̂) ≈ ∇fᵀ Σ ∇f with the gradient by central differences
 *   (no randomness, 2k evaluations of the prediction for k parameters);
 * - `'draws'`: θ drawn from the asymptotic normal of log θ (so every draw is positive; a draw the
 *   model's schema rejects is redrawn), the prediction evaluated at each draw and the interval read
 *   from the empirical quantiles.
 */
export type IntervalMethod = 'delta' | 'draws';

/**
 * The scale on which a delta-method interval is symmetric: `'linear'` (f ± z·se, may leave the
 * range of a positive quantity), `'log'` (for positive quantities: f·e^(±z·se/f)) or `'logit'`
 * (for probabilities in (0, 1)).
 */
export type IntervalScale = 'linear' | 'log' | 'logit';

/** Options of {@link predictionInterval}. */
export interface PredictionIntervalOptions {
  /** Coverage, in (0, 1); default 0.95. */
  readonly level?: number;
  /** Default `'delta'`. */
  readonly method?: IntervalMethod;
  /** Delta method only; default `'linear'`. */
  readonly scale?: IntervalScale;
  /** Number of draws (method `'draws'`), 10 to 1,000,000; default 1,000. */
  readonly draws?: number;
  /** Seed of the draws (required with method `'draws'`: nothing random without an explicit seed). */
  readonly seed?: number;
}

/** An estimate with its interval from parameter uncertainty. */
export interface PredictionInterval {
  /** The prediction at the fitted params. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly method: IntervalMethod;
  /** The scale of a delta interval; null for draws. */
  readonly scale: IntervalScale | null;
  /** Delta: the standard error of the estimate; draws: the standard deviation of the draws. */
  readonly standardError: number;
  /** Draws used (null for delta). */
  readonly draws: number | null;
  /** Draws the params schema rejected and that were redrawn (null for delta). */
  readonly rejectedDraws: number | null;
  readonly seed: number | null;
  /** What the interval covers, in words. */
  readonly note: string;
}

/** zod schema of {@link PredictionIntervalOptions}. */
export const PredictionIntervalOptionsSchema = /* @__PURE__ */ z
  .object({
    level: z.number().gt(0).lt(1).optional(),
    method: z.enum(['delta', 'draws']).optional(),
    scale: z.enum(['linear', 'log', 'logit']).optional(),
    draws: z.number().int().min(10).max(1_000_000).optional(),
    seed: SeedSchema.optional(),
  })
  .strict();

const ModelSchema = /* @__PURE__ */ z.custom<ParametricModel<unknown>>(
  (m) =>
    m !== null &&
    typeof m === 'object' &&
    typeof (m as { name?: unknown }).name === 'string' &&
    typeof (m as { paramsSchema?: { safeParse?: unknown } }).paramsSchema?.safeParse === 'function',
  { message: 'Must be a model descriptor such as bgNbd or gammaGamma' },
);

const NOTE =
  'interval for the expected value from parameter (estimation) uncertainty only; it does not include the randomness of individual behaviour';

/** Evaluates the prediction (its own errors propagate unchanged) and insists on a finite number. */
function evaluate<Params>(predict: (params: Params) => number, params: Params, fn: string): number {
  const value: unknown = predict(params);
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail('model/non-finite', fn, 'predict returned a value that is not a finite number', {
      expected: 'a finite number',
      received: value,
      path: ['predict'],
    });
  return value;
}

/** The delta interval of `estimate` with standard error `se` on `scale`. */
export function deltaBounds(
  estimate: number,
  se: number,
  z: number,
  scale: IntervalScale,
  fn: string,
): [number, number] {
  if (scale === 'linear') return [estimate - z * se, estimate + z * se];
  if (scale === 'log') {
    if (!(estimate > 0))
      fail('model/undefined-quantity', fn, 'a log-scale interval needs a positive estimate', {
        expected: 'estimate > 0',
        received: estimate,
        path: ['options', 'scale'],
      });
    const w = (z * se) / estimate;
    return [estimate * Math.exp(-w), estimate * Math.exp(w)];
  }
  if (!(estimate > 0 && estimate < 1))
    fail('model/undefined-quantity', fn, 'a logit-scale interval needs an estimate in (0, 1)', {
      expected: '0 < estimate < 1',
      received: estimate,
      path: ['options', 'scale'],
    });
  const logit = Math.log(estimate / (1 - estimate));
  const w = (z * se) / (estimate * (1 - estimate));
  const back = (v: number) => 1 / (1 + Math.exp(-v));
  return [back(logit - w), back(logit + w)];
}

/**
 * An interval for any prediction of a fitted model from the uncertainty of its parameter estimates
 * (the fitted record's `covariance`, the inverse observed information in the natural scale, rows in
 * `parameterOrder`). `predict` maps params to a number (an expected count, P(alive), a CLV...); it
 * is called at the fitted params and then either at 2k shifted params (delta method, k parameters)
 * or at `draws` drawn params.
 *
 * - Delta method (default): se = √(∇fᵀ Σ ∇f), the gradient by central differences in log θ with a
 *   relative step of 1e-4; the interval is symmetric on `scale` (linear, log or logit). It is the
 *   usual asymptotic interval (e.g. Casella & Berger, Statistical Inference, §5.5.4).
 * - Draws: log θ ~ Normal(log θ̂, D⁻¹ Σ D⁻¹), D = diag(θ̂) (the covariance carried to the log scale
 *   by the delta method), so no draw has a non-positive parameter; draws the model's params schema
 *   rejects are redrawn and counted. The interval is the pair of empirical quantiles (type 7) at
 *   (1 − level)/2 and (1 + level)/2. Seeded: the same seed gives the same interval.
 *
 * Both describe estimation error only: the interval is for the *expected* quantity, not a
 * prediction interval for what one customer will do.
 *
 * Numerical caveats: the delta method is exact for predictions linear in θ and a fair approximation
 * while se is small against the estimate; near a parameter bound or for skewed predictions prefer
 * draws or the log scale. The covariance itself is an asymptotic (large-sample) quantity.
 *
 * @param model - The model descriptor (`bgNbd`, `paretoNbd`, `gammaGamma`...).
 * @param fitted - A fitted record of that model with a covariance.
 * @param predict - The prediction as a function of the params.
 * @param options - {@link PredictionIntervalOptions}.
 * @throws CustomerAssetError `input/invalid` (options, a record of another model), `model/undefined-quantity` (no covariance, or an estimate outside the scale's range),
 *   `model/non-finite` (`predict` returned NaN or ±Infinity), and whatever `predict` throws.
 *
 * @example
 * ```ts
 * import { bgNbd, predictionInterval } from 'customer-asset';
 *
 * // 2,000 customers drawn from the published CDNOW estimates, observed for 52 weeks.
 * const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const fitted = bgNbd.fit(bgNbd.simulate(published, { customers: 2000, T: 52, seed: 3 }));
 * const customer = { frequency: 3, recency: 30, T: 38 };
 * const interval = predictionInterval(
 *   bgNbd,
 *   fitted,
 *   (params) => bgNbd.expectedPurchases(params, customer, 52),
 *   { level: 0.9, scale: 'log' },
 * );
 * console.log(interval.lower < interval.estimate && interval.estimate < interval.upper); // true
 * ```
 */
export function predictionInterval<Params extends Readonly<Record<string, number>>>(
  model: ParametricModel<Params>,
  fitted: FittedModel<string, Params>,
  predict: (params: Params) => number,
  options: PredictionIntervalOptions = {},
): PredictionInterval {
  const fn = 'predictionInterval';
  parseInput(ModelSchema, model, fn, 'model');
  if (typeof predict !== 'function')
    fail('input/invalid', fn, 'predict must be a function of the params', {
      expected: 'function',
      received: predict,
      path: ['predict'],
    });
  const opts = parseInput(PredictionIntervalOptionsSchema, options, fn, 'options');
  const level = opts.level ?? 0.95;
  const method = opts.method ?? 'delta';
  const dist = parameterDistribution(model, fitted, fn, ['fitted']);
  const estimate = evaluate(predict, dist.params, fn);
  const z = normalQuantile(0.5 + level / 2);
  if (method === 'delta') {
    if (opts.draws !== undefined || opts.seed !== undefined)
      fail('input/invalid', fn, 'draws and seed apply to method draws only', {
        expected: "method: 'draws' with draws/seed, or neither",
        received: 'delta',
        path: ['options', 'method'],
      });
    const scale = opts.scale ?? 'linear';
    const columns = centralGradient(dist, (p) => Float64Array.of(evaluate(predict, p, fn)));
    const gradient = columns.map((c) => c[0]!);
    const se = Math.sqrt(Math.max(0, quadraticFormVector(gradient, dist.covariance)));
    const [lower, upper] = deltaBounds(estimate, se, z, scale, fn);
    return Object.freeze({
      estimate,
      lower,
      upper,
      level,
      method,
      scale,
      standardError: se,
      draws: null,
      rejectedDraws: null,
      seed: null,
      note: NOTE,
    });
  }
  if (opts.seed === undefined)
    fail('input/invalid', fn, 'method draws needs a seed', {
      expected: 'options.seed, an integer',
      received: undefined,
      path: ['options', 'seed'],
    });
  if (opts.scale !== undefined)
    fail('input/invalid', fn, 'scale applies to the delta method only', {
      expected: 'no scale with draws',
      received: opts.scale,
      path: ['options', 'scale'],
    });
  const count = opts.draws ?? 1000;
  const rng = createRandom(opts.seed);
  const { draws, rejected } = drawParameters(model, dist, rng, count, fn);
  const values = new Float64Array(count);
  let mean = 0;
  for (let k = 0; k < count; k += 1) {
    const v = evaluate(predict, draws[k]!, fn);
    values[k] = v;
    mean += v;
  }
  mean /= count;
  let ss = 0;
  for (let k = 0; k < count; k += 1) ss += (values[k]! - mean) ** 2;
  values.sort();
  const alpha = (1 - level) / 2;
  return Object.freeze({
    estimate,
    lower: sortedQuantile(values, alpha),
    upper: sortedQuantile(values, 1 - alpha),
    level,
    method,
    scale: null,
    standardError: Math.sqrt(ss / (count - 1)),
    draws: count,
    rejectedDraws: rejected,
    seed: opts.seed,
    note: NOTE,
  });
}

/**
 * {@link predictionInterval} returning `{ success, data | error }` instead of throwing a coded error.
 *
 * @example
 * ```ts
 * import { bgNbd, safePredictionInterval } from 'customer-asset';
 *
 * const result = safePredictionInterval(bgNbd, {} as never, () => 1);
 * console.log(result.success); // false
 * ```
 */
export function safePredictionInterval<Params extends Readonly<Record<string, number>>>(
  model: ParametricModel<Params>,
  fitted: FittedModel<string, Params>,
  predict: (params: Params) => number,
  options: PredictionIntervalOptions = {},
): Safe<PredictionInterval> {
  return toSafe(() => predictionInterval(model, fitted, predict, options));
}
