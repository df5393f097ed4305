/**
 * The upper incomplete gamma function Γ(a, z) = ∫_z^∞ t^(a−1) e^(−t) dt for any real a and z > 0,
 * and Tricomi's U(s, s; z) = e^z Γ(1−s, z), which the Pareto/NBD DERT and DET need with s > 1
 * (a negative first argument) as well as s = 1 and integer s (REFERENCE.md §2 and §11 item 6).
 *
 * Everything is computed through h(a, z) = Γ(a, z) z^(−a) e^z, which is O(1)-scaled, so
 * ln Γ(a, z) = a ln z − z + ln h and U(s, s; z) = z^(1−s) h(1−s, z) never overflow or cancel e^z:
 * - z > 1.5 and (a <= 1/2 or z >= a + 1): Legendre's continued fraction (A&S 6.5.31; DLMF 8.9.2),
 *   evaluated by the modified Lentz algorithm to a relative change below 2^-53;
 * - z <= 1.5 and a <= 1/2: a0 = a − round(a) ∈ [−1/2, 1/2] by
 *   Γ(a0, z) = [Γ(1+a0) − 1]/a0 + [1 − z^a0]/a0 − z^a0 Σ_{n≥1} (−z)^n/(n!(a0+n))
 *   (the regrouping of DLMF 8.7.3 that stays finite as a0 → 0, where it gives E1(z)), then the
 *   recurrence Γ(a+1, z) = aΓ(a, z) + z^a e^(−z) (DLMF 8.8.2) downwards, h(a) = (z h(a+1) − 1)/a,
 *   which is stable for z <= 1.5 because every divisor |a| >= 1/2;
 * - z <= 1.5 and 1/2 < a <= 20: the same series at a0 = a − floor(a) ∈ [0, 1) and the recurrence
 *   upwards, h(a+1) = (a h(a) + 1)/z, which only adds positive terms;
 * - otherwise (a > 1/2, z < a + 1): Γ(a, z) = Γ(a) (1 − P(a, z)) with the positive series
 *   P = z^a e^(−z)/Γ(a+1) Σ z^n/(a+1)_n (DLMF 8.11.4), and P <= 0.9 there.
 */
import { fail } from '../core/errors.js';
import { requireFinite, requirePositive } from './check.js';
import { exprel, gamma1pm1Quot, lnGammaPositive } from './gamma.js';

const EPS = 2 ** -53;
const Z_SERIES = 1.5;
const MAX_UP = 20;
const MAX_ITER = 100_000;

/** Series value h(a0, z) for |a0| < 1, z <= 1.5 (see the module comment). */
function hSeries(a0: number, z: number, lz: number): number {
  const t1 = gamma1pm1Quot(a0);
  const t2 = -lz * exprel(a0 * lz);
  let term = 1;
  let s = 0;
  for (let n = 1; n < 200; n += 1) {
    term *= -z / n;
    const add = term / (a0 + n);
    s += add;
    if (Math.abs(add) <= EPS * Math.abs(s)) break;
  }
  const za = Math.exp(a0 * lz);
  const g = t1 + t2 - za * s; // Γ(a0, z)
  return (g * Math.exp(z)) / za;
}

/** h(a, z) by Legendre's continued fraction, with the modified Lentz algorithm. */
function hFraction(fn: string, a: number, z: number): number {
  const tiny = 1e-300;
  let f = z + 1 - a;
  if (f === 0) f = tiny;
  let C = f;
  let D = 0;
  for (let n = 1; n < MAX_ITER; n += 1) {
    const an = -n * (n - a);
    const bn = z + 2 * n + 1 - a;
    D = bn + an * D;
    if (D === 0) D = tiny;
    C = bn + an / C;
    if (C === 0) C = tiny;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) <= EPS) return 1 / f;
  }
  return fail('math/not-converged', fn, 'the continued fraction did not converge', {
    expected: `convergence within ${MAX_ITER} iterations`,
    received: `a = ${a}, z = ${z}`,
    details: { a, z },
  });
}

/** ln h(a, z) for any real a and z > 0. */
function lnH(fn: string, a: number, z: number): number {
  if (z > Z_SERIES && (a <= 0.5 || z >= a + 1)) return Math.log(hFraction(fn, a, z));
  const lz = Math.log(z);
  if (a <= 0.5) {
    const steps = Math.max(0, -Math.round(a));
    const a0 = a + steps; // in [−1/2, 1/2]
    let h = hSeries(a0, z, lz);
    for (let k = 1; k <= steps; k += 1) h = (z * h - 1) / (a0 - k);
    return Math.log(h);
  }
  if (z <= Z_SERIES && a <= MAX_UP) {
    const steps = Math.floor(a);
    const a0 = a - steps;
    let h = hSeries(a0, z, lz);
    for (let k = 0; k < steps; k += 1) h = ((a0 + k) * h + 1) / z;
    return Math.log(h);
  }
  // Γ(a, z) = Γ(a)(1 − P), P = z^a e^(−z)/Γ(a+1) Σ z^n/(a+1)_n.
  let term = 1;
  let s = 1;
  for (let n = 1; n < MAX_ITER; n += 1) {
    term *= z / (a + n);
    s += term;
    if (term <= EPS * s) break;
  }
  const lnP = a * lz - z - lnGammaPositive(a + 1) + Math.log(s);
  const lnGamma = lnGammaPositive(a) + Math.log(-Math.expm1(lnP));
  return lnGamma - a * lz + z;
}

