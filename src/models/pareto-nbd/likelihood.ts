/**
 * The Pareto/NBD log-likelihood (Fader & Hardie, note 009, 2005; Schmittlein, Morrison & Colombo
 * 1987) summed over a summary, with its analytic gradient, in log space throughout.
 *
 * Per customer, with n = r+s+x and I(y) the tail integral of integral.ts,
 *
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln[ B + s (I(t_x) − I(T)) ],
 *   B = (α+T)^−(r+x) (β+T)^−s,
 *
 * which is note 009's L with s/(r+s+x) · A0 = s (I(t_x) − I(T)). The bracket is evaluated relative
 * to I(t_x): with e = I(T)/I(t_x) ∈ [0, 1] and q = B/I(t_x),
 * ln[...] = ln I(t_x) + ln(q + s (1 − e)), so neither A0 (which underflows for heavy buyers) nor the
 * difference of two huge numbers is formed; when t_x = T the bracket is B alone (REFERENCE.md §11,
 * item 3: A0 = 0 and its log is −∞). P(alive | x, t_x, T) = B / [B + s (I(t_x) − I(T))] falls out of the
 * same quantities.
 */
import { lnGammaPositive } from '../../math/gamma.js';
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import { integralOut, lnTailIntegral } from './integral.js';
import type { PatternIndex } from './pattern-index.js';

/** Reusable buffers for one {@link PatternIndex}. */
export interface LikelihoodWorkspace {
  readonly index: PatternIndex;
  readonly lnI: Float64Array;
  readonly dI: Float64Array; // 4 per node: d/dr, d/dα, d/ds, d/dβ of ln I
  readonly lnA: Float64Array; // ln(α + y) per node
  readonly lnBt: Float64Array; // ln(β + y) per node
  readonly yNode: Float64Array;
  readonly lgDiff: Float64Array; // ln Γ(r+x) − ln Γ(r) per distinct x
  readonly psiDiff: Float64Array; // ψ(r+x) − ψ(r) per distinct x
}

/** Allocates the buffers of an index. */
export function createWorkspace(index: PatternIndex): LikelihoodWorkspace {
  return {
    index,
    lnI: new Float64Array(index.nodes),
    dI: new Float64Array(4 * index.nodes),
    lnA: new Float64Array(index.nodes),
    lnBt: new Float64Array(index.nodes),
    yNode: index.nodeY,
    lgDiff: new Float64Array(index.distinctX.length),
    psiDiff: new Float64Array(index.distinctX.length),
  };
}

/** ψ(r + x) − ψ(r): the recurrence sum for small x, the difference of digammas otherwise. */
function digammaShift(r: number, x: number): number {
  if (x <= 64) {
    let acc = 0;
    for (let k = 0; k < x; k += 1) acc += 1 / (r + k);
    return acc;
  }
  return stdlibDigamma(r + x) - stdlibDigamma(r);
}

/** Fills the per-node and per-x buffers at (r, α, s, β) (times as in the index). */
export function evaluateNodes(
  ws: LikelihoodWorkspace,
  r: number,
  alpha: number,
  s: number,
  beta: number,
  grad: boolean,
): void {
  const { index, lnI, dI, lnA, lnBt, lgDiff, psiDiff } = ws;
  const lgR = lnGammaPositive(r);
  const xs = index.distinctX;
  for (let k = 0; k < xs.length; k += 1) {
    const x = xs[k]!;
    lgDiff[k] = x === 0 ? 0 : lnGammaPositive(r + x) - lgR;
    if (grad) psiDiff[k] = digammaShift(r, x);
  }
  const nodeX = index.nodeX;
  const nodeY = index.nodeY;
  const out = integralOut;
  for (let j = 0; j < index.nodes; j += 1) {
    lnTailIntegral(r, alpha, s, beta, nodeX[j]!, nodeY[j]!, grad);
    lnI[j] = out.lnI;
    lnA[j] = out.lnA;
    lnBt[j] = out.lnB;
    if (grad) {
      const o = 4 * j;
      dI[o] = out.dr;
      dI[o + 1] = out.dalpha;
      dI[o + 2] = out.ds;
      dI[o + 3] = out.dbeta;
    }
  }
}

