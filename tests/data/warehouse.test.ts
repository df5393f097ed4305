import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseTransactions,
  type RfmSummary,
  readTransactionsCsv,
  rfmSummary,
  rfmSummaryFromRows,
  type TransactionLog,
} from '../../src/data/index.js';
import { Dec } from '../../src/money/decimal.js';
import { describeWithData } from '../helpers/shared-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const guide = readFileSync(join(root, 'docs', 'guide', 'warehouse.md'), 'utf8');

/** The SQL block of docs/guide/warehouse.md marked `-- dialect: <name>`. */
function sqlBlock(dialect: string): string {
  for (const match of guide.matchAll(/```sql\n([\s\S]*?)```/g))
    if (match[1]!.startsWith(`-- dialect: ${dialect}\n`)) return match[1]!;
  throw new Error(`no ${dialect} block in docs/guide/warehouse.md`);
}

const duckdbSql = sqlBlock('duckdb');
const dir = mkdtempSync(join(tmpdir(), 'customer-asset-warehouse-'));
let instance: DuckDBInstance;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
});
afterAll(() => {
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

type SqlRow = Record<string, string | number | null>;

/** Loads a log into a fresh `transactions` table and runs `sql` on it. */
async function runOnLog(log: TransactionLog, sql: string, name: string): Promise<SqlRow[]> {
  const file = join(dir, `${name}.csv`);
  writeFileSync(
    file,
    `customer_id,purchase_date,amount\n${log.transactions
      .map((t) => `${t.customerId},${t.date},${t.amount.toFixed()}`)
      .join('\n')}\n`,
  );
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE OR REPLACE TABLE transactions AS SELECT * FROM read_csv('${file}', header = true, columns = {'customer_id': 'VARCHAR', 'purchase_date': 'DATE', 'amount': 'DECIMAL(18,4)'})`,
    );
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as SqlRow[];
  } finally {
    connection.closeSync();
  }
}

/** Row-for-row comparison of the query's output with the library's summary. */
function expectSameSummary(rows: SqlRow[], summary: RfmSummary): void {
  expect(rows.map((r) => r.customer_id)).toEqual(summary.customers.map((c) => c.customerId));
  rows.forEach((r, i) => {
    const c = summary.customers[i]!;
    expect(Number(r.frequency)).toBe(c.frequency);
    expect(r.recency).toBe(c.recency);
    expect(r.T).toBe(c.T);
    expect(new Dec(String(r.repeat_spend)).eq(c.spend!.repeat)).toBe(true);
    if (c.monetaryValue === null) expect(r.monetary_value).toBeNull();
    else expect(Number(r.monetary_value)).toBeCloseTo(Number(c.monetaryValue), 9);
    expect(Number(r.holdout_frequency)).toBe(c.holdout!.frequency);
    expect(new Dec(String(r.holdout_spend)).eq(c.holdout!.spend)).toBe(true);
  });
}

describe('warehouse SQL (docs/guide/warehouse.md)', () => {
  it('has the four dialects, all with the same parameters', () => {
    for (const dialect of ['duckdb', 'postgresql', 'bigquery', 'spark'])
      expect(sqlBlock(dialect)).toContain("DATE '1997-09-30' AS calibration_end");
  });

  it('follows the library on refunds, holdout-only customers and late transactions (DuckDB)', async () => {
    const log = parseTransactions(
      [
        { customerId: 'a', date: '2024-01-01', amount: '10' },
        { customerId: 'a', date: '2024-01-01', amount: '5' },
        { customerId: 'a', date: '2024-01-08', amount: '20' },
        { customerId: 'a', date: '2024-01-08', amount: '-5' },
        { customerId: 'a', date: '2024-01-20', amount: '-3' },
        { customerId: 'a', date: '2024-01-25', amount: '0' },
        { customerId: 'a', date: '2024-02-10', amount: '7.125' },
        { customerId: 'a', date: '2024-03-05', amount: '100' },
        { customerId: 'b', date: '2024-02-02', amount: '9' },
        { customerId: 'c', date: '2024-01-05', amount: '-2' },
        { customerId: 'd', date: '2024-01-02', amount: '4' },
      ],
      { currency: 'USD' },
    );
    const sql = duckdbSql
      .replace("DATE '1997-09-30'", "DATE '2024-01-31'")
      .replace("DATE '1998-06-30'", "DATE '2024-02-29'");
    const rows = await runOnLog(log, sql, 'synthetic');
    const summary = rfmSummary(log, {
      timeUnit: 'week',
      calibrationEnd: '2024-01-31',
      observationEnd: '2024-02-29',
    });
    expect(rows).toHaveLength(2);
    expectSameSummary(rows, summary);
  });
});

describeWithData('warehouse SQL on the CDNOW sample (DuckDB)', ['CDNOW_sample.txt'], (paths) => {
  it('gives rfmSummary row for row, and rfmSummaryFromRows accepts its output', async () => {
    const log = await readTransactionsCsv(paths['CDNOW_sample.txt']!, {
      currency: 'USD',
      delimiter: 'whitespace',
      columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
      dateFormat: 'yyyymmdd',
    });
    const summary = rfmSummary(log, {
      timeUnit: 'week',
      calibrationEnd: '1997-09-30',
      observationEnd: '1998-06-30',
    });
    const rows = await runOnLog(log, duckdbSql, 'cdnow');
    expect(rows).toHaveLength(2357);
    expectSameSummary(rows, summary);
    const fromRows = rfmSummaryFromRows(
      rows.map((r) => ({
        customerId: String(r.customer_id),
        frequency: r.frequency as string,
        recency: r.recency as number,
        T: r.T as number,
        monetaryValue: r.monetary_value as number | null,
      })),
      { timeUnit: 'week', mergeBy: 'day', currency: 'USD' },
    );
    expect(fromRows.customers.map((c) => [c.customerId, c.frequency, c.recency, c.T])).toEqual(
      summary.customers.map((c) => [c.customerId, c.frequency, c.recency, c.T]),
    );
    expect(fromRows.customers[0]!.monetaryValue).toBe('22.345');
  });
});
