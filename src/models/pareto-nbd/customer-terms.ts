/**
 * The per-customer quantities every closed form needs, for one customer (x, t_x, T): ln L and
 * P(alive at T), computed as in likelihood.ts (relative to I(t_x), no A0 formed). Inputs are
 * validated by the caller.
 */
import { lnGammaPositive } from '../../math/gamma.js';
import {
  integralOut,
  lnTailIntegral,
  SeriesCoefficients,
  tailSeriesTable,
  tailSeriesValue,
} from './integral.js';
import type { ParetoNbdParams } from './params.js';

const scratch = /* @__PURE__ */ new SeriesCoefficients();

/** Output of {@link customerTerms}. */
export const termsOut = { ll: 0, pAlive: 0 };

export function customerTerms(p: ParetoNbdParams, x: number, tx: number, T: number): void {
  const { r, alpha, s, beta } = p;
  const lnC =
    (x === 0 ? 0 : lnGammaPositive(r + x) - lnGammaPositive(r)) +
    r * Math.log(alpha) +
    s * Math.log(beta);
  const lnB = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (tx === T) {
    termsOut.ll = lnC + lnB;
    termsOut.pAlive = 1;
    return;
  }
  lnTailIntegral(r, alpha, s, beta, x, T, false, scratch);
  const lnI2 = integralOut.lnI;
  lnTailIntegral(r, alpha, s, beta, x, tx, false, scratch);
  const lnI1 = integralOut.lnI;
  const e = Math.exp(lnI2 - lnI1);
  const w = e < 1 ? 1 - e : 0;
  const d = lnB - lnI1;
  if (d <= 0) {
    const q = Math.exp(d);
    const den = q + s * w;
    termsOut.ll = lnC + lnI1 + Math.log(den);
    termsOut.pAlive = q / den;
  } else {
    const back = Math.exp(-d);
    const den = 1 + s * w * back;
    termsOut.ll = lnC + lnB + Math.log(den);
    termsOut.pAlive = 1 / den;
  }
}

/**
 * P(alive at T | x, t_x, T) = B / (B + s (I(t_x) − I(T))) without logarithms of the integrals:
 * with I(y) = F(z_y) / (n (α+y)^ea (β+y)^eb), (ea, eb) = (r+x, s) when α >= β and (r+x−1, s+1)
 * otherwise (integral.ts), the ratio I(t_x)/I(T) = F(z_tx)/F(z_T) · ((α+T)/(α+t_x))^ea
 * ((β+T)/(β+t_x))^eb and q = B/I(T) = n/F(z_T) (· (β+T)/(α+T) when α < β), so
 * P(alive) = q / (q + s (ratio − 1)). The power ratios go through log1p (exact for t_x near T); the
 * exponent is the only place rounding grows, by a few ulps of |ln P(alive)|, where the logarithmic
 * path of {@link customerTerms} loses a few ulps of (r+x) ln(α+T) (checked against mpmath in
 * tests/models/pareto-nbd). Where a series does not converge (z within 1% of 1) the logarithmic
 * path answers. `paretoNbdScore` inlines the same formulas.
 */
export function aliveProbability(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (tx === T) return 1;
  const { r, alpha, s, beta } = p;
  const upper = alpha >= beta;
  const gap = upper ? alpha - beta : beta - alpha;
  tailSeriesTable(r, alpha, s, beta, x, scratch);
  const fT = tailSeriesValue(scratch, upper ? gap / (alpha + T) : gap / (beta + T));
  const fTx = tailSeriesValue(scratch, upper ? gap / (alpha + tx) : gap / (beta + tx));
  const q = ((r + s + x) / fT) * (upper ? 1 : (beta + T) / (alpha + T));
  const d = T - tx;
  const ratio =
    (fTx / fT) *
    Math.exp(
      (upper ? r + x : r + x - 1) * Math.log1p(d / (alpha + tx)) +
        (upper ? s : s + 1) * Math.log1p(d / (beta + tx)),
    );
  if (Number.isNaN(ratio) || Number.isNaN(q)) {
    customerTerms(p, x, tx, T);
    return termsOut.pAlive;
  }
  return q / (q + s * (ratio > 1 ? ratio - 1 : 0));
}
