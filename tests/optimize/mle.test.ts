import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import { describe, expect, it } from 'vitest';
import { isCustomerAssetError } from '../../src/core/errors.js';
import {
  type MleProblem,
  maximizeLikelihood,
  safeMaximizeLikelihood,
} from '../../src/optimize/index.js';
import { createRandom, sampleGamma, sampleNormal } from '../../src/random/index.js';
import { codeOf } from '../helpers/errors.js';
import { bisect, sbgProblem, trigamma } from './problems.js';

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('maximizeLikelihood: gamma shape and rate with the analytic answer', () => {
  // Fixed data: 500 Gamma(2.3, rate 0.7) draws from seed 2024.
  const rng = createRandom(2024);
  const xs = Array.from({ length: 500 }, () => sampleGamma(rng, 2.3, 0.7));
  const n = xs.length;
  const sum = xs.reduce((a, b) => a + b, 0);
  const sumLog = xs.reduce((a, b) => a + Math.log(b), 0);
  type P = { k: number; b: number };
  const logLikelihood = ({ k, b }: P) =>
    n * (k * Math.log(b) - gammaln(k)) + (k - 1) * sumLog - b * sum;
  const gradient = ({ k, b }: P) => [n * (Math.log(b) - digamma(k)) + sumLog, (n * k) / b - sum];

  // The MLE solves ln k − ψ(k) = ln(mean x) − mean(ln x), with b = k / mean x. The observed
  // information is n [[ψ'(k), −1/b], [−1/b, k/b²]] whatever the data, so its inverse is exact.
  const target = Math.log(sum / n) - sumLog / n;
  const kHat = bisect((k) => Math.log(k) - digamma(k) - target, 1e-3, 1e3);
  const bHat = kHat / (sum / n);
  const det = n * n * ((trigamma(kHat) * kHat) / bHat ** 2 - 1 / bHat ** 2);
  const analyticCovariance = [
    [(n * kHat) / bHat ** 2 / det, n / bHat / det],
    [n / bHat / det, (n * trigamma(kHat)) / det],
  ];

  const problem: MleProblem<P> = {
    parameterOrder: ['k', 'b'],
    transforms: { k: 'log', b: 'log' },
    logLikelihood,
    starts: [{ k: 1, b: 1 }],
  };

  it.each([
    ['finite-difference gradient', problem],
    ['analytic gradient (chain rule through the log transform)', { ...problem, gradient }],
  ])('recovers the MLE and the full covariance, off-diagonal included, with a %s', (_n, p) => {
    const fit = maximizeLikelihood(p);
    expect(fit.diagnostics.converged).toBe(true);
    expect(relativeError(fit.params.k, kHat)).toBeLessThan(1e-6);
    expect(relativeError(fit.params.b, bHat)).toBeLessThan(1e-6);
    expect(fit.logLikelihood).toBeCloseTo(logLikelihood({ k: kHat, b: bHat }), 8);
    const cov = fit.covariance!;
    for (let i = 0; i < 2; i += 1) {
      for (let j = 0; j < 2; j += 1) {
        expect(relativeError(cov[i]![j]!, analyticCovariance[i]![j]!)).toBeLessThan(1e-4);
      }
    }
    // The off-diagonal is large (correlation about 0.9): a delta method that maps only the diagonal
    // (as lifetimes does) would get it wrong.
    expect(cov[0]![1]! / Math.sqrt(cov[0]![0]! * cov[1]![1]!)).toBeCloseTo(0.8956, 3);
    expect(fit.standardErrors!.k).toBeCloseTo(Math.sqrt(analyticCovariance[0]![0]!), 6);
    expect(fit.standardErrors!.b).toBeCloseTo(Math.sqrt(analyticCovariance[1]![1]!), 6);
  });

  it('is deterministic and frozen', () => {
    const a = maximizeLikelihood(problem);
    const b = maximizeLikelihood(problem);
    expect(b).toEqual(a);
    expect(Object.isFrozen(a.params) && Object.isFrozen(a.covariance)).toBe(true);
    expect(Object.isFrozen(a.covariance![0]) && Object.isFrozen(a.standardErrors)).toBe(true);
  });

  it('reports non-convergence (maxIterations: 2) in the diagnostics instead of throwing', () => {
    const fit = maximizeLikelihood(problem, { maxIterations: 2 });
    expect(fit.diagnostics.converged).toBe(false);
    expect(fit.diagnostics.reason).toBe('max-iterations');
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });
});

