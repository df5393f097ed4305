/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real a, b, c (c not 0, −1, −2, ...) and real
 * z < 1, and its logarithm. Every BG/NBD, MBG/NBD, Pareto/NBD, sBG and BG/BB closed form goes through it.
 *
 * Method (docs/models/numerics.md has the full account and the measured errors):
 * - z < 0: Pfaff's transformation ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)) (A&S 15.3.4)
 *   maps z into [0, 1) with 1 − z/(z−1) = 1/(1−z) kept exact.
 * - 0 <= z < 1: the power series, either as given or after Euler's transformation
 *   ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) (A&S 15.3.3), whichever has the smaller
 *   growing phase (for the BG/NBD E[Y] and the Pareto/NBD likelihood, Euler's form turns a series with
 *   parameters near 1000 into one with O(1) parameters and a large c: a handful of terms). For
 *   z > 1/2 a cost estimate picks between that series (with a term budget of 1.5 times the cost of
 *   the alternative) and the 1 − z transformation (A&S 15.3.6, with a pole-free regrouping where
 *   c − a − b is an integer or within 0.1 of one; see hyp2f1-one-minus-z.ts).
 * - Every method estimates its own relative rounding error; an estimate above 1e-12 makes the router
 *   try the other method, and if neither gets below 1e-10 it throws `math/not-converged`.
 */
import { fail } from '../core/errors.js';
import { requireFinite } from './check.js';
import { oneMinusZ, transformOut } from './hyp2f1-one-minus-z.js';
import { peakIndex, seriesOut, sumSeries } from './hyp2f1-series.js';

const EPS = 2 ** -52;
/** Largest number of series terms any method may use. */
const MAX_TERMS = 2_000_000;
/** Accept a method when its estimated relative error is at most this. */
const ACCEPT = 1e-12;
/** Throw `math/not-converged` when no method reaches this. */
const GIVE_UP = 1e-10;

/** Result of {@link hyp2f1Core}: F = mant · e^expo with an estimated relative error. */
const coreOut = { mant: 0, expo: 0, err: 0 };

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** Direct series with an optional log prefactor; returns whether it converged. */
function direct(p: number, q: number, r: number, x: number, pre: number, budget: number): boolean {
  const ok = sumSeries(p, q, r, x, budget);
  coreOut.mant = seriesOut.mant;
  coreOut.expo = seriesOut.expo + pre;
  coreOut.err =
    seriesOut.mant === 0
      ? Number.POSITIVE_INFINITY
      : EPS * ((8 + seriesOut.terms) * (seriesOut.abs / Math.abs(seriesOut.mant)) + Math.abs(pre));
  return ok;
}

/** The best result so far among the methods tried. */
const best = { mant: 0, expo: 0, err: Number.POSITIVE_INFINITY };

/** Keeps coreOut as the best result if it beats the current best. */
function keep(converged: boolean): boolean {
  if (converged && Number.isFinite(coreOut.mant) && coreOut.err < best.err) {
    best.mant = coreOut.mant;
    best.expo = coreOut.expo;
    best.err = coreOut.err;
  }
  return best.err <= ACCEPT;
}

/**
 * ₂F₁(a, b; c; z) for 0 <= z < 1 given w = 1 − z (exact). Writes coreOut; throws
 * `math/not-converged` when no method reaches the accuracy bound.
 */
