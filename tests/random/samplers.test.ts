import { describe, expect, it } from 'vitest';
import { isCustomerAssetError } from '../../src/core/errors.js';
import {
  createRandom,
  type RandomSource,
  sampleBeta,
  sampleBinomial,
  sampleExponential,
  sampleGamma,
  sampleGeometric,
  sampleNegativeBinomial,
  sampleNormal,
  samplePoisson,
  sampleStandardNormal,
  sampleTriangular,
  sampleUniform,
} from '../../src/random/index.js';
import { draw, momentZScores } from './stats.js';

const N = 20_000;
/** Sample mean and variance must lie within this many standard errors of the truth. */
const Z_LIMIT = 4.5;

interface Case {
  readonly name: string;
  readonly sample: (rng: RandomSource) => number;
  readonly mean: number;
  readonly variance: number;
  readonly excessKurtosis: number;
}

const gamma = (k: number, rate: number): Case => ({
  name: `gamma(shape ${k}, rate ${rate})`,
  sample: (rng) => sampleGamma(rng, k, rate),
  mean: k / rate,
  variance: k / rate ** 2,
  excessKurtosis: 6 / k,
});

const beta = (a: number, b: number): Case => {
  const s = a + b;
  return {
    name: `beta(${a}, ${b})`,
    sample: (rng) => sampleBeta(rng, a, b),
    mean: a / s,
    variance: (a * b) / (s * s * (s + 1)),
    excessKurtosis: (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3)),
  };
};

const poisson = (m: number): Case => ({
  name: `poisson(${m})`,
  sample: (rng) => samplePoisson(rng, m),
  mean: m,
  variance: m,
  excessKurtosis: 1 / m,
});

const binomial = (n: number, p: number): Case => ({
  name: `binomial(${n}, ${p})`,
  sample: (rng) => sampleBinomial(rng, n, p),
  mean: n * p,
  variance: n * p * (1 - p),
  excessKurtosis: (1 - 6 * p * (1 - p)) / (n * p * (1 - p)),
});

const geometric = (p: number): Case => ({
  name: `geometric(${p})`,
  sample: (rng) => sampleGeometric(rng, p),
  mean: (1 - p) / p,
  variance: (1 - p) / p ** 2,
  excessKurtosis: 6 + p ** 2 / (1 - p),
});

const negativeBinomial = (r: number, p: number): Case => ({
  name: `negative binomial(${r}, ${p})`,
  sample: (rng) => sampleNegativeBinomial(rng, r, p),
  mean: (r * (1 - p)) / p,
  variance: (r * (1 - p)) / p ** 2,
  excessKurtosis: 6 / r + p ** 2 / (r * (1 - p)),
});

const triangular = (a: number, c: number, b: number): Case => ({
  name: `triangular(${a}, ${c}, ${b})`,
  sample: (rng) => sampleTriangular(rng, a, c, b),
  mean: (a + b + c) / 3,
  variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
  excessKurtosis: -0.6,
});

const cases: Case[] = [
  {
    name: 'uniform(0, 1)',
    sample: (rng) => sampleUniform(rng),
    mean: 0.5,
    variance: 1 / 12,
    excessKurtosis: -1.2,
  },
  {
    name: 'uniform(-3, 5)',
    sample: (rng) => sampleUniform(rng, -3, 5),
    mean: 1,
    variance: 64 / 12,
    excessKurtosis: -1.2,
  },
  {
    name: 'standard normal',
    sample: sampleStandardNormal,
    mean: 0,
    variance: 1,
    excessKurtosis: 0,
  },
  {
    name: 'normal(100, 15)',
    sample: (rng) => sampleNormal(rng, 100, 15),
    mean: 100,
    variance: 225,
    excessKurtosis: 0,
  },
  {
    name: 'exponential(0.5)',
    sample: (rng) => sampleExponential(rng, 0.5),
    mean: 2,
    variance: 4,
    excessKurtosis: 6,
  },
  {
    name: 'exponential(20)',
    sample: (rng) => sampleExponential(rng, 20),
    mean: 0.05,
    variance: 0.0025,
    excessKurtosis: 6,
  },
  gamma(0.05, 1),
  gamma(0.3, 2),
  gamma(0.243, 4.414),
  gamma(1, 1),
  gamma(2.5, 0.1),
  gamma(50, 3),
  beta(0.1, 0.1),
  beta(0.5, 2),
  beta(0.793, 2.426),
  beta(2, 3),
  beta(30, 5),
  poisson(0.2),
  poisson(3.7),
  poisson(9.99),
  poisson(10),
  poisson(45),
  poisson(1e6),
  binomial(20, 0.2),
  binomial(50, 0.5),
  binomial(1000, 0.3),
  binomial(1000, 0.95),
  binomial(1e9, 0.4),
  geometric(0.05),
  geometric(0.5),
  geometric(0.9),
  negativeBinomial(0.5, 0.2),
  negativeBinomial(3, 0.7),
  negativeBinomial(0.05, 0.01),
  triangular(0, 0.3, 1),
  triangular(2, 2, 5),
];

describe('sampler moments (20,000 draws, fixed seeds, within 4.5 standard errors)', () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const rng = createRandom(1000 + i);
    const xs = draw(N, () => c.sample(rng));
    const { meanZ, varianceZ } = momentZScores(xs, c.mean, c.variance, c.excessKurtosis);
    expect(Math.abs(meanZ)).toBeLessThan(Z_LIMIT);
    expect(Math.abs(varianceZ)).toBeLessThan(Z_LIMIT);
  });
});

