/**
 * Closed forms of the beta-geometric/NBD family (BG/NBD, MBG/NBD) for a customer who is alive at
 * time 0 with purchase rate λ ~ Gamma(r, α) and drop-out probability p ~ Beta(a, b) applied after
 * each purchase. Every model quantity reduces to these with updated parameters:
 *
 * - a BG/NBD customer just acquired is alive at 0 with (r, α, a, b);
 * - an MBG/NBD customer just acquired is alive with probability b/(a+b), then with (r, α, a, b+1);
 * - a customer with history (x, t_x, T) who is alive at T has, by Bayes, λ ~ Gamma(r+x, α+T) and
 *   p ~ Beta(a, b+x) (BG/NBD) or Beta(a, b+x+1) (MBG/NBD), and the same future as a new customer
 *   (Poisson purchases are memoryless; drop-out happens only at purchases).
 *
 * Given (λ, p), the customer survives an interval of length t with probability e^(−λpt) (each
 * Poisson purchase is survived with probability 1 − p), buys at rate λ while alive, and so makes
 * (1 − e^(−λpt))/p purchases in expectation. Averaging over (λ, p):
 *
 *   survival   S(t) = E[(α/(α+pt))^r]          = (α/(α+t))^r ₂F₁(r, b; a+b; t/(α+t))
 *   count      G(t) = E[(1 − (α/(α+pt))^r)/p]  = (a+b−1)/(a−1) [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]
 *   discounted K(δ) = ∫_0^∞ e^(−δs) dG(s)     = E[λ/(δ + λp)]
 *
 * G is FHL (2005) eq. 9 (and eq. 10 with updated parameters); S and K are derived here (S is the
 * Euler integral of the Beta average; K has no closed form, "very messy" in Fader & Hardie's words).
 */
import { fail } from '../../core/errors.js';
import { exprel } from '../../math/gamma.js';
import { logHyp2f1 } from '../../math/hyp2f1.js';
import { integrateGaussLegendre } from './gauss-legendre.js';

/** z up to which G is summed as its own power series (fast, exact for any a and b; ~40/|ln z| terms). */
const SERIES_Z = 0.8;
/** Relative error above which the closed form of G is not trusted (near a = 1 and small t). */
const CLOSED_FORM_TOLERANCE = 1e-11;
/** Absolute error assumed for ln ₂F₁ from src/math (its measured worst is ~1e-12 in the log). */
const LOG_HYP2F1_ERROR = 1e-13;
const EPS = 2 ** -52;

/**
 * S(t) = E[(α/(α+pt))^r]: the probability that a customer alive now is still alive t later, by
 * Euler's transformation (α/(α+t))^a ₂F₁(a+b−r, a; a+b; t/(α+t)), whose parameters stay O(1) for
 * heavy buyers (r, b large together), so nothing cancels.
 */
export function aliveSurvival(r: number, alpha: number, a: number, b: number, t: number): number {
  if (t === 0) return 1;
  const L = -Math.log1p(t / alpha);
  const z = t / (alpha + t);
  const value = Math.exp(a * L + logHyp2f1(a + b - r, a, a + b, z));
  return Math.min(value, 1);
}

/**
 * G by its power series in z = t/(α+t), derived from Euler's form of FHL (2005) eq. 9,
 * (α/(α+t))^r ₂F₁(r, b; c; z) = (1−z)^(a−1) ₂F₁(c−r, a−1; c; z) with c = a + b − 1, after
 * cancelling the factor a − 1 analytically ((a−1)_n = (a−1)(a)_(n−1)):
 *
 *   G = c · [1 − (1−z)^(a−1)]/(a−1) − (1−z)^(a−1) Σ_{n>=1} (c−r)_n (a)_(n−1) / ((c+1)_(n−1) n!) z^n
 *
 * finite and smooth through a = 1 and for any c > −1 (a + b < 1 included). Returns undefined when
 * the series does not settle within its budget (large a with z near 1).
 */
