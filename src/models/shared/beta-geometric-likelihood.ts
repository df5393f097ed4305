/**
 * The log-likelihood kernel of the beta-geometric/NBD family: BG/NBD (Fader, Hardie & Lee 2005;
 * Hardie's note 004) and MBG/NBD (Batislam, Denizel & Filiztekin 2007), which differ only in whether a
 * customer can drop out at time 0. With `dropAtZero` o ∈ {0, 1}:
 *
 *   L = Γ(r+x) α^r / Γ(r) · B(a, b+x+o)/B(a, b) · [(α+T)^−(r+x) + 1{x+o>0} a/(b+x+o−1) (α+t_x)^−(r+x)]
 *
 * evaluated in log space (REFERENCE.md §1 "stable form", §11 items 2 and 4): every gamma and beta
 * term once per distinct x, per pattern at most one logarithm of a time, one exponential and ln(1 + e)
 * (one logarithm per 512 single customers, taken of their product), never a power or a
 * gamma value itself, so heavy buyers (x in the thousands) and tiny α stay finite.
 */
import { digamma, lnGammaPositive } from '../../math/gamma.js';
import type { IndexedPatterns } from './indexed-patterns.js';

/** The four parameters shared by BG/NBD and MBG/NBD (the papers' names). */
export type BetaGeometricParams = {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
};

/**
 * Total log-likelihood Σ n_i ln L_i of prepared patterns, with Neumaier-compensated summation. When
 * `gradient` (length 4) is given it receives ∂LL/∂(r, α, a, b) (natural scale):
 *
 *   ∂r = ψ(r+x) − ψ(r) + ln α − [(1−w) ln(α+T) + w ln(α+t_x)]
 *   ∂α = r/α − (r+x) [(1−w)/(α+T) + w/(α+t_x)]
 *   ∂a = ψ(a+b) − ψ(a+b+x+o) + w/a
 *   ∂b = ψ(b+x+o) − ψ(b) + ψ(a+b) − ψ(a+b+x+o) − w/(b+x+o−1)
 *
 * with w = A4/(A3 + A4) the posterior probability that the customer is already inactive. Params are
 * not checked (the fit's transforms keep them positive). Returns −Infinity or NaN only for
 * non-positive params.
 */
