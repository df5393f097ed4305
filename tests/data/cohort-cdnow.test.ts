import { beforeAll, expect, it } from 'vitest';
import { cohortTable } from '../../src/data/cohort-table.js';
import { readTransactionsCsv } from '../../src/data/read-csv.js';
import { survivalTable } from '../../src/data/survival-table.js';
import type { TransactionLog } from '../../src/data/types.js';
import { describeWithData } from '../helpers/shared-data.js';

/**
 * Reference figures for the CDNOW 1/10 sample (Fader, Hardie & Lee 2005), computed independently in
 * Python (decimal.Decimal over the raw file, calendar-month ages) from data/CDNOW_sample.txt.
 */
describeWithData(
  'cohortTable and survivalTable on the CDNOW sample',
  ['CDNOW_sample.txt'],
  (paths) => {
    let log: TransactionLog;
    beforeAll(async () => {
      log = await readTransactionsCsv(paths['CDNOW_sample.txt']!, {
        currency: 'USD',
        delimiter: 'whitespace',
        columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
        dateFormat: 'yyyymmdd',
      });
    });

    it('the whole sample is one quarterly cohort, 1997-Q1, of 2,357 customers', () => {
      const table = cohortTable(log, { cohortBy: 'quarter', period: 'month' });
      expect(table.cohorts.map((c) => [c.cohort, c.size])).toEqual([['1997-Q1', 2357]]);
      expect(table.totals).toMatchObject({
        customers: 2357,
        transactions: 6919,
        revenue: '244091.94',
      });
      expect(table.end).toBe('1998-06-30');
    });

    it('monthly cohorts: sizes, the January row of actives and revenue by age', () => {
      const table = cohortTable(log, { cohortBy: 'month', period: 'month' });
      expect(table.cohorts.map((c) => [c.cohort, c.size])).toEqual([
        ['1997-01', 781],
        ['1997-02', 857],
        ['1997-03', 719],
      ]);
      const jan = table.cohorts[0]!;
      expect(jan.cells.map((c) => c.activeCustomers)).toEqual([
        781, 124, 95, 70, 65, 77, 65, 53, 52, 45, 62, 59, 45, 47, 63, 37, 37, 33,
      ]);
      expect(jan.cells.slice(0, 4).map((c) => c.revenue)).toEqual([
        '28592.70',
        '7003.73',
        '4241.64',
        '3755.36',
      ]);
      expect(jan.cells.at(-1)!.revenue).toBe('1327.56');
      expect(jan.cells.every((c) => c.complete)).toBe(true);
      expect(table.unattributed.transactions).toBe(0);
    });

    it('January survival with a three-month inactivity rule', () => {
      const table = survivalTable({
        log,
        rule: { kind: 'inactivity', periods: 3 },
        period: 'month',
      });
      expect(table.cohorts[0]!.alive).toEqual([
        781, 355, 323, 300, 284, 273, 251, 234, 225, 213, 198, 180, 157, 142, 120, 83,
      ]);
    });
  },
);
