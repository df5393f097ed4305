import { describe, expect, it } from 'vitest';
import { minimize, type Objective, safeMinimize } from '../../src/optimize/index.js';
import { codeOf } from '../helpers/errors.js';
import { beale, rosenbrock, rosenbrockGradient } from './problems.js';

function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    expect(Math.abs(a - expected[i]!)).toBeLessThan(tolerance);
  });
}

describe('minimize: classic problems', () => {
  it('Rosenbrock 2-D from (-1.2, 1) with finite differences', () => {
    const r = minimize({ value: rosenbrock }, [-1.2, 1]);
    expectClose(r.x, [1, 1], 1e-6);
    expect(r.value).toBeLessThan(1e-12);
    expect(r.diagnostics).toMatchObject({
      converged: true,
      reason: 'gradient-tolerance',
      method: 'bfgs',
      starts: 1,
    });
    expect(r.diagnostics.gradientNorm).toBeLessThanOrEqual(1e-6);
    expect(r.diagnostics.finalValue).toBe(r.value);
    // Central differences cost 2n evaluations per gradient.
    expect(r.diagnostics.functionEvaluations).toBeGreaterThan(
      4 * r.diagnostics.gradientEvaluations,
    );
  });

  it('Rosenbrock 2-D with the analytic gradient uses it (few function evaluations)', () => {
    const r = minimize({ value: rosenbrock, gradient: rosenbrockGradient }, [-1.2, 1]);
    expectClose(r.x, [1, 1], 1e-7);
    expect(r.diagnostics.converged).toBe(true);
    expect(r.diagnostics.functionEvaluations).toBeLessThan(2 * r.diagnostics.gradientEvaluations);
  });

  it('Rosenbrock 4-D from (-1.2, 1, -1.2, 1) reaches (1, 1, 1, 1)', () => {
    const fd = minimize({ value: rosenbrock }, [-1.2, 1, -1.2, 1]);
    expectClose(fd.x, [1, 1, 1, 1], 1e-6);
    const analytic = minimize(
      { value: rosenbrock, gradient: rosenbrockGradient },
      [-1.2, 1, -1.2, 1],
    );
    expectClose(analytic.x, [1, 1, 1, 1], 1e-6);
    expect(fd.diagnostics.converged && analytic.diagnostics.converged).toBe(true);
  });

  it('Beale from (1, 1) reaches (3, 0.5)', () => {
    const r = minimize({ value: beale }, [1, 1]);
    expectClose(r.x, [3, 0.5], 1e-6);
    expect(r.diagnostics.converged).toBe(true);
  });

  it('a diagonal quadratic with condition number 1e6 in 4-D', () => {
    const scales = [1, 1e2, 1e4, 1e6];
    const centre = [3, -2, 0.5, 7];
    const value = (x: readonly number[]) =>
      0.5 * x.reduce((s, v, i) => s + scales[i]! * (v - centre[i]!) ** 2, 0);
    const r = minimize({ value }, [0, 0, 0, 0]);
    expectClose(r.x, centre, 1e-6);
    expect(r.diagnostics.converged).toBe(true);
  });

  it('a rotated quadratic with condition number 1e6 (strong off-diagonal coupling)', () => {
    // A = R diag(1, 1e6) Rᵀ with a 30° rotation; minimum at (1, 2).
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const a11 = c * c + 1e6 * s * s;
    const a22 = s * s + 1e6 * c * c;
    const a12 = c * s * (1 - 1e6);
    const value = ([x, y]: readonly number[]) => {
      const u = x! - 1;
      const v = y! - 2;
      return 0.5 * (a11 * u * u + 2 * a12 * u * v + a22 * v * v);
    };
    const r = minimize({ value }, [-5, 5]);
    expectClose(r.x, [1, 2], 1e-6);
    expect(r.diagnostics.converged).toBe(true);
  });
});

