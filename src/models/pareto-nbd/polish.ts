/**
 * A few quasi-Newton steps that carry a fit from a subsample's optimum to the full data's, with the
 * subsample's inverse Hessian (scaled by the ratio of the sample sizes, since the information grows
 * with the number of customers) as the initial metric. From there BFGS needs a handful of steps
 * instead of the twenty-odd it takes from an identity metric, and each step costs one likelihood
 * evaluation over every customer. Works on z = ln θ, as the optimizer does; stops at the optimizer's
 * own gradient rule so that `maximizeLikelihood`, started at the result, stops at once.
 */
import type { ParetoNbdParams } from './params.js';

const ORDER = ['r', 'alpha', 's', 'beta'] as const;

export interface PolishObjective {
  logLikelihood(p: ParetoNbdParams): number;
  gradient(p: ParetoNbdParams): number[];
}

function fromZ(z: readonly number[]): ParetoNbdParams {
  return { r: Math.exp(z[0]!), alpha: Math.exp(z[1]!), s: Math.exp(z[2]!), beta: Math.exp(z[3]!) };
}

/** −∇_z LL at natural params p (θ_i ∂LL/∂θ_i, sign flipped). */
function zGradient(obj: PolishObjective, p: ParetoNbdParams): number[] {
  const g = obj.gradient(p);
  return ORDER.map((name, i) => -g[i]! * p[name]);
}

/**
 * Quasi-Newton (BFGS-updated) ascent of LL from `start` with initial inverse Hessian `metric` (in
 * z = ln θ, of −LL). Returns the best point reached (the start itself if no step helped).
 */
export function polish(
  obj: PolishObjective,
  start: ParetoNbdParams,
  metric: number[][],
  gradientTolerance: number,
  maxIterations = 30,
): { params: ParetoNbdParams; steps: number } {
  let z = ORDER.map((name) => Math.log(start[name]));
  let p = start;
  let f = -obj.logLikelihood(p);
  if (!Number.isFinite(f)) return { params: start, steps: 0 };
  let g = zGradient(obj, p);
  const h = metric.map((row) => [...row]);
  for (let it = 0; it < maxIterations; it += 1) {
    if (!g.every(Number.isFinite)) return { params: p, steps: it };
    if (Math.max(...g.map(Math.abs)) <= gradientTolerance * Math.max(1, Math.abs(f)))
      return { params: p, steps: it };
    const d = h.map((row) => -row.reduce((acc, hij, j) => acc + hij * g[j]!, 0));
    let slope = d.reduce((acc, di, i) => acc + di * g[i]!, 0);
    if (!(slope < 0)) {
      // The metric lost positive definiteness: one steepest-descent step.
      for (let i = 0; i < 4; i += 1) d[i] = -g[i]!;
      slope = -g.reduce((acc, gi) => acc + gi * gi, 0);
    }
    let step = 1;
    let accepted = false;
    let zNew = z;
    let pNew = p;
    let fNew = f;
    for (let k = 0; k < 12; k += 1) {
      zNew = z.map((zi, i) => zi + step * d[i]!);
      pNew = fromZ(zNew);
      fNew = -obj.logLikelihood(pNew);
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) return { params: p, steps: it };
    const gNew = zGradient(obj, pNew);
    const s = zNew.map((v, i) => v - z[i]!);
    const y = gNew.map((v, i) => v - g[i]!);
    const ys = s.reduce((acc, si, i) => acc + si * y[i]!, 0);
    if (ys > 0) {
      const hy = h.map((row) => row.reduce((acc, hij, j) => acc + hij * y[j]!, 0));
      const yhy = y.reduce((acc, yi, i) => acc + yi * hy[i]!, 0);
      const rho = 1 / ys;
      for (let i = 0; i < 4; i += 1) {
        for (let j = 0; j < 4; j += 1) {
          h[i]![j] =
            h[i]![j]! -
            rho * (s[i]! * hy[j]! + hy[i]! * s[j]!) +
            (rho * rho * yhy + rho) * s[i]! * s[j]!;
        }
      }
    }
    z = zNew;
    p = pNew;
    f = fNew;
    g = gNew;
  }
  return { params: p, steps: maxIterations };
}
