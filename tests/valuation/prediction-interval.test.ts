import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CustomerAssetError } from '../../src/core/errors.js';
import { rfmSummaryFromRows } from '../../src/data/index.js';
import { predictionInterval, safePredictionInterval } from '../../src/valuation/index.js';
import { poissonExponential, toyAlive, toyDert, toyFitted } from './helpers/toy-model.js';

const params = { lambda: 0.2, mu: 0.02 };
const covariance = [
  [0.0004, 0.00001],
  [0.00001, 0.00002],
];
const fitted = toyFitted(params, covariance);
const Z95 = 1.959963984540054;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CustomerAssetError ? error.code : 'not-coded';
  }
  return undefined;
}

describe('predictionInterval: delta method', () => {
  it('is exact for a linear prediction: 2λ + 5μ has variance 4σλλ + 20σλμ + 25σμμ', () => {
    const result = predictionInterval(poissonExponential, fitted, (p) => 2 * p.lambda + 5 * p.mu);
    const se = Math.sqrt(4 * 0.0004 + 20 * 0.00001 + 25 * 0.00002);
    expect(result.estimate).toBeCloseTo(0.5, 14);
    expect(result.standardError).toBeCloseTo(se, 9);
    expect(result.lower).toBeCloseTo(0.5 - Z95 * se, 9);
    expect(result.upper).toBeCloseTo(0.5 + Z95 * se, 9);
    expect(result.method).toBe('delta');
    expect(result.scale).toBe('linear');
    expect(result.note).toMatch(/parameter \(estimation\) uncertainty only/);
    expect(Object.isFrozen(result)).toBe(true);
  });

  it('is symmetric on the log scale: λ·exp(±z·se/λ)', () => {
    const result = predictionInterval(poissonExponential, fitted, (p) => p.lambda, {
      scale: 'log',
      level: 0.9,
    });
    const w = (1.6448536269514722 * 0.02) / 0.2;
    expect(result.lower).toBeCloseTo(0.2 * Math.exp(-w), 9);
    expect(result.upper).toBeCloseTo(0.2 * Math.exp(w), 9);
  });

  it('keeps a probability inside (0, 1) on the logit scale', () => {
    const customer = { frequency: 1, recency: 2, T: 60 };
    const result = predictionInterval(poissonExponential, fitted, (p) => toyAlive(p, customer), {
      scale: 'logit',
    });
    expect(result.estimate).toBeGreaterThan(0);
    expect(result.estimate).toBeLessThan(0.05);
    expect(result.lower).toBeGreaterThan(0);
    expect(result.upper).toBeLessThan(1);
    expect(result.lower).toBeLessThan(result.estimate);
    expect(result.upper).toBeGreaterThan(result.estimate);
  });
});

