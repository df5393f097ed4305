import { describe, expect, it } from 'vitest';
import {
  createRandom,
  type RandomSource,
  sampleBeta,
  sampleBinomial,
  sampleExponential,
  sampleGamma,
  sampleGeometric,
  sampleNegativeBinomial,
  samplePoisson,
  sampleStandardNormal,
  sampleTriangular,
} from '../../src/random/index.js';
import {
  binomialPmf,
  CHI_SQUARE_0_999,
  chiSquare,
  draw,
  gammaCdf,
  KS_CRITICAL_0_001,
  ksStatistic,
  negativeBinomialPmf,
  normalCdf,
  poissonPmf,
} from './stats.js';

// Fixed seeds and fixed critical values at level 0.001: a correct sampler passes each with
// probability 0.999, and the seeds make the outcome reproducible.
const N_KS = 5_000;
const N_CHI = 20_000;

describe('Kolmogorov–Smirnov, 5,000 draws, sqrt(n) D_n below 1.9495 (level 0.001)', () => {
  const cases: [string, (rng: RandomSource) => number, (x: number) => number][] = [
    ['standard normal', sampleStandardNormal, normalCdf],
    [
      'exponential(3)',
      (rng) => sampleExponential(rng, 3),
      (x) => (x <= 0 ? 0 : -Math.expm1(-3 * x)),
    ],
    ['gamma(0.05, 1)', (rng) => sampleGamma(rng, 0.05, 1), gammaCdf(0.05, 1)],
    ['gamma(0.6, 2)', (rng) => sampleGamma(rng, 0.6, 2), gammaCdf(0.6, 2)],
    ['gamma(2.5, 0.5)', (rng) => sampleGamma(rng, 2.5, 0.5), gammaCdf(2.5, 0.5)],
    [
      'beta(0.5, 0.5) (arcsine law)',
      (rng) => sampleBeta(rng, 0.5, 0.5),
      (x) => (2 / Math.PI) * Math.asin(Math.sqrt(Math.min(1, Math.max(0, x)))),
    ],
    ['beta(1, 3)', (rng) => sampleBeta(rng, 1, 3), (x) => 1 - (1 - x) ** 3],
    ['beta(0.2, 1)', (rng) => sampleBeta(rng, 0.2, 1), (x) => x ** 0.2],
    [
      'triangular(0, 0.25, 1)',
      (rng) => sampleTriangular(rng, 0, 0.25, 1),
      (x) => (x < 0.25 ? (x * x) / 0.25 : 1 - (1 - x) ** 2 / 0.75),
    ],
  ];
  it.each(cases.map((c, i) => [...c, i] as const))('%s', (_name, sample, cdf, i) => {
    const rng = createRandom(500 + i);
    const xs = draw(N_KS, () => sample(rng));
    expect(Math.sqrt(N_KS) * ksStatistic(xs, cdf)).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('detects a wrong distribution (the test can fail): gamma(2.6) draws against the gamma(2.5) CDF', () => {
    const rng = createRandom(77);
    const xs = draw(N_KS, () => sampleGamma(rng, 2.8, 0.5));
    expect(Math.sqrt(N_KS) * ksStatistic(xs, gammaCdf(2.5, 0.5))).toBeGreaterThan(
      KS_CRITICAL_0_001,
    );
  });
});

describe('Pearson chi-square, 20,000 draws, at most ~25 cells, level 0.001', () => {
  const cases: [string, (rng: RandomSource) => number, (k: number) => number, number, number][] = [
    ['poisson(3.7) (inversion)', (rng) => samplePoisson(rng, 3.7), poissonPmf(3.7), 0, 40],
    ['poisson(12) (PTRS)', (rng) => samplePoisson(rng, 12), poissonPmf(12), 0, 60],
    [
      'poisson(1e6) (PTRS)',
      (rng) => samplePoisson(rng, 1e6),
      poissonPmf(1e6),
      1e6 - 6000,
      1e6 + 6000,
    ],
    [
      'binomial(20, 0.2) (inversion)',
      (rng) => sampleBinomial(rng, 20, 0.2),
      binomialPmf(20, 0.2),
      0,
      20,
    ],
    [
      'binomial(1000, 0.3) (BTRS)',
      (rng) => sampleBinomial(rng, 1000, 0.3),
      binomialPmf(1000, 0.3),
      0,
      1000,
    ],
    [
      'binomial(200, 0.9) (BTRS, reflected)',
      (rng) => sampleBinomial(rng, 200, 0.9),
      binomialPmf(200, 0.9),
      0,
      200,
    ],
    ['geometric(0.3)', (rng) => sampleGeometric(rng, 0.3), (k) => 0.3 * 0.7 ** k, 0, 60],
    [
      'negative binomial(0.5, 0.2)',
      (rng) => sampleNegativeBinomial(rng, 0.5, 0.2),
      negativeBinomialPmf(0.5, 0.2),
      0,
      200,
    ],
  ];
  it.each(cases.map((c, i) => [...c, i] as const))('%s', (_name, sample, pmf, lo, hi, i) => {
    const rng = createRandom(900 + i);
    const xs = draw(N_CHI, () => sample(rng));
    const { statistic, df } = chiSquare(xs, pmf, lo, hi);
    expect(df).toBeGreaterThanOrEqual(3);
    expect(df).toBeLessThanOrEqual(CHI_SQUARE_0_999.length);
    expect(statistic).toBeLessThan(CHI_SQUARE_0_999[df - 1]!);
  });

  it('detects a wrong distribution (the test can fail): poisson(12.3) against poisson(12)', () => {
    const rng = createRandom(78);
    const xs = draw(N_CHI, () => samplePoisson(rng, 12.3));
    const { statistic, df } = chiSquare(xs, poissonPmf(12), 0, 60);
    expect(statistic).toBeGreaterThan(CHI_SQUARE_0_999[df - 1]!);
  });
});
