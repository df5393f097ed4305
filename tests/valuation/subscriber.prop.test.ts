import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftedBetaGeometric } from '../../src/models/shifted-beta-geometric/index.js';
import { money } from '../../src/money/index.js';
import {
  compareWithConstantRetention,
  subscriberBaseValue,
  subscriberResidualValue,
  subscribersByTenure,
} from '../../src/valuation/contractual.js';

const logUniform = (min: number, max: number) =>
  fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const params = fc.record({ alpha: logUniform(0.05, 20), beta: logUniform(0.05, 50) });
const tenures = fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 40 });
const margin = money('49.99', 'USD');

describe('subscriber valuation laws', () => {
  it('the value of a base equals the sum of its subscribers residual values', () => {
    fc.assert(
      fc.property(params, logUniform(0.001, 1), tenures, (p, d, ks) => {
        const base = subscriberBaseValue({
          model: shiftedBetaGeometric,
          params: p,
          margin,
          discountRate: d,
          subscribers: subscribersByTenure(ks),
        });
        const sum = ks.reduce(
          (total, k) =>
            total +
            subscriberResidualValue({
              model: shiftedBetaGeometric,
              params: p,
              margin,
              discountRate: d,
              periodsSurvived: k,
            }).amount.toNumber(),
          0,
        );
        expect(base.subscribers).toBe(ks.length);
        expect(Math.abs(base.total.amount.toNumber() / sum - 1)).toBeLessThan(1e-11);
      }),
      { numRuns: 50 },
    );
  });

  it('a single aggregate retention rate never overvalues an sBG base', () => {
    fc.assert(
      fc.property(params, logUniform(0.001, 1), tenures, (p, d, ks) => {
        const table = compareWithConstantRetention({
          model: shiftedBetaGeometric,
          params: p,
          margin,
          discountRate: d,
          subscribers: subscribersByTenure(ks),
        });
        expect(table.total.understatement).toBeGreaterThanOrEqual(-1e-12);
        for (const row of table.byTenure)
          expect(row.constantValue.amount.eq(table.byTenure[0]!.constantValue.amount)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('residual value per subscriber never decreases with tenure under the sBG', () => {
    fc.assert(
      fc.property(params, logUniform(0.001, 1), tenures, (p, d, ks) => {
        const rows = subscriberBaseValue({
          model: shiftedBetaGeometric,
          params: p,
          margin,
          discountRate: d,
          subscribers: subscribersByTenure(ks),
        }).byTenure;
        for (let i = 1; i < rows.length; i += 1)
          expect(rows[i]!.derl).toBeGreaterThanOrEqual(rows[i - 1]!.derl * (1 - 1e-12));
      }),
      { numRuns: 50 },
    );
  });
});
