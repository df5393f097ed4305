/**
 * Internal: a line search satisfying the strong Wolfe conditions, Algorithms 3.5 (bracketing) and 3.6
 * (zoom) of Nocedal & Wright, *Numerical Optimization*, 2nd ed. (2006), with cubic or quadratic
 * interpolation safeguarded into the inner 80% of the bracket. Non-finite trial values count as
 * "too far" and shrink the step, so the search backs away from overflow and NaN regions.
 */
import type { Evaluator } from './evaluator.js';

/** Sufficient-decrease constant c1 and curvature constant c2 (the usual quasi-Newton choices). */
const C1 = 1e-4;
const C2 = 0.9;
const MAX_BRACKET_STEPS = 20;
const MAX_ZOOM_STEPS = 30;

interface Trial {
  readonly alpha: number;
  readonly value: number;
  /** Directional derivative φ'(α) = g(x + αd)·d when the gradient was computed. */
  readonly slope: number | undefined;
  readonly gradient: number[] | undefined;
}

export interface LineSearchResult {
  /** `wolfe`: both conditions hold; `armijo`: only sufficient decrease (the update may be skipped). */
  readonly status: 'wolfe' | 'armijo' | 'failed' | 'budget';
  readonly alpha: number;
  readonly x: number[];
  readonly value: number;
  readonly gradient: number[];
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += a[i]! * b[i]!;
  return s;
}

function step(x: readonly number[], d: readonly number[], alpha: number): number[] {
  return x.map((xi, i) => xi + alpha * d[i]!);
}

/** Minimiser of the cubic matching values and slopes at a and b (Nocedal & Wright eq. 3.59). */
function cubicMinimizer(a: Trial, b: Trial): number {
  const d1 = a.slope! + b.slope! - (3 * (a.value - b.value)) / (a.alpha - b.alpha);
  const radicand = d1 * d1 - a.slope! * b.slope!;
  if (!(radicand >= 0)) return Number.NaN;
  const d2 = Math.sign(b.alpha - a.alpha) * Math.sqrt(radicand);
  return b.alpha - ((b.alpha - a.alpha) * (b.slope! + d2 - d1)) / (b.slope! - a.slope! + 2 * d2);
}

/** Minimiser of the quadratic with value and slope at a and value at b. */
function quadraticMinimizer(a: Trial, b: Trial): number {
  const width = b.alpha - a.alpha;
  const curvature = b.value - a.value - a.slope! * width;
  return a.alpha - (a.slope! * width * width) / (2 * curvature);
}

/**
 * Searches along d from x (value f0, gradient g0, φ'(0) = g0·d < 0) for a step α meeting the strong
 * Wolfe conditions, starting from `initialAlpha`.
 */
export function wolfeLineSearch(
  ev: Evaluator,
  x: readonly number[],
  f0: number,
  g0: readonly number[],
  d: readonly number[],
  initialAlpha: number,
): LineSearchResult {
  const slope0 = dot(g0, d);
  const origin: Trial = { alpha: 0, value: f0, slope: slope0, gradient: g0.slice() };
  const armijo = (t: { alpha: number; value: number }) => t.value <= f0 + C1 * t.alpha * slope0;
  const curvature = (slope: number) => Math.abs(slope) <= -C2 * slope0;

  /** φ(α) only; the gradient is added by `withSlope` when the value passes the Armijo test. */
  const evaluate = (alpha: number): Trial | 'budget' => {
    if (ev.exhausted) return 'budget';
    return { alpha, value: ev.value(step(x, d, alpha)), slope: undefined, gradient: undefined };
  };
  const withSlope = (t: Trial): Trial => {
    const gradient = ev.gradient(step(x, d, t.alpha), t.value);
    if (gradient === null) return { ...t, value: Number.POSITIVE_INFINITY };
    return { ...t, slope: dot(gradient, d), gradient };
  };

  const done = (status: LineSearchResult['status'], t: Trial): LineSearchResult => ({
    status,
    alpha: t.alpha,
    x: step(x, d, t.alpha),
    value: t.value,
    gradient: t.gradient ?? g0.slice(),
  });
  const failed = (status: 'failed' | 'budget'): LineSearchResult => done(status, origin);
  /** The best point so far: `lo` when it moved (a decrease with sufficient decrease), else a failure. */
  const fallBack = (lo: Trial, status: 'armijo' | 'budget'): LineSearchResult =>
    lo.alpha > 0 ? done(status, lo) : failed(status === 'budget' ? 'budget' : 'failed');

  const zoom = (loIn: Trial, hiIn: Trial): LineSearchResult => {
    let lo = loIn;
    let hi = hiIn;
    for (let j = 0; j < MAX_ZOOM_STEPS; j += 1) {
      const width = hi.alpha - lo.alpha;
      if (Math.abs(width) <= 1e-16 * Math.max(1, Math.abs(lo.alpha))) break;
      let alpha: number;
      if (!Number.isFinite(hi.value)) alpha = lo.alpha + 0.25 * width;
      else if (hi.slope !== undefined) alpha = cubicMinimizer(lo, hi);
      else alpha = quadraticMinimizer(lo, hi);
      const inner = lo.alpha + 0.1 * width;
      const outer = lo.alpha + 0.9 * width;
      const low = Math.min(inner, outer);
      const high = Math.max(inner, outer);
      if (!Number.isFinite(alpha) || alpha < low || alpha > high) alpha = lo.alpha + 0.5 * width;
      const valueOnly = evaluate(alpha);
      if (valueOnly === 'budget') return fallBack(lo, 'budget');
      if (!Number.isFinite(valueOnly.value) || !armijo(valueOnly) || valueOnly.value >= lo.value) {
        hi = valueOnly;
        continue;
      }
      const t = withSlope(valueOnly);
      if (t.slope === undefined) {
        hi = t;
        continue;
      }
      if (curvature(t.slope)) return done('wolfe', t);
      if (t.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
      lo = t;
    }
    // No Wolfe point within the budget: accept the best point with sufficient decrease, if any.
    return fallBack(lo, 'armijo');
  };

  let previous = origin;
  let alpha = initialAlpha;
  for (let i = 0; i < MAX_BRACKET_STEPS; i += 1) {
    const valueOnly = evaluate(alpha);
    if (valueOnly === 'budget') return fallBack(previous, 'budget');
    if (
      !Number.isFinite(valueOnly.value) ||
      !armijo(valueOnly) ||
      (i > 0 && valueOnly.value >= previous.value)
    ) {
      return zoom(previous, valueOnly);
    }
    const t = withSlope(valueOnly);
    if (t.slope === undefined) return zoom(previous, t);
    if (curvature(t.slope)) return done('wolfe', t);
    if (t.slope >= 0) return zoom(t, previous);
    previous = t;
    alpha *= 4;
  }
  return fallBack(previous, 'armijo');
}
