import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import { logTricomiUEqual } from '../../math/incomplete-gamma.js';
import { DiscountRateSchema, HorizonSchema } from '../shared/customer.js';
import type { CustomerScores, TransactionSummaryInput } from '../types.js';
import { integralOut, lnTailIntegral, SeriesCoefficients } from './integral.js';
import { finiteOrFail, type ParetoNbdParams, parseParetoNbdParams } from './params.js';
import { horizonFactor } from './predict.js';
import { summaryColumns } from './summary-input.js';

const ScoreOptionsSchema = /* @__PURE__ */ z
  .object({ horizon: HorizonSchema, discountRate: DiscountRateSchema.optional() })
  .strict();

/**
 * P(alive), expected purchases over the next `horizon` and, given a discount rate, DERT for every row
 * of a summary, as typed arrays in the summary's row order (customers, or patterns for a compressed
 * summary). The same closed forms as {@link paretoNbdProbabilityAlive}, {@link paretoNbdExpectedPurchases} and
 * {@link paretoNbdDert} (note 009 eqs. 18 and 22; Fader, Hardie & Lee 2005, JMR, eq. 2), vectorised: the
 * inputs are checked in one O(n) pass instead of per-customer zod parses, the series coefficients
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
  const tables: SeriesCoefficients[] = [];
  const bigTables = new Map<number, SeriesCoefficients>();
  const tableFor = (x: number): SeriesCoefficients => {
    if (x < 65_536) {
      let t = tables[x];
      if (t === undefined) {
        t = new SeriesCoefficients();
        tables[x] = t;
      }
      return t;
    }
    let t = bigTables.get(x);
    if (t === undefined) {
      t = new SeriesCoefficients();
      bigTables.set(x, t);
    }
    return t;
  };
  // ln I(0) for x = 0, shared by every zero-repeater.
  lnTailIntegral(r, alpha, s, beta, 0, 0, false, tableFor(0));
  const lnIZero = integralOut.lnI;
  const MEMO = 4096;
  const memoT = new Float64Array(MEMO).fill(Number.NaN);
  const memoLnI = new Float64Array(MEMO);
  const memoLnB = new Float64Array(MEMO);
  let lastT = Number.NaN;
  let factor = 0; // (β+T)/(α+T) · horizon factor, for x = 0 (times r + x below)
  let decay = 0; // (β+T)^s δ^(s−1) U(s, s; δ(β+T)) / (α+T)
  const h = o.horizon;
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
      lastT = t;
    }
    let pa = 1;
    if (tx !== t) {
      const tab = tableFor(x);
      // The (x, T) term, remembered per x while T repeats (cohorts, a common calibration end).
      let lnI2: number;
      let lnB: number;
      if (x < MEMO && memoT[x] === t) {
        lnI2 = memoLnI[x]!;
        lnB = memoLnB[x]!;
      } else {
        lnTailIntegral(r, alpha, s, beta, x, t, false, tab);
        lnI2 = integralOut.lnI;
        lnB = -(r + x) * integralOut.lnA - s * integralOut.lnB;
        if (x < MEMO) {
          memoT[x] = t;
          memoLnI[x] = lnI2;
          memoLnB[x] = lnB;
        }
      }
      let lnI1: number;
      if (x === 0) lnI1 = lnIZero;
      else {
        lnTailIntegral(r, alpha, s, beta, x, tx, false, tab);
        lnI1 = integralOut.lnI;
      }
      const e = Math.exp(lnI2 - lnI1);
      const w = e < 1 ? 1 - e : 0;
      const d = lnB - lnI1;
      if (d <= 0) {
        const q = Math.exp(d);
        pa = q / (q + s * w);
      } else pa = 1 / (1 + s * w * Math.exp(-d));
    }
    pAlive[i] = pa;
    expected[i] = (r + x) * factor * pa;
    if (dertOut !== null) dertOut[i] = (r + x) * decay * pa;
  }
  // The products above are finite for finite inputs; check once rather than per customer.
  for (let i = 0; i < n; i += 1) {
    if (!Number.isFinite(expected[i]!) || (dertOut !== null && !Number.isFinite(dertOut[i]!))) {
      finiteOrFail(Number.NaN, fn, `the score of row ${i}`, { params, row: i });
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
