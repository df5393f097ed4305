import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import {
  compressSummary,
  type RfmSummary,
  readTransactionsCsv,
  rfmSummary,
  rfmSummaryFromCsv,
  type TransactionLog,
  toColumns,
} from '../../src/data/index.js';
import { Dec } from '../../src/money/decimal.js';
import { describeWithData } from '../helpers/shared-data.js';

const SAMPLE_COLUMNS = ['masterId', 'customerId', 'date', 'quantity', 'amount'];
const READ = {
  currency: 'USD',
  delimiter: 'whitespace',
  columns: SAMPLE_COLUMNS,
  dateFormat: 'yyyymmdd',
} as const;
const SUMMARY = {
  timeUnit: 'week',
  calibrationEnd: '1997-09-30',
  observationEnd: '1998-06-30',
} as const;

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
}

describeWithData(
  'CDNOW sample: event log to the published calibration summary',
  [
    'CDNOW_sample.txt',
    'cdnow_customers_summary.csv',
    'cdnow_customers_summary_with_transactions.csv',
  ],
  (paths) => {
    let log: TransactionLog;
    let summary: RfmSummary;
    beforeAll(async () => {
      log = await readTransactionsCsv(paths['CDNOW_sample.txt']!, READ);
      summary = rfmSummary(log, SUMMARY);
    });

    it('reads all 6,919 transactions and rejects none', () => {
      expect(log.transactions).toHaveLength(6919);
      expect(log.rejected).toHaveLength(0);
      expect(log.refunds.count).toBe(0);
    });

    it('has the README counts: 2,357 customers, 946 repeaters, 2,457 and 1,882 repeat transactions', () => {
      const rows = summary.customers;
      expect(rows).toHaveLength(2357);
      expect(rows.filter((r) => r.frequency > 0)).toHaveLength(946);
      expect(rows.reduce((s, r) => s + r.frequency, 0)).toBe(2457);
      expect(rows.reduce((s, r) => s + r.holdout!.frequency, 0)).toBe(1882);
      expect(summary.excluded?.transactions).toBe(0);
      // sum of ln x over repeaters, the Gamma-Gamma density-convention constant (test vectors).
      const sumLnX = rows
        .filter((r) => r.frequency > 0)
        .reduce((s, r) => s + Math.log(r.frequency), 0);
      expect(sumLnX).toBeCloseTo(603.372543, 5);
    });

    it('master id 4 (sample id 0001): x = 2, t_x = 213/7, T = 272/7, mean repeat spend 22.345', () => {
      const first = summary.customers[0]!;
      expect(first).toEqual({
        customerId: '0001',
        frequency: 2,
        recency: 213 / 7,
        T: 272 / 7,
        monetaryValue: '22.345',
        count: 1,
        spend: { first: '29.33', repeat: '44.69', standaloneRefunds: '0' },
        holdout: { frequency: 1, spend: '26.48', duration: 39 },
      });
    });

    it('equals cdnow_customers_summary.csv row for row (recency and T to its 2-decimal rounding)', () => {
      const reference = csvRows(paths['cdnow_customers_summary.csv']!);
      expect(reference).toHaveLength(summary.customers.length);
      let largest = 0;
      reference.forEach(([id, frequency, recency, T], i) => {
        const row = summary.customers[i]!;
        expect(Number(row.customerId)).toBe(Number(id));
        expect(row.frequency).toBe(Number(frequency));
        largest = Math.max(
          largest,
          Math.abs(row.recency - Number(recency)),
          Math.abs(row.T - Number(T)),
        );
      });
      expect(largest).toBeLessThanOrEqual(0.005);
      expect(largest).toBeGreaterThan(0.004); // README: largest difference 0.0043 weeks
    });

    it('mean repeat spend equals zbar of the summary with transactions, to the cent', () => {
      const reference = csvRows(paths['cdnow_customers_summary_with_transactions.csv']!);
      let sum = new Dec(0);
      reference.forEach(([id, x, , , zbar], i) => {
        const row = summary.customers[i]!;
        expect(Number(row.customerId)).toBe(Number(id));
        expect(row.frequency).toBe(Number(x));
        const mean = row.monetaryValue === null ? new Dec(0) : new Dec(row.monetaryValue);
        expect(mean.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2)).toBe(zbar);
        if (row.monetaryValue !== null) sum = sum.plus(row.monetaryValue);
      });
      // Observed mean over the 946 repeat buyers quoted with the Gamma-Gamma test vector.
      expect(sum.div(946).toNumber()).toBeCloseTo(35.077848, 6);
    });

    it('streams the same summary straight from the file', async () => {
      const streamed = await rfmSummaryFromCsv(paths['CDNOW_sample.txt']!, { ...READ, ...SUMMARY });
      expect(streamed.summary).toEqual(summary);
      expect(streamed.rowCount).toBe(6919);
      expect(streamed.rejected).toHaveLength(0);
    });

    it('compresses to fewer patterns that carry every customer', () => {
      const patterns = compressSummary(summary);
      expect(patterns.customerCount).toBe(2357);
      expect(patterns.patterns.length).toBeLessThan(2357);
      const columns = toColumns(patterns);
      expect(columns.count.reduce((s, c) => s + c, 0)).toBe(2357);
      expect(toColumns(summary).monetaryValue).not.toBeNull();
    });
  },
);

describeWithData('CDNOW master: the full cohort', ['CDNOW_master.txt'], (paths) => {
  it('reads 69,659 transactions of 23,570 customers, 80 of them zero-valued', async () => {
    const log = await readTransactionsCsv(paths['CDNOW_master.txt']!, {
      currency: 'USD',
      delimiter: 'whitespace',
      dateFormat: 'yyyymmdd',
      fields: { customerId: 'customer_id', amount: 'dollar_value', quantity: 'number_of_cds' },
    });
    expect(log.transactions).toHaveLength(69_659);
    expect(log.rejected).toHaveLength(0);
    expect(log.transactions.filter((t) => t.amount.isZero())).toHaveLength(80);
    const summary = rfmSummary(log, SUMMARY);
    expect(summary.customers).toHaveLength(23_570);
    expect(summary.customers[3]).toMatchObject({ customerId: '00004', frequency: 2, T: 272 / 7 });
  });
});
