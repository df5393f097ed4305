/** Classic test problems for the optimizer tests (not a test file itself). */

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
