/**
 * Maximum-likelihood fit of the Gamma-Gamma spend model (Fader & Hardie note 025; FHL 2005 JMR):
 * BFGS on log-parameters (log(q − 1) under the q > 1 constraint) with the analytic gradient, on
 * spends divided by a power of 2 near their mean (γ scales with money, p and q do not), mapped back
 * exactly: γ = γ' · k, LL = LL' − W ln k.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import type { FittedModel } from '../../core/fitted-model.js';
import { type Safe, toSafe } from '../../core/safe.js';
import { parseInput } from '../../core/validate.js';
import type { RfmSummary } from '../../data/summary-types.js';
import { maximizeLikelihood } from '../../optimize/mle.js';
import { buildFittedModel, fittedModelFromJSON } from '../shared/fitted-record.js';
import type { SpendFitOptions } from '../spend-types.js';
import { prepareSpendData } from './data.js';
import { gammaGammaLogLikelihoodPrepared, inConvention } from './likelihood.js';
import {
  GAMMA_GAMMA_PARAMETER_NAMES,
  type GammaGammaParams,
  GammaGammaParamsSchema,
} from './params.js';

/** A fitted Gamma-Gamma record. */
export type GammaGammaFit = FittedModel<'gamma-gamma', GammaGammaParams>;

/** Options of {@link fitGammaGamma}. */
export interface GammaGammaFitOptions extends SpendFitOptions<GammaGammaParams> {
  /**
   * Keep q > 1 (the population mean spend pγ/(q − 1) is then finite), like lifetimes'
   * `q_constraint`: the fit searches log(q − 1). Default false (q > 0).
   */
  readonly qConstraint?: boolean;
}

const FitOptionsSchema = /* @__PURE__ */ z
  .object({
    starts: z.array(GammaGammaParamsSchema).min(1).optional(),
    optimizer: z.record(z.string(), z.unknown()).optional(),
    likelihoodConvention: z.enum(['mean', 'total']).optional(),
    qConstraint: z.boolean().optional(),
  })
  .strict();

/**
 * Default starts in units where the mean spend is about 1 (both have pγ/(q−1) = 1): a diffuse one
 * (coefficient of variation 1 per transaction) and one near typical retail fits (CDNOW: p = 6.2,
 * q = 3.7).
 */
const DEFAULT_STARTS: readonly GammaGammaParams[] = Object.freeze([
  Object.freeze({ p: 1, q: 2, gamma: 1 }),
  Object.freeze({ p: 5, q: 4, gamma: 0.6 }),
]);

type Internal = { p: number; qFree: number; gamma: number };

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, JMR 42(4); Fader & Hardie note 025)
 * by maximum likelihood to the repeat customers of an RFM summary: each customer's x repeat
 * transaction values are Gamma(p, ν), ν ~ Gamma(q, γ) across customers, and the data are the
 * (x, m_x) pairs with x >= 1. Customers with x = 0 are excluded and counted in
 * `notes.customersExcluded` (predict them with the population mean).
 *
 * The record's `logLikelihood` is in `options.likelihoodConvention` (default `'mean'`, the density
 * of m_x, as note 025 and lifetimes report it; `'total'` is Σ ln x lower, as the JMR paper reports
 * it); `notes.likelihoodConvention` names it and `notes.sumLogFrequency` = Σ ln x converts between
 * them. The estimates do not depend on it.
 *
 * Numerical caveats: spends are divided by a power of 2 near their mean before fitting (exact), so
 * the default starts suit dollars, cents or yen alike; the q > 1 constraint (`qConstraint`) is off by
 * default, as in lifetimes. Run `spendFrequencyCorrelation` first: the model assumes spend is
 * independent of frequency.
 *
 * @param summary - Customer RFM summary with `monetaryValue` for every customer with x >= 1.
 * @param options - {@link GammaGammaFitOptions}: starts (natural scale, money units of the data),
 *   optimizer settings, `likelihoodConvention`, `qConstraint`.
 * @returns The frozen fitted record (model `'gamma-gamma'`); `observations` = repeat customers.
 * @throws CustomerAssetError `input/invalid` for a bad summary or options (a missing or
 *   non-positive monetary value names the row); `fit/insufficient-data` with fewer than 2 repeat
 *   customers; `fit/not-converged` with the optimizer's diagnostics.
 *
 * @example
 * ```ts
 * import { gammaGamma, rfmSummaryFromRows } from 'customer-asset';
 *
 * const rows = [];
 * for (let i = 0; i < 60; i += 1) {
 *   const frequency = 1 + (i % 5);
 *   rows.push({ frequency, recency: 10, T: 20, monetaryValue: (20 + ((i * 37) % 41)).toFixed(2) });
 * }
 * const fitted = gammaGamma.fit(rfmSummaryFromRows(rows, { timeUnit: 'week' }));
 * console.log(fitted.notes?.likelihoodConvention, fitted.observations); // 'mean' 60
 * ```
 */
