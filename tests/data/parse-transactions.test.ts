import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../src/core/errors.js';
import { parseTransactions, safeParseTransactions } from '../../src/data/index.js';
import { Dec } from '../../src/money/decimal.js';

const USD = { currency: 'USD' } as const;

function thrown(run: () => unknown): CustomerAssetError {
  try {
    run();
  } catch (error) {
    if (error instanceof CustomerAssetError) return error;
    throw error;
  }
  throw new Error('expected a CustomerAssetError');
}

describe('parseTransactions', () => {
  it('reads the default fields into frozen transactions with exact amounts and day numbers', () => {
    const log = parseTransactions(
      [
        { customerId: 'a', date: '1997-01-01', amount: '29.33' },
        { customerId: 7, date: '1997-01-18', amount: 0.1 },
      ],
      USD,
    );
    expect(log.transactions).toHaveLength(2);
    const [t0, t1] = log.transactions;
    expect(t0).toMatchObject({ customerId: 'a', date: '1997-01-01', day: 9862, line: 1 });
    expect(t0!.amount.toString()).toBe('29.33');
    expect(t1).toMatchObject({ customerId: '7', date: '1997-01-18', day: 9879, line: 2 });
    expect(t1!.amount.toString()).toBe('0.1');
    expect(Object.isFrozen(log)).toBe(true);
    expect(Object.isFrozen(log.transactions)).toBe(true);
    expect(Object.isFrozen(t0)).toBe(true);
    expect(log).toMatchObject({ currency: 'USD', timeZone: 'UTC', rejected: [] });
    expect(log.refunds).toEqual({ policy: 'keep', count: 0 });
  });

  it('maps fields by option and reads the optional attributes when present', () => {
    const log = parseTransactions(
      [
        {
          cust: ' c1 ',
          ts: '2024-03-01T10:15:00+01:00',
          value: '12.50',
          order: 'o-1',
          qty: '2',
          ch: 'web',
          seg: 'gold',
        },
        { cust: 'c2', ts: '2024-03-02', value: '3', qty: '' },
      ],
      {
        currency: 'EUR',
        fields: {
          customerId: 'cust',
          date: 'ts',
          amount: 'value',
          orderId: 'order',
          quantity: 'qty',
          channel: 'ch',
          segment: 'seg',
        },
      },
    );
    expect(log.transactions[0]).toMatchObject({
      customerId: 'c1',
      date: '2024-03-01',
      orderId: 'o-1',
      quantity: 2,
      channel: 'web',
      segment: 'gold',
    });
    expect(log.transactions[1]).not.toHaveProperty('quantity');
    expect(log.transactions[1]).not.toHaveProperty('orderId');
  });

  it('takes day boundaries from the stated time zone', () => {
    const rows = [{ customerId: 'a', date: '2024-07-01T02:30:00+02:00', amount: '1' }];
    expect(parseTransactions(rows, USD).transactions[0]!.date).toBe('2024-07-01');
    expect(
      parseTransactions(rows, { currency: 'USD', timeZone: 'America/Los_Angeles' }).transactions[0]!
        .date,
    ).toBe('2024-06-30');
    const instant = [{ customerId: 'a', date: new Date('2024-01-01T01:00:00Z'), amount: '1' }];
    expect(
      parseTransactions(instant, { currency: 'USD', timeZone: 'America/New_York' }).transactions[0]!
        .date,
    ).toBe('2023-12-31');
  });

  it('reads YYYYMMDD with dateFormat yyyymmdd and rejects ISO dates then', () => {
    const log = parseTransactions(
      [
        { customerId: 'a', date: '19970101', amount: '1' },
        { customerId: 'a', date: '1997-01-01', amount: '1' },
      ],
      { currency: 'USD', dateFormat: 'yyyymmdd', onInvalid: 'collect' },
    );
    expect(log.transactions.map((t) => t.date)).toEqual(['1997-01-01']);
    expect(log.rejected[0]).toMatchObject({ line: 2, column: 'date' });
    expect(log.rejected[0]!.reason).toMatch(/YYYYMMDD/);
  });

  it('throws data/invalid-row naming the row, the column and the reason', () => {
    const error = thrown(() =>
      parseTransactions(
        [
          { customerId: 'a', date: '2024-01-01', amount: '1' },
          { customerId: 'a', date: '2024-01-02', amount: '1,000.00' },
        ],
        USD,
      ),
    );
    expect(error.code).toBe('data/invalid-row');
    expect(error.path).toEqual([2, 'amount']);
    expect(error.message).toBe(
      'parseTransactions: line 2, column "amount": not a decimal amount; expected a plain decimal such as "12.50" (no exponent, separators or symbols), received "1,000.00"',
    );
    expect(error.details).toMatchObject({ line: 2, column: 'amount' });
    expect(String(error.details?.raw)).toContain('1,000.00');
  });

  it('collects every bad row with its line, raw text and reason; accepted + rejected = rows', () => {
    const rows: unknown[] = [
      { customerId: 'a', date: '2024-01-01', amount: '1' },
      { customerId: '', date: '2024-01-01', amount: '1' },
      { customerId: 'b', date: '2024-02-30', amount: '1' },
      { customerId: 'b', amount: '1' },
      { customerId: 'b', date: '2024-01-01', amount: 'abc' },
      { customerId: 'b', date: '2024-01-01', amount: 1e21 },
      { customerId: 'b', date: '2024-01-01', amount: '2', quantity: 'many' },
      { customerId: 'b', date: '2024-01-01', amount: '2', channel: { web: true } },
      'not a row',
      null,
      { customerId: 'c', date: '2024-01-03', amount: '5' },
    ];
    const log = parseTransactions(rows, { currency: 'USD', onInvalid: 'collect' });
    expect(log.transactions.map((t) => t.line)).toEqual([1, 11]);
    expect(log.rejected.map((r) => [r.line, r.column])).toEqual([
      [2, 'customerId'],
      [3, 'date'],
      [4, 'date'],
      [5, 'amount'],
      [6, 'amount'],
      [7, 'quantity'],
      [8, 'channel'],
      [9, null],
      [10, null],
    ]);
    expect(log.transactions.length + log.rejected.length).toBe(rows.length);
    expect(log.rejected[1]!.raw).toBe('{"customerId":"b","date":"2024-02-30","amount":"1"}');
    expect(log.rejected[2]!.reason).toMatch(/^missing date; expected/);
    expect(log.rejected[4]!.reason).toContain('received 1e+21');
    expect(Object.isFrozen(log.rejected[0])).toBe(true);
  });

  it('keeps refunds by default, counts them, and rejects them with refunds: reject', () => {
    const rows = [
      { customerId: 'a', date: '2024-01-01', amount: '10' },
      { customerId: 'a', date: '2024-01-02', amount: '-4.50' },
      { customerId: 'a', date: '2024-01-03', amount: '-0.00' },
    ];
    const kept = parseTransactions(rows, USD);
    expect(kept.transactions.map((t) => t.amount.toString())).toEqual(['10', '-4.5', '0']);
    expect(kept.refunds).toEqual({ policy: 'keep', count: 1 });
    const rejected = parseTransactions(rows, {
      currency: 'USD',
      refunds: 'reject',
      onInvalid: 'collect',
    });
    expect(rejected.transactions).toHaveLength(2);
    expect(rejected.rejected[0]).toMatchObject({ line: 2, column: 'amount' });
    expect(rejected.refunds).toEqual({ policy: 'reject', count: 1 });
    expect(() => parseTransactions(rows, { currency: 'USD', refunds: 'reject' })).toThrow(
      /line 2, column "amount": negative amount/,
    );
  });

  it('accepts decimal.js amounts without rounding and keeps more than four decimals', () => {
    const log = parseTransactions(
      [
        { customerId: 'a', date: '2024-01-01', amount: new Dec('0.123456789') },
        { customerId: 'a', date: '2024-01-01', amount: '123456789012345.67' },
      ],
      USD,
    );
    expect(log.transactions[0]!.amount.toString()).toBe('0.123456789');
    expect(log.transactions[1]!.amount.toString()).toBe('123456789012345.67');
  });

  it('validates its options and input with input/invalid', () => {
    expect(() => parseTransactions([], {} as { currency: string })).toThrow(/options.currency/);
    expect(() => parseTransactions([], { currency: 'USD', timeZone: 'Mars/Olympus' })).toThrow(
      /IANA/,
    );
    expect(() =>
      parseTransactions([], { currency: 'USD', fields: { customer: 'x' } } as never),
    ).toThrow(expect.objectContaining({ code: 'input/invalid' }));
    expect(() => parseTransactions('rows' as never, USD)).toThrow(/rows must be an array/);
    expect(safeParseTransactions([{ customerId: 'a', date: 'x', amount: '1' }], USD)).toMatchObject(
      { success: false, error: { code: 'data/invalid-row' } },
    );
  });

  it('does not mutate its input rows', () => {
    const amount = new Dec('5');
    const row = { customerId: 'a', date: '2024-01-01', amount };
    parseTransactions([row], USD);
    expect(Object.isFrozen(row)).toBe(false);
    expect(Object.isFrozen(amount)).toBe(false);
  });
});
