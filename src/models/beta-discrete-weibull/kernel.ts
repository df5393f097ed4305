import { lnGammaShift } from '../../math/gamma.js';
import type { SurvivalKernel } from '../shared/contractual-series.js';
import type { BdwParams } from './params.js';

/**
 * The BdW survival function at validated params (Fader et al. 2018):
 * S(t) = B(α, β + t^c)/B(α, β) = [Γ(β + t^c)/Γ(α + β + t^c)] · [Γ(α + β)/Γ(β)], so
 * ln S(t) = G(β) − G(β + t^c) with G(z) = ln Γ(z + α) − ln Γ(z) formed by the numerical core's
 * shifted log-gamma difference (α taken as exact, no cancellation even when t^c is 1e200), and
 * ln r_t = G(β + (t − 1)^c) − G(β + t^c). Accepts real t >= 0 (the tail integral needs it).
 */
export function bdwKernel(params: BdwParams): SurvivalKernel {
  const { alpha, beta, c } = params;
  const g0 = lnGammaShift(beta, alpha);
  return {
    logSurvival: (t) => (t === 0 ? 0 : g0 - lnGammaShift(beta + t ** c, alpha)),
    logRetention: (t) =>
      lnGammaShift(beta + (t - 1) ** c, alpha) - lnGammaShift(beta + t ** c, alpha),
  };
}
