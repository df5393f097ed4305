/**
 * Barycentric interpolation at Chebyshev points of the second kind (Berrut & Trefethen 2004, "Barycentric
 * Lagrange Interpolation", SIAM Review 46(3):501–517, eq. 4.2 with the weights of §5): the Monte Carlo's
 * stand-in for a value function of the retention uplift that is expensive to evaluate exactly (a
 * model-based base). The degree doubles until the interpolant matches the function at the midpoints
 * between nodes to a relative 1e-12.
 *
 * @internal
 */

/** A vector-valued interpolant on [lo, hi]: writes f(x) into `out` and returns it. */
export type Interpolant = (x: number, out: Float64Array) => Float64Array;

function build(
  f: (x: number) => readonly number[],
  lo: number,
  hi: number,
  n: number,
): { nodes: Float64Array; values: Float64Array; dims: number; evaluate: Interpolant } {
  const nodes = new Float64Array(n + 1);
  const weights = new Float64Array(n + 1);
  const rows: (readonly number[])[] = [];
  for (let j = 0; j <= n; j += 1) {
    const x = (lo + hi) / 2 + ((hi - lo) / 2) * Math.cos((j * Math.PI) / n);
    nodes[j] = x;
    rows.push(f(x));
    weights[j] = (j % 2 === 0 ? 1 : -1) * (j === 0 || j === n ? 0.5 : 1);
  }
  const dims = rows[0]!.length;
  // values[j * dims + k] = f_k(x_j): flat, so evaluation allocates nothing.
  const values = new Float64Array((n + 1) * dims);
  rows.forEach((row, j) => {
    for (let k = 0; k < dims; k += 1) values[j * dims + k] = row[k]!;
  });
  const evaluate: Interpolant = (x, out) => {
    out.fill(0);
    let denominator = 0;
    for (let j = 0; j <= n; j += 1) {
      const diff = x - nodes[j]!;
      if (diff === 0) {
        for (let k = 0; k < dims; k += 1) out[k] = values[j * dims + k]!;
        return out;
      }
      const w = weights[j]! / diff;
      denominator += w;
      for (let k = 0; k < dims; k += 1) out[k] = out[k]! + w * values[j * dims + k]!;
    }
    for (let k = 0; k < dims; k += 1) out[k] = out[k]! / denominator;
    return out;
  };
  return { nodes, values, dims, evaluate };
}

/**
 * Interpolates `f` on [lo, hi] (lo < hi), starting at degree 16 and doubling up to 512 until the
 * error at four midpoints between nodes is below 1e-12 of the largest value. Returns the best
 * interpolant found.
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
    for (const y of candidate.values) scale = Math.max(scale, Math.abs(y));
    let worst = 0;
    const approx = new Float64Array(candidate.dims);
    for (const j of [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1]) {
      const x = (candidate.nodes[j]! + candidate.nodes[j + 1]!) / 2;
      const exact = f(x);
      candidate.evaluate(x, approx);
      for (let k = 0; k < exact.length; k += 1)
        worst = Math.max(worst, Math.abs(exact[k]! - approx[k]!));
    }
    if (worst <= 1e-12 * Math.max(scale, 1e-300)) return candidate.evaluate;
    n *= 2;
  }
}
