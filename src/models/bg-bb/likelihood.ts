/**
 * The BG/BB log-likelihood (Fader, Hardie & Shang 2010, eq. 5; REFERENCE.md §3): for a customer
 * with x purchases in n opportunities, the last at opportunity t_x,
 *
 *   L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *     + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ)
 *
 * The first term is "alive through opportunity n", term i "died at the start of opportunity
 * t_x+i+1". Every term is kept as a logarithm and combined with a running log-sum-exp, so no beta
 * function is ever formed (n in the thousands and x in the hundreds stay finite). Consecutive terms
 * differ by the ratio (β+t_x−x+i)(δ+t_x+i) / ((α+β+t_x+i)(γ+δ+1+t_x+i)), one logarithm each.
 */
import { fail } from '../../core/errors.js';
import type { RfmPatternColumns } from '../../data/summary-types.js';
import { betaln, digamma } from '../../math/gamma.js';
import { patternColumns } from '../shared/patterns.js';
import type { TransactionSummaryInput } from '../types.js';
import { type BgBbParams, parseBgBbParams } from './params.js';

/** Pattern columns checked for the discrete model, with their totals and scratch space. */
export interface BgBbPatterns {
  readonly size: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
  readonly count: Float64Array;
  /** Σ count: customers. */
  readonly customers: number;
  /** Σ count·x: purchases. */
  readonly purchases: number;
  /** Largest n − t_x + 1 (terms of the longest likelihood sum). */
  readonly maxTerms: number;
  /** Scratch of `maxTerms` entries, reused by every evaluation. */
  readonly scratch: Float64Array;
}

/**
 * Checks pattern columns for BG/BB (x, t_x, n whole numbers with x <= t_x <= n, count > 0) in one
 * O(rows) pass. The error names the first bad pattern.
 */
export function prepareBgBbPatterns(columns: RfmPatternColumns, fn: string): BgBbPatterns {
  const size = columns.size;
  let customers = 0;
  let purchases = 0;
  let maxTerms = 1;
  for (let i = 0; i < size; i += 1) {
    const x = columns.frequency[i]!;
    const tx = columns.recency[i]!;
    const n = columns.T[i]!;
    const c = columns.count[i]!;
    if (
      !(Number.isInteger(x) && Number.isInteger(tx) && Number.isInteger(n)) ||
      !(x >= 0 && x <= tx && tx <= n && n <= Number.MAX_SAFE_INTEGER) ||
      !(c > 0 && c < Number.POSITIVE_INFINITY)
    ) {
      fail('input/invalid', fn, 'the summary holds an impossible BG/BB pattern', {
        expected:
          'whole numbers frequency x <= recency t_x <= T = n opportunities (t_x = 0 when x = 0), count > 0',
        received: `frequency ${x}, recency ${tx}, T ${n}, count ${c}`,
        path: ['summary'],
      });
    }
    customers += c;
    purchases += c * x;
    if (n - tx + 1 > maxTerms) maxTerms = n - tx + 1;
  }
  return {
    size,
    x: columns.frequency,
    tx: columns.recency,
    n: columns.T,
    count: columns.count,
    customers,
    purchases,
    maxTerms,
    scratch: new Float64Array(maxTerms),
  };
}

/**
 * ln L of one pattern (eq. 5) given lnBab = ln B(α, β) and lnBgd = ln B(γ, δ). When `terms` is
 * given, the log of each term is written to it (index 0: alive through n; 1 + i: died at t_x+i+1).
 */
export function bgBbPatternLogLikelihood(
  params: BgBbParams,
  lnBab: number,
  lnBgd: number,
  x: number,
  tx: number,
  n: number,
  terms?: Float64Array,
): number {
  const { alpha, beta, gamma, delta } = params;
  const alive = betaln(alpha + x, beta + n - x) - lnBab + betaln(gamma, delta + n) - lnBgd;
  if (terms !== undefined) terms[0] = alive;
  const m = n - tx;
  if (m === 0) return alive;
  // Running log-sum-exp: max and Σ exp(term − max).
  let max = alive;
  let acc = 1;
  let t = betaln(alpha + x, beta + tx - x) - lnBab + betaln(gamma + 1, delta + tx) - lnBgd;
  for (let i = 0; i < m; i += 1) {
    if (terms !== undefined) terms[1 + i] = t;
    if (t > max) {
      acc = acc * Math.exp(max - t) + 1;
      max = t;
    } else acc += Math.exp(t - max);
    const k = tx + i;
    t += Math.log(((beta + k - x) * (delta + k)) / ((alpha + beta + k) * (gamma + delta + 1 + k)));
  }
  return max + Math.log(acc);
}

/**
 * Σ count·ln L over prepared patterns (compensated summation). When `gradient` (length 4) is given
 * it receives ∂LL/∂(α, β, γ, δ) in the natural scale: ∇ ln L = Σ_k w_k ∇ ln term_k with w_k the
 * posterior weight of term k, and ∂ ln B(a+u, b+v)/∂a = ψ(a+u) − ψ(a+b+u+v), the digammas of
 * consecutive terms stepped by ψ(y+1) = ψ(y) + 1/y. Params are not checked here.
 */
