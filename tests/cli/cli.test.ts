import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { simulateTransactions } from '../../src/data/simulate-transactions.js';
import { cli, SMALL_CSV, tempDir, writeFile } from './helpers.js';

const columns = [
  '--customer-column',
  'customer',
  '--date-column',
  'day',
  '--amount-column',
  'value',
];

describe('customer-asset: usage', () => {
  it('--help lists the commands and the exit codes, exit 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(EXIT.ok);
    for (const command of ['briefing', 'summary', 'fit', 'value', 'ledger'])
      expect(r.out).toContain(command);
    expect(r.out).toContain('Exit codes:');
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(EXIT.ok);
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(r.out.trim()).toBe(pkg.version);
  });

  it('no command, an unknown command or an unknown option is a usage error (2)', async () => {
    expect((await cli([])).code).toBe(EXIT.usage);
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err).toMatch(/unknown command/);
    const option = await cli(['summary', '--sample', '--no-such-option']);
    expect(option.code).toBe(EXIT.usage);
    expect(option.err).toMatch(/unknown option '--no-such-option'/);
  });

  it('a file needs its currency, and a malformed value names its option (2)', async () => {
    const dir = tempDir();
    writeFile(dir, 'log.csv', SMALL_CSV);
    const noCurrency = await cli(['summary', 'log.csv', ...columns], dir);
    expect(noCurrency.code).toBe(EXIT.usage);
    expect(noCurrency.err).toMatch(/--currency is required/);
    const badUnit = await cli(
      ['fit', 'log.csv', '--currency', 'USD', ...columns, '--time-unit', 'fortnight'],
      dir,
    );
    expect(badUnit.code).toBe(EXIT.usage);
    expect(badUnit.err).toMatch(
      /--time-unit must be 'day', 'week' or 'month'; received "fortnight"/,
    );
    const noMargin = await cli(['value', 'log.csv', '--currency', 'USD', ...columns], dir);
    expect(noMargin.code).toBe(EXIT.usage);
    expect(noMargin.err).toMatch(/--margin is required/);
    const both = await cli(['summary', 'log.csv', '--sample'], dir);
    expect(both.code).toBe(EXIT.usage);
  });
});

describe('customer-asset: bad data', () => {
  it('a missing file is a data error (3)', async () => {
    const r = await cli(['summary', 'nowhere.csv', '--currency', 'USD']);
    expect(r.code).toBe(EXIT.data);
    expect(r.err).toMatch(/cannot read nowhere\.csv: there is no such file/);
  });

  it('a missing column is named (3)', async () => {
    const dir = tempDir();
    writeFile(dir, 'log.csv', SMALL_CSV);
    const r = await cli(['summary', 'log.csv', '--currency', 'USD'], dir);
    expect(r.code).toBe(EXIT.data);
    expect(r.err).toMatch(/customerId/);
  });

  it('rows that cannot be read are named by line and column and listed in a file (3)', async () => {
    const dir = tempDir();
    const text = SMALL_CSV.replace('a,2024-02-10,12.50', 'a,2024-02-10,12,50').replace(
      'c,2024-09-09',
      'c,2024-13-09',
    );
    writeFile(dir, 'log.csv', text.replace('12,50', '"12,50"'));
    const r = await cli(['summary', 'log.csv', '--currency', 'USD', ...columns], dir);
    expect(r.code).toBe(EXIT.data);
    expect(r.err).toMatch(
      /2 rows of log\.csv could not be read; the first is line 3, column "value"/,
    );
    expect(r.err).toMatch(/rejected-rows\.csv/);
    expect(r.err).toMatch(/--skip-invalid/);
    const rejects = readFileSync(join(dir, 'rejected-rows.csv'), 'utf8').trim().split('\n');
    expect(rejects[0]).toBe('line,column,reason,row');
    expect(rejects).toHaveLength(3);
    expect(rejects[1]).toMatch(/^3,value,/);
    expect(rejects[2]).toMatch(/^7,day,/);
    // With --skip-invalid the command goes on, warns, and still lists them.
    const skip = await cli(
      [
        'summary',
        'log.csv',
        '--currency',
        'USD',
        ...columns,
        '--skip-invalid',
        '--rejects',
        'bad.csv',
      ],
      dir,
    );
    expect(skip.code).toBe(EXIT.ok);
    expect(skip.err).toMatch(/^warning: 2 rows/);
    expect(skip.out).toMatch(/^5 transactions/);
    expect(readFileSync(join(dir, 'bad.csv'), 'utf8').split('\n')[1]).toMatch(/^3,value,/);
  });

  it('a CX scenario file is checked field by field (3)', async () => {
    const dir = tempDir();
    writeFile(
      dir,
      'cx.json',
      JSON.stringify({ investment: ['1000'], effects: { retention: 'a lot' }, horizon: 5 }),
    );
    const r = await cli(['briefing', '--sample', '--cx', 'cx.json', '--out', 'out'], dir);
    expect(r.code).toBe(EXIT.data);
    expect(r.err).toMatch(/--cx: cx\.json is not a valid CX scenario: .*effects\.retention/);
    writeFile(dir, 'broken.json', '{ "investment": ');
    const broken = await cli(['briefing', '--sample', '--cx', 'broken.json'], dir);
    expect(broken.code).toBe(EXIT.data);
    expect(broken.err).toMatch(/not valid JSON/);
  });
});

