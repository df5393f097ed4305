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
 * The term ratios (b+k)/(c+k) and the partial sums of 1/(b+j) and 1/(c+j) depend on x and the params
 * but not on y, so they are tabulated once per distinct x ({@link SeriesCoefficients}) and the loop
 * over a node is divisions-free. The series needs about ln(2^-53 (1−z)/z)/ln z terms, a dozen near
 * the CDNOW optimum (z ≈ 0.1);
 * when z is so close to 1 that MAX_TERMS do not suffice (α/β or β/α in the thousands), the value
 * comes from the library's `logHyp2f1` (which switches to the 1 − z transformation) and the
 * b, c derivatives from central differences of it.
 */
import { logHyp2f1 } from '../../math/hyp2f1.js';

/** 2^-53: the series stops when its rigorous tail bound is below this fraction of the sum. */
const EPS = 2 ** -53;
/** Terms the fast series may use before the fallback takes over (z ≳ 0.99). */
const MAX_TERMS = 3000;

/**
 * The y-independent part of ₂F₁(1, b; c; z) = Σ_k t_k: per k the ratio (b+k)/(c+k) = t_{k+1}/(t_k z)
 * and the partial sums Σ_{j<=k} 1/(b+j), Σ_{j<=k} 1/(c+j) that weight the derivative sums;
 * interleaved, extended on demand.
 */
export class SeriesCoefficients {
  b = Number.NaN;
  c = Number.NaN;
  /** ln(c − 1) = ln(r+s+x), the other y-independent piece of ln I. */
  lnN = Number.NaN;
  len = 0;
  coef = new Float64Array(3 * 32);

  /** Starts a new (b, c): the table is rebuilt lazily. */
  reset(b: number, c: number): void {
    this.b = b;
    this.c = c;
    this.lnN = Math.log(c - 1);
    this.len = 0;
  }

  /** Makes at least `to` entries available. */
  extend(to: number): void {
    if (3 * to > this.coef.length) {
      const grown = new Float64Array(3 * Math.max(to, 2 * this.len));
      grown.set(this.coef.subarray(0, 3 * this.len));
      this.coef = grown;
    }
    const { b, c, coef } = this;
    let hb = this.len === 0 ? 0 : coef[3 * this.len - 2]!;
    let hc = this.len === 0 ? 0 : coef[3 * this.len - 1]!;
    for (let k = this.len; k < to; k += 1) {
      hb += 1 / (b + k);
      hc += 1 / (c + k);
      coef[3 * k] = (b + k) / (c + k);
      coef[3 * k + 1] = hb;
      coef[3 * k + 2] = hc;
    }
    this.len = to;
  }
}

/** ln F and the logarithmic derivatives (∂F/∂b)/F, (∂F/∂c)/F, (∂F/∂z)/F of F = ₂F₁(1, b; c; z). */
const seriesOut = { lnF: 0, fb: 0, fc: 0, fz: 0 };

/**
 * Sums ₂F₁(1, b; c; z) for 0 <= z < 1 and 0 < b < c, with the derivative sums when `grad`. Every
 * term ratio (b+k)/(c+k) · z is below z, so after adding t the rest is below t z/(1 − z): the sum
 * stops when that is below 2^-53 of it. Returns false when MAX_TERMS were not enough.
 */
function series(tab: SeriesCoefficients, z: number, grad: boolean): boolean {
  if (z === 0) {
    seriesOut.lnF = 0;
    seriesOut.fb = 0;
    seriesOut.fc = 0;
    seriesOut.fz = tab.b / tab.c;
    return true;
  }
  if (!grad) {
    const value = tailSeriesValue(tab, z);
    if (Number.isNaN(value)) return false;
    seriesOut.lnF = Math.log(value);
    return true;
  }
  const thr = (EPS * (1 - z)) / z;
  let coef = tab.coef;
  let len = tab.len;
  let t = 1;
  let sum = 1;
  let sb = 0;
  let sc = 0;
  let sk = 0;
  for (let k = 0; k < MAX_TERMS; k += 1) {
    if (k === len) {
      tab.extend(Math.min(MAX_TERMS, Math.max(16, 2 * len)));
      coef = tab.coef;
      len = tab.len;
    }
    const o = 3 * k;
    t *= coef[o]! * z;
    sum += t;
    sb += t * coef[o + 1]!;
    sc += t * coef[o + 2]!;
    sk += (k + 1) * t;
    if (t <= thr * sum) {
      const inv = 1 / sum;
      seriesOut.lnF = Math.log(sum);
      seriesOut.fb = sb * inv;
      seriesOut.fc = -sc * inv;
      seriesOut.fz = (sk / z) * inv;
      return true;
    }
  }
  return false;
}

