/**
 * The Pareto/NBD log-likelihood (Fader & Hardie, note 009, 2005; Schmittlein, Morrison & Colombo
 * 1987) summed over a summary, with its analytic gradient, in log space throughout.
 *
 * Per customer, with I(y) the tail integral of integral.ts,
 *
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln[ B + s (I(t_x) − I(T)) ],
 *   B = (α+T)^−(r+x) (β+T)^−s,
 *
 * which is note 009's L with s/(r+s+x) · A0 = s (I(t_x) − I(T)). The bracket is evaluated relative
 * to I(t_x): with e = I(T)/I(t_x) ∈ [0, 1] and q = B/I(t_x) = e · B/I(T),
 * ln[...] = ln I(t_x) + ln(q + s (1 − e)), so neither A0 (which underflows for heavy buyers) nor the
 * difference of two huge numbers is formed; when t_x = T the bracket is B alone (REFERENCE.md §11,
 * item 3: A0 = 0 and its log is −∞). P(alive | x, t_x, T) = B / [B + s (I(t_x) − I(T))] = q/(q + s(1−e))
 * falls out of the same quantities.
 */
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import { lnGammaPositive } from '../../math/gamma.js';
import { integralOut, lnTailIntegral, SeriesCoefficients } from './integral.js';
import type { PatternIndex } from './pattern-index.js';

/** Reusable buffers for one {@link PatternIndex}. */
export interface LikelihoodWorkspace {
  readonly index: PatternIndex;
  /** ln I per node. */
  readonly lnI: Float64Array;
  /** ∂ln I/∂(r, α, s, β) per node, interleaved. */
  readonly dI: Float64Array;
  /** ln(α + y), ln(β + y) per node. */
  readonly lnA: Float64Array;
  readonly lnBt: Float64Array;
  /** ln(B/I(T)) per (x, T) node. */
  readonly lnQ: Float64Array;
  /** B/I(T) per (x, T) node (moderate: about (r+x)(β+T)/(α+T) + s + 1). */
  readonly q: Float64Array;
  /** ln Γ(r+x) − ln Γ(r) and ψ(r+x) − ψ(r) per distinct x. */
  readonly lgDiff: Float64Array;
  readonly psiDiff: Float64Array;
  readonly tables: SeriesCoefficients[];
}

/** Allocates the buffers of an index. */
export function createWorkspace(index: PatternIndex): LikelihoodWorkspace {
  const nx = index.distinctX.length;
  return {
    index,
    lnI: new Float64Array(index.nodes),
    dI: new Float64Array(4 * index.nodes),
    lnA: new Float64Array(index.nodes),
    lnBt: new Float64Array(index.nodes),
    lnQ: new Float64Array(index.nodes),
    q: new Float64Array(index.nodes),
    lgDiff: new Float64Array(nx),
    psiDiff: new Float64Array(nx),
    tables: Array.from({ length: nx }, () => new SeriesCoefficients()),
  };
}