export function fitGammaGamma(
  summary: RfmSummary,
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  const fn = 'gammaGamma.fit';
  const parsed = parseInput(FitOptionsSchema, options, fn, 'options');
  const data = prepareSpendData(summary, fn, true);
  if (data.customers < 2) {
    fail(
      'fit/insufficient-data',
      fn,
      'Gamma-Gamma needs at least 2 customers with repeat purchases',
      {
        expected: 'at least 2 customers with frequency >= 1',
        received: data.customers,
        path: ['summary'],
      },
    );
  }
  const convention = parsed.likelihoodConvention ?? 'mean';
  const constrained = parsed.qConstraint ?? false;
  const k = data.scale;
  const shift = constrained ? 1 : 0;
  const toParams = (z: Internal): GammaGammaParams => ({
    p: z.p,
    q: z.qFree + shift,
    gamma: z.gamma,
  });
  const userStarts = parsed.starts as readonly GammaGammaParams[] | undefined;
  const starts = (userStarts ?? DEFAULT_STARTS.map((s) => ({ ...s, gamma: s.gamma * k })))
    .filter((s) => s.q > shift)
    .map((s) => ({ p: s.p, qFree: s.q - shift, gamma: s.gamma / k }));
  if (starts.length === 0) {
    fail('input/invalid', fn, 'every start has q <= 1 while qConstraint is on', {
      expected: 'a start with q > 1',
      received: userStarts?.map((s) => s.q).join(', '),
      path: ['options', 'starts'],
    });
  }
  const gradient = new Float64Array(3);
  const result = maximizeLikelihood<Internal>(
    {
      parameterOrder: ['p', 'qFree', 'gamma'],
      transforms: { p: 'log', qFree: 'log', gamma: 'log' },
      logLikelihood: (z) => gammaGammaLogLikelihoodPrepared(toParams(z), data),
      gradient: (z) => {
        gammaGammaLogLikelihoodPrepared(toParams(z), data, gradient);
        return [gradient[0]!, gradient[1]!, gradient[2]!];
      },
      starts,
    },
    options.optimizer,
  );
  if (!result.diagnostics.converged || !Number.isFinite(result.logLikelihood)) {
    fail(
      'fit/not-converged',
      fn,
      `the gamma-gamma fit did not converge (${result.diagnostics.reason})`,
      {
        expected: 'a converged maximum-likelihood fit',
        received: `log-likelihood ${result.logLikelihood} after ${result.diagnostics.iterations} iterations`,
        details: { diagnostics: result.diagnostics, params: result.params },
      },
    );
  }
  // Back to the data's money unit: γ = γ'·k (q − shift and p unchanged), LL = LL' − W ln k.
  const params = { ...toParams(result.params), gamma: result.params.gamma * k };
  const factors = [1, 1, k];
  const covariance =
    result.covariance === null
      ? null
      : result.covariance.map((row, i) => row.map((v, j) => v * factors[i]! * factors[j]!));
  const se = result.standardErrors;
  const standardErrors = se === null ? null : { p: se.p, q: se.qFree, gamma: se.gamma * k };
  const meanLogLikelihood = result.logLikelihood - data.customers * Math.log(k);
  return buildFittedModel({
    model: 'gamma-gamma',
    params,
    parameterOrder: GAMMA_GAMMA_PARAMETER_NAMES,
    timeUnit: summary.timeUnit,
    logLikelihood: inConvention(meanLogLikelihood, data, convention),
    observations: data.customers,
    diagnostics: result.diagnostics,
    covariance,
    standardErrors,
    notes: {
      likelihoodConvention: convention,
      likelihoodConventionMeaning:
        convention === 'mean'
          ? 'density of the mean repeat spend m_x (Fader & Hardie note 025, lifetimes)'
          : 'density of the total repeat spend x*m_x (Fader, Hardie & Lee 2005 JMR)',
      sumLogFrequency: data.sumLnX,
      customersExcluded: data.excluded,
      customersExcludedReason: 'frequency 0: no repeat transaction, so no spend to fit',
      qConstraint: constrained,
      observedMeanSpend: data.meanSpend,
    },
  });
}

/**
 * {@link fitGammaGamma} that returns `{ success: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { gammaGamma, rfmSummaryFromRows } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows([{ frequency: 0, recency: 0, T: 10 }], { timeUnit: 'week' });
 * const result = gammaGamma.safeFit(summary);
 * console.log(result.success ? 'fitted' : result.error.code); // 'fit/insufficient-data'
 * ```
 */
export function safeFitGammaGamma(
  summary: RfmSummary,
  options: GammaGammaFitOptions = {},
): Safe<GammaGammaFit> {
  return toSafe(() => fitGammaGamma(summary, options));
}

/**
 * Restores a Gamma-Gamma fitted record from its JSON form, validating every field; the result
 * equals the record that was serialised.
 *
 * @param json - `JSON.parse(JSON.stringify(fitted))`.
 * @returns The frozen fitted record.
 * @throws CustomerAssetError `input/invalid` naming the first bad field.
 *
 * @example
 * ```ts
 * import { gammaGamma, rfmSummaryFromRows } from 'customer-asset';
 *
 * const rows = [1, 2, 3, 1, 2, 4, 1, 5, 2, 3].map((frequency, i) => ({
 *   frequency,
 *   recency: 5,
 *   T: 10,
 *   monetaryValue: String(10 + ((i * 7) % 13)),
 * }));
 * const fitted = gammaGamma.fit(rfmSummaryFromRows(rows, { timeUnit: 'week' }));
 * const restored = gammaGamma.fromJSON(JSON.parse(JSON.stringify(fitted)));
 * console.log(restored.params.p === fitted.params.p); // true
 * ```
 */
export function gammaGammaFromJSON(json: unknown): GammaGammaFit {
  return fittedModelFromJSON(
    'gamma-gamma',
    GammaGammaParamsSchema,
    GAMMA_GAMMA_PARAMETER_NAMES,
    json,
    'gammaGamma.fromJSON',
  );
}
