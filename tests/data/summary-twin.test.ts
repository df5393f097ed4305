/**
 * The typed-array twin of a summary built by the library (src/data/summary-twin.ts): the builders
 * register it, it equals the rows, and the models give the same answers with it as from the rows
 * (a JSON round trip has no twin and is read and checked row by row), while a summary that is not
 * the library's own is still checked row by row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compressSummary,
  parseTransactions,
  rfmSummary,
  rfmSummaryFromRows,
} from '../../src/data/index.js';
import { type SummaryTwin, twinOf } from '../../src/data/summary-twin.js';
import { bgNbd } from '../../src/models/bg-nbd/index.js';
import { gammaGamma } from '../../src/models/gamma-gamma/index.js';
import { mbgNbd } from '../../src/models/mbg-nbd/index.js';
import { paretoNbd } from '../../src/models/pareto-nbd/index.js';
import { codeOf } from '../helpers/errors.js';

const rowsArb = fc.array(
  fc
    .record({
      x: fc.integer({ min: 0, max: 30 }),
      T: fc.double({ min: 0.5, max: 200, noNaN: true }),
      u: fc.double({ min: 0, max: 1, noNaN: true }),
      count: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ x, T, u, count }) => ({ frequency: x, recency: x === 0 ? 0 : u * T, T, count })),
  { minLength: 1, maxLength: 30 },
);

function expectTwinOfRows(
  twin: SummaryTwin | undefined,
  rows: readonly { frequency: number; recency: number; T: number; count: number }[],
): void {
  expect(twin).toBeDefined();
  expect(twin!.size).toBe(rows.length);
  rows.forEach((row, i) => {
    expect([twin!.frequency[i], twin!.recency[i], twin!.T[i], twin!.count[i]]).toEqual([
      row.frequency,
      row.recency,
      row.T,
      row.count,
    ]);
  });
}

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PNBD = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('summary twins', () => {
  it('rfmSummaryFromRows, compressSummary and Gamma-Gamma simulate register a twin equal to the rows', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const summary = rfmSummaryFromRows(rows, { timeUnit: 'week' });
        expectTwinOfRows(twinOf(summary.customers), summary.customers);
        const patterns = compressSummary(summary);
        expectTwinOfRows(twinOf(patterns.patterns), patterns.patterns);
      }),
      { numRuns: 50 },
    );
    const single = rfmSummaryFromRows(
      [
        { frequency: 2, recency: 10, T: 20 },
        { frequency: 0, recency: 0, T: 20 },
      ],
      { timeUnit: 'week' },
    );
    const withSpend = gammaGamma.simulate({ p: 6, q: 4, gamma: 15 }, { summary: single, seed: 1 });
    expectTwinOfRows(twinOf(withSpend.customers), withSpend.customers);
  });

  it('rfmSummary of a transaction log registers a twin equal to the rows', () => {
    const log = parseTransactions(
      [
        { customerId: 'a', date: '2024-01-01', amount: '10' },
        { customerId: 'a', date: '2024-01-15', amount: '12' },
        { customerId: 'b', date: '2024-01-20', amount: '8' },
      ],
      { currency: 'USD' },
    );
    const summary = rfmSummary(log, { timeUnit: 'week', observationEnd: '2024-02-01' });
    expectTwinOfRows(twinOf(summary.customers), summary.customers);
  });

  it('a copied or parsed summary has no twin, and every model scores and fits it the same', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const summary = rfmSummaryFromRows(rows, { timeUnit: 'week' });
        const parsed = JSON.parse(JSON.stringify(summary));
        expect(twinOf(parsed.customers)).toBeUndefined();
        for (const [model, params] of [
          [bgNbd, BG],
          [mbgNbd, BG],
        ] as const) {
          const a = model.score(params, summary, { horizon: 13, discountRate: 0.003 });
          const b = model.score(params, parsed, { horizon: 13, discountRate: 0.003 });
          expect(b).toEqual(a);
          expect(model.logLikelihood(params, parsed)).toBe(model.logLikelihood(params, summary));
        }
        const a = paretoNbd.score(PNBD, summary, { horizon: 13, discountRate: 0.003 });
        const b = paretoNbd.score(PNBD, parsed, { horizon: 13, discountRate: 0.003 });
        expect(b).toEqual(a);
        expect(paretoNbd.logLikelihood(PNBD, parsed)).toBe(paretoNbd.logLikelihood(PNBD, summary));
      }),
      { numRuns: 25 },
    );
  });

  it('a summary that is not the library’s own is still checked row by row', () => {
    const summary = rfmSummaryFromRows([{ frequency: 2, recency: 10, T: 20 }], {
      timeUnit: 'week',
    });
    const tampered = {
      ...summary,
      customers: [...summary.customers, { ...summary.customers[0]!, recency: 30 }],
    };
    expect(twinOf(tampered.customers)).toBeUndefined();
    for (const score of [
      () => bgNbd.score(BG, tampered, { horizon: 1 }),
      () => paretoNbd.score(PNBD, tampered, { horizon: 1 }),
    ])
      expect(codeOf(score)).toBe('input/invalid');
  });
});