/** ψ(r + x) − ψ(r): the recurrence sum for small x, the difference of digammas otherwise. */
export function digammaShift(r: number, x: number): number {
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
  const { index, lnI, dI, lnA, lnBt, lnQ, q, lgDiff, psiDiff, tables } = ws;
  const lgR = lnGammaPositive(r);
  const xs = index.distinctX;
  for (let k = 0; k < xs.length; k += 1) {
    const x = xs[k]!;
    lgDiff[k] = x === 0 ? 0 : lnGammaPositive(r + x) - lgR;
    if (grad) psiDiff[k] = digammaShift(r, x);
  }
  const { nodeX, nodeY, nodeXSlot, isTNode } = index;
  const out = integralOut;
  for (let j = 0; j < index.nodes; j += 1) {
    const x = nodeX[j]!;
    lnTailIntegral(r, alpha, s, beta, x, nodeY[j]!, grad, tables[nodeXSlot[j]!]!);
    lnI[j] = out.lnI;
    lnA[j] = out.lnA;
    lnBt[j] = out.lnB;
    if (isTNode[j] === 1) {
      const lq = -(r + x) * out.lnA - s * out.lnB - out.lnI;
      lnQ[j] = lq;
      q[j] = Math.exp(lq);
    }
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
 * Σ count · ln L over the patterns of the index (compensated sum) and, when `grad`, the gradient with
 * respect to (r, α, s, β), at the params `evaluateNodes` was last called with, into {@link sumOut}.
 */
export function sumLogLikelihood(
  ws: LikelihoodWorkspace,
  r: number,
  alpha: number,
  s: number,
  beta: number,
  grad: boolean,
): void {
  const { index, lnI, dI, lnA, lnBt, lnQ, q, lgDiff, psiDiff } = ws;
  const { patterns, count, x: xs, nodeTx, nodeT, xSlot, nodeY } = index;
  const lnAlpha = Math.log(alpha);
  const lnBeta = Math.log(beta);
  const base = r * lnAlpha + s * lnBeta;
  const rOverAlpha = r / alpha;
  const sOverBeta = s / beta;
  // Neumaier's compensated sum, inlined (the hot loop of every fit).
  let sum = 0;
  let comp = 0;
  let gr = 0;
  let ga = 0;
  let gs = 0;
  let gb = 0;
  for (let p = 0; p < patterns; p += 1) {
    const w = count[p]!;
    const k = xSlot[p]!;
    const nT = nodeT[p]!;
    const nX = nodeTx[p]!;
    const rx = r + xs[p]!;
    const lnC = lgDiff[k]! + base;
    let term: number;
    let cq = 1; // q / den = P(alive)
    let cw = 0; // 1 / den, relative to I(t_x)
    let e = 1;
    let oneMinusE = 0;
    if (nX === nT) {
      term = w * (lnC - rx * lnA[nT]! - s * lnBt[nT]!);
    } else {
      const lnI1 = lnI[nX]!;
      const lnE = lnI[nT]! - lnI1;
      e = Math.exp(lnE);
      oneMinusE = e < 1 ? 1 - e : 0;
      const lq = lnQ[nT]!;
      if (lq < 600) {
        const qq = q[nT]! * e;
        const den = qq + s * oneMinusE;
        term = w * (lnC + lnI1 + Math.log(den));
        cw = 1 / den;
        cq = qq * cw;
      } else {
        const d = lq + lnE;
        const back = Math.exp(-d);
        const den = 1 + s * oneMinusE * back;
        term = w * (lnC + lnI1 + d + Math.log(den));
        cq = 1 / den;
        cw = back * cq;
      }
    }
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    if (!grad) continue;
    // ∂ln L = ∂ln C + ∂ln I1 + cq (∂ln B − ∂ln I1) + cw ([∂s] (1 − e) − s e (∂ln I2 − ∂ln I1)),
    // which for t_x = T (cq = 1, cw = 0) is ∂ln C + ∂ln B.
    const yT = nodeY[nT]!;
    const o1 = 4 * nX;
    const o2 = 4 * nT;
    const se = cw * s * e;
    const d1r = dI[o1]!;
    const d1a = dI[o1 + 1]!;
    const d1s = dI[o1 + 2]!;
    const d1b = dI[o1 + 3]!;
    const c1 = 1 - cq;
    gr += w * (psiDiff[k]! + lnAlpha + c1 * d1r - cq * lnA[nT]! - se * (dI[o2]! - d1r));
    ga += w * (rOverAlpha + c1 * d1a - (cq * rx) / (alpha + yT) - se * (dI[o2 + 1]! - d1a));
    gs += w * (lnBeta + c1 * d1s - cq * lnBt[nT]! + cw * oneMinusE - se * (dI[o2 + 2]! - d1s));
    gb += w * (sOverBeta + c1 * d1b - (cq * s) / (beta + yT) - se * (dI[o2 + 3]! - d1b));
  }
  sumOut.ll = sum + comp;
  sumOut.dr = gr;
  sumOut.dalpha = ga;
  sumOut.ds = gs;
  sumOut.dbeta = gb;
}
