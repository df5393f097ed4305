import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clvConcentrationData } from '../../src/report/charts/clv-deciles.js';

const rows = fc
  .array(
    fc.record({
      // Currency units: zero, or at least a millionth of a unit (no subnormal floats).
      value: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })),
      count: fc.integer({ min: 1, max: 20 }),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .filter((r) => r.some((x) => x.value > 0));

describe('concentration laws', () => {
  it('group shares add up to one and the cumulative share ends at one', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 2, max: 20 }), (r, groups) => {
        const data = clvConcentrationData({
          values: r.map((x) => x.value),
          counts: r.map((x) => x.count),
          currency: 'USD',
          groups,
        });
        expect(data.groups.reduce((s, g) => s + g.share, 0)).toBeCloseTo(1, 9);
        expect(data.groups.at(-1)!.cumulativeShare).toBeCloseTo(1, 9);
      }),
    );
  });

  it('groups hold equal numbers of customers and never gain value going down the ranking', () => {
    fc.assert(
      fc.property(rows, (r) => {
        const data = clvConcentrationData({
          values: r.map((x) => x.value),
          counts: r.map((x) => x.count),
          currency: 'USD',
        });
        const customers = r.reduce((s, x) => s + x.count, 0);
        for (const g of data.groups) expect(g.customers).toBeCloseTo(customers / 10, 9);
        for (let i = 1; i < data.groups.length; i += 1)
          expect(data.groups[i]!.meanValue).toBeLessThanOrEqual(
            data.groups[i - 1]!.meanValue * (1 + 1e-9) + 1e-9,
          );
      }),
    );
  });

  it('the concentration curve lies on or above the diagonal, so the Gini coefficient is in [0, 1)', () => {
    fc.assert(
      fc.property(rows, (r) => {
        const data = clvConcentrationData({
          values: r.map((x) => x.value),
          counts: r.map((x) => x.count),
          currency: 'USD',
        });
        for (const p of data.curve)
          expect(p.valueShare).toBeGreaterThanOrEqual(p.customerShare - 1e-9);
        expect(data.gini).toBeGreaterThanOrEqual(-1e-9);
        expect(data.gini).toBeLessThan(1);
      }),
    );
  });

  it('the result does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(rows, (r) => {
        const a = clvConcentrationData({
          values: r.map((x) => x.value),
          counts: r.map((x) => x.count),
          currency: 'USD',
        });
        const reversed = [...r].reverse();
        const b = clvConcentrationData({
          values: reversed.map((x) => x.value),
          counts: reversed.map((x) => x.count),
          currency: 'USD',
        });
        for (const [i, g] of a.groups.entries()) expect(g.share).toBeCloseTo(b.groups[i]!.share, 9);
        expect(a.gini).toBeCloseTo(b.gini, 9);
      }),
    );
  });
});