describe('predictionInterval: draws', () => {
  it('draws log θ from the asymptotic normal: the interval of λ is the log-scale delta interval', () => {
    const draws = predictionInterval(poissonExponential, fitted, (p) => p.lambda, {
      method: 'draws',
      draws: 20_000,
      seed: 11,
    });
    const w = (Z95 * 0.02) / 0.2;
    expect(draws.lower / (0.2 * Math.exp(-w))).toBeCloseTo(1, 2);
    expect(draws.upper / (0.2 * Math.exp(w))).toBeCloseTo(1, 2);
    expect(draws.draws).toBe(20_000);
    expect(draws.rejectedDraws).toBe(0);
    expect(draws.scale).toBeNull();
  });

  it('is reproducible from its seed and changes with it', () => {
    const predict = (p: typeof params) => toyDert(p, { frequency: 2, recency: 30, T: 38 }, 0.0027);
    const a = predictionInterval(poissonExponential, fitted, predict, { method: 'draws', seed: 5 });
    const b = predictionInterval(poissonExponential, fitted, predict, { method: 'draws', seed: 5 });
    const c = predictionInterval(poissonExponential, fitted, predict, { method: 'draws', seed: 6 });
    expect(a).toEqual(b);
    expect(a.lower).not.toBe(c.lower);
  });

  it('redraws parameters the model schema rejects and counts them', () => {
    const constrained = {
      ...poissonExponential,
      paramsSchema: z.object({
        lambda: z.number().positive(),
        mu: z.number().positive().max(0.021),
      }),
    };
    const result = predictionInterval(constrained, fitted, (p) => p.mu, {
      method: 'draws',
      draws: 500,
      seed: 3,
    });
    expect(result.rejectedDraws).toBeGreaterThan(100);
    expect(result.upper).toBeLessThanOrEqual(0.021);
  });

  it('agrees with the delta method for a smooth prediction (DERT) when the se is small', () => {
    const predict = (p: typeof params) => toyDert(p, { frequency: 2, recency: 30, T: 38 }, 0.0027);
    const small = toyFitted(params, [
      [0.00004, 0],
      [0, 0.000002],
    ]);
    const delta = predictionInterval(poissonExponential, small, predict, { scale: 'log' });
    const draws = predictionInterval(poissonExponential, small, predict, {
      method: 'draws',
      draws: 4000,
      seed: 1,
    });
    expect(draws.lower / delta.lower).toBeCloseTo(1, 1);
    expect(draws.upper / delta.upper).toBeCloseTo(1, 1);
  });
});

describe('predictionInterval on a real maximum-likelihood fit', () => {
  it('uses the covariance of the fitted record (toy model fitted by runModelFit)', () => {
    const summary = rfmSummaryFromRows(
      [
        { frequency: 0, recency: 0, T: 30, count: 40 },
        { frequency: 3, recency: 20, T: 30, count: 30 },
        { frequency: 6, recency: 29, T: 30, count: 30 },
        { frequency: 1, recency: 5, T: 30, count: 20 },
      ],
      { timeUnit: 'week' },
    );
    const fit = poissonExponential.fit(summary);
    expect(fit.covariance).not.toBeNull();
    const result = predictionInterval(poissonExponential, fit, (p) => p.lambda);
    expect(result.standardError).toBeCloseTo(fit.standardErrors!.lambda, 6);
  });
});

describe('predictionInterval errors', () => {
  const predict = (p: typeof params) => p.lambda;
  it('needs a covariance', () => {
    expect(
      codeOf(() => predictionInterval(poissonExponential, toyFitted(params, null), predict)),
    ).toBe('model/undefined-quantity');
  });
  it('refuses a record of another model', () => {
    expect(
      codeOf(() =>
        predictionInterval(poissonExponential, { ...fitted, model: 'bg-nbd' } as never, predict),
      ),
    ).toBe('input/invalid');
  });
  it('needs a seed for draws, and no seed for delta', () => {
    expect(
      codeOf(() => predictionInterval(poissonExponential, fitted, predict, { method: 'draws' })),
    ).toBe('input/invalid');
    expect(codeOf(() => predictionInterval(poissonExponential, fitted, predict, { seed: 1 }))).toBe(
      'input/invalid',
    );
  });
  it('refuses a level outside (0, 1)', () => {
    expect(
      codeOf(() => predictionInterval(poissonExponential, fitted, predict, { level: 1 })),
    ).toBe('input/invalid');
  });
  it('reports a prediction that is not a finite number', () => {
    expect(codeOf(() => predictionInterval(poissonExponential, fitted, () => Number.NaN))).toBe(
      'model/non-finite',
    );
  });
  it('refuses the log scale for a non-positive estimate', () => {
    expect(
      codeOf(() => predictionInterval(poissonExponential, fitted, () => -1, { scale: 'log' })),
    ).toBe('model/undefined-quantity');
  });
  it('has a safe twin', () => {
    const result = safePredictionInterval(poissonExponential, toyFitted(params, null), predict);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe('model/undefined-quantity');
  });
});
