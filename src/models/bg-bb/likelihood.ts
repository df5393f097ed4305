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
import { betaln, digamma, lnGammaPositive } from '../../math/gamma.js';
import { patternColumns } from '../shared/patterns.js';
import type { TransactionSummaryInput } from '../types.js';
import { type BgBbParams, MAX_OPPORTUNITIES, parseBgBbParams } from './params.js';

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
  /** Largest n (the tables below have maxN + 1 entries). */
  readonly maxN: number;
  /** Tables ln Γ(α+k), ln Γ(β+k), ln Γ(α+β+k), ln Γ(δ+k), ln Γ(γ+δ+k), k = 0..maxN, refilled per evaluation. */
  readonly lnA: Float64Array;
  readonly lnB: Float64Array;
  readonly lnAB: Float64Array;
  readonly lnD: Float64Array;
  readonly lnGD: Float64Array;
  /** The same for ψ (gradient evaluations only). */
  readonly psiA: Float64Array;
  readonly psiB: Float64Array;
  readonly psiAB: Float64Array;
  readonly psiD: Float64Array;
  readonly psiGD: Float64Array;
  /** Scratch for the log-terms of one pattern (maxN + 1 entries). */
  readonly terms: Float64Array;
}

/**
 * Checks pattern columns for BG/BB (x, t_x, n whole numbers with x <= t_x <= n, count > 0) in one
 * O(rows) pass and allocates the evaluation tables. The error names the first bad pattern.
 */
export function prepareBgBbPatterns(columns: RfmPatternColumns, fn: string): BgBbPatterns {
  const size = columns.size;
  let customers = 0;
  let purchases = 0;
  let maxN = 0;
  for (let i = 0; i < size; i += 1) {
    const x = columns.frequency[i]!;
    const tx = columns.recency[i]!;
    const n = columns.T[i]!;
    const c = columns.count[i]!;
    if (
      !(Number.isInteger(x) && Number.isInteger(tx) && Number.isInteger(n)) ||
      !(x >= 0 && x <= tx && tx <= n && n <= MAX_OPPORTUNITIES) ||
      !(c > 0 && c < Number.POSITIVE_INFINITY)
    ) {
      fail('input/invalid', fn, 'the summary holds an impossible BG/BB pattern', {
        expected: `whole numbers frequency x <= recency t_x <= T = n <= ${MAX_OPPORTUNITIES} opportunities (t_x = 0 when x = 0), count > 0`,
        received: `frequency ${x}, recency ${tx}, T ${n}, count ${c}`,
        path: ['summary'],
      });
    }
    customers += c;
    purchases += c * x;
    if (n > maxN) maxN = n;
  }
  const table = () => new Float64Array(maxN + 1);
  return {
    size,
    x: columns.frequency,
    tx: columns.recency,
    n: columns.T,
    count: columns.count,
    customers,
    purchases,
    maxN,
    lnA: table(),
    lnB: table(),
    lnAB: table(),
    lnD: table(),
    lnGD: table(),
    psiA: table(),
    psiB: table(),
    psiAB: table(),
    psiD: table(),
    psiGD: table(),
    terms: table(),
  };
}

/**
 * ln L of one pattern (eq. 5) given lnBab = ln B(α, β) and lnBgd = ln B(γ, δ), from log-beta values
 * (no tables): what the single-customer predictions use.
 */
export function bgBbPatternLogLikelihood(
  params: BgBbParams,
  lnBab: number,
  lnBgd: number,
  x: number,
  tx: number,
  n: number,
): number {
  const { alpha, beta, gamma, delta } = params;
  const alive = betaln(alpha + x, beta + n - x) - lnBab + betaln(gamma, delta + n) - lnBgd;
  const m = n - tx;
  if (m === 0) return alive;
  // Running log-sum-exp: max and Σ exp(term − max).
  let max = alive;
  let acc = 1;
  let t = betaln(alpha + x, beta + tx - x) - lnBab + betaln(gamma + 1, delta + tx) - lnBgd;
  for (let i = 0; i < m; i += 1) {
    if (t > max) {
      acc = acc * Math.exp(max - t) + 1;
      max = t;
    } else acc += Math.exp(t - max);
    const k = tx + i;
    t += Math.log(((beta + k - x) * (delta + k)) / ((alpha + beta + k) * (gamma + delta + 1 + k)));
  }
  return max + Math.log(acc);
}

/** Fills table[k] = ln Γ(y + k), k = 0..table.length − 1. */
function fillLnGamma(table: Float64Array, y: number): void {
  for (let k = 0; k < table.length; k += 1) table[k] = lnGammaPositive(y + k);
}

/** Fills table[k] = ψ(y + k) by ψ(y + 1) = ψ(y) + 1/y. */
function fillDigamma(table: Float64Array, y: number): void {
  let v = digamma(y);
  for (let k = 0; k < table.length; k += 1) {
    table[k] = v;
    v += 1 / (y + k);
  }
}