function unitInterval(fn: string, a: number, b: number, c: number, z: number, w: number): void {
  const lw = Math.log(w);
  const m = a >= b ? c - a - b : c - b - a;
  // Terminating series (polynomials).
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
    direct(a, b, c, z, 0, MAX_TERMS);
    return;
  }
  if (isNonPositiveInteger(c - a) || isNonPositiveInteger(c - b)) {
    direct(c - a, c - b, c, z, m * lw, MAX_TERMS);
    return;
  }
  best.err = Number.POSITIVE_INFINITY;
  // Order the series as given and Euler's form by the length of their growing phase (with |p|,
  // |q|: a negative parameter makes the terms alternate and can only make things worse).
  const peak0 = peakIndex(Math.abs(a), Math.abs(b), c, z);
  const peak1 = peakIndex(Math.abs(c - a), Math.abs(c - b), c, z);
  const eulerFirst = Math.abs(peak0 - peak1) > 2 ? peak1 < peak0 : z > 0.5 && m < 0;
  const p1 = eulerFirst ? c - a : a;
  const q1 = eulerFirst ? c - b : b;
  const pre1 = eulerFirst ? m * lw : 0;
  const p2 = eulerFirst ? a : c - a;
  const q2 = eulerFirst ? b : c - b;
  const pre2 = eulerFirst ? 0 : m * lw;

  if (z <= 0.5) {
    const accepted =
      keep(direct(p1, q1, c, z, pre1, MAX_TERMS)) || keep(direct(p2, q2, c, z, pre2, MAX_TERMS));
    if (!accepted && best.err > GIVE_UP) notConverged(fn, a, b, c, z);
    finish();
    return;
  }
  // z > 1/2. Cost estimates (in terms): the 1 − z transformation needs about N + its growing phase
  // + 40/|ln w|; the series about its growing phase + 40/|ln z| unless c dwarfs |pq| (then a few).
  const mm = Math.abs(m);
  const nT =
    Math.round(mm) +
    Math.max(
      peakIndex(Math.abs(a) + mm, Math.abs(b) + mm, 1, w),
      peakIndex(Math.abs(c - a) + mm, Math.abs(c - b) + mm, 1, w),
    ) +
    40 / -lw;
  const fastDecay =
    Math.abs(p1 * q1) * z < 0.05 * c && c > 2 * Math.max(Math.abs(p1), Math.abs(q1)) + 20;
  const nD = Math.min(peak0, peak1) + 40 / -Math.log(z);
  // The two halves of the 1 − z formula cancel by about e^(w·max|param|): not a first choice then.
  const growth = w * Math.max(Math.abs(a), Math.abs(b), Math.abs(c - a), Math.abs(c - b));
  const seriesFirst = fastDecay || nD <= nT + 32 || growth > 6;
  const budget = Math.min(MAX_TERMS, Math.ceil(1.5 * nT) + 16);
  const accepted =
    (seriesFirst && keep(direct(p1, q1, c, z, pre1, budget))) ||
    keep(transform(a, b, c, m, w, lw)) ||
    keep(direct(p1, q1, c, z, pre1, MAX_TERMS)) ||
    keep(direct(p2, q2, c, z, pre2, MAX_TERMS));
  if (!accepted && best.err > GIVE_UP) notConverged(fn, a, b, c, z);
  finish();
}

/** The 1 − z transformation into coreOut; returns whether its series converged. */
function transform(a: number, b: number, c: number, m: number, w: number, lw: number): boolean {
  const ok = oneMinusZ(a, b, c, m, w, lw, MAX_TERMS);
  coreOut.mant = transformOut.mant;
  coreOut.expo = transformOut.expo;
  coreOut.err = transformOut.err;
  return ok;
}

function finish(): void {
  coreOut.mant = best.mant;
  coreOut.expo = best.expo;
  coreOut.err = best.err;
}

function notConverged(fn: string, a: number, b: number, c: number, z: number): never {
  fail('math/not-converged', fn, 'no method reached the accuracy bound 1e-10', {
    expected: 'a series that converges within 2,000,000 terms',
    received: `a = ${a}, b = ${b}, c = ${c}, z = ${z}`,
    details: { a, b, c, z },
  });
}

