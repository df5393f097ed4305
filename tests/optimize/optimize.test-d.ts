import { describe, expectTypeOf, it } from 'vitest';
import type { ConvergenceDiagnostics } from '../../src/core/fitted-model.js';
import {
  type MinimizeResult,
  maximizeLikelihood,
  minimize,
  type ParamTransform,
} from '../../src/optimize/index.js';
import { createRandom, type RandomSource, sampleGamma } from '../../src/random/index.js';

describe('optimize and random types', () => {
  it('maximizeLikelihood infers the parameter record from the problem', () => {
    const fit = maximizeLikelihood({
      parameterOrder: ['r', 'alpha'],
      transforms: { r: 'log', alpha: 'log' },
      logLikelihood: ({ r, alpha }) => -r - alpha,
      starts: [{ r: 1, alpha: 1 }],
    });
    expectTypeOf(fit.params).toEqualTypeOf<{ r: number; alpha: number }>();
    expectTypeOf(fit.standardErrors).toEqualTypeOf<{ r: number; alpha: number } | null>();
    expectTypeOf(fit.covariance).toEqualTypeOf<number[][] | null>();
    expectTypeOf(fit.diagnostics).toEqualTypeOf<ConvergenceDiagnostics>();
  });

  it('a transform must be named for every parameter, and only known transforms', () => {
    maximizeLikelihood({
      parameterOrder: ['r'],
      // @ts-expect-error: 'alpha' has no transform
      transforms: { r: 'log' },
      logLikelihood: ({ r, alpha }: { r: number; alpha: number }) => -r - alpha,
      starts: [{ r: 1, alpha: 1 }],
    });
    // @ts-expect-error: not a transform
    const bad: ParamTransform = 'exp';
    expectTypeOf(bad).toEqualTypeOf<ParamTransform>();
  });

  it('minimize returns readonly x and the shared diagnostics', () => {
    const result = minimize({ value: (x) => x[0]! ** 2 }, [1]);
    expectTypeOf(result).toEqualTypeOf<MinimizeResult>();
    expectTypeOf(result.x).toEqualTypeOf<readonly number[]>();
  });

  it('samplers take a RandomSource and return numbers', () => {
    const rng = createRandom(1);
    expectTypeOf(rng).toEqualTypeOf<RandomSource>();
    expectTypeOf(sampleGamma(rng, 1, 1)).toEqualTypeOf<number>();
    // @ts-expect-error: a seed is required
    createRandom();
  });
});
