import { lnGammaShift } from '../../math/gamma.js';
import type { SurvivalKernel } from '../shared/contractual-series.js';
import type { SbgParams } from './params.js';

/**
 * The sBG survival function at validated params (Fader & Hardie 2007):
 * S(t) = B(α, β + t)/B(α, β) = [Γ(β + t)/Γ(α + β + t)] · [Γ(α + β)/Γ(β)], so
 * ln S(t) = G(β) − G(β + t) with G(z) = ln Γ(z + α) − ln Γ(z) formed by the numerical core's shifted
 * log-gamma difference (no cancellation for ages in the millions), and
 * r_t = (β + t − 1)/(α + β + t − 1), whose log is log1p(−α/(α + β + t − 1)).
 */
export function sbgKernel(params: SbgParams): SurvivalKernel {
  const { alpha, beta } = params;
  const g0 = lnGammaShift(beta, alpha);
  return {
    logSurvival: (t) => (t === 0 ? 0 : g0 - lnGammaShift(beta + t, alpha)),
    logRetention: (t) => Math.log1p(-alpha / (alpha + beta + t - 1)),
  };
}