/** Validates and evaluates into coreOut. */
function hyp2f1Core(fn: string, a: number, b: number, c: number, z: number): void {
  requireFinite(fn, 'a', a);
  requireFinite(fn, 'b', b);
  requireFinite(fn, 'c', c);
  requireFinite(fn, 'z', z);
  if (isNonPositiveInteger(c)) {
    fail('math/domain', fn, 'c must not be 0 or a negative integer (2F1 has a pole there)', {
      expected: 'c not in {0, -1, -2, ...}',
      received: c,
      path: ['c'],
    });
  }
  if (!(z < 1)) {
    fail('math/domain', fn, 'z must be less than 1 (the series diverges or has a branch cut)', {
      expected: 'z < 1',
      received: z,
      path: ['z'],
    });
  }
  if (z === 0 || a === 0 || b === 0) {
    coreOut.mant = 1;
    coreOut.expo = 0;
    coreOut.err = 0;
    return;
  }
  if (z > 0) {
    unitInterval(fn, a, b, c, z, 1 - z);
    return;
  }
  // Pfaff: F(a,b;c;z) = (1−z)^(−a) F(a, c−b; c; z/(z−1)), with 1 − z/(z−1) = 1/(1−z).
  const w = 1 / (1 - z);
  const zeta = -z * w;
  const pre = -a * Math.log1p(-z);
  unitInterval(fn, a, c - b, c, zeta, w);
  coreOut.expo += pre;
  coreOut.err += EPS * Math.abs(pre);
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) = Σ_n (a)_n (b)_n / ((c)_n n!) z^n, for real
 * a, b and c (c not 0, −1, −2, ..., where ₂F₁ has poles; c < 0 arises in the BG/NBD E[X(t)] when
 * a + b < 1) and real z < 1 (z < 0 through Pfaff's transformation).
 *
 * Accuracy: relative error at most 1e-10 wherever the value is representable, and in the measured
 * model regions (parameters up to ~1000, z within 1e-6 of 1, c − a − b near or at an integer)
 * below 1e-12 (table in docs/models/numerics.md, pinned by tests). The series are truncated when a
 * rigorous bound on the remaining terms falls below 2^-54 of the sum; each method also estimates
 * its rounding error (Σ|terms|/|sum| times ulps, plus the size of its log-gamma prefactors), and a
 * method whose estimate exceeds 1e-12 hands over to another.
 *
 * Returns ±Infinity only when |₂F₁| exceeds the largest double; use {@link logHyp2f1} for large
 * values (e.g. the BG/NBD E[Y] with x near 1000). Where ₂F₁ is nearly zero compared with its terms
 * (possible only with negative parameters, never in the model regions), every method cancels and
 * the function throws `math/not-converged` rather than return a value with fewer correct digits.
 *
 * @param a - Real parameter.
 * @param b - Real parameter.
 * @param c - Real parameter, not 0 or a negative integer.
 * @param z - Real argument, z < 1.
 * @returns ₂F₁(a, b; c; z).
 * @throws CustomerAssetError `math/domain` for non-finite input, c ∈ {0, −1, −2, ...} or z >= 1;
 *   `math/not-converged` when no method reaches a relative error of 1e-10.
 *
 * @example
 * ```ts
 * import { hyp2f1 } from 'customer-asset';
 * hyp2f1(1, 1, 2, 0.5); // −ln(1 − 0.5)/0.5 = 1.3862943611198906
 * hyp2f1(0.5, 0.5, 1.5, 0.25); // asin(0.5)/0.5 = 1.0471975511965976
 * ```
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  hyp2f1Core('hyp2f1', a, b, c, z);
  return coreOut.expo === 0 ? coreOut.mant : coreOut.mant * Math.exp(coreOut.expo);
}

/**
 * ln ₂F₁(a, b; c; z) for real a, b, c (c not 0, −1, −2, ...) and real z < 1, where ₂F₁ is positive (as in
 * every CLV model region: BG/NBD and MBG/NBD E[X], E[Y]; Pareto/NBD likelihood; sBG DEL/DERL; BG/BB
 * DERT). Never overflows: values far beyond the double range (heavy buyers, z near 1) are returned
 * as their logarithm.
 *
 * Accuracy: absolute error in the log (= relative error of ₂F₁) at most 1e-10, below 2e-12 in the
 * measured model regions (for |ln ₂F₁| in the thousands part of that is the spacing of doubles near
 * the log itself); same methods as {@link hyp2f1}.
 *
 * @param a - Real parameter.
 * @param b - Real parameter.
 * @param c - Real parameter, not 0 or a negative integer.
 * @param z - Real argument, z < 1.
 * @returns ln ₂F₁(a, b; c; z).
 * @throws CustomerAssetError `math/domain` for non-finite input, c ∈ {0, −1, −2, ...}, z >= 1, or where
 *   ₂F₁ <= 0; `math/not-converged` when no method reaches a relative error of 1e-10.
 *
 * @example
 * ```ts
 * import { logHyp2f1 } from 'customer-asset';
 * logHyp2f1(1, 1, 2, 0.5); // ln 1.3862943611198906 = 0.32663425997828094
 * logHyp2f1(1000.24, 1002.4, 1002.2, 0.9); // ≈ 2303.5978779726 (the value itself overflows)
 * ```
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  hyp2f1Core('logHyp2f1', a, b, c, z);
  if (!(coreOut.mant > 0)) {
    fail('math/domain', 'logHyp2f1', '2F1(a, b; c; z) is not positive here', {
      expected: 'parameters where 2F1 > 0',
      received: `a = ${a}, b = ${b}, c = ${c}, z = ${z}`,
      path: [],
    });
  }
  return Math.log(coreOut.mant) + coreOut.expo;
}
