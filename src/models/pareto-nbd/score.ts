import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import { logTricomiUEqual } from '../../math/incomplete-gamma.js';
import { DiscountRateSchema, HorizonSchema } from '../shared/customer.js';
import type { CustomerScores, TransactionSummaryInput } from '../types.js';
import { customerTerms, termsOut } from './customer-terms.js';
import { SeriesCoefficients, tailSeriesTable, tailSeriesValue } from './integral.js';
import { finiteOrFail, type ParetoNbdParams, parseParetoNbdParams } from './params.js';
import { horizonFactor } from './predict.js';
import { summaryColumns } from './summary-input.js';

/** Series terms the inlined loop may use before handing over to tailSeriesValue (z ≳ 0.55). */
const SCORE_TERMS = 64;
/** The stopping rule of integral.ts: the tail bound below 2^-53 of the sum. */
const SERIES_EPS = 2 ** -53;

const ScoreOptionsSchema = /* @__PURE__ */ z
  .object({ horizon: HorizonSchema, discountRate: DiscountRateSchema.optional() })
  .strict();

/**
 * P(alive), expected purchases over the next `horizon` and, given a discount rate, DERT for every row
 * of a summary, as typed arrays in the summary's row order (customers, or patterns for a compressed
 * summary). The same closed forms as {@link paretoNbdProbabilityAlive}, {@link paretoNbdExpectedPurchases} and
 * {@link paretoNbdDert} (note 009 eqs. 18 and 22; Fader, Hardie & Lee 2005, JMR, eq. 2), vectorised: the
 * inputs are checked in one O(n) pass instead of per-customer zod parses (or not at all for a
 * summary built by this library, whose columns are read as they are), the series coefficients
 * are tabulated once per distinct x, customers with x = 0 share their t_x term, and the terms of
 * (x, T) and of T alone (the horizon factor, U(s, s; δ(β+T))) are reused while T repeats.
 *
 * Numerical caveats: as for the single-customer functions; nothing overflows for x in the thousands.
 *
 * @param params - Pareto/NBD params (in the summary's time unit).
 * @param summary - An RFM summary or pattern summary.
 * @param options - `horizon` (time after T for the expected purchases) and optional `discountRate`
 *   (discrete, per time unit, >= 0; DERT is null without it).
 * @returns Frozen {@link CustomerScores}.
 * @throws `input/invalid` for bad inputs (naming the row); `model/undefined-quantity` for a negative
 *   discount rate, or 0 with s <= 1.
 *
 * @example
 * ```ts
 * import { paretoNbd, rfmSummaryFromRows } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows(
 *   [{ frequency: 2, recency: 30.43, T: 38.86 }, { frequency: 0, recency: 0, T: 38.86 }],
 *   { timeUnit: 'week' },
 * );
 * const scores = paretoNbd.score({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, summary, { horizon: 39 });
 * console.log([...scores.probabilityAlive].map((p) => p.toFixed(4))); // ["0.8692","0.2953"]
 * ```
 */