describe('minimize: NaN and infinite regions', () => {
  it('backs away from NaN outside the unit disk to the interior optimum', () => {
    // -sqrt(1 - |x|²) + a·x is NaN outside the disk; its minimum is -a / sqrt(1 + |a|²).
    let nanCalls = 0;
    const value = ([x, y]: readonly number[]) => {
      const f = -Math.sqrt(1 - x! * x! - y! * y!) + 2 * x! - y!;
      if (Number.isNaN(f)) nanCalls += 1;
      return f;
    };
    const r = minimize({ value }, [0, 0]);
    expect(nanCalls).toBeGreaterThan(0);
    expectClose(r.x, [-2 / Math.sqrt(6), 1 / Math.sqrt(6)], 1e-6);
    expect(r.value).toBeCloseTo(-Math.sqrt(6), 10);
    expect(r.diagnostics.converged).toBe(true);
  });

  it('Rosenbrock behind a wall of NaN (x1 > 1.2) and +Infinity (x0 < -1.5)', () => {
    let badCalls = 0;
    const value = (x: readonly number[]) => {
      if (x[1]! > 1.2 || x[0]! < -1.5) {
        badCalls += 1;
        return x[1]! > 1.2 ? Number.NaN : Number.POSITIVE_INFINITY;
      }
      return rosenbrock(x);
    };
    const r = minimize({ value }, [-1.2, 1]);
    expect(badCalls).toBeGreaterThan(0);
    expectClose(r.x, [1, 1], 1e-6);
    expect(r.diagnostics.converged).toBe(true);
  });

  it('never accepts -Infinity or NaN as a low value', () => {
    let badCalls = 0;
    // A pseudo-Huber bowl around 2: from -10 the line search extrapolates past the wall at 4.
    const value = ([x]: readonly number[]) => {
      if (x! > 4) badCalls += 1;
      return x! > 4 ? Number.NEGATIVE_INFINITY : Math.sqrt(1 + (x! - 2) ** 2);
    };
    const r = minimize({ value }, [-10]);
    expect(badCalls).toBeGreaterThan(0);
    expectClose(r.x, [2], 1e-6);
  });

  it('throws optimize/invalid-objective when every start is NaN; skips a bad start otherwise', () => {
    const value = ([x]: readonly number[]) => (x! < 0 ? Number.NaN : (x! - 1) ** 2);
    expect(codeOf(() => minimize({ value }, [-1], { starts: [[-2]] }))).toBe(
      'optimize/invalid-objective',
    );
    const r = minimize({ value }, [-1], { starts: [[5]] });
    expectClose(r.x, [1], 1e-6);
    expect(r.diagnostics.starts).toBe(2);
  });
});

