/**
 * Barycentric interpolation at Chebyshev points of the second kind (Berrut & Trefethen 2004, "Barycentric
 * Lagrange Interpolation", SIAM Review 46(3):501–517, eq. 4.2 with the weights of §5): the Monte Carlo's
 * stand-in for a value function of the retention uplift that is expensive to evaluate exactly (a
 * model-based base). The degree doubles until the interpolant matches the function at the midpoints
 * between nodes to a relative 1e-12.
 *
 * @internal
 */

/** A vector-valued interpolant on [lo, hi]. */
export type Interpolant = (x: number) => readonly number[];

function build(
  f: (x: number) => readonly number[],
  lo: number,
  hi: number,
  n: number,
): { nodes: number[]; values: (readonly number[])[]; evaluate: Interpolant } {
  const nodes: number[] = [];
  const values: (readonly number[])[] = [];
  const weights: number[] = [];
  for (let j = 0; j <= n; j += 1) {
    const x = (lo + hi) / 2 + ((hi - lo) / 2) * Math.cos((j * Math.PI) / n);
    nodes.push(x);
    values.push(f(x));
    weights.push((j % 2 === 0 ? 1 : -1) * (j === 0 || j === n ? 0.5 : 1));
  }
  const dims = values[0]!.length;
  const evaluate: Interpolant = (x) => {
    const numerator = new Array<number>(dims).fill(0);
    let denominator = 0;
    for (let j = 0; j <= n; j += 1) {
      const diff = x - nodes[j]!;
      if (diff === 0) return values[j]!;
      const w = weights[j]! / diff;
      denominator += w;
      const v = values[j]!;
      for (let k = 0; k < dims; k += 1) numerator[k]! += w * v[k]!;
    }
    return numerator.map((s) => s / denominator);
  };
  return { nodes, values, evaluate };
}

/**
 * Interpolates `f` on [lo, hi] (lo < hi), starting at degree 16 and doubling up to 512 until the
 * relative error at four midpoints is below 1e-12 of the largest value. Returns the best interpolant
 * found.
 */
export function chebyshevInterpolant(
  f: (x: number) => readonly number[],
  lo: number,
  hi: number,
): Interpolant {
  let n = 16;
  for (;;) {
    const candidate = build(f, lo, hi, n);
    if (n >= 512) return candidate.evaluate;
    let scale = 0;
    for (const v of candidate.values) for (const y of v) scale = Math.max(scale, Math.abs(y));
    let worst = 0;
    for (const j of [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1]) {
      const x = (candidate.nodes[j]! + candidate.nodes[j + 1]!) / 2;
      const exact = f(x);
      const approx = candidate.evaluate(x);
      for (let k = 0; k < exact.length; k += 1)
        worst = Math.max(worst, Math.abs(exact[k]! - approx[k]!));
    }
    if (worst <= 1e-12 * Math.max(scale, 1e-300)) return candidate.evaluate;
    n *= 2;
  }
}
