import type { SurvivalStatistics } from './survival-data.js';

/**
 * A method-of-moments start for the sBG (and the BdW at c = 1) from the first two pooled retention
 * rates: with m = 1 − r_1 = α/(α+β) and q = 1 − r_2 = α/(α+β+1) (Fader & Hardie 2007),
 * α + β = q/(m − q). Returns null when the data do not show retention rising from period 1 to 2
 * (then the sBG optimum may be at the homogeneous boundary and the default start is used alone).
 */
export function momentStart(stats: SurvivalStatistics): { alpha: number; beta: number } | null {
  if (stats.horizon < 2) return null;
  let atRisk1 = 0;
  for (let t = 1; t <= stats.horizon; t += 1) atRisk1 += stats.deaths[t]! + stats.censored[t]!;
  const atRisk2 = atRisk1 - stats.deaths[1]! - stats.censored[1]!;
  if (!(atRisk1 > 0 && atRisk2 > 0)) return null;
  const m = stats.deaths[1]! / atRisk1;
  const q = stats.deaths[2]! / atRisk2;
  if (!(m > q && q > 0 && m < 1)) return null;
  const s = Math.min(1e4, Math.max(0.01, q / (m - q)));
  const alpha = m * s;
  const beta = s - alpha;
  return alpha > 0 && beta > 0 ? { alpha, beta } : null;
}