export function bgBbLogLikelihoodPrepared(
  params: BgBbParams,
  data: BgBbPatterns,
  gradient?: Float64Array,
): number {
  const { alpha, beta, gamma, delta } = params;
  const lnBab = betaln(alpha, beta);
  const lnBgd = betaln(gamma, delta);
  const want = gradient !== undefined;
  const terms = data.scratch;
  let sum = 0;
  let compensation = 0;
  let ga = 0;
  let gb = 0;
  let gg = 0;
  let gd = 0;
  let psiAB = 0;
  let psiA = 0;
  let psiB = 0;
  let psiGD = 0;
  let psiG = 0;
  let psiD = 0;
  if (want) {
    psiAB = digamma(alpha + beta);
    psiA = digamma(alpha);
    psiB = digamma(beta);
    psiGD = digamma(gamma + delta);
    psiG = digamma(gamma);
    psiD = digamma(delta);
  }
  for (let p = 0; p < data.size; p += 1) {
    const x = data.x[p]!;
    const tx = data.tx[p]!;
    const n = data.n[p]!;
    const c = data.count[p]!;
    const lnL = bgBbPatternLogLikelihood(
      params,
      lnBab,
      lnBgd,
      x,
      tx,
      n,
      want ? terms : undefined,
    );
    const value = c * lnL;
    const s = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - s + value : value - s + sum;
    sum = s;
    if (!want) continue;
    // Parts shared by every term: ψ(α+x) − ψ(α) + ψ(α+β) and so on.
    let pa = digamma(alpha + x) - psiA + psiAB;
    let pb = -psiB + psiAB;
    let pg = psiGD;
    let pd = -psiD + psiGD;
    // Term 0: alive through n.
    const w0 = Math.exp(terms[0]! - lnL);
    const psiABn = digamma(alpha + beta + n);
    const psiGDn = digamma(gamma + delta + n);
    pa -= w0 * psiABn;
    pb += w0 * (digamma(beta + n - x) - psiABn);
    pg -= w0 * psiGDn;
    pd += w0 * (digamma(delta + n) - psiGDn);
    const m = n - tx;
    if (m > 0) {
      let yAB = alpha + beta + tx;
      let yB = beta + tx - x;
      let yD = delta + tx;
      let yGD = gamma + delta + 1 + tx;
      let dAB = digamma(yAB);
      let dB = digamma(yB);
      let dD = digamma(yD);
      let dGD = digamma(yGD);
      let wSum = 0;
      for (let i = 0; i < m; i += 1) {
        const w = Math.exp(terms[1 + i]! - lnL);
        wSum += w;
        pa -= w * dAB;
        pb += w * (dB - dAB);
        pg -= w * dGD;
        pd += w * (dD - dGD);
        dAB += 1 / yAB;
        dB += 1 / yB;
        dD += 1 / yD;
        dGD += 1 / yGD;
        yAB += 1;
        yB += 1;
        yD += 1;
        yGD += 1;
      }
      // ψ(γ+1) − ψ(γ) = 1/γ in the dying terms.
      pg += wSum / gamma;
    }
    ga += c * pa;
    gb += c * pb;
    gg += c * pg;
    gd += c * pd;
  }
  if (gradient !== undefined) {
    gradient[0] = ga;
    gradient[1] = gb;
    gradient[2] = gg;
    gradient[3] = gd;
  }
  return sum + compensation;
}

/**
 * The BG/BB log-likelihood of a summary: Σ over customers of ln L(α, β, γ, δ | x, t_x, n) (Fader,
 * Hardie & Shang 2010, eq. 5), weighted by pattern counts, natural log, no constant dropped. The
 * summary is in opportunities: `frequency` x, `recency` t_x (index of the last opportunity with a
 * purchase) and `T` = n; a customer summary is compressed to its distinct patterns first.
 *
 * Numerical caveats: every term is a logarithm combined by log-sum-exp, so large x and n do not
 * overflow; the sum over patterns is compensated (Neumaier).
 *
 * @param params - {@link BgBbParams}.
 * @param summary - An RFM summary or pattern summary in opportunities (whole numbers).
 * @returns The total log-likelihood (0 for an empty summary).
 * @throws CustomerAssetError `input/invalid` for bad params or an impossible pattern.
 *
 * @example
 * ```ts
 * import { bgBb, rfmSummaryFromRows } from 'customer-asset';
 *
 * const donors = rfmSummaryFromRows(
 *   [
 *     { frequency: 6, recency: 6, T: 6, count: 1203 },
 *     { frequency: 0, recency: 0, T: 6, count: 3464 },
 *   ],
 *   { timeUnit: 'year' },
 * );
 * const ll = bgBb.logLikelihood({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, donors);
 * console.log(ll.toFixed(2)); // '-5773.75'
 * ```
 */
export function logLikelihood(params: BgBbParams, summary: TransactionSummaryInput): number {
  const fn = 'bgBb.logLikelihood';
  const checked = parseBgBbParams(params, fn);
  const data = prepareBgBbPatterns(patternColumns(summary, fn), fn);
  return bgBbLogLikelihoodPrepared(checked, data);
}