describe('customer-asset: the single steps', () => {
  it('summary reads a file with its own column names', async () => {
    const dir = tempDir();
    writeFile(dir, 'log.csv', SMALL_CSV);
    const r = await cli(
      ['summary', 'log.csv', '--currency', 'USD', ...columns, '--period', 'month'],
      dir,
    );
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^7 transactions from 2024-01-03 to 2024-12-20/);
    expect(r.out).toMatch(/Revenue: \$79\.50\./);
    expect(r.out).toMatch(/Customers: 3, of whom 2 \(67%\) bought more than once\./);
    const json = await cli(['summary', 'log.csv', '--currency', 'USD', ...columns, '--json'], dir);
    const parsed = JSON.parse(json.out);
    expect(parsed.revenue).toBe('79.50');
    expect(parsed.customers).toBe(3);
    expect(parsed.summary.customers.map((c: { frequency: number }) => c.frequency)).toEqual([
      2, 0, 2,
    ]);
  });

  it('fit --json gives the fitted records of the sample', async () => {
    const r = await cli(['fit', '--sample', '--json', '--calibration-end', '2025-06-30']);
    expect(r.code).toBe(EXIT.ok);
    const fits = JSON.parse(r.out);
    // The holdout: 1,736 repeat purchases after 2025-06-30 by the customers acquired before.
    expect(fits.holdout.totalActual).toBe(1736);
    expect(fits.holdout.fitted.observations).toBe(fits.holdout.customers);
    expect(fits.purchase.model).toBe('bg-nbd');
    expect(fits.purchase.diagnostics.converged).toBe(true);
    expect(fits.spend.model).toBe('gamma-gamma');
    // The sample was drawn with r = 0.243, alpha = 4.414 (per week).
    expect(fits.purchase.params.r).toBeGreaterThan(0.2);
    expect(fits.purchase.params.r).toBeLessThan(0.29);
  });

  it('value and ledger agree on the value of the customers', async () => {
    const dir = tempDir();
    const { log } = simulateTransactions({
      model: 'bg-nbd',
      params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      customers: 500,
      start: '2024-01-01',
      acquisitionEnd: '2024-12-31',
      end: '2026-01-01',
      seed: 4,
      spend: { p: 6.25, q: 3.74, gamma: 40 },
      currency: 'USD',
    });
    writeFile(
      dir,
      'log.csv',
      `customerId,date,amount\n${log.transactions.map((t) => `${t.customerId},${t.date},${t.amount.toFixed(2)}`).join('\n')}\n`,
    );
    const money = ['--currency', 'USD', '--margin', '0.3', '--discount-rate', '0.1'];
    const value = await cli(
      ['value', 'log.csv', ...money, '--json', '--customers', 'clv.csv'],
      dir,
    );
    expect(value.code).toBe(EXIT.ok);
    const v = JSON.parse(value.out);
    expect(v.customers).toHaveLength(500);
    const csv = readFileSync(join(dir, 'clv.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(501);
    const ledger = await cli(['ledger', 'log.csv', ...money, '--json', '--cac', '20'], dir);
    expect(ledger.code).toBe(EXIT.ok);
    const l = JSON.parse(ledger.out);
    expect(l.checks.ok).toBe(true);
    expect(l.total.rows.map((r: { period: string }) => r.period)).toEqual(['2024', '2025']);
    const closing = Number(l.total.rows.at(-1).closing.amount);
    expect(Math.abs(closing - Number(v.customerEquity.amount))).toBeLessThan(1);
    expect(Number(l.acquisition[0].costPerCustomer.amount)).toBe(20);
    const text = await cli(['value', 'log.csv', ...money], dir);
    expect(text.out).toMatch(/^Customer equity: \$[\d,]+ \(95% interval \$[\d,]+ to \$[\d,]+\)/);
    expect(text.out).toMatch(/Most valuable customers:/);
  });
});
