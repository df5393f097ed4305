import type { SurvivalKernel } from '../shared/contractual-series.js';
import type { GeometricParams } from './params.js';

/** S(t) = (1 − θ)^t and r_t = 1 − θ at validated params, in log form. */
export function geometricKernel(params: GeometricParams): SurvivalKernel {
  const lnR = Math.log1p(-params.theta);
  return { logSurvival: (t) => t * lnR, logRetention: () => lnR };
}
