/**
 * Internal: the Nelder–Mead simplex method (Nelder & Mead 1965, Computer Journal 7(4):308–313) in the
 * form of Lagarias et al. (1998, SIAM J. Optim. 9(1):112–147), with the dimension-adaptive
 * coefficients of Gao & Han (2012, Comput. Optim. Appl. 51:259–277) above two dimensions. Uses values
 * only, so it survives a wrong or noisy gradient; non-finite values rank last.
 */
import type { Evaluator } from './evaluator.js';
import type { RunResult, RunSettings } from './run.js';

/** The simplex has converged when its values agree to this (relative) and its vertices to X_TOLERANCE. */
const F_TOLERANCE = 1e-10;
const X_TOLERANCE = 1e-8;

interface Vertex {
  x: number[];
  f: number;
}

export function runNelderMead(
  ev: Evaluator,
  x0: readonly number[],
  f0: number,
  settings: RunSettings,
): RunResult {
  const n = x0.length;
  const adaptive = n > 2;
  const reflect = 1;
  const expand = adaptive ? 1 + 2 / n : 2;
  const contract = adaptive ? 0.75 - 1 / (2 * n) : 0.5;
  const shrink = adaptive ? 1 - 1 / n : 0.5;

  const simplex: Vertex[] = [{ x: x0.slice(), f: f0 }];
  for (let i = 0; i < n; i += 1) {
    const x = x0.slice();
    x[i] = x[i]! + 0.05 * Math.max(1, Math.abs(x[i]!));
    simplex.push({ x, f: ev.value(x) });
  }
  const order = () => simplex.sort((a, b) => a.f - b.f || 0);
  const along = (from: readonly number[], to: readonly number[], t: number) =>
    from.map((v, i) => v + t * (to[i]! - v));

  let iterations = 0;
  const result = (reason: RunResult['reason'], converged: boolean): RunResult => {
    order();
    const best = simplex[0]!;
    return { x: best.x, value: best.f, gradient: null, reason, converged, iterations };
  };

  for (;;) {
    order();
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Number.isFinite(worst.f)) {
      const fSpread = worst.f - best.f;
      let xSpread = 0;
      let scale = 1;
      for (let j = 0; j < n; j += 1) scale = Math.max(scale, Math.abs(best.x[j]!));
      for (let i = 1; i <= n; i += 1) {
        for (let j = 0; j < n; j += 1) {
          xSpread = Math.max(xSpread, Math.abs(simplex[i]!.x[j]! - best.x[j]!));
        }
      }
      if (
        fSpread <= F_TOLERANCE * Math.max(1, Math.abs(best.f)) &&
        xSpread <= X_TOLERANCE * scale
      ) {
        return result('simplex-tolerance', true);
      }
    }
    if (iterations >= settings.maxIterations) return result('max-iterations', false);
    if (ev.exhausted) return result('max-evaluations', false);
    iterations += 1;

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < n; j += 1) centroid[j]! += simplex[i]!.x[j]! / n;
    }
    const second = simplex[n - 1]!;
    const xr = along(centroid, worst.x, -reflect);
    const fr = ev.value(xr);
    if (fr < best.f) {
      const xe = along(centroid, worst.x, -reflect * expand);
      const fe = ev.value(xe);
      simplex[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
      continue;
    }
    if (fr < second.f) {
      simplex[n] = { x: xr, f: fr };
      continue;
    }
    if (fr < worst.f) {
      const xc = along(centroid, xr, contract);
      const fc = ev.value(xc);
      if (fc <= fr) {
        simplex[n] = { x: xc, f: fc };
        continue;
      }
    } else {
      const xc = along(centroid, worst.x, contract);
      const fc = ev.value(xc);
      if (fc < worst.f) {
        simplex[n] = { x: xc, f: fc };
        continue;
      }
    }
    for (let i = 1; i <= n; i += 1) {
      const x = along(best.x, simplex[i]!.x, shrink);
      simplex[i] = { x, f: ev.value(x) };
    }
  }
}
