import type { FittedModel } from '../../core/fitted-model.js';
import { type Safe, toSafe } from '../../core/safe.js';
import { BETA_GEOMETRIC_PARAMETER_ORDER, familyFit } from '../shared/beta-geometric-api.js';
import { fittedModelFromJSON } from '../shared/fitted-record.js';
import type { FitOptions, TransactionSummaryInput } from '../types.js';
import { MBG_NBD, type MbgNbdParams, MbgNbdParamsSchema } from './params.js';

/** A fitted MBG/NBD record. */
export type MbgNbdFit = FittedModel<'mbg-nbd', MbgNbdParams>;

/**
 * Fits MBG/NBD by maximum likelihood (Batislam, Denizel & Filiztekin 2007) on a customer or pattern
 * summary. BFGS on log-parameters with the analytic gradient, from a moment-matched start (and
 * (1, 1, 1, 1) too when that run does not converge), or from your starts, best wins; standard errors
 * and covariance from the Hessian by the delta method.
 *
 * Conventions: times are divided internally by the power of two nearest to max(T) for conditioning,
 * then α is multiplied back and the log-likelihood shifted by −Σx ln k, so params and
 * log-likelihood are in the summary's own time unit (`timeUnit` of the record; REFERENCE.md §0).
 * Identical customers are merged first (the likelihood depends only on (x, t_x, T)).
 *
 * Numerical caveats: on CDNOW (2,357 customers, exact weeks) it gives r = 0.52484, α = 6.1831,
 * a = 0.89136, b = 1.61400, LL = −9582.1357, the optimum derived at 40 digits in
 * scripts/reference/bg_nbd_mbg_nbd.py.
 *
 * @param summary - RFM summary or pattern summary; at least one customer with frequency > 0.
 * @param options - Optional `starts` (natural-scale params in the data's unit) and `optimizer` settings.
 * @returns The frozen fitted record (`params`, `logLikelihood`, `standardErrors`, `diagnostics`...).
 * @throws CustomerAssetError `input/invalid` (bad summary or options), `input/empty` (no customers),
 *   `fit/insufficient-data` (no repeat purchase at all), `fit/not-converged` (with diagnostics).
 *
 * @example
 * ```ts
 * import { mbgNbd, rfmSummaryFromRows } from 'customer-asset';
 *
 * const summary = mbgNbd.simulate({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 5000, T: 39, seed: 1 });
 * const fitted = mbgNbd.fit(summary);
 * console.log(fitted.diagnostics.converged, fitted.timeUnit); // true 'week'
 * console.log(fitted.params.r.toFixed(2)); // '0.23'
 * ```
 */
export function fitMbgNbd(
  summary: TransactionSummaryInput,
  options?: FitOptions<MbgNbdParams>,
): MbgNbdFit {
  return familyFit(MBG_NBD, summary, options);
}

/**
 * {@link fitMbgNbd} that returns `{ success: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { mbgNbd, rfmSummaryFromRows } from 'customer-asset';
 *
 * const none = rfmSummaryFromRows([{ frequency: 0, recency: 0, T: 39, count: 10 }], { timeUnit: 'week' });
 * const result = mbgNbd.safeFit(none);
 * console.log(result.success ? 'fitted' : result.error.code); // 'fit/insufficient-data'
 * ```
 */
export function safeFitMbgNbd(
  summary: TransactionSummaryInput,
  options?: FitOptions<MbgNbdParams>,
): Safe<MbgNbdFit> {
  return toSafe(() => fitMbgNbd(summary, options));
}

/**
 * Restores a MBG/NBD fitted record from its JSON form, validating every field; the result equals the
 * record that was serialised.
 *
 * @param json - `JSON.parse(JSON.stringify(fitted))`.
 * @returns The frozen fitted record.
 * @throws CustomerAssetError `input/invalid` naming the first bad field.
 *
 * @example
 * ```ts
 * import { mbgNbd } from 'customer-asset';
 *
 * const summary = mbgNbd.simulate({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 2000, T: 39, seed: 2 });
 * const fitted = mbgNbd.fit(summary);
 * const restored = mbgNbd.fromJSON(JSON.parse(JSON.stringify(fitted)));
 * console.log(restored.params.alpha === fitted.params.alpha); // true
 * ```
 */
export function mbgNbdFromJSON(json: unknown): MbgNbdFit {
  return fittedModelFromJSON(
    'mbg-nbd',
    MbgNbdParamsSchema,
    BETA_GEOMETRIC_PARAMETER_ORDER,
    json,
    'mbgNbd.fromJSON',
  );
}
