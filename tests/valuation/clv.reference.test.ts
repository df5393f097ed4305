/**
 * CLV on CDNOW: the whole-cohort check of Fader, Hardie & Lee (2005, JMR 42(4); REFERENCE.md §2,
 * "Whole-cohort check", [P2], about 5% tolerance), DERT against the discounted sum of the
 * expected transactions of short periods (two code paths of each model), and the money assembly
 * against the models' scalar functions.
 */
import { beforeAll, expect, it } from 'vitest';
import {
  type RfmSummary,
  readTransactionsCsv,
  rfmSummary,
  rfmSummaryFromRows,
} from '../../src/data/index.js';
import { bgNbd } from '../../src/models/bg-nbd/index.js';
import { gammaGamma } from '../../src/models/gamma-gamma/index.js';
import { paretoNbd } from '../../src/models/pareto-nbd/index.js';
import { money } from '../../src/money/index.js';
import { customerLifetimeValue } from '../../src/valuation/index.js';
import { describeWithData } from '../helpers/shared-data.js';

/** Pareto/NBD on the 78-week CDNOW sample (BTYD's pnbd.DERT example; REFERENCE.md §2). */
const PNBD_78 = { r: 0.5629966, alpha: 12.559037, s: 0.4081095, beta: 10.5148048 };
const ANNUAL_15 = { rate: '0.15', per: { value: 52, unit: 'week' } } as const;

describeWithData('CDNOW whole cohort: FHL 2005 JMR average CLV', ['CDNOW_master.txt'], (paths) => {
  let summary: RfmSummary;
  let spendFit: RfmSummary;
  beforeAll(async () => {
    const log = await readTransactionsCsv(paths['CDNOW_master.txt']!, {
      currency: 'USD',
      delimiter: 'whitespace',
      dateFormat: 'yyyymmdd',
      fields: { customerId: 'customer_id', date: 'date', amount: 'dollar_value' },
    });
    const full = rfmSummary(log, { timeUnit: 'week', observationEnd: '1998-06-30' });
    // The paper drops the buyers who spent more than $4,000 (12 in the master file).
    const kept = full.customers.filter(
      (r) => Number(r.spend!.first) + Number(r.spend!.repeat) <= 4000,
    );
    const rows = (list: typeof kept) =>
      rfmSummaryFromRows(
        list.map((r) => ({
          customerId: r.customerId,
          frequency: r.frequency,
          recency: r.recency,
          T: r.T,
          monetaryValue: r.monetaryValue,
        })),
        { timeUnit: 'week', currency: 'USD' },
      );
    summary = rows(kept);
    // Gamma-Gamma is fitted on the repeat buyers with a positive mean spend.
    spendFit = rows(kept.filter((r) => r.frequency > 0 && Number(r.monetaryValue) > 0));
  });

  it('averages about $46 a customer ($46.15 recomputed, "about $47" published), total about $1.09M', () => {
    expect(summary.customers).toHaveLength(23_558);
    const gg = gammaGamma.fit(spendFit);
    const clv = customerLifetimeValue({
      transactions: { model: paretoNbd, params: PNBD_78 },
      spend: { model: gammaGamma, params: gg.params },
      summary,
      horizon: 'infinite',
      discount: ANNUAL_15,
      margin: '0.30',
      currency: 'USD',
    });
    const total = clv.customerEquity.value.amount.toNumber();
    expect(Math.abs(total / clv.customers / 46.15 - 1)).toBeLessThan(0.05);
    expect(Math.abs(total / 1_087_247 - 1)).toBeLessThan(0.05);
    let zeroValue = 0;
    let zeroCount = 0;
    for (let i = 0; i < clv.size; i += 1)
      if (summary.customers[i]!.frequency === 0) {
        zeroValue += clv.value[i]!;
        zeroCount += 1;
      }
    // 12,054 customers with no repeat purchase, worth $4.40 each and about 5% of the value.
    expect(zeroCount).toBe(12_054);
    expect(Math.abs(zeroValue / zeroCount / 4.4 - 1)).toBeLessThan(0.05);
    expect(zeroValue / total).toBeGreaterThan(0.04);
    expect(zeroValue / total).toBeLessThan(0.06);
  });
});

