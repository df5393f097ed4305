/**
 * Internal: BFGS with a dense inverse-Hessian approximation (Nocedal & Wright 2006, Algorithm 6.1),
 * the strong Wolfe line search of ./line-search.ts, the initial scaling H0 = (yᵀs / yᵀy) I of their
 * eq. 6.20, the update skipped when the curvature yᵀs is not safely positive, and one restart from
 * steepest descent when the line search fails with a non-identity H.
 */
import type { Evaluator } from './evaluator.js';
import { wolfeLineSearch } from './line-search.js';
import { infNorm, type RunResult, type RunSettings } from './run.js';

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
}

function multiply(h: readonly (readonly number[])[], v: readonly number[]): number[] {
  return h.map((row) => row.reduce((s, hij, j) => s + hij * v[j]!, 0));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += a[i]! * b[i]!;
  return s;
}

/**
 * H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / yᵀs (Nocedal & Wright eq. 6.17), expanded as
 * H − ρ (s (Hy)ᵀ + (Hy) sᵀ) + (ρ² yᵀHy + ρ) s sᵀ and symmetrised.
 */
function bfgsUpdate(h: number[][], s: readonly number[], y: readonly number[], ys: number): void {
  const rho = 1 / ys;
  const hy = multiply(h, y);
  const yhy = dot(y, hy);
  const n = s.length;
  for (let i = 0; i < n; i += 1) {
    for (let j = i; j < n; j += 1) {
      const value =
        h[i]![j]! -
        rho * (s[i]! * hy[j]! + hy[i]! * s[j]!) +
        (rho * rho * yhy + rho) * s[i]! * s[j]!;
      h[i]![j] = value;
      h[j]![i] = value;
    }
  }
}

/** Runs BFGS from x0 (with finite value f0). */
export function runBfgs(
  ev: Evaluator,
  x0: readonly number[],
  f0: number,
  settings: RunSettings,
): RunResult {
  const n = x0.length;
  let x = x0.slice();
  let f = f0;
  const stop = (
    reason: RunResult['reason'],
    converged: boolean,
    iterations: number,
    gradient: number[] | null,
  ): RunResult => ({ x, value: f, gradient, reason, converged, iterations });

  let g = ev.gradient(x, f);
  if (g === null) return stop('non-finite-objective', false, 0, null);
  let h = identity(n);
  let hIsIdentity = true;
  let scaled = false;
  let smallChanges = 0;
  let iterations = 0;

  for (;;) {
    if (infNorm(g) <= settings.gradientTolerance * Math.max(1, Math.abs(f))) {
      return stop('gradient-tolerance', true, iterations, g);
    }
    if (iterations >= settings.maxIterations) return stop('max-iterations', false, iterations, g);
    if (ev.exhausted) return stop('max-evaluations', false, iterations, g);

    let d = multiply(h, g).map((v) => -v);
    if (!(dot(g, d) < 0)) {
      // H lost positive definiteness to rounding: restart from steepest descent.
      h = identity(n);
      hIsIdentity = true;
      scaled = false;
      d = g.map((v) => -v);
    }
    // With H = I the first trial step is capped at unit length (in the inf-norm); after scaling,
    // the quasi-Newton step α = 1 is the natural first trial.
    const firstAlpha = () => (hIsIdentity ? Math.min(1, 1 / infNorm(g!)) : 1);
    let search = wolfeLineSearch(ev, x, f, g, d, firstAlpha());
    if (search.status === 'failed' && !hIsIdentity) {
      h = identity(n);
      hIsIdentity = true;
      scaled = false;
      d = g.map((v) => -v);
      search = wolfeLineSearch(ev, x, f, g, d, firstAlpha());
    }
    if (search.status === 'failed') return stop('line-search-failed', false, iterations, g);
    if (search.status === 'budget' && search.alpha === 0) {
      return stop('max-evaluations', false, iterations, g);
    }

    const s = search.x.map((xi, i) => xi - x[i]!);
    const y = search.gradient.map((gi, i) => gi - g![i]!);
    const ys = dot(y, s);
    const yy = dot(y, y);
    // Skip the update unless the curvature condition holds with a margin (it may fail after an
    // Armijo-only step, or through rounding when s is tiny).
    if (ys > 1e-10 * Math.sqrt(yy * dot(s, s)) && ys > 0) {
      if (!scaled) {
        const gamma = ys / yy;
        for (let i = 0; i < n; i += 1) h[i]![i] = gamma;
        scaled = true;
      }
      bfgsUpdate(h, s, y, ys);
      hIsIdentity = false;
    }

    const change = Math.abs(f - search.value) / Math.max(1, Math.abs(f));
    x = search.x;
    f = search.value;
    g = search.gradient;
    iterations += 1;
    if (search.status === 'budget') return stop('max-evaluations', false, iterations, g);
    smallChanges = change <= settings.relativeTolerance ? smallChanges + 1 : 0;
    if (smallChanges >= 2) return stop('objective-relative-change', true, iterations, g);
  }
}
