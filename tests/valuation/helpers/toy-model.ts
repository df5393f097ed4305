/**
 * Test doubles with closed forms that can be checked by hand.
 *
 * `poissonExponential` is a transaction model with no heterogeneity: every customer buys as a
 * Poisson process of rate λ while alive and lives an exponential time of rate μ. Given a history
 * (x, t_x, T):
 *   P(alive) = 1 / (1 + μ/(λ+μ) · (e^((λ+μ)(T−t_x)) − 1)),
 *   E[Y(t)]  = P(alive) · (λ/μ) · (1 − e^(−μt)),
 *   DERT(d)  = P(alive) · λ / (μ + δ),  δ = ln(1 + d).
 *
 * `linearSpend` is a spend model with E(M) = (γ + m·x)·p / (p·x + q − 1) (the Gamma-Gamma
 * conditional mean, which is all valuation uses).
 */
import { z } from 'zod';
import type { FittedModel } from '../../../src/core/fitted-model.js';
import { toSafe } from '../../../src/core/safe.js';
import { runModelFit } from '../../../src/models/shared/fit.js';
import { summaryRows } from '../../../src/models/shared/indexed-patterns.js';
import type {
  CustomerHistory,
  CustomerScores,
  TransactionModel,
  TransactionSummaryInput,
} from '../../../src/models/types.js';

export type ToyParams = {
  readonly lambda: number;
  readonly mu: number;
};

const ToyParamsSchema = z
  .object({ lambda: z.number().positive().finite(), mu: z.number().positive().finite() })
  .strict();

export function toyAlive(p: ToyParams, c: CustomerHistory): number {
  const s = p.lambda + p.mu;
  return 1 / (1 + (p.mu / s) * Math.expm1(s * (c.T - c.recency)));
}

export function toyExpected(p: ToyParams, c: CustomerHistory, t: number): number {
  return toyAlive(p, c) * (p.lambda / p.mu) * -Math.expm1(-p.mu * t);
}

export function toyDert(p: ToyParams, c: CustomerHistory, d: number): number {
  return (toyAlive(p, c) * p.lambda) / (p.mu + Math.log1p(d));
}

function logLikelihoodOf(p: ToyParams, summary: TransactionSummaryInput): number {
  const { x, tx, T, n } = summaryRows(summary, 'toy.logLikelihood');
  const s = p.lambda + p.mu;
  let total = 0;
  for (let i = 0; i < x.length; i += 1) {
    const alive = -s * T[i]!;
    const died = Math.log(p.mu / s) + Math.log(Math.exp(-s * tx[i]!) - Math.exp(-s * T[i]!));
    const m = Math.max(alive, died);
    total +=
      n[i]! * (x[i]! * Math.log(p.lambda) + m + Math.log(Math.exp(alive - m) + Math.exp(died - m)));
  }
  return total;
}

function fitToy(summary: TransactionSummaryInput): FittedModel<'poisson-exponential', ToyParams> {
  const { n } = summaryRows(summary, 'toy.fit');
  let customers = 0;
  for (const v of n) customers += v;
  return runModelFit({
    fn: 'toy.fit',
    model: 'poisson-exponential',
    problem: {
      parameterOrder: ['lambda', 'mu'] as ('lambda' | 'mu')[],
      transforms: { lambda: 'log', mu: 'log' },
      logLikelihood: (params) => logLikelihoodOf(params, summary),
      starts: [{ lambda: 0.5, mu: 0.05 }],
    },
    timeUnit: summary.timeUnit,
    observations: customers,
  });
}

function score(
  p: ToyParams,
  summary: TransactionSummaryInput,
  options: { readonly horizon: number; readonly discountRate?: number },
): CustomerScores {
  const { x, tx, T } = summaryRows(summary, 'toy.score');
  const size = x.length;
  const probabilityAlive = new Float64Array(size);
  const expectedPurchases = new Float64Array(size);
  const dert = options.discountRate === undefined ? null : new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    const c = { frequency: x[i]!, recency: tx[i]!, T: T[i]! };
    probabilityAlive[i] = toyAlive(p, c);
    expectedPurchases[i] = toyExpected(p, c, options.horizon);
    if (dert !== null) dert[i] = toyDert(p, c, options.discountRate!);
  }
  return Object.freeze({
    size,
    probabilityAlive,
    expectedPurchases,
    dert,
    horizon: options.horizon,
    discountRate: options.discountRate ?? null,
  });
}

