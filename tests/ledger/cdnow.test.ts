import { beforeAll, expect, it } from 'vitest';
import { readTransactionsCsv } from '../../src/data/read-csv.js';
import type { TransactionLog } from '../../src/data/types.js';
import type { LedgerRow } from '../../src/ledger/index.js';
import { customerLedger } from '../../src/ledger/index.js';
import { bgNbd } from '../../src/models/bg-nbd/index.js';
import { describeWithData } from '../helpers/shared-data.js';

/**
 * The CDNOW 1/10 sample (Fader, Hardie & Lee 2005) by month, under each loss rule that applies to a
 * transaction log. Reference figures computed independently in Python from data/CDNOW_sample.txt:
 * a day-by-day status walk for the inactivity rule, decimal.Decimal for revenue, and the BG/NBD
 * P(alive) closed form (FHL 2005 eq. for P(alive | x, t_x, T), weeks = days / 7) rounded per
 * customer to multiples of 2^-24 for the model rule: tests/ledger/reference/cdnow-oracle.py.
 */
const COUNTS: [string, number, number, number, number, number, number][] = [
  // period, opening, acquired, reactivated, lost, closing, retained
  ['1997-01', 0, 781, 0, 0, 781, 0],
  ['1997-02', 781, 857, 0, 0, 1638, 781],
  ['1997-03', 1638, 719, 0, 0, 2357, 1638],
  ['1997-04', 2357, 0, 9, 546, 1820, 1820],
  ['1997-05', 1820, 0, 36, 773, 1083, 1064],
  ['1997-06', 1083, 0, 102, 661, 524, 450],
  ['1997-07', 524, 0, 94, 131, 487, 401],
  ['1997-08', 487, 0, 84, 116, 455, 374],
  ['1997-09', 455, 0, 82, 126, 411, 336],
  ['1997-10', 411, 0, 78, 104, 385, 310],
  ['1997-11', 385, 0, 88, 81, 392, 311],
  ['1997-12', 392, 0, 82, 72, 402, 323],
  ['1998-01', 402, 0, 65, 72, 395, 336],
  ['1998-02', 395, 0, 81, 108, 368, 297],
  ['1998-03', 368, 0, 107, 90, 385, 288],
  ['1998-04', 385, 0, 55, 62, 378, 327],
  ['1998-05', 378, 0, 52, 82, 348, 300],
  ['1998-06', 348, 0, 63, 111, 300, 247],
];

const JANUARY_CLOSING = [
  781, 781, 781, 244, 161, 158, 153, 141, 128, 114, 117, 122, 123, 112, 114, 117, 102, 83,
];

/** Σ round(P(alive) × 2^24) at each month end, BG/NBD at (r, α, a, b) = (0.243, 4.414, 0.793, 2.426). */
const MODEL_CLOSING_UNITS = [
  12745572325, 26122553126, 36660539229, 35497128635, 34523799194, 33745621866, 33144598698,
  32561184791, 32165566152, 31790821506, 31434602620, 31213493997, 30962526377, 30842469395,
  30751031786, 30472046664, 30147111722, 29951852680,
];

const row = (r: LedgerRow) => [
  r.period,
  r.opening,
  r.acquired,
  r.reactivated,
  r.lost,
  r.closing,
  r.retained,
];

describeWithData('customerLedger on the CDNOW sample, by month', ['CDNOW_sample.txt'], (paths) => {
  let log: TransactionLog;
  beforeAll(async () => {
    log = await readTransactionsCsv(paths['CDNOW_sample.txt']!, {
      currency: 'USD',
      delimiter: 'whitespace',
      columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
      dateFormat: 'yyyymmdd',
    });
  });

  it('inactivity rule (90 days): the monthly roll-forward of the base', () => {
    const l = customerLedger(log, { period: 'month', lossRule: { kind: 'inactivity', days: 90 } });
    expect(l.total.rows.map(row)).toEqual(COUNTS);
    expect(l.cohorts.map((c) => [c.name, c.customers])).toEqual([
      ['1997-01', 781],
      ['1997-02', 857],
      ['1997-03', 719],
    ]);
    expect(l.cohorts[0]!.rows.map((r) => r.closing)).toEqual(JANUARY_CLOSING);
    expect(l.checks.ok).toBe(true);
    // April 1997: 546 of the 2,357 have gone more than 90 days without buying; 9 came back
    expect(l.total.rows[3]!.customerRetentionRate).toBeCloseTo(1820 / 2357, 15);
    expect(l.total.rows[3]!.quickRatio).toBeCloseTo(9 / 546, 15);
  });

  it('inactivity rule: the revenue roll-forward of the first four months', () => {
    const l = customerLedger(log, { period: 'month', lossRule: { kind: 'inactivity', days: 90 } });
    const lines = l.total.rows.slice(0, 4).map((r) => {
      const v = r.revenue!;
      return [
        v.previous,
        v.acquired,
        v.reactivated,
        v.expansion,
        v.contraction,
        v.churned,
        v.current,
      ].map((m) => m.amount.toFixed(2));
    });
    expect(lines).toEqual([
      ['0.00', '28592.70', '0.00', '0.00', '0.00', '0.00', '28592.70'],
      ['28592.70', '33430.08', '0.00', '2823.11', '1736.57', '22675.51', '40433.81'],
      ['40433.81', '32812.09', '2159.12', '1996.43', '3725.74', '30203.61', '43472.10'],
      ['43472.10', '0.00', '3897.84', '2243.60', '9383.56', '27387.93', '12842.05'],
    ]);
  });

  it('model rule (BG/NBD, weeks): expected customers alive at each month end', () => {
    const l = customerLedger(log, {
      period: 'month',
      lossRule: {
        kind: 'model',
        model: bgNbd,
        params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
        timeUnit: 'week',
      },
    });
    expect(l.basis).toBe('expected');
    expect(l.total.rows.map((r) => r.closing * 2 ** 24)).toEqual(MODEL_CLOSING_UNITS);
    expect(l.total.rows.map((r) => r.acquired)).toEqual([781, 857, 719, ...Array(15).fill(0)]);
    expect(l.checks.ok).toBe(true);
    // BG/NBD never declares dead a customer without a repeat purchase (P(alive) = 1 when x = 0):
    // the expected base stays far above the observed one.
    expect(l.total.rows.at(-1)!.closing).toBeGreaterThan(1785);
  });

  it('cohorts by quarter: the whole sample is one cohort', () => {
    const l = customerLedger(log, {
      period: 'quarter',
      lossRule: { kind: 'inactivity', days: 90 },
    });
    expect(l.cohorts.map((c) => [c.name, c.customers])).toEqual([['1997-Q1', 2357]]);
    expect(l.total.rows.map((r) => r.closing).at(-1)).toBe(300);
  });
});