describeWithData('CDNOW sample: CLV assembly', ['CDNOW_sample.txt'], (paths) => {
  let summary: RfmSummary;
  beforeAll(async () => {
    const log = await readTransactionsCsv(paths['CDNOW_sample.txt']!, {
      currency: 'USD',
      delimiter: 'whitespace',
      columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
      dateFormat: 'yyyymmdd',
    });
    summary = rfmSummary(log, {
      timeUnit: 'week',
      calibrationEnd: '1997-09-30',
      observationEnd: '1998-06-30',
    });
  });

  it("equals margin x gammaGamma.expectedSpend x the model's dert for every customer", () => {
    const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
    const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const clv = customerLifetimeValue({
      transactions: { model: paretoNbd, params },
      spend: { model: gammaGamma, params: gg },
      summary,
      horizon: 'infinite',
      discount: ANNUAL_15,
      margin: '0.30',
      currency: 'USD',
    });
    const d = 1.15 ** (1 / 52) - 1;
    for (let i = 0; i < summary.customers.length; i += 97) {
      const row = summary.customers[i]!;
      const spend = gammaGamma.expectedSpend(gg, {
        frequency: row.frequency,
        monetaryValue: row.frequency === 0 ? 0 : Number(row.monetaryValue),
      });
      const expected = 0.3 * spend * paretoNbd.dert(params, row, d);
      expect(clv.value[i]! / expected).toBeCloseTo(1, 10);
      expect(clv.valueAt(i).amount.toNumber()).toBeCloseTo(expected, 7);
    }
  });

  it('DERT equals the discounted expected transactions of short periods (BG/NBD and Pareto/NBD)', () => {
    const sample = rfmSummaryFromRows(
      [0, 1, 2, 5, 20, 90, 400, 1200, 2000].map((i) => {
        const r = summary.customers[i]!;
        return { frequency: r.frequency, recency: r.recency, T: r.T };
      }),
      { timeUnit: 'week' },
    );
    // 100% a year: the tail beyond 1,040 weeks is below e^-13.
    const discount = { rate: '1', per: { value: 52, unit: 'week' } } as const;
    for (const [model, params] of [
      [bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }],
      [paretoNbd, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }],
    ] as const) {
      const common = {
        transactions: { model, params } as never,
        spend: { amount: money('1', 'USD') },
        summary: sample,
        discount,
        margin: '1',
        currency: 'USD',
      };
      const dert = customerLifetimeValue({ ...common, horizon: 'infinite' });
      const periods = customerLifetimeValue({
        ...common,
        horizon: { value: 1040, unit: 'week' },
        period: { value: 1, unit: 'week' },
      });
      for (let i = 0; i < sample.customers.length; i += 1)
        expect(periods.discountedTransactions[i]! / dert.discountedTransactions[i]!).toBeCloseTo(
          1,
          4,
        );
    }
  });

  it('gives intervals from the fitted records that contain the estimates', () => {
    const tx = paretoNbd.fit(summary);
    const sp = gammaGamma.fit(summary);
    const clv = customerLifetimeValue({
      transactions: { model: paretoNbd, fitted: tx },
      spend: { model: gammaGamma, fitted: sp },
      summary,
      horizon: 'infinite',
      discount: ANNUAL_15,
      margin: '0.30',
      currency: 'USD',
    });
    const { value, lower, upper } = clv.customerEquity;
    expect(lower!.amount.lt(value.amount)).toBe(true);
    expect(upper!.amount.gt(value.amount)).toBe(true);
    expect(clv.interval!.covers).toEqual(['transactions: pareto-nbd', 'spend: gamma-gamma']);
    for (let i = 0; i < clv.size; i += 101) {
      expect(clv.interval!.lower[i]!).toBeLessThan(clv.value[i]!);
      expect(clv.interval!.upper[i]!).toBeGreaterThan(clv.value[i]!);
    }
  });
});