/** Result of {@link sumLogLikelihood}. */
export const sumOut = { ll: 0, dr: 0, dalpha: 0, ds: 0, dbeta: 0 };

/**
 * Σ count · ln L over the rows of the index (compensated sum) and, when `grad`, the gradient with
 * respect to (r, α, s, β), at the params `evaluateNodes` was last called with.
 */
export function sumLogLikelihood(
  ws: LikelihoodWorkspace,
  r: number,
  alpha: number,
  s: number,
  beta: number,
  grad: boolean,
): void {
  const { index, lnI, dI, lnA, lnBt, lgDiff, psiDiff } = ws;
  const { rows, count, x: xs, nodeTx, nodeT, xSlot, nodeY } = index;
  const lnAlpha = Math.log(alpha);
  const lnBeta = Math.log(beta);
  const base = r * lnAlpha + s * lnBeta;
  // Neumaier's compensated sum, inlined (the hot loop of every fit).
  let sum = 0;
  let comp = 0;
  let gr = 0;
  let ga = 0;
  let gs = 0;
  let gb = 0;
  for (let i = 0; i < rows; i += 1) {
    const w = count[i]!;
    const x = xs[i]!;
    const k = xSlot[i]!;
    const nT = nodeT[i]!;
    const nX = nodeTx[i]!;
    const rx = r + x;
    const laT = lnA[nT]!;
    const lbT = lnBt[nT]!;
    const lnB = -rx * laT - s * lbT;
    const lnC = lgDiff[k]! + base;
    if (nX === nT) {
      const term = w * (lnC + lnB);
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
      if (grad) {
        const yT = nodeY[nT]!;
        gr += w * (psiDiff[k]! + lnAlpha - laT);
        ga += w * (r / alpha - rx / (alpha + yT));
        gs += w * (lnBeta - lbT);
        gb += w * (s / beta - s / (beta + yT));
      }
      continue;
    }
    const lnI1 = lnI[nX]!;
    const e = Math.exp(lnI[nT]! - lnI1);
    const oneMinusE = e < 1 ? 1 - e : 0;
    const d = lnB - lnI1; // ln q
    let lnDen: number;
    let cq: number; // q / den = P(alive)
    let cw: number; // 1 / den
    if (d <= 0) {
      const q = Math.exp(d);
      const den = q + s * oneMinusE;
      lnDen = Math.log(den);
      cw = 1 / den;
      cq = q * cw;
    } else {
      const back = Math.exp(-d);
      const den = 1 + s * oneMinusE * back;
      lnDen = d + Math.log(den);
      cq = 1 / den;
      cw = back * cq;
    }
    const term = w * (lnC + lnI1 + lnDen);
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    if (!grad) continue;
    const yT = nodeY[nT]!;
    const o1 = 4 * nX;
    const o2 = 4 * nT;
    const se = s * e;
    const d1r = dI[o1]!;
    const d1a = dI[o1 + 1]!;
    const d1s = dI[o1 + 2]!;
    const d1b = dI[o1 + 3]!;
    // ∂ln L = ∂ln C + ∂ln I1 + cq (∂ln B − ∂ln I1) + cw ([∂s] (1 − e) − s e (∂ln I2 − ∂ln I1)).
    gr += w * (psiDiff[k]! + lnAlpha + d1r + cq * (-laT - d1r) - cw * se * (dI[o2]! - d1r));
    ga +=
      w *
      (r / alpha + d1a + cq * (-rx / (alpha + yT) - d1a) - cw * se * (dI[o2 + 1]! - d1a));
    gs +=
      w *
      (lnBeta + d1s + cq * (-lbT - d1s) + cw * (oneMinusE - se * (dI[o2 + 2]! - d1s)));
    gb +=
      w * (s / beta + d1b + cq * (-s / (beta + yT) - d1b) - cw * se * (dI[o2 + 3]! - d1b));
  }
  sumOut.ll = sum + comp;
  sumOut.dr = gr;
  sumOut.dalpha = ga;
  sumOut.ds = gs;
  sumOut.dbeta = gb;
}
