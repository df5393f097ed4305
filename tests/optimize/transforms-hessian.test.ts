import { describe, expect, it } from 'vitest';
import { isCustomerAssetError } from '../../src/core/errors.js';
import { fromUnconstrained, numericHessian, toUnconstrained } from '../../src/optimize/index.js';
import { rosenbrock, rosenbrockGradient } from './problems.js';

function errorOf(call: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    call();
  } catch (error) {
    if (isCustomerAssetError(error)) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error('expected a throw');
}

describe('toUnconstrained / fromUnconstrained', () => {
  it('maps log, logit and identity as documented', () => {
    expect(toUnconstrained([Math.E, 0.5, -3], ['log', 'logit', 'identity'])).toEqual([1, 0, -3]);
    const z = toUnconstrained([0.2, 0.75], ['log', 'logit']);
    expect(z[0]).toBeCloseTo(Math.log(0.2), 15);
    expect(z[1]).toBeCloseTo(Math.log(3), 15);
    expect(fromUnconstrained([0, 0, 2.5], ['log', 'logit', 'identity'])).toEqual([1, 0.5, 2.5]);
    expect(fromUnconstrained([Math.log(3)], ['logit'])[0]).toBeCloseTo(0.75, 15);
  });

  it('keeps the logistic finite for extreme z of either sign', () => {
    const [high, low, small] = fromUnconstrained([800, -800, -40], ['logit', 'logit', 'logit']);
    expect(high).toBe(1);
    expect(low).toBe(0);
    expect(small! / (1 / (1 + Math.exp(40)))).toBeCloseTo(1, 14);
  });

  it('returns frozen arrays', () => {
    expect(Object.isFrozen(toUnconstrained([1], ['log']))).toBe(true);
    expect(Object.isFrozen(fromUnconstrained([1], ['log']))).toBe(true);
  });

  it.each([
    ['0 under log', () => toUnconstrained([0], ['log']), ['values', 0]],
    ['1 under logit', () => toUnconstrained([0.5, 1], ['log', 'logit']), ['values', 1]],
    ['NaN', () => toUnconstrained([Number.NaN], ['identity']), ['values', 0]],
    ['an unknown transform', () => toUnconstrained([1], ['exp' as never]), ['transforms', 0]],
    ['lengths that differ', () => fromUnconstrained([1, 2], ['log']), ['transforms']],
  ])('%s is input/invalid with its path', (_name, call, path) => {
    expect(errorOf(call)).toEqual({ code: 'input/invalid', path });
  });
});

describe('numericHessian', () => {
  it('is exact to rounding on a quadratic, off-diagonals included', () => {
    const h = numericHessian(([a, b]) => a! * a! + 3 * a! * b! + 5 * b! * b!, [1, 2]);
    expect(h[0]![0]).toBeCloseTo(2, 6);
    expect(h[0]![1]).toBeCloseTo(3, 6);
    expect(h[1]![0]).toBeCloseTo(3, 6);
    expect(h[1]![1]).toBeCloseTo(10, 6);
    expect(Object.isFrozen(h) && Object.isFrozen(h[0])).toBe(true);
  });

  it('matches the Rosenbrock Hessian [[802, -400], [-400, 200]] at (1, 1)', () => {
    const fromValues = numericHessian(rosenbrock, [1, 1]);
    const fromGradient = numericHessian(rosenbrock, [1, 1], { gradient: rosenbrockGradient });
    const exact = [
      [802, -400],
      [-400, 200],
    ];
    for (let i = 0; i < 2; i += 1) {
      for (let j = 0; j < 2; j += 1) {
        expect(Math.abs(fromValues[i]![j]! - exact[i]![j]!)).toBeLessThan(1e-4);
        expect(Math.abs(fromGradient[i]![j]! - exact[i]![j]!)).toBeLessThan(1e-6);
      }
    }
    expect(fromGradient[0]![1]).toBe(fromGradient[1]![0]);
  });

  it('scales the step with large coordinates', () => {
    // f = exp(x/1000) + exp(y): second derivatives 1e-6·e^(x/1000) and e^y. An absolute step of
    // 1.2e-4 would drown the first in rounding; the step 1.2e-4 · 2000 does not.
    const h = numericHessian(([x, y]) => Math.exp(x! / 1000) + Math.exp(y!), [2000, -1]);
    expect(h[0]![0]! / (1e-6 * Math.exp(2))).toBeCloseTo(1, 4);
    expect(h[1]![1]! / Math.exp(-1)).toBeCloseTo(1, 6);
  });

  it('takes a smaller relativeStep for a coordinate whose natural scale is below 1', () => {
    // exp(1000 y) varies on a scale of 1e-3: the default step is too coarse (error 1e-3).
    const f = ([y]: readonly number[]) => Math.exp(1000 * y!);
    const exact = 1e6 * Math.exp(-1);
    const coarse = numericHessian(f, [-0.001])[0]![0]! / exact;
    const fine = numericHessian(f, [-0.001], { relativeStep: 1e-7 })[0]![0]! / exact;
    expect(Math.abs(coarse - 1)).toBeGreaterThan(1e-4);
    expect(Math.abs(fine - 1)).toBeLessThan(1e-6);
  });

  it('throws optimize/invalid-objective when f is not finite at a stencil point', () => {
    expect(errorOf(() => numericHessian(([x]) => Math.log(x!), [0])).code).toBe(
      'optimize/invalid-objective',
    );
  });

  it('rejects bad input with input/invalid', () => {
    expect(errorOf(() => numericHessian(([x]) => x! * x!, [])).code).toBe('input/invalid');
    expect(errorOf(() => numericHessian(([x]) => x!, [1], { relativeStep: 0 })).code).toBe(
      'input/invalid',
    );
  });
});