/**
 * The upper incomplete gamma function Γ(a, z) = ∫_z^∞ t^(a−1) e^(−t) dt for any real a (negative and
 * integer a included, where Γ(a) itself has poles) and z > 0.
 *
 * Accuracy: relative error at most 1e-10, below 3e-13 over the measured regions a in [−30, 1e3],
 * z in [1e-8, 1e4] (table in docs/models/numerics.md, pinned by tests). Underflows to 0 only when
 * Γ(a, z) is below the smallest double; use {@link logUpperIncompleteGamma} there.
 * Methods: Legendre's continued fraction for z > 1.5 (DLMF 8.9.2), a cancellation-free series at
 * a − round(a) plus the recurrence Γ(a+1, z) = aΓ(a, z) + z^a e^(−z) for small z (DLMF 8.7.3,
 * 8.8.2), and Γ(a)(1 − P(a, z)) for large a with z < a + 1 (DLMF 8.11.4).
 *
 * @param a - Any finite real number.
 * @param z - A finite number greater than 0.
 * @returns Γ(a, z).
 * @throws CustomerAssetError `math/domain` when a is not finite or z is not a finite number > 0.
 *
 * @example
 * ```ts
 * import { upperIncompleteGamma } from 'customer-asset';
 * upperIncompleteGamma(1, 2); // e^-2 = 0.1353352832366127
 * upperIncompleteGamma(0, 1); // E1(1) = 0.21938393439552027
 * upperIncompleteGamma(-1.5, 0.5); // 0.7498909754592095 (negative a)
 * ```
 */
export function upperIncompleteGamma(a: number, z: number): number {
  requireFinite('upperIncompleteGamma', 'a', a);
  requirePositive('upperIncompleteGamma', 'z', z);
  return Math.exp(a * Math.log(z) - z + lnH('upperIncompleteGamma', a, z));
}

/**
 * ln Γ(a, z), the log of the upper incomplete gamma function, for any real a and z > 0; finite even
 * where Γ(a, z) under- or overflows a double (large z, very negative a with small z).
 *
 * Accuracy: absolute error of the log (= relative error of Γ(a, z)) at most 1e-10; below 2e-12
 * over the measured regions (|ln Γ| up to ~8000 there). Same methods as {@link upperIncompleteGamma}.
 *
 * @param a - Any finite real number.
 * @param z - A finite number greater than 0.
 * @returns ln Γ(a, z).
 * @throws CustomerAssetError `math/domain` when a is not finite or z is not a finite number > 0.
 *
 * @example
 * ```ts
 * import { logUpperIncompleteGamma } from 'customer-asset';
 * logUpperIncompleteGamma(1, 2000); // −2000 (Γ(1, z) = e^−z underflows as a value)
 * ```
 */
export function logUpperIncompleteGamma(a: number, z: number): number {
  requireFinite('logUpperIncompleteGamma', 'a', a);
  requirePositive('logUpperIncompleteGamma', 'z', z);
  return a * Math.log(z) - z + lnH('logUpperIncompleteGamma', a, z);
}

/**
 * Tricomi's confluent hypergeometric function with equal first two parameters,
 * U(s, s; z) = e^z Γ(1 − s, z), for any real s and z > 0. It is the special function of the Pareto/NBD
 * DERT and DET (Fader, Hardie & Lee 2005, JMR 42(4) eq. 2) and of the Pareto II DEL/DERL; s > 1
 * gives a negative first argument of Γ, s = 1 gives e^z E1(z).
 *
 * Accuracy: relative error at most 1e-10; below 1e-13 over the measured regions s in [0.01, 20],
 * z in [1e-8, 1e5], and at integer s and s within 1e-9 of an integer. Computed as z^(1−s) h(1−s, z)
 * with h(a, z) = Γ(a, z) z^(−a) e^z, so e^z is never formed.
 *
 * @param s - Any finite real number.
 * @param z - A finite number greater than 0.
 * @returns U(s, s; z).
 * @throws CustomerAssetError `math/domain` when s is not finite or z is not a finite number > 0.
 *
 * @example
 * ```ts
 * import { tricomiUEqual } from 'customer-asset';
 * tricomiUEqual(1, 1); // e E1(1) = 0.5963473623231941
 * tricomiUEqual(0.606, 0.031509); // 1.6600767734866105 (a Pareto/NBD DET argument)
 * ```
 */
export function tricomiUEqual(s: number, z: number): number {
  requireFinite('tricomiUEqual', 's', s);
  requirePositive('tricomiUEqual', 'z', z);
  return Math.exp((1 - s) * Math.log(z) + lnH('tricomiUEqual', 1 - s, z));
}

/**
 * ln U(s, s; z) = ln(e^z Γ(1 − s, z)) for any real s and z > 0, finite where U itself overflows
 * (large s with small z) or underflows.
 *
 * Accuracy: absolute error of the log at most 1e-10; below 1e-12 over the measured regions.
 *
 * @param s - Any finite real number.
 * @param z - A finite number greater than 0.
 * @returns ln U(s, s; z).
 * @throws CustomerAssetError `math/domain` when s is not finite or z is not a finite number > 0.
 *
 * @example
 * ```ts
 * import { logTricomiUEqual } from 'customer-asset';
 * logTricomiUEqual(1, 1); // ln 0.5963473623231941 = −0.5169319590020456
 * ```
 */
export function logTricomiUEqual(s: number, z: number): number {
  requireFinite('logTricomiUEqual', 's', s);
  requirePositive('logTricomiUEqual', 'z', z);
  return (1 - s) * Math.log(z) + lnH('logTricomiUEqual', 1 - s, z);
}
