/**
 * The per-customer quantities every closed form needs, for one customer (x, t_x, T): ln L and
 * P(alive at T), computed as in likelihood.ts (relative to I(t_x), no A0 formed). Inputs are
 * validated by the caller.
 */
import { lnGammaPositive } from '../../math/gamma.js';
import { integralOut, lnTailIntegral, SeriesCoefficients } from './integral.js';
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
