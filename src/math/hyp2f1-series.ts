/**
 * The Gauss power series Σ (p)_n (q)_n / ((r)_n n!) x^n for 0 <= x < 1, summed in log-scaled form
 * (renormalised whenever a term passes 1e250, so series whose terms first grow enormously, as with
 * parameters near 1000, do not overflow), with a rigorous truncation test.
 *
 * Stopping rule: after the term t_k is added, the terms still to come are bounded by
 * |t_k| ρ/(1 − ρ) with ρ = x · min(max(1, (k+p)/(k+r)) · max(1, (k+q)/(k+1)),
 * max(1, (k+p)/(k+1)) · max(1, (k+q)/(k+r))), which bounds every later term ratio once k exceeds
 * max(0, −p, −q, −r) (each factor (j+p)/(j+r) is then monotone in j and tends to 1). The sum stops when
 * that bound is below 2^-54 |S|, so the truncation error is below 2^-54 relative.
 */

/** 2^-54: the truncation tolerance, relative to the partial sum. */
export const SERIES_TOL = 2 ** -54;
const BIG = 1e250;
const LN_BIG = Math.log(BIG);

/** Output slots of {@link sumSeries} (module scratch: the kernel allocates nothing). */
export const seriesOut = {
  /** The sum is `mant · e^expo`. */
  mant: 0,
  expo: 0,
  /** Σ|t_n| on the same scale as `mant` (for the rounding-error estimate). */
  abs: 0,
  /** Number of terms added. */
  terms: 0,
};

/**
 * Sums the series into {@link seriesOut}; returns false when `maxTerms` terms did not reach the
 * truncation tolerance.
 */
export function sumSeries(p: number, q: number, r: number, x: number, maxTerms: number): boolean {
  let t = 1;
  let s = 1;
  let abs = 1;
  let expo = 0;
  const k1 = Math.max(0, -p, -q, -r);
  let n = 0;
  let done = false;
  while (n < maxTerms) {
    t *= (((p + n) * (q + n)) / ((r + n) * (n + 1))) * x;
    n += 1;
    s += t;
    const at = Math.abs(t);
    abs += at;
    if (at <= SERIES_TOL * Math.abs(s)) {
      if (t === 0) {
        done = true;
        break;
      }
      if (n > k1) {
        const rp = (n + p) / (n + r);
        const qp = (n + q) / (n + 1);
        const p1 = (n + p) / (n + 1);
        const qr = (n + q) / (n + r);
        const f = Math.max(rp, 1) * Math.max(qp, 1);
        const g = Math.max(p1, 1) * Math.max(qr, 1);
        const rho = x * Math.min(f, g);
        if (rho < 1 && at * rho <= SERIES_TOL * Math.abs(s) * (1 - rho)) {
          done = true;
          break;
        }
      }
    } else if (at > BIG) {
      t /= BIG;
      s /= BIG;
      abs /= BIG;
      expo += LN_BIG;
    }
  }
  seriesOut.mant = s;
  seriesOut.expo = expo;
  seriesOut.abs = abs;
  seriesOut.terms = n;
  return done;
}

/**
 * Index near which the terms of the series stop growing: the positive root of
 * (p+n)(q+n)x = (r+n)(n+1), or 0 when the terms decrease from the start. Used only to choose a
 * method.
 */
export function peakIndex(p: number, q: number, r: number, x: number): number {
  const A = 1 - x;
  const B = 1 + r - x * (p + q);
  const C = r - x * p * q;
  const disc = B * B - 4 * A * C;
  if (disc < 0) return 0;
  const root = (-B + Math.sqrt(disc)) / (2 * A);
  return Math.max(root, 0);
}