describe('sampler supports and edge cases', () => {
  it('beta with tiny shapes stays in [0, 1] and splits its mass between the two ends', () => {
    const rng = createRandom(5);
    const xs = draw(10_000, () => sampleBeta(rng, 0.01, 0.01));
    expect(xs.every((x) => x >= 0 && x <= 1 && !Number.isNaN(x))).toBe(true);
    const nearZero = xs.filter((x) => x < 0.5).length / xs.length;
    expect(Math.abs(nearZero - 0.5)).toBeLessThan(0.03);
  });

  it('gamma with shape 0.001 returns non-negative finite draws (some underflow to 0)', () => {
    const rng = createRandom(6);
    const xs = draw(2_000, () => sampleGamma(rng, 0.001, 1));
    expect(xs.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
  });

  it('discrete samplers return non-negative integers', () => {
    const rng = createRandom(7);
    for (let i = 0; i < 2_000; i += 1) {
      for (const x of [
        samplePoisson(rng, 0.7),
        samplePoisson(rng, 123.4),
        sampleBinomial(rng, 40, 0.6),
        sampleBinomial(rng, 5000, 0.01),
        sampleGeometric(rng, 0.3),
        sampleNegativeBinomial(rng, 1.5, 0.4),
      ]) {
        expect(Number.isInteger(x) && x >= 0).toBe(true);
      }
    }
  });

  it('degenerate parameters give their point mass', () => {
    const rng = createRandom(8);
    expect(samplePoisson(rng, 0)).toBe(0);
    expect(sampleBinomial(rng, 0, 0.3)).toBe(0);
    expect(sampleBinomial(rng, 17, 0)).toBe(0);
    expect(sampleBinomial(rng, 17, 1)).toBe(17);
    expect(sampleGeometric(rng, 1)).toBe(0);
    expect(sampleNegativeBinomial(rng, 2, 1)).toBe(0);
    expect(sampleNormal(rng, 3, 0)).toBe(3);
  });

  it('binomial draws never exceed n', () => {
    const rng = createRandom(9);
    for (let i = 0; i < 5_000; i += 1) {
      expect(sampleBinomial(rng, 30, 0.97)).toBeLessThanOrEqual(30);
      expect(sampleBinomial(rng, 3, 0.5)).toBeLessThanOrEqual(3);
    }
  });

  it('uniform and triangular draws stay within their bounds', () => {
    const rng = createRandom(10);
    for (let i = 0; i < 5_000; i += 1) {
      const u = sampleUniform(rng, -2, 3);
      expect(u >= -2 && u <= 3).toBe(true);
      const t = sampleTriangular(rng, 1, 4, 4);
      expect(t >= 1 && t <= 4).toBe(true);
    }
  });
});

describe('sampler input checks', () => {
  const rng = createRandom(1);
  const bad: [string, () => unknown, string][] = [
    ['gamma shape 0', () => sampleGamma(rng, 0, 1), 'shape'],
    ['gamma rate NaN', () => sampleGamma(rng, 1, Number.NaN), 'rate'],
    ['beta a negative', () => sampleBeta(rng, -1, 1), 'a'],
    ['beta b infinite', () => sampleBeta(rng, 1, Number.POSITIVE_INFINITY), 'b'],
    ['poisson mean negative', () => samplePoisson(rng, -0.1), 'mean'],
    ['poisson mean above 1e15', () => samplePoisson(rng, 2e15), 'mean'],
    ['geometric p 0', () => sampleGeometric(rng, 0), 'p'],
    ['negative binomial r 0', () => sampleNegativeBinomial(rng, 0, 0.5), 'r'],
    ['negative binomial p 1.5', () => sampleNegativeBinomial(rng, 1, 1.5), 'p'],
    ['binomial n fractional', () => sampleBinomial(rng, 2.5, 0.5), 'n'],
    ['binomial p negative', () => sampleBinomial(rng, 10, -0.5), 'p'],
    ['normal sd negative', () => sampleNormal(rng, 0, -1), 'sd'],
    ['normal mean infinite', () => sampleNormal(rng, Number.NEGATIVE_INFINITY, 1), 'mean'],
    ['exponential rate 0', () => sampleExponential(rng, 0), 'rate'],
    ['uniform low >= high', () => sampleUniform(rng, 2, 2), 'high'],
    ['triangular mode outside', () => sampleTriangular(rng, 0, 2, 1), 'mode'],
    ['rng missing', () => sampleGamma(undefined as unknown as RandomSource, 1, 1), 'rng'],
    ['rng not a source', () => sampleStandardNormal({} as RandomSource), 'rng'],
  ];
  it.each(bad)('%s throws input/invalid naming the argument', (_name, call, field) => {
    try {
      call();
      expect.unreachable();
    } catch (error) {
      expect(isCustomerAssetError(error)).toBe(true);
      if (!isCustomerAssetError(error)) return;
      expect(error.code).toBe('input/invalid');
      expect(error.path).toEqual([field]);
      // received is omitted by fail() when the value is undefined
      expect(error.message).toMatch(/^sample\w+: .+; expected .+/);
    }
  });
});
