/**
 * CDNOW holdout checks (REFERENCE.md §1 "Holdout by calibration frequency", a held-out check derived
 * here): the mean 39-week holdout count by calibration frequency 0..6 and 7+, actual against the
 * BG/NBD and Pareto/NBD conditional expectations, and the weekly tracking of the holdout.
 *
 * The BG/NBD expectations are checked against an independent computation: given alive, the
 * posterior is λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x), and a BG/NBD customer alive at T makes
 * (1 − e^(−λpt))/p purchases in expectation over (T, T+t]; integrating λ out leaves
 *   E[Y(t)] = P(alive) · ∫ Beta(p; a, b+x) · [1 − ((α+T)/(α+T+pt))^(r+x)] / p dp,
 * a one-dimensional integral done here by the midpoint rule after p = u^(1/a) (which removes the
 * p^(a−1) singularity), with no hypergeometric function.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import {
  type RfmSummary,
  readTransactionsCsv,
  rfmSummary,
  type TransactionLog,
} from '../../../src/data/index.js';
import { betaln } from '../../../src/math/index.js';
import { bgNbd } from '../../../src/models/bg-nbd/index.js';
import { holdoutReport, holdoutTracking } from '../../../src/models/holdout/index.js';
import { paretoNbd } from '../../../src/models/pareto-nbd/index.js';
import { describeWithData } from '../../helpers/shared-data.js';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PNBD = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const OPTIONS = {
  timeUnit: 'week',
  calibrationEnd: '1997-09-30',
  observationEnd: '1998-06-30',
} as const;

/** E[Y(t) | x, t_x, T] of BG/NBD by quadrature over p (see the file comment). */
function bgNbdByQuadrature(x: number, tx: number, T: number, t: number): number {
  const { r, alpha, a, b } = BG;
  const alive = x === 0 ? 1 : 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
  const n = 1000;
  const logNorm = -betaln(a, b + x) - Math.log(a);
  let sum = 0;
  for (let k = 0; k < n; k += 1) {
    const u = (k + 0.5) / n;
    const p = u ** (1 / a);
    // Beta(p; a, b+x) dp = p^(a−1)(1−p)^(b+x−1)/B · dp, and p^(a−1) dp = du / a.
    const weight = Math.exp(logNorm + (b + x - 1) * Math.log1p(-p));
    const purchases = -Math.expm1(-(r + x) * Math.log1p((p * t) / (alpha + T))) / p;
    sum += weight * purchases;
  }
  return (alive * sum) / n;
}

describeWithData('CDNOW holdout: calibration versus holdout', ['CDNOW_sample.txt'], (paths) => {
  let log: TransactionLog;
  let summary: RfmSummary;
  beforeAll(async () => {
    log = await readTransactionsCsv(paths['CDNOW_sample.txt']!, {
      currency: 'USD',
      delimiter: 'whitespace',
      columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
      dateFormat: 'yyyymmdd',
    });
    summary = rfmSummary(log, OPTIONS);
  });

  it('has the published counts: 1,882 holdout purchases, 1,411 customers with x = 0', () => {
    const report = holdoutReport(bgNbd, BG, summary);
    expect(report.totalActual).toBe(1882);
    expect(report.durations).toEqual([39]);
    expect(report.byFrequency.map((b) => b.customers)).toEqual([
      1411, 439, 214, 100, 62, 38, 29, 64,
    ]);
    expect(report.byFrequency.map((b) => b.totalActual)).toEqual([
      334, 306, 298, 156, 157, 112, 112, 407,
    ]);
  });

  it('BG/NBD: each bucket mean equals the independent quadrature of E[Y(39)]', () => {
    const report = holdoutReport(bgNbd, BG, summary);
    const sums = new Float64Array(8);
    const memo = new Map<string, number>();
    for (const row of summary.customers) {
      const bucket = Math.min(row.frequency, 7);
      const key = `${row.frequency}:${row.recency}:${row.T}`;
      let value = memo.get(key);
      if (value === undefined) {
        value = bgNbdByQuadrature(row.frequency, row.recency, row.T, 39);
        memo.set(key, value);
      }
      sums[bucket] = sums[bucket]! + value;
    }
    report.byFrequency.forEach((b, k) => {
      expect(b.meanPredicted / (sums[k]! / b.customers)).toBeCloseTo(1, 5);
    });
    // The derived table (exact weeks, published parameters) [D].
    expect(report.byFrequency.map((b) => Number(b.meanPredicted.toFixed(4)))).toEqual([
      0.2255, 0.5232, 1.0442, 1.5203, 2.1639, 2.6538, 3.504, 6.1571,
    ]);
    expect(report.totalPredicted).toBeCloseTo(1653.941, 2);
    expect(report.meanAbsoluteError).toBeCloseTo(0.785609, 5);
    expect(report.rootMeanSquaredError).toBeCloseTo(1.607978, 5);
    expect(report.bias).toBeCloseTo(-0.096758, 5);
  });

  it('Pareto/NBD: the derived table, and the vectorised score equals the scalar expectation', () => {
    const report = holdoutReport(paretoNbd, PNBD, summary);
    expect(report.byFrequency.map((b) => Number(b.meanPredicted.toFixed(4)))).toEqual([
      0.1385, 0.5995, 1.196, 1.714, 2.3985, 2.9075, 3.819, 6.4036,
    ]);
    expect(report.totalPredicted).toBeCloseTo(1665.693, 2);
    let scalar = 0;
    for (const row of summary.customers) scalar += paretoNbd.expectedPurchases(PNBD, row, 39);
    expect(report.totalPredicted).toBeCloseTo(scalar, 8);
  });

  it('tracks the 39 holdout weeks: weekly counts from the raw file, expectations adding up to the report', () => {
    const tracking = holdoutTracking(bgNbd, BG, log, OPTIONS);
    // Independent weekly counts: distinct (customer, day) in the holdout, week = ceil(days / 7).
    const calibrationEnd = Date.UTC(1997, 8, 30) / 86_400_000;
    const seen = new Set<string>();
    const weekly = new Array<number>(39).fill(0);
    for (const line of readFileSync(paths['CDNOW_sample.txt']!, 'utf8').split(/\r?\n/)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 5) continue;
      const d = f[2]!;
      const day =
        Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8))) /
        86_400_000;
      const key = `${f[1]}:${day}`;
      if (day <= calibrationEnd || seen.has(key)) continue;
      seen.add(key);
      const week = Math.ceil((day - calibrationEnd) / 7);
      weekly[week - 1] = weekly[week - 1]! + 1;
    }
    expect(tracking.periods.map((p) => p.actual)).toEqual(weekly);
    expect(tracking.totalActual).toBe(1882);
    expect(tracking.periods).toHaveLength(39);
    expect(tracking.periods[38]!.end).toBe('1998-06-30');
    expect(tracking.totalExpected).toBeCloseTo(holdoutReport(bgNbd, BG, summary).totalPredicted, 8);
    // Expected weekly purchases fall as customers die.
    expect(tracking.periods[0]!.expected).toBeGreaterThan(tracking.periods[38]!.expected);
  });
});