/**
 * Σ count·ln L over prepared patterns (compensated summation). Every log-beta of eq. 5 is a sum of
 * entries of five ln Γ tables filled once per evaluation (k = 0..max n):
 *
 *   ln term_alive = ln Γ(α+x) + lnΓ(β+n−x) − lnΓ(α+β+n) + lnΓ(γ) + lnΓ(δ+n) − lnΓ(γ+δ+n) − ln B(α,β) − ln B(γ,δ)
 *   ln term_i     = ln Γ(α+x) + lnΓ(β+t_x−x+i) − lnΓ(α+β+t_x+i) + lnΓ(γ+1) + lnΓ(δ+t_x+i) − lnΓ(γ+δ+t_x+i+1) − ...
 *
 * When `gradient` (length 4) is given it receives ∂LL/∂(α, β, γ, δ) in the natural scale:
 * ∇ ln L = Σ_k w_k ∇ ln term_k with w_k the posterior weight of term k, from the matching ψ tables.
 * Params are not checked here.
 */
export function bgBbLogLikelihoodPrepared(
  params: BgBbParams,
  data: BgBbPatterns,
  gradient?: Float64Array,
): number {
  const { alpha, beta, gamma, delta } = params;
  const { lnA, lnB, lnAB, lnD, lnGD, terms } = data;
  fillLnGamma(lnA, alpha);
  fillLnGamma(lnB, beta);
  fillLnGamma(lnAB, alpha + beta);
  fillLnGamma(lnD, delta);
  fillLnGamma(lnGD, gamma + delta);
  const lnGammaG = lnGammaPositive(gamma);
  const lnG = Math.log(gamma);
  const lnBab = lnA[0]! + lnB[0]! - lnAB[0]!;
  const lnBgd = lnGammaG + lnD[0]! - lnGD[0]!;
  const want = gradient !== undefined;
  const { psiA, psiB, psiAB, psiD, psiGD } = data;
  if (want) {
    fillDigamma(psiA, alpha);
    fillDigamma(psiB, beta);
    fillDigamma(psiAB, alpha + beta);
    fillDigamma(psiD, delta);
    fillDigamma(psiGD, gamma + delta);
  }
  let sum = 0;
  let compensation = 0;
  let ga = 0;
  let gb = 0;
  let gg = 0;
  let gd = 0;
  for (let p = 0; p < data.size; p += 1) {
    const x = data.x[p]!;
    const tx = data.tx[p]!;
    const n = data.n[p]!;
    const c = data.count[p]!;
    const base = lnA[x]! - lnBab + lnGammaG - lnBgd;
    const alive = base + lnB[n - x]! - lnAB[n]! + lnD[n]! - lnGD[n]!;
    const m = n - tx;
    let lnL = alive;
    if (m > 0) {
      let max = alive;
      let acc = 1;
      const dying = base + lnG;
      for (let i = 0; i < m; i += 1) {
        const k = tx + i;
        const t = dying + lnB[k - x]! - lnAB[k]! + lnD[k]! - lnGD[k + 1]!;
        terms[i] = t;
        if (t > max) {
          acc = acc * Math.exp(max - t) + 1;
          max = t;
        } else acc += Math.exp(t - max);
      }
      lnL = max + Math.log(acc);
    }
    const value = c * lnL;
    const s = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - s + value : value - s + sum;
    sum = s;
    if (!want) continue;
    // Shared by every term: ψ(α+x) − ψ(α) + ψ(α+β), −ψ(β) + ψ(α+β), ψ(γ+δ), −ψ(δ) + ψ(γ+δ).
    let pa = psiA[x]! - psiA[0]! + psiAB[0]!;
    let pb = psiAB[0]! - psiB[0]!;
    let pg = psiGD[0]!;
    let pd = psiGD[0]! - psiD[0]!;
    const w0 = Math.exp(alive - lnL);
    pa -= w0 * psiAB[n]!;
    pb += w0 * (psiB[n - x]! - psiAB[n]!);
    pg -= w0 * psiGD[n]!;
    pd += w0 * (psiD[n]! - psiGD[n]!);
    let wSum = 0;
    for (let i = 0; i < m; i += 1) {
      const k = tx + i;
      const w = Math.exp(terms[i]! - lnL);
      wSum += w;
      pa -= w * psiAB[k]!;
      pb += w * (psiB[k - x]! - psiAB[k]!);
      pg -= w * psiGD[k + 1]!;
      pd += w * (psiD[k]! - psiGD[k + 1]!);
    }
    // ψ(γ+1) − ψ(γ) = 1/γ in the dying terms.
    pg += wSum / gamma;
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
 * console.log(ll.toFixed(2)); // '-6668.64'
 * ```
 */
export function bgBbLogLikelihood(params: BgBbParams, summary: TransactionSummaryInput): number {
  const fn = 'bgBb.logLikelihood';
  const checked = parseBgBbParams(params, fn);
  const data = prepareBgBbPatterns(patternColumns(summary, fn), fn);
  return bgBbLogLikelihoodPrepared(checked, data);
}
