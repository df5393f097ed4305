/** Classic test problems for the optimizer tests and benchmarks (not a test file itself). */
import type { MleProblem } from '../../src/optimize/mle.js';

/** Extended Rosenbrock: sum of 100 (x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, ..., 1). */
export function rosenbrock(x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length - 1; i += 1) {
    s += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  }
  return s;
}

export function rosenbrockGradient(x: readonly number[]): number[] {
  const g = new Array<number>(x.length).fill(0);
  for (let i = 0; i < x.length - 1; i += 1) {
    g[i]! += -400 * x[i]! * (x[i + 1]! - x[i]! ** 2) - 2 * (1 - x[i]!);
    g[i + 1]! += 200 * (x[i + 1]! - x[i]! ** 2);
  }
  return g;
}

/** Beale's function, minimum 0 at (3, 0.5). */
export function beale([x, y]: readonly number[]): number {
  return (
    (1.5 - x! + x! * y!) ** 2 + (2.25 - x! + x! * y! ** 2) ** 2 + (2.625 - x! + x! * y! ** 3) ** 2
  );
}

/** Trigamma ψ'(x) for x > 0: recurrence up to x >= 10, then the asymptotic series. */
export function trigamma(x: number): number {
  let acc = 0;
  let z = x;
  while (z < 10) {
    acc += 1 / (z * z);
    z += 1;
  }
  const z2 = 1 / (z * z);
  return (
    acc +
    1 / z +
    z2 / 2 +
    (z2 / z) * (1 / 6 - z2 * (1 / 30 - z2 * (1 / 42 - z2 * (1 / 30 - (z2 * 5) / 66))))
  );
}

/** Root of a monotone function on [lo, hi] by bisection to machine precision. */
export function bisect(f: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  const fa = f(a);
  for (let i = 0; i < 200; i += 1) {
    const m = 0.5 * (a + b);
    if (m === a || m === b) break;
    if (f(m) * fa > 0) a = m;
    else b = m;
  }
  return 0.5 * (a + b);
}

/** The sBG's parameters under the names of the numerical-core tests. */
export type SbgGammaDelta = { gamma: number; delta: number };

/**
 * The sBG likelihood of customers `alive` out of a cohort at ages 0..τ (Fader & Hardie 2007):
 * LL = Σ n_t ln P(T=t) + survivors · ln S(τ), P(T=1) = γ/(γ+δ), P(T=t) = (δ+t−2)/(γ+δ+t−1) P(T=t−1).
 */
export function sbgProblem(
  alive: readonly number[],
  starts: SbgGammaDelta[],
): MleProblem<SbgGammaDelta> {
  return {
    parameterOrder: ['gamma', 'delta'],
    transforms: { gamma: 'log', delta: 'log' },
    logLikelihood: ({ gamma, delta }) => {
      let p = gamma / (gamma + delta);
      let s = 1 - p;
      let ll = (alive[0]! - alive[1]!) * Math.log(p);
      for (let t = 2; t < alive.length; t += 1) {
        p *= (delta + t - 2) / (gamma + delta + t - 1);
        s -= p;
        ll += (alive[t - 1]! - alive[t]!) * Math.log(p);
      }
      return ll + alive[alive.length - 1]! * Math.log(s);
    },
    starts,
  };
}
