import { lnGammaRatio } from '../../math/gamma.js';
import type { SurvivalKernel } from '../shared/contractual-series.js';
import type { SbgParams } from './params.js';

/**
 * The sBG survival function at validated params (Fader & Hardie 2007, eqs. 2 and 3):
 * S(t) = B(α, β + t)/B(α, β), so ln S(t) = [ln Γ(β + t) − ln Γ(β)] − [ln Γ(α + β + t) − ln Γ(α + β)]
 * (each difference formed without cancellation), and r_t = (β + t − 1)/(α + β + t − 1), whose log is
 * log1p(−α/(α + β + t − 1)).
 */
export function sbgKernel(params: SbgParams): SurvivalKernel {
  const { alpha, beta } = params;
  const ab = alpha + beta;
  return {
    logSurvival: (t) => (t === 0 ? 0 : lnGammaRatio(beta + t, beta) - lnGammaRatio(ab + t, ab)),
    logRetention: (t) => Math.log1p(-alpha / (ab + t - 1)),
  };
}