export function paretoNbdScore(
  params: ParetoNbdParams,
  summary: TransactionSummaryInput,
  options: { readonly horizon: number; readonly discountRate?: number },
): CustomerScores {
  const fn = 'paretoNbdScore';
  const p = parseParetoNbdParams(params, fn);
  const o = parseInput(ScoreOptionsSchema, options, fn, 'options');
  const { columns } = summaryColumns(summary, fn);
  const { r, alpha, s, beta } = p;
  const n = columns.size;
  const { frequency, recency, T } = columns;
  const pAlive = new Float64Array(n);
  const expected = new Float64Array(n);
  const withDert = o.discountRate !== undefined;
  const dertOut = withDert ? new Float64Array(n) : null;
  let delta = 0;
  if (o.discountRate !== undefined) {
    if (o.discountRate < 0 || (o.discountRate === 0 && s <= 1)) {
      fail('model/undefined-quantity', fn, 'DERT is infinite for this discount rate', {
        expected: 'discountRate > 0 (or = 0 with s > 1)',
        received: o.discountRate,
        path: ['options', 'discountRate'],
      });
    }
    delta = Math.log1p(o.discountRate);
  }
  // Series coefficients per x (direct table for small x, a map otherwise).
  // Each table is extended to SCORE_TERMS coefficients up front, so the inlined series below reads
  // them without a bounds check on the table's length.
  const tables: (SeriesCoefficients | undefined)[] = [];
  const bigTables = new Map<number, SeriesCoefficients>();
  const tableFor = (x: number): SeriesCoefficients => {
    let t = x < 65_536 ? tables[x | 0] : bigTables.get(x);
    if (t === undefined) {
      t = new SeriesCoefficients();
      tailSeriesTable(r, alpha, s, beta, x, t);
      t.extend(SCORE_TERMS);
      if (x < 65_536) tables[x | 0] = t;
      else bigTables.set(x, t);
    }
    return t;
  };
  // I(y) = F(z_y) / (n (α+y)^ea (β+y)^eb) with (ea, eb) = (r+x, s) when α >= β and (r+x−1, s+1)
  // otherwise (integral.ts), so I(t_x)/I(T) = F(z_tx)/F(z_T) · ((α+T)/(α+t_x))^ea ((β+T)/(β+t_x))^eb
  // and B/I(T) = n/F(z_T) (· (β+T)/(α+T) when α < β): no logarithm of F and no exponential of ln I.
  const upper = alpha >= beta;
  const gap = upper ? alpha - beta : beta - alpha;
  const ebOf = upper ? s : s + 1;
  const MEMO = 4096;
  // Per x, the terms of (x, T) for the last T seen with that x (a hit for every row of a cohort).
  const memoT = new Float64Array(MEMO).fill(Number.NaN);
  const memoQ = new Float64Array(MEMO); // B/I(T)
  const memoF = new Float64Array(MEMO); // F(z_T)
  let lastT = Number.NaN;
  let zT = 0;
  let qRatio = 1; // (β+T)/(α+T) when α < β
  let factor = 0; // (β+T)/(α+T) · horizon factor, for x = 0 (times r + x below)
  let decay = 0; // (β+T)^s δ^(s−1) U(s, s; δ(β+T)) / (α+T)
  let zeroT = Number.NaN; // P(alive) of a zero-repeater at T = zeroT
  let zeroAlive = 0;
  const zeroTable = tableFor(0);
  const fZero = tailSeriesValue(zeroTable, upper ? gap / alpha : gap / beta);
  const h = o.horizon;
  const nonFinite = (i: number) =>
    finiteOrFail(Number.NaN, fn, `the score of row ${i}`, { params, row: i });
  for (let i = 0; i < n; i += 1) {
    const x = frequency[i]!;
    const tx = recency[i]!;
    const t = T[i]!;
    if (t !== lastT) {
      const base = beta + t;
      factor = (base / (alpha + t)) * horizonFactor(s, base, h);
      if (withDert) {
        decay =
          delta === 0
            ? base / (s - 1) / (alpha + t)
            : (base *
                Math.exp((s - 1) * Math.log(delta * base) + logTricomiUEqual(s, delta * base))) /
              (alpha + t);
      }
      zT = upper ? gap / (alpha + t) : gap / base;
      qRatio = upper ? 1 : base / (alpha + t);
      lastT = t;
    }
    let pa = 1;
    if (tx !== t) {
      if (x === 0 && t === zeroT) pa = zeroAlive;
      else {
        const tab = (x < 65_536 ? tables[x | 0] : undefined) ?? tableFor(x);
        const nn = r + s + x;
        let q: number;
        let fT: number;
        if (x < MEMO && memoT[x] === t) {
          q = memoQ[x]!;
          fT = memoF[x]!;
        } else {
          fT = tailSeriesValue(tab, zT);
          q = (nn / fT) * qRatio;
          if (x < MEMO) {
            memoT[x] = t;
            memoQ[x] = q;
            memoF[x] = fT;
          }
        }
        const ea = upper ? r + x : r + x - 1;
        let fTx = fZero;
        if (x !== 0) {
          // F(z) at t_x: tailSeriesValue inlined (the hot loop of scoring), same stopping rule.
          const z = upper ? gap / (alpha + tx) : gap / (beta + tx);
          fTx = 1;
          if (z !== 0) {
            const thr = (SERIES_EPS * (1 - z)) / z;
            const coef = tab.coef;
            let term = 1;
            let k = 0;
            for (; k < SCORE_TERMS; k += 1) {
              term *= coef[3 * k]! * z;
              fTx += term;
              if (term <= thr * fTx) break;
            }
            if (k === SCORE_TERMS) fTx = tailSeriesValue(tab, z);
          }
        }
        // ln((α+T)/(α+t_x)) and ln((β+T)/(β+t_x)) through log1p: exact for t_x near T.
        const gapT = t - tx;
        const lnU = Math.log1p(gapT / (alpha + tx));
        const lnV = Math.log1p(gapT / (beta + tx));
        // I(t_x)/I(T) >= 1; P(alive) = B / (B + s (I(t_x) − I(T))) = q / (q + s (ratio − 1)).
        const ratio = (fTx / fT) * Math.exp(ea * lnU + ebOf * lnV);
        if (Number.isNaN(ratio) || Number.isNaN(q)) {
          // A series that did not converge (z within 1% of 1) leaves NaN: the logarithmic path.
          customerTerms(p, x, tx, t);
          pa = termsOut.pAlive;
        } else pa = q / (q + s * (ratio > 1 ? ratio - 1 : 0));
        if (x === 0) {
          zeroT = t;
          zeroAlive = pa;
        }
      }
    }
    pAlive[i] = pa;
    const e = (r + x) * factor * pa;
    expected[i] = e;
    // finite for finite inputs; `< Infinity` is false for NaN too
    if (!(e < Number.POSITIVE_INFINITY)) nonFinite(i);
    if (dertOut !== null) {
      const d = (r + x) * decay * pa;
      dertOut[i] = d;
      if (!(d < Number.POSITIVE_INFINITY)) nonFinite(i);
    }
  }
  return Object.freeze({
    size: n,
    probabilityAlive: pAlive,
    expectedPurchases: expected,
    dert: dertOut,
    horizon: h,
    discountRate: o.discountRate ?? null,
  });
}
