import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readTransactionsCsv, safeReadTransactionsCsv } from '../../src/data/index.js';

const dir = mkdtempSync(join(tmpdir(), 'customer-asset-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stream = (text: string, chunk = 7) => {
  const parts: Buffer[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return Readable.from(parts);
};

describe('readTransactionsCsv', () => {
  it('reads a comma file with a header from a path', async () => {
    const file = join(dir, 'simple.csv');
    writeFileSync(file, 'customerId,date,amount\na,2024-01-01,10.00\nb,2024-01-02,5\n');
    const log = await readTransactionsCsv(file, { currency: 'USD' });
    expect(
      log.transactions.map((t) => [t.customerId, t.date, t.amount.toString(), t.line]),
    ).toEqual([
      ['a', '2024-01-01', '10', 2],
      ['b', '2024-01-02', '5', 3],
    ]);
  });

  it('gives the physical line where a record starts, across CRLF, blank lines and quoted newlines', async () => {
    const text =
      'id,when,value,note\r\n' + // 1
      'a,2024-01-01,1,"x"\r\n' + // 2
      '\r\n' + // 3
      '\r\n' + // 4
      'b,2024-01-02,2,"multi\r\nline"\r\n' + // 5-6
      'c,2024-01-03,oops,""\r\n' + // 7
      'd,2024-01-04,4,y'; // 8, no final newline
    const log = await readTransactionsCsv(stream(text), {
      currency: 'USD',
      fields: { customerId: 'id', date: 'when', amount: 'value' },
      onInvalid: 'collect',
    });
    expect(log.transactions.map((t) => [t.customerId, t.line])).toEqual([
      ['a', 2],
      ['b', 5],
      ['d', 8],
    ]);
    expect(log.rejected).toEqual([
      {
        line: 7,
        raw: 'c,2024-01-03,oops,""',
        column: 'value',
        reason:
          'not a decimal amount; expected a plain decimal such as "12.50" (no exponent, separators or symbols), received "oops"',
      },
    ]);
  });

  it('line numbers also hold for LF files', async () => {
    const text = 'customerId,date,amount\n\na,2024-01-01,1\nb,"2024-01-02",x\n';
    const error = await readTransactionsCsv(stream(text, 3), { currency: 'USD' }).catch((e) => e);
    expect(error.code).toBe('data/invalid-row');
    expect(error.path).toEqual([4, 'amount']);
    expect(error.details.raw).toBe('b,"2024-01-02",x');
  });

  it('reads whitespace-separated files without a header (CDNOW layout)', async () => {
    const text =
      '\uFEFF 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n\r\n 00018 0002 19970101\t2 bad\r\n';
    const log = await readTransactionsCsv(stream(text, 5), {
      currency: 'USD',
      delimiter: 'whitespace',
      columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
      dateFormat: 'yyyymmdd',
      onInvalid: 'collect',
    });
    expect(
      log.transactions.map((t) => [t.customerId, t.date, t.quantity, t.amount.toString()]),
    ).toEqual([
      ['0001', '1997-01-01', 2, '29.33'],
      ['0001', '1997-01-18', 2, '29.73'],
    ]);
    expect(log.rejected).toEqual([
      expect.objectContaining({ line: 4, column: 'amount', raw: ' 00018 0002 19970101\t2 bad' }),
    ]);
  });

  it('reads a whitespace file with a header (CDNOW_master layout)', async () => {
    const text = ' customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n';
    const log = await readTransactionsCsv(stream(text), {
      currency: 'USD',
      delimiter: 'whitespace',
      dateFormat: 'yyyymmdd',
      fields: { customerId: 'customer_id', amount: 'dollar_value', quantity: 'number_of_cds' },
    });
    expect(log.transactions[0]).toMatchObject({ customerId: '00001', quantity: 1, line: 2 });
  });

  it('rejects records with the wrong number of fields as whole rows', async () => {
    const log = await readTransactionsCsv(
      stream('customerId;date;amount\na;2024-01-01;1;extra\nb;2024-01-01\n'),
      { currency: 'USD', delimiter: ';', onInvalid: 'collect' },
    );
    expect(log.transactions).toHaveLength(0);
    expect(log.rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [2, null, 'wrong number of fields; expected 3 fields, received "4 fields"'],
      [3, null, 'wrong number of fields; expected 3 fields, received "2 fields"'],
    ]);
  });

  it('names a missing column and refuses duplicate mapped columns', async () => {
    await expect(
      readTransactionsCsv(stream('customer,date,amount\n'), { currency: 'USD' }),
    ).rejects.toThrow(/the file has no column "customerId"/);
    await expect(
      readTransactionsCsv(stream('customerId,date,amount,date\n'), { currency: 'USD' }),
    ).rejects.toThrow(/column "date" appears more than once/);
  });

  it('reports unreadable files and malformed CSV as data/read-failed', async () => {
    const missing = await safeReadTransactionsCsv(join(dir, 'nope.csv'), { currency: 'USD' });
    expect(missing).toMatchObject({ success: false, error: { code: 'data/read-failed' } });
    const malformed = await safeReadTransactionsCsv(
      stream('customerId,date,amount\na,2024-01-01,"1\n'),
      { currency: 'USD' },
    );
    expect(malformed).toMatchObject({ success: false, error: { code: 'data/read-failed' } });
  });

  it('validates the source and options', async () => {
    await expect(readTransactionsCsv(42 as never, { currency: 'USD' })).rejects.toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    await expect(readTransactionsCsv(stream(''), { currency: 'USD', columns: [] })).rejects.toThrow(
      /options.columns/,
    );
  });
});
