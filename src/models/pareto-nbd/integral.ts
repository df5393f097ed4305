/**
 * The one special-function kernel of the Pareto/NBD: the tail integral
 *
 *   I(y) = ∫_y^∞ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ,
 *
 * with which the likelihood of Fader & Hardie (note 009, 2005) reads
 * L = Γ(r+x) α^r β^s / Γ(r) · [(α+T)^−(r+x) (β+T)^−s + s (I(t_x) − I(T))]:
 * a customer is either alive at T, or died at some τ in (t_x, T] after the last purchase. Note 009
 * writes s/(r+s+x) · A0 with A0 in Gauss ₂F₁ form; substituting u = (max+y)/(max+τ) gives
 * I(y) = ₂F₁(a, n; n+1; z)/(n (max+y)^n), n = r+s+x, and Euler's transformation
 * ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) (A&S 15.3.3) turns it into a series whose first
 * parameter is 1 and whose terms never grow (REFERENCE.md §11, item 1):
 *
 * - α ≥ β, z = (α−β)/(α+y) ∈ [0, 1): I(y) = ₂F₁(1, r+x; n+1; z) / (n (α+y)^(r+x) (β+y)^s);
 * - α < β, z = (β−α)/(β+y) ∈ (0, 1): I(y) = ₂F₁(1, s+1; n+1; z) / (n (α+y)^(r+x−1) (β+y)^(s+1)).
 *
 * The branch on max(α, β) keeps z in [0, 1) (REFERENCE.md §11). Everything is in logs, so x in the
 * thousands and T in the thousands neither overflow nor underflow. The partial derivatives with
 * respect to (r, α, s, β) are accumulated in the same loop: for F = Σ_k (b)_k/(c)_k z^k,
 * ∂F/∂b = Σ_k t_k Σ_{j<k} 1/(b+j), ∂F/∂c = −Σ_k t_k Σ_{j<k} 1/(c+j) and ∂F/∂z = Σ_k k t_k / z.
 *
 * The series needs about ln(2^-53 (1−z)/z)/ln z terms, a dozen near the CDNOW optimum (z ≈ 0.1);
 * when z is so close to 1 that MAX_TERMS do not suffice (α/β or β/α in the thousands), the value
 * comes from the library's `logHyp2f1` (which switches to the 1 − z transformation) and the
 * b, c derivatives from central differences of it.
 */
import { logHyp2f1 } from '../../math/hyp2f1.js';

/** 2^-53: the series stops when its rigorous tail bound is below this fraction of the sum. */
const EPS = 2 ** -53;
/** Terms the fast series may use before the fallback takes over (z ≳ 0.99). */
const MAX_TERMS = 3000;

/** Output of {@link lnTailIntegral}: ln I(y) and its partial derivatives; the logs it used. */
export const integralOut = {
  lnI: 0,
  dr: 0,
  dalpha: 0,
  ds: 0,
  dbeta: 0,
  /** ln(α + y) */
  lnA: 0,
  /** ln(β + y) */
  lnB: 0,
};

/** ln F and the logarithmic derivatives (∂F/∂b)/F, (∂F/∂c)/F, (∂F/∂z)/F of F = ₂F₁(1, b; c; z). */
const seriesOut = { lnF: 0, fb: 0, fc: 0, fz: 0 };

/**
 * Sums ₂F₁(1, b; c; z) for 0 <= z < 1 and 0 < b < c, with derivative sums when `grad`. Every term
 * ratio (b+k)/(c+k) · z is below z, so after adding t the rest is below t z/(1 − z): stop when that
 * is below 2^-53 of the sum. Returns false when MAX_TERMS were not enough.
 */
function series(b: number, c: number, z: number, grad: boolean): boolean {
  let t = 1;
  let sum = 1;
  if (!grad) {
    for (let k = 0; k < MAX_TERMS; k += 1) {
      t *= ((b + k) / (c + k)) * z;
      sum += t;
      if (t * z <= EPS * sum * (1 - z)) {
        seriesOut.lnF = Math.log(sum);
        return true;
      }
    }
    return false;
  }
  let sb = 0;
  let sc = 0;
  let sz = 0;
  let hb = 0;
  let hc = 0;
  for (let k = 0; k < MAX_TERMS; k += 1) {
    const ic = 1 / (c + k);
    const q = t * (b + k) * ic; // t_{k+1} / z
    hb += 1 / (b + k);
    hc += ic;
    sz += (k + 1) * q;
    t = q * z;
    sum += t;
    sb += t * hb;
    sc += t * hc;
    if (t * z <= EPS * sum * (1 - z)) {
      const inv = 1 / sum;
      seriesOut.lnF = Math.log(sum);
      seriesOut.fb = sb * inv;
      seriesOut.fc = -sc * inv;
      seriesOut.fz = sz * inv;
      return true;
    }
  }
  return false;
}

/** The fallback for z near 1: the library's ₂F₁ router, derivatives by central differences. */
function seriesFallback(b: number, c: number, z: number, grad: boolean): void {
  const lnF = logHyp2f1(1, b, c, z);
  seriesOut.lnF = lnF;
  if (!grad) return;
  // ∂F/∂z = (b/c) ₂F₁(2, b+1; c+1; z) (A&S 15.2.1).
  seriesOut.fz = (b / c) * Math.exp(logHyp2f1(2, b + 1, c + 1, z) - lnF);
  const hb = 1e-5 * Math.max(1, b);
  const hc = 1e-5 * Math.max(1, c);
  seriesOut.fb = (logHyp2f1(1, b + hb, c, z) - logHyp2f1(1, b - hb, c, z)) / (2 * hb);
  seriesOut.fc = (logHyp2f1(1, b, c + hc, z) - logHyp2f1(1, b, c - hc, z)) / (2 * hc);
}

/**
 * ln I(y) of the module comment for one customer's x at time y >= 0, with its partial derivatives
 * with respect to (r, α, s, β) when `grad`, written to {@link integralOut}. Inputs are not checked
 * (r, α, s, β > 0 finite, x >= 0, y >= 0).
 */
export function lnTailIntegral(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  y: number,
  grad: boolean,
): void {
  const a = alpha + y;
  const bb = beta + y;
  const la = Math.log(a);
  const lb = Math.log(bb);
  const n = r + s + x;
  const c = n + 1;
  const out = integralOut;
  out.lnA = la;
  out.lnB = lb;
  if (alpha >= beta) {
    const z = (alpha - beta) / a;
    const b = r + x;
    if (!series(b, c, z, grad)) seriesFallback(b, c, z, grad);
    out.lnI = seriesOut.lnF - Math.log(n) - b * la - s * lb;
    if (!grad) return;
    const inN = 1 / n;
    out.dr = seriesOut.fb + seriesOut.fc - inN - la;
    out.ds = seriesOut.fc - inN - lb;
    out.dalpha = (seriesOut.fz * bb) / (a * a) - b / a;
    out.dbeta = -seriesOut.fz / a - s / bb;
  } else {
    const z = (beta - alpha) / bb;
    const b = s + 1;
    if (!series(b, c, z, grad)) seriesFallback(b, c, z, grad);
    out.lnI = seriesOut.lnF - Math.log(n) - (r + x - 1) * la - b * lb;
    if (!grad) return;
    const inN = 1 / n;
    out.dr = seriesOut.fc - inN - la;
    out.ds = seriesOut.fb + seriesOut.fc - inN - lb;
    out.dalpha = -seriesOut.fz / bb - (r + x - 1) / a;
    out.dbeta = (seriesOut.fz * a) / (bb * bb) - b / bb;
  }
}
