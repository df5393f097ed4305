/**
 * Internal: the inverse of a small symmetric positive-definite matrix through its Cholesky factor
 * (Golub & Van Loan, *Matrix Computations*, 4th ed., Algorithm 4.2.1). The factorisation is also the
 * positive-definiteness test: it fails exactly when a pivot is not safely positive.
 *
 * Written by hand rather than taken from mathjs: `inv` from mathjs pulls about 1 MB of minified code
 * into every consumer bundle, does not test positive definiteness, and the 2–4 parameter matrices
 * here need twenty lines.
 */

/** Relative size below which a pivot counts as zero: the matrix is numerically singular. */
const PIVOT_TOLERANCE = 1e-13;

/** Lower-triangular L with A = L Lᵀ, or null when A is not (numerically) positive definite. */
export function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j += 1) {
    let pivot = a[j]![j]!;
    for (let k = 0; k < j; k += 1) pivot -= l[j]![k]! ** 2;
    if (!Number.isFinite(pivot) || !(pivot > PIVOT_TOLERANCE * Math.abs(a[j]![j]!)) || pivot <= 0) {
      return null;
    }
    const root = Math.sqrt(pivot);
    l[j]![j] = root;
    for (let i = j + 1; i < n; i += 1) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k += 1) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = sum / root;
    }
  }
  return l;
}

/** A⁻¹ = L⁻ᵀ L⁻¹ for symmetric positive-definite A (symmetric by construction), or null. */
export function inverseSpd(a: readonly (readonly number[])[]): number[][] | null {
  const l = cholesky(a);
  if (l === null) return null;
  const n = a.length;
  // Forward substitution for each column of L⁻¹ (lower triangular).
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col += 1) {
    for (let i = col; i < n; i += 1) {
      let sum = i === col ? 1 : 0;
      for (let k = col; k < i; k += 1) sum -= l[i]![k]! * m[k]![col]!;
      m[i]![col] = sum / l[i]![i]!;
    }
  }
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = 0;
      for (let k = i; k < n; k += 1) sum += m[k]![i]! * m[k]![j]!;
      inverse[i]![j] = sum;
      inverse[j]![i] = sum;
    }
  }
  return inverse.every((row) => row.every(Number.isFinite)) ? inverse : null;
}