/** P(X(t) = n) for a new customer: e^(−μt) Pois(n; λt) + μλⁿ/(λ+μ)ⁿ⁺¹ · P(Gamma(n+1) ≤ (λ+μ)t). */
function pmf(p: ToyParams, n: number, t: number): number {
  const s = p.lambda + p.mu;
  let logFactorial = 0;
  for (let k = 2; k <= n; k += 1) logFactorial += Math.log(k);
  const alive = Math.exp(-p.mu * t - p.lambda * t + n * Math.log(p.lambda * t) - logFactorial);
  const z = s * t;
  let term = 1;
  let partial = 1;
  for (let k = 1; k <= n; k += 1) {
    term *= z / k;
    partial += term;
  }
  const lowerGamma = 1 - Math.exp(-z) * partial;
  return (n === 0 && t === 0 ? 1 : alive) + (p.mu / s) * (p.lambda / s) ** n * lowerGamma;
}

export const poissonExponential: TransactionModel<'poisson-exponential', ToyParams> = Object.freeze(
  {
    name: 'poisson-exponential' as const,
    parameterNames: ['lambda', 'mu'] as const,
    paramsSchema: ToyParamsSchema,
    logLikelihood: logLikelihoodOf,
    fit: fitToy,
    safeFit: (summary: TransactionSummaryInput) => toSafe(() => fitToy(summary)),
    fromJSON: () => {
      throw new Error('not used');
    },
    expectedPurchases: toyExpected,
    expectedPurchasesNewCustomer: (p: ToyParams, t: number) =>
      (p.lambda / p.mu) * -Math.expm1(-p.mu * t),
    probabilityAlive: (p: ToyParams, c: CustomerHistory) => toyAlive(p, c),
    probabilityOfPurchases: pmf,
    dert: toyDert,
    score,
    simulate: () => {
      throw new Error('not used');
    },
  },
);

/** A fitted record of the toy model with a chosen covariance (natural scale, order lambda, mu). */
export function toyFitted(
  params: ToyParams,
  covariance: readonly (readonly number[])[] | null,
  timeUnit: 'week' | 'day' = 'week',
): FittedModel<'poisson-exponential', ToyParams> {
  return Object.freeze({
    model: 'poisson-exponential',
    schemaVersion: 1,
    params,
    timeUnit,
    logLikelihood: -1,
    aic: 6,
    bic: 6,
    observations: 100,
    diagnostics: {
      converged: true,
      reason: 'gradient-tolerance' as const,
      method: 'bfgs' as const,
      iterations: 1,
      functionEvaluations: 1,
      gradientEvaluations: 1,
      gradientNorm: 0,
      finalValue: 1,
      starts: 1,
    },
    standardErrors:
      covariance === null
        ? null
        : { lambda: Math.sqrt(covariance[0]![0]!), mu: Math.sqrt(covariance[1]![1]!) },
    covariance,
    parameterOrder: ['lambda', 'mu'] as ('lambda' | 'mu')[],
  });
}

// ---------------------------------------------------------------------------------------------
// Spend

export type ToySpendParams = {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
};

const ToySpendParamsSchema = z
  .object({
    p: z.number().positive().finite(),
    q: z.number().positive().finite(),
    gamma: z.number().positive().finite(),
  })
  .strict();

export function toySpend(
  s: ToySpendParams,
  c: { readonly frequency: number; readonly monetaryValue: number | null },
): number {
  const x = c.frequency;
  const m = x === 0 ? 0 : (c.monetaryValue ?? 0);
  return ((s.gamma + m * x) * s.p) / (s.p * x + s.q - 1);
}

export const linearSpend = Object.freeze({
  name: 'gamma-gamma' as const,
  parameterNames: ['p', 'q', 'gamma'] as const,
  paramsSchema: ToySpendParamsSchema,
  expectedSpend: toySpend,
});

export function toySpendFitted(
  params: ToySpendParams,
  covariance: readonly (readonly number[])[] | null,
): FittedModel<'gamma-gamma', ToySpendParams> {
  return Object.freeze({
    ...toyFitted({ lambda: 1, mu: 1 }, null),
    model: 'gamma-gamma',
    params,
    standardErrors: null,
    covariance,
    parameterOrder: ['p', 'q', 'gamma'],
  }) as unknown as FittedModel<'gamma-gamma', ToySpendParams>;
}