/**
 * The fallback for z near 1: the library's ₂F₁ router, derivatives by central differences. Where even
 * that fails (z rounded to 1: α/β or β/α beyond 1e16, which only an optimizer's trial step reaches)
 * the result is NaN, which the fit treats as an impossible point and the public functions report as
 * `model/non-finite`.
 */
function seriesFallback(b: number, c: number, z: number, grad: boolean): void {
  try {
    const lnF = logHyp2f1(1, b, c, z);
    seriesOut.lnF = lnF;
    if (!grad) return;
    // ∂F/∂z = (b/c) ₂F₁(2, b+1; c+1; z) (A&S 15.2.1).
    seriesOut.fz = (b / c) * Math.exp(logHyp2f1(2, b + 1, c + 1, z) - lnF);
    const hb = 1e-5 * Math.max(1, b);
    const hc = 1e-5 * Math.max(1, c);
    seriesOut.fb = (logHyp2f1(1, b + hb, c, z) - logHyp2f1(1, b - hb, c, z)) / (2 * hb);
    seriesOut.fc = (logHyp2f1(1, b, c + hc, z) - logHyp2f1(1, b, c - hc, z)) / (2 * hc);
  } catch {
    seriesOut.lnF = Number.NaN;
    seriesOut.fb = Number.NaN;
    seriesOut.fc = Number.NaN;
    seriesOut.fz = Number.NaN;
  }
}

/**
 * The series F = ₂F₁(1, b; c; z) of I(y) as a plain number (no logarithm), for scoring, where
 * P(alive) needs only the ratio I(t_x)/I(T) and F is bounded by 1/(1 − z). `tab` must hold the
 * coefficients of the customer's x (see {@link tailSeriesTable}). NaN when MAX_TERMS do not suffice
 * (z ≳ 0.99); the caller then takes the logarithmic path of {@link lnTailIntegral}.
 */
export function tailSeriesValue(tab: SeriesCoefficients, z: number): number {
  if (z === 0) return 1;
  const thr = (EPS * (1 - z)) / z;
  let coef = tab.coef;
  let len = tab.len;
  let t = 1;
  let sum = 1;
  for (let k = 0; k < MAX_TERMS; k += 1) {
    if (k === len) {
      tab.extend(Math.min(MAX_TERMS, Math.max(16, 2 * len)));
      coef = tab.coef;
      len = tab.len;
    }
    t *= coef[3 * k]! * z;
    sum += t;
    if (t <= thr * sum) return sum;
  }
  return Number.NaN;
}

/** Points `tab` at the series coefficients of I(y) for one x (as {@link lnTailIntegral} does). */
export function tailSeriesTable(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tab: SeriesCoefficients,
): void {
  const b = alpha >= beta ? r + x : s + 1;
  const c = r + s + x + 1;
  if (tab.b !== b || tab.c !== c) tab.reset(b, c);
}

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

/**
 * ln I(y) of the module comment for one x at time y >= 0, with its partial derivatives with respect
 * to (r, α, s, β) when `grad`, written to {@link integralOut}. `tab` holds the coefficients for
 * (b, c) = (r+x when α >= β else s+1, r+s+x+1) and is reset here when they differ. Inputs are not checked
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
  tab: SeriesCoefficients,
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
  const upper = alpha >= beta;
  const b = upper ? r + x : s + 1;
  if (tab.b !== b || tab.c !== c) tab.reset(b, c);
  const lnN = tab.lnN;
  const z = upper ? (alpha - beta) / a : (beta - alpha) / bb;
  if (!series(tab, z, grad)) seriesFallback(b, c, z, grad);
  const inN = 1 / n;
  if (upper) {
    out.lnI = seriesOut.lnF - lnN - b * la - s * lb;
    if (!grad) return;
    out.dr = seriesOut.fb + seriesOut.fc - inN - la;
    out.ds = seriesOut.fc - inN - lb;
    out.dalpha = (seriesOut.fz * bb) / (a * a) - b / a;
    out.dbeta = -seriesOut.fz / a - s / bb;
  } else {
    out.lnI = seriesOut.lnF - lnN - (r + x - 1) * la - b * lb;
    if (!grad) return;
    out.dr = seriesOut.fc - inN - la;
    out.ds = seriesOut.fb + seriesOut.fc - inN - lb;
    out.dalpha = -seriesOut.fz / bb - (r + x - 1) / a;
    out.dbeta = (seriesOut.fz * a) / (bb * bb) - b / bb;
  }
}