describe('minimize: fallback, limits and multi-start', () => {
  // The gradient has the wrong sign: every BFGS direction goes uphill.
  const lying: Objective = {
    value: ([x, y]) => (x! - 3) ** 2 + (y! + 1) ** 2,
    gradient: ([x, y]) => [-2 * (x! - 3), -2 * (y! + 1)],
  };

  it('falls back to Nelder–Mead when the gradient lies, and says so', () => {
    const r = minimize(lying, [0, 0]);
    expectClose(r.x, [3, -1], 1e-6);
    expect(r.diagnostics.converged).toBe(true);
    expect(r.diagnostics.method).toBe('nelder-mead');
  });

  it('with fallback: false, reports the line-search failure instead', () => {
    const r = minimize(lying, [0, 0], { fallback: false });
    expect(r.diagnostics).toMatchObject({
      converged: false,
      reason: 'line-search-failed',
      method: 'bfgs',
    });
    expect(r.x).toEqual([0, 0]);
  });

  it('reports non-convergence at maxIterations: 2 instead of throwing', () => {
    const r = minimize({ value: rosenbrock }, [-1.2, 1], { maxIterations: 2 });
    expect(r.diagnostics.converged).toBe(false);
    expect(r.diagnostics.reason).toBe('max-iterations');
    expect(r.value).toBeLessThan(rosenbrock([-1.2, 1]));
  });

  it('reports max-evaluations when the evaluation budget runs out', () => {
    const r = minimize({ value: rosenbrock }, [-1.2, 1], { maxEvaluations: 40 });
    expect(r.diagnostics.converged).toBe(false);
    expect(r.diagnostics.reason).toBe('max-evaluations');
  });

  it('runs every start and keeps the best (the global of two minima)', () => {
    // (x² − 1)² + 0.3x: local minimum near 0.96, global near −1.04.
    const value = ([x]: readonly number[]) => (x! * x! - 1) ** 2 + 0.3 * x!;
    const local = minimize({ value }, [1]);
    expect(local.x[0]).toBeGreaterThan(0);
    const best = minimize({ value }, [1], { starts: [[-1]] });
    expect(best.x[0]).toBeLessThan(-1);
    expect(best.value).toBeLessThan(local.value);
    expect(best.diagnostics.starts).toBe(2);
    expect(best.diagnostics.functionEvaluations).toBeGreaterThan(
      local.diagnostics.functionEvaluations,
    );
  });

  it('method nelder-mead alone reaches the Rosenbrock minimum', () => {
    const r = minimize({ value: rosenbrock }, [-1.2, 1], { method: 'nelder-mead' });
    expectClose(r.x, [1, 1], 1e-6);
    expect(r.diagnostics).toMatchObject({
      converged: true,
      reason: 'simplex-tolerance',
      method: 'nelder-mead',
    });
  });

  it('stops on the relative change of f when rounding noise hides the gradient', () => {
    // 1e8 + a quadratic: below |Δf| ≈ 1.5e-8 (one ulp of 1e8) the objective is flat noise, and a
    // gradient tolerance of 0 can never be met.
    const value = ([x, y]: readonly number[]) => 1e8 + (x! - 1) ** 2 + 10 * (y! + 2) ** 2;
    const r = minimize({ value }, [4, 4], { gradientTolerance: 0 });
    expect(r.diagnostics).toMatchObject({ converged: true, reason: 'objective-relative-change' });
    expectClose(r.x, [1, -2], 1e-3);
  });

  it('is deterministic: the same input gives an identical result', () => {
    const run = () =>
      minimize({ value: rosenbrock }, [-1.2, 1, -1.2, 1], { starts: [[0, 0, 0, 0]] });
    const a = run();
    const b = run();
    expect(b).toEqual(a);
    a.x.forEach((v, i) => {
      expect(Object.is(v, b.x[i])).toBe(true);
    });
  });

  it('returns a frozen result and leaves its inputs alone', () => {
    const x0 = [-1.2, 1];
    const r = minimize({ value: rosenbrock }, x0);
    expect(Object.isFrozen(r) && Object.isFrozen(r.x) && Object.isFrozen(r.diagnostics)).toBe(true);
    expect(x0).toEqual([-1.2, 1]);
  });
});

describe('minimize: input checks', () => {
  const objective = { value: rosenbrock };
  it.each([
    ['an empty x0', () => minimize(objective, [])],
    ['a NaN in x0', () => minimize(objective, [Number.NaN, 1])],
    ['a start of the wrong length', () => minimize(objective, [0, 0], { starts: [[1]] })],
    ['an unknown option', () => minimize(objective, [0, 0], { tolerance: 1 } as never)],
    ['a negative maxIterations', () => minimize(objective, [0, 0], { maxIterations: -1 })],
    ['an objective without value', () => minimize({} as Objective, [0, 0])],
    [
      'a gradient of the wrong length',
      () => minimize({ value: rosenbrock, gradient: () => [1] }, [0, 0]),
    ],
  ])('%s is input/invalid', (_name, call) => {
    expect(codeOf(call)).toBe('input/invalid');
  });

  it('names the field in the message', () => {
    try {
      minimize(objective, [0, Number.POSITIVE_INFINITY]);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^minimize: x0\[1\]/);
    }
  });

  it('safeMinimize returns the error instead of throwing', () => {
    const out = safeMinimize({ value: () => Number.NaN }, [0]);
    expect(out.success).toBe(false);
    if (!out.success) expect(out.error.code).toBe('optimize/invalid-objective');
    const ok = safeMinimize({ value: ([x]) => (x! - 2) ** 2 }, [0]);
    expect(ok.success && Math.abs(ok.data.x[0]! - 2) < 1e-6).toBe(true);
  });
});