function countSeries(r: number, a: number, b: number, z: number, L: number): number | undefined {
  const c = a + b - 1;
  const first = c * -L * exprel((a - 1) * L);
  let term = (c - r) * z;
  let sum = term;
  let sumAbs = Math.abs(term);
  for (let n = 1; n < 100_000; n += 1) {
    const ratio = (((c - r + n) * (a + n - 1)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    sumAbs += Math.abs(term);
    if (c - r + n >= 0) {
      // For m > n every ratio is at most z·max(1, (a+n)/(n+2)) (see the tail bound in the docs).
      const rho = z * Math.max(1, (a + n) / (n + 2));
      if (rho < 1 && Math.abs(term) * rho <= (1 - rho) * 2 ** -54 * Math.abs(sum)) {
        const result = first - Math.exp((a - 1) * L) * sum;
        // Rounding: the series and the cancellation between its two parts.
        const error = EPS * (8 + n) * (Math.abs(first) + Math.exp((a - 1) * L) * sumAbs);
        return error <= 1e-10 * Math.abs(result) ? result : undefined;
      }
    }
  }
  return undefined;
}

/** G by FHL (2005) eq. 9 in Euler's form; undefined where its rounding would exceed 1e-11. */
function countClosedForm(
  r: number,
  a: number,
  b: number,
  z: number,
  L: number,
): number | undefined {
  const c = a + b - 1;
  if (!(c > 0)) return undefined;
  let lnF: number;
  try {
    lnF = logHyp2f1(c - r, a - 1, c, z);
  } catch {
    return undefined;
  }
  const aL = (a - 1) * L;
  const q = aL + lnF;
  const bracket = -Math.expm1(q);
  const errorQ = LOG_HYP2F1_ERROR + 4 * EPS * (Math.abs(aL) + Math.abs(lnF));
  if (!(errorQ * Math.exp(q) <= CLOSED_FORM_TOLERANCE * Math.abs(bracket))) return undefined;
  return (c / (a - 1)) * bracket;
}

/**
 * The integrand of G and K after the substitution s = α(e^u − 1): dG = r e^((1−a)u)
 * ₂F₁(a+b−r−1, a; a+b; 1 − e^(−u)) du (FHL eq. 9 differentiated, Euler's form), times the discount
 * factor e^(−δ α (e^u − 1)).
 */
function countDensity(r: number, alpha: number, a: number, b: number, delta: number) {
  return (u: number): number => {
    if (u === 0) return r;
    const zeta = -Math.expm1(-u);
    const discount = delta === 0 ? 0 : delta * alpha * Math.expm1(u);
    return r * Math.exp((1 - a) * u - discount + logHyp2f1(a + b - r - 1, a, a + b, zeta));
  };
}

/**
 * G(t) = E[(1 − (α/(α+pt))^r)/p]: expected purchases in (0, t] of a customer alive at 0 (FHL 2005
 * eq. 9). Three evaluations, each used where it is accurate:
 * - z = t/(α+t) <= 0.8: the power series above (any a, b: no 0/0 at a = 1, no trouble at a+b <= 1);
 * - otherwise FHL eq. 9 through ₂F₁ in Euler's form, when its estimated rounding error is below
 *   1e-11 relative (it is not near a = 1, where the bracket is 0/0, nor when a + b <= 1);
 * - otherwise Gauss–Legendre quadrature of dG over u = ln(1 + s/α) ∈ [0, ln(1 + t/α)].
 */
export function aliveExpectedCount(
  r: number,
  alpha: number,
  a: number,
  b: number,
  t: number,
): number {
  if (t === 0) return 0;
  const z = t / (alpha + t);
  const L = -Math.log1p(t / alpha);
  if (z <= SERIES_Z) {
    const series = countSeries(r, a, b, z, L);
    if (series !== undefined) return series;
  }
  const closed = countClosedForm(r, a, b, z, L);
  if (closed !== undefined) return closed;
  return integrateGaussLegendre(countDensity(r, alpha, a, b, 0), 0, -L);
}

/**
 * K(δ) = ∫_0^∞ e^(−δs) dG(s) = E[λ/(δ + λp)]: the continuously discounted expected number of
 * purchases of a customer alive at 0, at force of interest δ > 0 per time unit. Quadrature over
 * u = ln(1 + s/α), truncated where e^(−δs) has fallen below e^−45 relative to the growth of dG, and
 * extended by units of u until a bound on the rest is below 1e-17 of the total.
 */
export function aliveDiscountedCount(
  r: number,
  alpha: number,
  a: number,
  b: number,
  delta: number,
): number {
  const density = countDensity(r, alpha, a, b, delta);
  const growth = Math.max(0, 1 - a);
  const da = delta * alpha;
  let upper = Math.log1p(45 / da);
  for (let i = 0; i < 50; i += 1) {
    const next = Math.log1p((45 + growth * upper) / da);
    if (Math.abs(next - upper) < 1e-3) {
      upper = next;
      break;
    }
    upper = next;
  }
  let total = integrateGaussLegendre(density, 0, upper);
  for (let i = 0; i < 200; i += 1) {
    // Beyond u the integrand falls at least like e^(−(δα e^u − growth)(v − u)), so the rest is at
    // most f(u) / (δα e^u − growth) once that rate is positive.
    const rate = da * Math.exp(upper) - growth;
    if (rate > 1 && density(upper) / rate <= 1e-17 * total) return total;
    total += integrateGaussLegendre(density, upper, upper + 1);
    upper += 1;
  }
  return fail('math/not-converged', 'aliveDiscountedCount', 'the discounted count did not settle', {
    expected: 'a convergent discounted sum',
    received: `r = ${r}, alpha = ${alpha}, a = ${a}, b = ${b}, delta = ${delta}`,
  });
}
