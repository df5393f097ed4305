import { describe, expect, it } from 'vitest';
import type { CustomerAssetError } from '../../src/core/errors.js';
import {
  compressSummary,
  type RfmInputRow,
  rfmSummaryFromRows,
  safeRfmSummaryFromRows,
  toColumns,
} from '../../src/data/index.js';

function errorOf(rows: unknown[]): CustomerAssetError {
  const result = safeRfmSummaryFromRows(rows as RfmInputRow[], { timeUnit: 'week' });
  if (result.success) throw new Error('expected a failure');
  return result.error;
}

describe('rfmSummaryFromRows', () => {
  it('builds the summary type from warehouse rows (numbers, bigints, numeric strings)', () => {
    const summary = rfmSummaryFromRows(
      [
        { customerId: 'a', frequency: 2n, recency: '30.43', T: 38.86, monetaryValue: '22.350' },
        { customerId: 7, frequency: '0', recency: 0, T: '38.86', monetaryValue: 0 },
        {
          customerId: 'c',
          frequency: 1,
          recency: 1.71,
          T: 38.86,
          monetaryValue: 11.77,
          count: '3',
        },
      ],
      { timeUnit: 'week', mergeBy: 'day', currency: 'USD' },
    );
    expect(summary.customers).toEqual([
      { customerId: 'a', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: '22.35', count: 1 },
      { customerId: '7', frequency: 0, recency: 0, T: 38.86, monetaryValue: null, count: 1 },
      { customerId: 'c', frequency: 1, recency: 1.71, T: 38.86, monetaryValue: '11.77', count: 3 },
    ]);
    expect(summary.conventions).toMatchObject({
      source: 'rows',
      mergeBy: 'day',
      timeUnit: 'week',
      timeScale: 'days/7',
      monetaryValue: 'as-supplied',
      refunds: 'unstated',
      timeZone: null,
    });
    expect(summary.currency).toBe('USD');
    expect(summary.excluded).toBeNull();
  });

  it('defaults ids to the row index and the merge rule to unstated', () => {
    const summary = rfmSummaryFromRows([{ frequency: 0, recency: 0, T: 6 }], {
      timeUnit: 'period',
    });
    expect(summary.customers[0]!.customerId).toBe('0');
    expect(summary.conventions).toMatchObject({ mergeBy: 'unstated', timeScale: 'unstated' });
  });

  it('stores -0 as 0', () => {
    const summary = rfmSummaryFromRows([{ frequency: 0, recency: -0, T: 5 }], { timeUnit: 'day' });
    expect(Object.is(summary.customers[0]!.recency, 0)).toBe(true);
  });

  it.each([
    [
      [{ frequency: 1.5, recency: 1, T: 2 }],
      [0, 'frequency'],
      'rows[0].frequency must be an integer',
    ],
    [[{ frequency: -1, recency: 0, T: 2 }], [0, 'frequency'], 'must be an integer'],
    [[{ frequency: 1, recency: -1, T: 2 }], [0, 'recency'], 'must be a finite number >= 0'],
    [[{ frequency: 1, recency: 3, T: 2 }], [0, 'recency'], 'rows[0].recency must not exceed T'],
    [[{ frequency: 0, recency: 1, T: 2 }], [0, 'recency'], 'must be 0 when frequency is 0'],
    [[{ frequency: 1, recency: 1, T: Number.NaN }], [0, 'T'], 'rows[0].T must be a finite number'],
    [
      [{ frequency: 1, recency: 1, T: 2, count: 0 }],
      [0, 'count'],
      'rows[0].count must be an integer',
    ],
    [
      [{ frequency: 1, recency: 1, T: 2, monetaryValue: '1e3' }],
      [0, 'monetaryValue'],
      'is not a decimal',
    ],
    [
      [{ frequency: 0, recency: 0, T: 2, monetaryValue: '5' }],
      [0, 'monetaryValue'],
      'must be null or 0 when frequency is 0',
    ],
    [
      [
        { customerId: 'a', frequency: 0, recency: 0, T: 2 },
        { customerId: 'a', frequency: 0, recency: 0, T: 2 },
      ],
      [1, 'customerId'],
      'rows[1].customerId is a duplicate',
    ],
    [[{ frequency: 1n << 60n, recency: 1, T: 2 }], [0, 'frequency'], 'must be an integer'],
    [['row'], [0], 'rows[0] is not an object'],
  ])('rejects a bad row with data/invalid-row naming row and field (%#)', (rows, path, message) => {
    const error = errorOf(rows);
    expect(error.code).toBe('data/invalid-row');
    expect(error.path).toEqual(path);
    expect(error.message).toContain(message);
    expect(error.message.startsWith('rfmSummaryFromRows: ')).toBe(true);
  });

  it('validates options', () => {
    expect(() => rfmSummaryFromRows([], {} as never)).toThrow(/options.timeUnit/);
    expect(() => rfmSummaryFromRows({} as never, { timeUnit: 'day' })).toThrow(
      /rows must be an array/,
    );
  });
});

describe('compressSummary and toColumns', () => {
  const summary = rfmSummaryFromRows(
    [
      { customerId: 'a', frequency: 1, recency: 2, T: 5, monetaryValue: '3' },
      { customerId: 'b', frequency: 0, recency: 0, T: 5 },
      { customerId: 'c', frequency: 1, recency: 2, T: 5, monetaryValue: '4' },
      { customerId: 'd', frequency: 0, recency: 0, T: 5, count: 4 },
      { customerId: 'e', frequency: 1, recency: 2.0000000000000004, T: 5, monetaryValue: '1' },
    ],
    { timeUnit: 'week' },
  );

  it('groups identical doubles only, adding counts', () => {
    const compressed = compressSummary(summary);
    expect(compressed.patterns).toEqual([
      { frequency: 0, recency: 0, T: 5, count: 5 },
      { frequency: 1, recency: 2, T: 5, count: 2 },
      { frequency: 1, recency: 2.0000000000000004, T: 5, count: 1 },
    ]);
    expect(compressed.customerCount).toBe(8);
    expect(compressed.conventions).toBe(summary.conventions);
    expect(Object.isFrozen(compressed.patterns[0])).toBe(true);
  });

  it('toColumns gives typed arrays, with monetary values 0 where frequency is 0', () => {
    const columns = toColumns(summary);
    expect(columns.size).toBe(5);
    expect([...columns.frequency]).toEqual([1, 0, 1, 0, 1]);
    expect([...columns.count]).toEqual([1, 1, 1, 4, 1]);
    expect([...columns.monetaryValue!]).toEqual([3, 0, 4, 0, 1]);
    expect(columns.customerId).toEqual(['a', 'b', 'c', 'd', 'e']);
    const patterns = toColumns(compressSummary(summary));
    expect([...patterns.recency]).toEqual([0, 2, 2.0000000000000004]);
    expect(patterns).not.toHaveProperty('monetaryValue');
  });

  it('toColumns reports a missing monetary value of a repeat buyer as a null column', () => {
    const partial = rfmSummaryFromRows([{ frequency: 2, recency: 1, T: 3 }], { timeUnit: 'week' });
    expect(toColumns(partial).monetaryValue).toBeNull();
  });

  it('refuses what is not a summary', () => {
    expect(() => compressSummary({ kind: 'other' } as never)).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(() => toColumns(null as never)).toThrow(/RFM summary or pattern summary/);
  });
});