describe('maximizeLikelihood: transforms and the delta method', () => {
  it('logit: 30 successes in 100 trials give p = 0.3 with SE sqrt(p(1 − p)/n)', () => {
    const problem: MleProblem<{ p: number }> = {
      parameterOrder: ['p'],
      transforms: { p: 'logit' },
      logLikelihood: ({ p }) => 30 * Math.log(p) + 70 * Math.log1p(-p),
      starts: [{ p: 0.9 }],
    };
    const fit = maximizeLikelihood(problem);
    // The default gradient tolerance (1e-6 · |LL|) places p to about 1e-6 ...
    expect(Math.abs(fit.params.p - 0.3)).toBeLessThan(2e-6);
    expect(fit.standardErrors!.p).toBeCloseTo(Math.sqrt((0.3 * 0.7) / 100), 7);
    // ... and a tighter one to rounding.
    const tight = maximizeLikelihood(problem, { gradientTolerance: 1e-12 });
    expect(Math.abs(tight.params.p - 0.3)).toBeLessThan(1e-9);
  });

  it('identity and log: a normal mean and sd, with independent estimates (zero covariance)', () => {
    const data = [4.1, 5.3, 3.8, 6.0, 5.1, 4.4, 5.7, 4.9, 5.2, 4.6];
    const n = data.length;
    const mean = data.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(data.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    const fit = maximizeLikelihood({
      parameterOrder: ['mu', 'sigma'],
      transforms: { mu: 'identity', sigma: 'log' },
      logLikelihood: ({ mu, sigma }) =>
        -n * Math.log(sigma) - data.reduce((a, x) => a + (x - mu) ** 2, 0) / (2 * sigma * sigma),
      starts: [{ mu: 0, sigma: 1 }],
    });
    expect(fit.params.mu).toBeCloseTo(mean, 8);
    expect(fit.params.sigma).toBeCloseTo(sd, 8);
    const cov = fit.covariance!;
    expect(relativeError(cov[0]![0]!, (sd * sd) / n)).toBeLessThan(1e-5);
    expect(relativeError(cov[1]![1]!, (sd * sd) / (2 * n))).toBeLessThan(1e-5);
    expect(Math.abs(cov[0]![1]!)).toBeLessThan(1e-9);
    expect(cov[0]![1]).toBe(cov[1]![0]);
  });

  it('stops on the relative change of the LL when rounding noise of 200,000 terms hides the gradient', () => {
    const rng = createRandom(7);
    const data = Array.from({ length: 200_000 }, () => sampleNormal(rng, 1000, 3));
    const n = data.length;
    const mean = data.reduce((a, b) => a + b, 0) / n;
    const fit = maximizeLikelihood(
      {
        parameterOrder: ['mu', 'sigma'],
        transforms: { mu: 'identity', sigma: 'log' },
        logLikelihood: ({ mu, sigma }) => {
          let s = 0;
          for (const x of data) s += (x - mu) ** 2;
          return -n * Math.log(sigma) - s / (2 * sigma * sigma);
        },
        starts: [{ mu: 990, sigma: 1 }],
      },
      { gradientTolerance: 0 },
    );
    expect(fit.diagnostics).toMatchObject({
      converged: true,
      reason: 'objective-relative-change',
      method: 'bfgs',
    });
    expect(relativeError(fit.params.mu, mean)).toBeLessThan(1e-10);
  });

  it('returns null covariance and standard errors when the Hessian is singular', () => {
    const fit = maximizeLikelihood({
      parameterOrder: ['a', 'b'],
      transforms: { a: 'identity', b: 'identity' },
      logLikelihood: ({ a, b }) => -((a + b - 3) ** 2), // only a + b is identified
      starts: [{ a: 0, b: 0 }],
    });
    expect(fit.params.a + fit.params.b).toBeCloseTo(3, 6);
    expect(fit.covariance).toBeNull();
    expect(fit.standardErrors).toBeNull();
  });
});

describe('maximizeLikelihood: the sBG on the Fader & Hardie (2007) retention data', () => {
  // Customers alive out of 1000 at years 0..7 (Fader & Hardie 2007, JIM 21(1), Table 1).
  const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
  const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

  it('years 0..4 reproduce the published fits (Hardie; test vector sbg.fit.4yr_regular)', () => {
    const reg = maximizeLikelihood(sbgProblem(regular.slice(0, 5), [{ gamma: 1, delta: 1 }]));
    expect(reg.diagnostics.converged).toBe(true);
    expect(reg.params.gamma).toBeCloseTo(0.76367, 3);
    expect(reg.params.delta).toBeCloseTo(1.2958, 3);
    expect(reg.logLikelihood).toBeCloseTo(-1401.5594, 3);
    const high = maximizeLikelihood(sbgProblem(highEnd.slice(0, 5), [{ gamma: 1, delta: 1 }]));
    expect(high.params.gamma).toBeCloseTo(1.281, 2);
    expect(high.params.delta).toBeCloseTo(7.7904, 2);
    expect(high.logLikelihood).toBeCloseTo(-1225.1349, 3);
  });

  it('years 0..7, high end: Hardie’s starts (1, 1) and (0.01, 0.01) reach the same optimum', () => {
    const a = maximizeLikelihood(sbgProblem(highEnd, [{ gamma: 1, delta: 1 }]));
    const b = maximizeLikelihood(sbgProblem(highEnd, [{ gamma: 0.01, delta: 0.01 }]));
    expect(a.diagnostics.converged && b.diagnostics.converged).toBe(true);
    expect(Math.abs(a.logLikelihood - b.logLikelihood)).toBeLessThan(1e-8);
    expect(relativeError(b.params.gamma, a.params.gamma)).toBeLessThan(1e-5);
    expect(relativeError(b.params.delta, a.params.delta)).toBeLessThan(1e-5);
    const both = maximizeLikelihood(
      sbgProblem(highEnd, [
        { gamma: 0.01, delta: 0.01 },
        { gamma: 1, delta: 1 },
      ]),
    );
    expect(both.diagnostics.starts).toBe(2);
    expect(both.logLikelihood).toBeGreaterThanOrEqual(
      Math.max(a.logLikelihood, b.logLikelihood) - 1e-9,
    );
  });
});

describe('maximizeLikelihood: input checks', () => {
  const good: MleProblem<{ p: number }> = {
    parameterOrder: ['p'],
    transforms: { p: 'logit' },
    logLikelihood: ({ p }) => 3 * Math.log(p) + 7 * Math.log1p(-p),
    starts: [{ p: 0.5 }],
  };

  it('throws optimize/invalid-objective when the LL is not finite at any start', () => {
    try {
      maximizeLikelihood({ ...good, logLikelihood: () => Number.NaN });
      expect.unreachable();
    } catch (error) {
      expect(isCustomerAssetError(error) && error.code).toBe('optimize/invalid-objective');
      expect((error as Error).message).toMatch(/^maximizeLikelihood: /);
    }
  });

  it('skips a start where the LL is not finite when another start is good', () => {
    const fit = maximizeLikelihood({
      ...good,
      logLikelihood: ({ p }) => (p > 0.8 ? Number.NEGATIVE_INFINITY : good.logLikelihood({ p })),
      starts: [{ p: 0.9 }, { p: 0.2 }],
    });
    expect(fit.params.p).toBeCloseTo(0.3, 6);
    expect(fit.diagnostics.starts).toBe(2);
  });

  it.each([
    ['a start outside the logit domain', { ...good, starts: [{ p: 1.5 }] }, ['starts', 0, 'p']],
    ['a start missing a parameter', { ...good, starts: [{ q: 0.5 }] }, ['starts', 0, 'p']],
    ['no starts', { ...good, starts: [] }, ['starts']],
    ['a missing transform', { ...good, transforms: {} }, ['transforms', 'p']],
    ['a repeated parameter', { ...good, parameterOrder: ['p', 'p'] }, ['parameterOrder', 1]],
  ])('%s is input/invalid with its path', (_name, problem, path) => {
    try {
      maximizeLikelihood(problem as never);
      expect.unreachable();
    } catch (error) {
      expect(isCustomerAssetError(error) && error.code).toBe('input/invalid');
      expect(isCustomerAssetError(error) && error.path).toEqual(path);
    }
  });

  it('rejects options.starts (starts belong to the problem)', () => {
    expect(codeOf(() => maximizeLikelihood(good, { starts: [[0]] }))).toBe('input/invalid');
  });

  it('safeMaximizeLikelihood returns the error instead of throwing', () => {
    const out = safeMaximizeLikelihood({ ...good, starts: [{ p: 0 }] });
    expect(out.success).toBe(false);
    const ok = safeMaximizeLikelihood(good);
    expect(ok.success && ok.data.params.p).toBeCloseTo(0.3, 6);
  });
});
