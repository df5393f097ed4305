import { z } from 'zod';
import { fail, isCustomerAssetError } from '../../core/errors.js';
import type { FittedModel } from '../../core/fitted-model.js';
import { type Safe, toSafe } from '../../core/safe.js';
import { parseInput } from '../../core/validate.js';
import { type MleProblem, maximizeLikelihood } from '../../optimize/mle.js';
import { runModelFit } from '../shared/fit.js';
import { fittedModelFromJSON } from '../shared/fitted-record.js';
import type { FitOptions, TransactionSummaryInput } from '../types.js';
import {
  createWorkspace,
  evaluateNodes,
  type LikelihoodWorkspace,
  sumLogLikelihood,
  sumOut,
} from './likelihood.js';
import {
  PARETO_NBD_PARAMETER_ORDER,
  type ParetoNbdParams,
  ParetoNbdParamsSchema,
} from './params.js';
import { buildPatternIndex, type SummaryColumns } from './pattern-index.js';
import { polish } from './polish.js';
import { summaryColumns } from './summary-input.js';

/** A fitted Pareto/NBD record. */
export type ParetoNbdFit = FittedModel<'pareto-nbd', ParetoNbdParams>;

const FitOptionsSchema = /* @__PURE__ */ z
  .object({
    starts: z.array(ParetoNbdParamsSchema).min(1).optional(),
    optimizer: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/**
 * Default optimizer settings: the likelihood is cheap, so the gradient rule is tightened from the
 * optimizer's 1e-6 · |LL| (a flat (s, β) ridge would otherwise stop BFGS a little early); the
 * objective-change rule still ends the run at the rounding floor of the sum.
 */
const DEFAULT_OPTIMIZER = { gradientTolerance: 1e-9 } as const;

/** The log-likelihood and its gradient at natural-scale params (on rescaled times), memoised. */
function objective(ws: LikelihoodWorkspace) {
  const last = { r: Number.NaN, alpha: Number.NaN, s: Number.NaN, beta: Number.NaN };
  let ll = Number.NaN;
  const grad = [0, 0, 0, 0];
  const at = (p: ParetoNbdParams): void => {
    if (p.r === last.r && p.alpha === last.alpha && p.s === last.s && p.beta === last.beta) return;
    if (
      !(p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0) ||
      !Number.isFinite(p.r + p.alpha + p.s + p.beta)
    ) {
      ll = Number.NaN;
    } else {
      evaluateNodes(ws, p.r, p.alpha, p.s, p.beta, true);
      sumLogLikelihood(ws, p.r, p.alpha, p.s, p.beta, true);
      ll = sumOut.ll;
      grad[0] = sumOut.dr;
      grad[1] = sumOut.dalpha;
      grad[2] = sumOut.ds;
      grad[3] = sumOut.dbeta;
    }
    last.r = p.r;
    last.alpha = p.alpha;
    last.s = p.s;
    last.beta = p.beta;
  };
  return {
    logLikelihood: (p: ParetoNbdParams): number => {
      at(p);
      return ll;
    },
    gradient: (p: ParetoNbdParams): number[] => {
      at(p);
      return [...grad];
    },
  };
}

/** Value-only log-likelihood (for screening starts). */
function valueAt(ws: LikelihoodWorkspace, p: ParetoNbdParams): number {
  evaluateNodes(ws, p.r, p.alpha, p.s, p.beta, false);
  sumLogLikelihood(ws, p.r, p.alpha, p.s, p.beta, false);
  return sumOut.ll;
}

/**
 * Candidate starts on rescaled times (the largest T is about 1): purchase-rate means r/α matching the
 * observed repeat rate Σx/ΣT once or twice over, dropout shapes and rates from short to long lifetimes.
 */
function candidateStarts(rate: number): ParetoNbdParams[] {
  const out: ParetoNbdParams[] = [];
  for (const r of [0.5, 1.5]) {
    for (const f of [1, 2]) {
      const alpha = r / (f * rate);
      for (const [s, beta] of [
        [0.5, 0.3],
        [1, 1],
        [1, 0.1],
      ] as const) {
        out.push({ r, alpha, s, beta });
      }
    }
  }
  return out;
}

/** Rows of a summary above which the starts are screened and pre-fitted on a systematic subsample. */
const SUBSAMPLE_ROWS = 8192;

/** Every k-th row (a systematic sample, which a summary sorted by frequency keeps stratified). */
function strided(columns: SummaryColumns, target: number): SummaryColumns {
  const step = Math.ceil(columns.size / target);
  const size = Math.ceil(columns.size / step);
  const pick = (a: Float64Array) => {
    const out = new Float64Array(size);
    for (let i = 0, j = 0; i < columns.size; i += step, j += 1) out[j] = a[i]!;
    return out;
  };
  return {
    size,
    frequency: pick(columns.frequency),
    recency: pick(columns.recency),
    T: pick(columns.T),
    count: pick(columns.count),
  };
}

/**
 * Fits the Pareto/NBD (Schmittlein, Morrison & Colombo 1987) to a customer summary by maximum
 * likelihood, with the likelihood of Fader & Hardie's note 009 (2005) in log space and its analytic
 * gradient (BFGS on log-parameters, see docs/models/optimizer.md).
 *
 * How: times are divided by the power of 2 nearest the largest T (exact in floating point; α and β
 * scale with time, r and s do not), the ₂F₁ series of the likelihood is summed once per distinct
 * (x, t_x) and (x, T) per evaluation, twelve default starts are screened by their log-likelihood and
 * the best is optimised (then the next best if it does not converge). The record reports params and
 * log-likelihood in the data's own time unit (LL = LL_scaled − Σx ln k), with no constants dropped:
 * on CDNOW (weeks) LL = −9594.976 (Fader, Hardie & Lee 2005, Marketing Science 24(2), Table 1).
 *
 * Numerical caveats: the likelihood surface is very flat along (s, β) — on CDNOW optimizers stop at
 * β between 11.65 and 11.67 with the same LL to 1e-3 — so compare log-likelihoods, not β to many
 * digits; the standard error of β is large for the same reason. Customers with hundreds or thousands
 * of purchases, t_x = T and T in the thousands are handled without overflow.
 *
 * @param summary - An RFM summary (`rfmSummary`, `rfmSummaryFromRows`) or its compressed patterns.
 * @param options - Optional natural-scale `starts` (each is optimised in full) and optimizer settings.
 * @returns A frozen, JSON-serialisable fitted record (`model: 'pareto-nbd'`).
 * @throws `input/invalid` for a malformed summary or options, `fit/insufficient-data` when nobody made
 *   a repeat purchase, `fit/not-converged` (with diagnostics) when no start converged.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 *
 * // 5,000 customers drawn from the CDNOW estimates (weeks), fitted back.
 * const truth = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * const summary = paretoNbd.simulate(truth, { customers: 5000, T: 39, seed: 11, timeUnit: 'week' });
 * const fitted = paretoNbd.fit(summary);
 * console.log(fitted.diagnostics.converged, fitted.timeUnit); // true 'week'
 * console.log(fitted.params.r.toFixed(2), fitted.params.alpha.toFixed(1)); // '0.53' '10.5'
 * ```
 */
export function fitParetoNbd(
  summary: TransactionSummaryInput,
  options: FitOptions<ParetoNbdParams> = {},
): ParetoNbdFit {
  const fn = 'fitParetoNbd';
  const parsedOptions = parseInput(FitOptionsSchema, options, fn, 'options');
  const { columns, timeUnit } = summaryColumns(summary, fn);
  if (columns.size === 0) {
    fail('input/empty', fn, 'the summary has no customers', {
      expected: 'at least one customer',
      received: 0,
      path: ['summary'],
    });
  }
  let maxT = 0;
  for (let i = 0; i < columns.size; i += 1) if (columns.T[i]! > maxT) maxT = columns.T[i]!;
  if (!(maxT > 0)) {
    fail('fit/insufficient-data', fn, 'every customer has T = 0', {
      expected: 'some customer observed for a positive time',
      received: 'max T = 0',
      path: ['summary'],
    });
  }
  const scale = 2 ** Math.round(Math.log2(maxT));
  const index = buildPatternIndex(columns, scale);
  if (index.repeatPurchases === 0) {
    fail('fit/insufficient-data', fn, 'no customer made a repeat purchase', {
      expected: 'at least one customer with frequency > 0',
      received: 'Σ frequency = 0',
      path: ['summary'],
    });
  }
  const ws = createWorkspace(index);
  const { logLikelihood, gradient } = objective(ws);
  const transforms = { r: 'log', alpha: 'log', s: 'log', beta: 'log' } as const;
  const toOriginalUnits = (p: ParetoNbdParams, ll: number) => ({
    params: { r: p.r, alpha: p.alpha * scale, s: p.s, beta: p.beta * scale },
    logLikelihood: ll - index.repeatPurchases * Math.log(scale),
  });
  const notes: Record<string, string | number> = {
    likelihood: 'Fader & Hardie note 009, full (no constants dropped)',
    timeScale: scale,
  };
  const run = (starts: readonly ParetoNbdParams[]) => {
    const problem: MleProblem<ParetoNbdParams> = {
      parameterOrder: [...PARETO_NBD_PARAMETER_ORDER],
      transforms,
      logLikelihood,
      gradient,
      starts,
    };
    return runModelFit({
      fn,
      model: 'pareto-nbd' as const,
      problem,
      timeUnit,
      observations: index.customers,
      optimizer: { ...DEFAULT_OPTIMIZER, ...(parsedOptions.optimizer ?? {}) },
      toOriginalUnits,
      notes,
    });
  };
  if (parsedOptions.starts !== undefined) {
    return run(
      parsedOptions.starts.map((p) => ({ ...p, alpha: p.alpha / scale, beta: p.beta / scale })),
    );
  }
  // Screen the default starts by their log-likelihood (on a systematic subsample of a large summary,
  // which is then fitted first so that the full data start near their optimum); optimise the best
  // start, then the next two if it does not converge.
  let exposure = 0;
  for (let i = 0; i < columns.size; i += 1) exposure += columns.count[i]! * (columns.T[i]! / scale);
  const rate = index.repeatPurchases / Math.max(exposure, Number.MIN_VALUE);
  const sample = columns.size > SUBSAMPLE_ROWS ? strided(columns, SUBSAMPLE_ROWS) : null;
  const sampleIndex = sample === null ? index : buildPatternIndex(sample, scale);
  const sampleWs = sample === null ? ws : createWorkspace(sampleIndex);
  const candidates = candidateStarts(rate);
  const ranked = candidates
    .map((p) => ({ p, ll: valueAt(sampleWs, p) }))
    .filter((c) => Number.isFinite(c.ll))
    .sort((a, b) => b.ll - a.ll)
    .map((c) => c.p);
  // No finite start on the sample: let the optimizer report it on the full data (a coded error).
  if (ranked.length === 0) ranked.push(...candidates.slice(0, 3));
  if (sample !== null && sampleIndex.repeatPurchases > 0 && ranked.length > 0) {
    const pre = objective(sampleWs);
    const preFit = maximizeLikelihood(
      {
        parameterOrder: [...PARETO_NBD_PARAMETER_ORDER],
        transforms,
        logLikelihood: pre.logLikelihood,
        gradient: pre.gradient,
        starts: [ranked[0]!],
      },
      { gradientTolerance: 1e-6 },
    );
    if (preFit.diagnostics.converged) {
      let start = preFit.params;
      const cov = preFit.covariance;
      const tolerance =
        (parsedOptions.optimizer?.gradientTolerance as number | undefined) ??
        DEFAULT_OPTIMIZER.gradientTolerance;
      if (cov !== null) {
        // Inverse Hessian of −LL in z = ln θ on the full data ≈ the sample's, scaled by n_s/n.
        const theta = PARETO_NBD_PARAMETER_ORDER.map((name) => start[name]);
        const ratio = sampleIndex.customers / index.customers;
        const metric = cov.map((row, i) =>
          row.map((c, j) => (ratio * c) / (theta[i]! * theta[j]!)),
        );
        const polished = polish({ logLikelihood, gradient }, start, metric, tolerance);
        start = polished.params;
        notes.polishSteps = polished.steps;
      }
      notes.prefitRows = sampleIndex.patterns;
      ranked.unshift(start);
    }
  }
  let lastError: unknown;
  for (const tries of [[0], [1, 2]]) {
    const starts = tries.map((k) => ranked[k]).filter((p): p is ParetoNbdParams => p !== undefined);
    if (starts.length === 0) break;
    try {
      return run(starts);
    } catch (error) {
      if (!isCustomerAssetError(error) || error.code !== 'fit/not-converged') throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * {@link fitParetoNbd} that returns `{ success: false, error }` instead of throwing a coded error.
 *
 * @example
 * ```ts
 * import { paretoNbd, rfmSummaryFromRows } from 'customer-asset';
 *
 * const none = rfmSummaryFromRows([{ frequency: 0, recency: 0, T: 10 }], { timeUnit: 'week' });
 * const out = paretoNbd.safeFit(none);
 * console.log(out.success ? out.data.params : out.error.code); // 'fit/insufficient-data'
 * ```
 */
export function safeFitParetoNbd(
  summary: TransactionSummaryInput,
  options: FitOptions<ParetoNbdParams> = {},
): Safe<ParetoNbdFit> {
  return toSafe(() => fitParetoNbd(summary, options));
}

/**
 * Restores a Pareto/NBD fitted record from its JSON form, validating every field; the result equals
 * the record that was serialised.
 *
 * @param json - `JSON.parse(JSON.stringify(fitted))`.
 * @returns The frozen fitted record.
 * @throws CustomerAssetError `input/invalid` naming the first bad field.
 *
 * @example
 * ```ts
 * import { paretoNbd } from 'customer-asset';
 *
 * const truth = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
 * const summary = paretoNbd.simulate(truth, { customers: 2000, T: 39, seed: 3, timeUnit: 'week' });
 * const fitted = paretoNbd.fit(summary);
 * const restored = paretoNbd.fromJSON(JSON.parse(JSON.stringify(fitted)));
 * console.log(restored.params.beta === fitted.params.beta); // true
 * ```
 */
export function paretoNbdFromJSON(json: unknown): ParetoNbdFit {
  return fittedModelFromJSON(
    'pareto-nbd',
    ParetoNbdParamsSchema,
    PARETO_NBD_PARAMETER_ORDER,
    json,
    'paretoNbdFromJSON',
  );
}
