import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmSummaryFromRows } from '../../src/data/index.js';
import { money, moneyEquals, multiplyMoney, sumMoney } from '../../src/money/index.js';
import { customerLifetimeValue } from '../../src/valuation/index.js';
import { poissonExponential, toyFitted } from './helpers/toy-model.js';

/** A customer history in weeks: x, then t_x ≤ T (t_x = 0 when x = 0). */
const historyArb = fc
  .record({
    frequency: fc.integer({ min: 0, max: 60 }),
    T: fc.integer({ min: 1, max: 700 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    count: fc.integer({ min: 1, max: 1000 }),
    spend: fc.integer({ min: 0, max: 50_000 }),
  })
  .map(({ frequency, T, share, count, spend }) => ({
    frequency,
    recency: frequency === 0 ? 0 : Math.round(share * T * 7) / 7,
    T,
    count,
    monetaryValue: frequency === 0 ? null : (spend / 100).toFixed(2),
  }));

const paramsArb = fc.record({
  lambda: fc.double({ min: 0.01, max: 3, noNaN: true }),
  mu: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
});

const rateArb = fc.integer({ min: 1, max: 40 }).map((p) => (p / 100).toFixed(2));

function summaryOf(
  rows: readonly ReturnType<typeof historyArb.generate>['value'][],
  unit: 'week' | 'day' = 'week',
) {
  const scale = unit === 'day' ? 7 : 1;
  return rfmSummaryFromRows(
    rows.map((r, i) => ({
      customerId: `c${i}`,
      frequency: r.frequency,
      recency: r.recency * scale,
      T: r.T * scale,
      count: r.count,
      monetaryValue: r.monetaryValue,
    })),
    { timeUnit: unit, currency: 'USD' },
  );
}

describe('customerLifetimeValue laws', () => {
  it('customer equity equals the exact sum of count x each customer value', () => {
    fc.assert(
      fc.property(
        fc.array(historyArb, { minLength: 1, maxLength: 8 }),
        paramsArb,
        rateArb,
        (rows, params, rate) => {
          const clv = customerLifetimeValue({
            transactions: { model: poissonExponential, params },
            spend: { amount: money('12.34', 'USD') },
            summary: summaryOf(rows),
            horizon: 'infinite',
            discount: { rate, per: { value: 52, unit: 'week' } },
            margin: '0.35',
            currency: 'USD',
          });
          const parts = rows.map((_, i) => multiplyMoney(clv.valueAt(i), clv.count[i]!));
          expect(moneyEquals(clv.customerEquity.value, sumMoney(parts))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a longer horizon never lowers a customer value', () => {
    fc.assert(
      fc.property(
        historyArb,
        paramsArb,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (row, params, h1, extra) => {
          const valueAt = (weeks: number) =>
            customerLifetimeValue({
              transactions: { model: poissonExponential, params },
              spend: { amount: money('10', 'USD') },
              summary: summaryOf([row]),
              horizon: { value: weeks, unit: 'week' },
              discount: { rate: '0.1', per: { value: 52, unit: 'week' } },
              margin: '1',
              currency: 'USD',
            }).valueAt(0).amount;
          expect(valueAt(h1 + extra).gte(valueAt(h1))).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('changing the time unit (weeks to days, λ and μ divided by 7) leaves every value unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(historyArb, { minLength: 1, maxLength: 5 }),
        paramsArb,
        rateArb,
        (rows, params, rate) => {
          const common = {
            spend: { amount: money('25', 'USD') },
            horizon: 'infinite' as const,
            discount: { rate, per: { value: 52, unit: 'week' as const } },
            margin: '0.3',
            currency: 'USD',
          };
          const weekly = customerLifetimeValue({
            ...common,
            transactions: { model: poissonExponential, params },
            summary: summaryOf(rows, 'week'),
          });
          const daily = customerLifetimeValue({
            ...common,
            transactions: {
              model: poissonExponential,
              params: { lambda: params.lambda / 7, mu: params.mu / 7 },
            },
            summary: summaryOf(rows, 'day'),
          });
          for (let i = 0; i < rows.length; i += 1) {
            const w = weekly.value[i]!;
            expect(Math.abs(daily.value[i]! - w)).toBeLessThanOrEqual(1e-9 * Math.max(1, w));
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('every customer value lies inside its delta interval, and the equity inside its own', () => {
    fc.assert(
      fc.property(
        fc.array(historyArb, { minLength: 1, maxLength: 5 }),
        paramsArb,
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        (rows, params, cv) => {
          const v1 = (cv * params.lambda) ** 2;
          const v2 = (cv * params.mu) ** 2;
          const clv = customerLifetimeValue({
            transactions: {
              model: poissonExponential,
              fitted: toyFitted(params, [
                [v1, 0.3 * Math.sqrt(v1 * v2)],
                [0.3 * Math.sqrt(v1 * v2), v2],
              ]),
            },
            spend: { amount: money('10', 'USD') },
            summary: summaryOf(rows),
            horizon: 'infinite',
            discount: { rate: '0.15', per: { value: 52, unit: 'week' } },
            margin: '0.3',
            currency: 'USD',
          });
          const interval = clv.interval!;
          for (let i = 0; i < rows.length; i += 1) {
            expect(interval.lower[i]!).toBeLessThanOrEqual(clv.value[i]! * (1 + 1e-12));
            expect(interval.upper[i]!).toBeGreaterThanOrEqual(clv.value[i]! * (1 - 1e-12));
          }
          const { value, lower, upper } = clv.customerEquity;
          expect(lower!.amount.lte(value.amount)).toBe(true);
          expect(upper!.amount.gte(value.amount)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a long finite horizon in short periods tends to the continuous DERT value', () => {
    const rows = [
      { frequency: 3, recency: 20, T: 30, count: 1, monetaryValue: '10.00' },
      { frequency: 0, recency: 0, T: 30, count: 1, monetaryValue: null },
    ];
    const params = { lambda: 0.3, mu: 0.05 };
    const common = {
      transactions: { model: poissonExponential, params },
      spend: { amount: money('10', 'USD') },
      summary: summaryOf(rows),
      discount: { rate: '0.15', per: { value: 52, unit: 'week' as const } },
      margin: '1',
      currency: 'USD',
    };
    const infinite = customerLifetimeValue({ ...common, horizon: 'infinite' });
    const finite = customerLifetimeValue({
      ...common,
      horizon: { value: 400, unit: 'week' },
      period: { value: 2, unit: 'day' },
    });
    for (let i = 0; i < 2; i += 1) expect(finite.value[i]! / infinite.value[i]!).toBeCloseTo(1, 5);
  });
});
