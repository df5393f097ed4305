/**
 * Composite Gauss–Legendre quadrature for the smooth one-dimensional integrals of the model
 * closed forms that have no tidy series (the BG/NBD-family expected count near a = 1, its DERT).
 */

/** Nodes per panel. */
const ORDER = 20;

let nodes: Float64Array | undefined;
let weights: Float64Array | undefined;

/**
 * Legendre nodes and weights on [−1, 1] by Newton's method on P_n with the three-term recurrence
 * (Golub & Welsch 1969 give the same values; Abramowitz & Stegun 25.4.29). Computed once.
 */
function rule(): { x: Float64Array; w: Float64Array } {
  if (nodes !== undefined && weights !== undefined) return { x: nodes, w: weights };
  const n = ORDER;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i += 1) {
    let t = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter += 1) {
      let p0 = 1;
      let p1 = t;
      for (let k = 2; k <= n; k += 1) {
        const p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (t * p1 - p0)) / (t * t - 1);
      const step = p1 / dp;
      t -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    // Recompute the derivative at the converged node for the weight.
    let p0 = 1;
    let p1 = t;
    for (let k = 2; k <= n; k += 1) {
      const p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    dp = (n * (t * p1 - p0)) / (t * t - 1);
    const wi = 2 / ((1 - t * t) * dp * dp);
    x[i] = -t;
    x[n - 1 - i] = t;
    w[i] = wi;
    w[n - 1 - i] = wi;
  }
  nodes = x;
  weights = w;
  return { x, w };
}

/**
 * ∫_lo^hi f(u) du by composite 20-point Gauss–Legendre on equal panels no wider than `maxWidth`.
 * For f analytic in a strip |Im u| <= 1 around [lo, hi] with |f| there comparable to its values on
 * the real line, panels of width 2 give a relative error near 1e-16 (the error falls like ρ^−40 with
 * ρ = 1 + √2 for a strip of half-width 1 around a panel of half-width 1).
 */
export function integrateGaussLegendre(
  f: (u: number) => number,
  lo: number,
  hi: number,
  maxWidth = 2,
): number {
  if (!(hi > lo)) return 0;
  const { x, w } = rule();
  const panels = Math.max(1, Math.ceil((hi - lo) / maxWidth));
  const width = (hi - lo) / panels;
  const half = width / 2;
  let sum = 0;
  let compensation = 0;
  for (let p = 0; p < panels; p += 1) {
    const mid = lo + (p + 0.5) * width;
    let panel = 0;
    for (let i = 0; i < ORDER; i += 1) panel += w[i]! * f(mid + half * x[i]!);
    const value = panel * half;
    const t = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - t + value : value - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * The nodes and weights (already scaled by the panel half-width) of the composite rule
 * {@link integrateGaussLegendre} applies on [lo, hi]: Σ weights[j] f(nodes[j]) is the same sum. For
 * integrals over one grid with many integrands (a table of f per node, reused).
 */
export function gaussLegendreGrid(
  lo: number,
  hi: number,
  maxWidth = 2,
): { readonly nodes: Float64Array; readonly weights: Float64Array } {
  const { x, w } = rule();
  const panels = Math.max(1, Math.ceil((hi - lo) / maxWidth));
  const width = (hi - lo) / panels;
  const half = width / 2;
  const gridNodes = new Float64Array(panels * ORDER);
  const gridWeights = new Float64Array(panels * ORDER);
  for (let p = 0; p < panels; p += 1) {
    const mid = lo + (p + 0.5) * width;
    for (let i = 0; i < ORDER; i += 1) {
      gridNodes[p * ORDER + i] = mid + half * x[i]!;
      gridWeights[p * ORDER + i] = w[i]! * half;
    }
  }
  return { nodes: gridNodes, weights: gridWeights };
}