export function betaGeometricLogLikelihood(
  params: BetaGeometricParams,
  data: IndexedPatterns,
  dropAtZero: 0 | 1,
  gradient?: Float64Array,
): number {
  const { r, alpha, a, b } = params;
  const o = dropAtZero;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const distinctX = data.distinctX;
  const countByX = data.countByX;
  const want = gradient !== undefined;
  const lnB = new Float64Array(distinctX.length);
  const invB = new Float64Array(distinctX.length);
  const times = data.times;
  const lnTime = times === null ? null : new Float64Array(times.length);
  const invTime = times === null || !want ? null : new Float64Array(times.length);
  if (times !== null && lnTime !== null) {
    for (let s = 0; s < times.length; s += 1) {
      const v = alpha + times[s]!;
      lnTime[s] = Math.log(v);
      if (invTime !== null) invTime[s] = 1 / v;
    }
  }

  // Terms that depend on x only, once per distinct x.
  let sum =
    data.customers *
    (r * lnAlpha - lnGammaPositive(r) + lnGammaPositive(a + b) - lnGammaPositive(b));
  let compensation = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  const psiAB = want ? digamma(a + b) : 0;
  if (want) {
    gr = data.customers * (lnAlpha - digamma(r));
    gAlpha = (data.customers * r) / alpha;
    ga = data.customers * psiAB;
    gb = data.customers * (psiAB - digamma(b));
  }
  for (let k = 0; k < distinctX.length; k += 1) {
    const xk = distinctX[k]!;
    const nk = countByX[k]!;
    const bx = b + xk + o;
    const term = nk * (lnGammaPositive(r + xk) + lnGammaPositive(bx) - lnGammaPositive(a + bx));
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    if (xk + o > 0) {
      lnB[k] = Math.log(bx - 1);
      invB[k] = 1 / (bx - 1);
    }
    if (want) {
      const psiABX = digamma(a + bx);
      gr += nk * digamma(r + xk);
      ga -= nk * psiABX;
      gb += nk * (digamma(bx) - psiABX);
    }
  }

  // Per pattern: ln(A3 + A4) = −(r+x) ln(α+T) + ln(1 + e^d), d = ln A4 − ln A3. ln(1 + e) with
  // e = exp(−|d|) <= 1 is taken as Math.log(1 + e): its absolute error (1 ulp of a number in [0, ln 2])
  // is what a sum of log-likelihoods can resolve, and it is cheaper than log1p.
  const x = data.x;
  const tx = data.tx;
  const T = data.T;
  const n = data.n;
  const xIndex = data.xIndex;
  const txSlot = data.txSlot;
  const TSlot = data.TSlot;
  let sumW = 0;
  let product = 1;
  let factors = 0;
  let lastT = Number.NaN;
  let lnT = 0;
  let invT = 0;
  for (let i = 0; i < data.size; i += 1) {
    const xi = x[i]!;
    const ni = n[i]!;
    const rx = r + xi;
    const Ti = T[i]!;
    if (lnTime !== null && TSlot !== null) {
      lnT = lnTime[TSlot[i]!]!;
      if (invTime !== null) invT = invTime[TSlot[i]!]!;
    } else if (Ti !== lastT) {
      lastT = Ti;
      lnT = Math.log(alpha + Ti);
      invT = 1 / (alpha + Ti);
    }
    let term = -rx * lnT;
    if (xi + o > 0) {
      const k = xIndex[i]!;
      const ti = tx[i]!;
      let lnTx: number;
      let invTx = invT;
      if (lnTime !== null && txSlot !== null) {
        lnTx = lnTime[txSlot[i]!]!;
        if (invTime !== null) invTx = invTime[txSlot[i]!]!;
      } else if (ti === Ti) lnTx = lnT;
      else {
        lnTx = Math.log(alpha + ti);
        invTx = 1 / (alpha + ti);
      }
      const d = lnA - lnB[k]! + rx * (lnT - lnTx);
      const e = Math.exp(d > 0 ? -d : d);
      term += Math.max(d, 0);
      // ln(1 + e) = e − e²/2 + O(e³): exact to rounding below 1e-5, and saves a logarithm. For
      // single customers the factors 1 + e (in [1, 2]) are multiplied and one logarithm taken per
      // 512 of them (the product stays below 2^512): the same rounding as one log each.
      if (e < 1e-5) term += e - 0.5 * e * e;
      else if (ni === 1) {
        product *= 1 + e;
        factors += 1;
        if (factors === 512) {
          const value = Math.log(product);
          const t = sum + value;
          compensation += Math.abs(sum) >= Math.abs(value) ? sum - t + value : value - t + sum;
          sum = t;
          product = 1;
          factors = 0;
        }
      } else term += Math.log(1 + e);
      if (want) {
        const w = d >= 0 ? 1 / (1 + e) : e / (1 + e);
        const v = 1 - w;
        gr -= ni * (v * lnT + w * lnTx);
        gAlpha -= ni * rx * (v * invT + w * invTx);
        sumW += ni * w;
        gb -= ni * w * invB[k]!;
      }
    } else if (want) {
      gr -= ni * lnT;
      gAlpha -= ni * rx * invT;
    }
    const value = ni * term;
    const t = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - t + value : value - t + sum;
    sum = t;
  }
  const rest = Math.log(product);
  const t = sum + rest;
  compensation += Math.abs(sum) >= Math.abs(rest) ? sum - t + rest : rest - t + sum;
  sum = t;
  ga += sumW / a;
  if (gradient !== undefined) {
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
  }
  return sum + compensation;
}
