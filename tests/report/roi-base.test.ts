import { describe, expect, it } from 'vitest';
import { bgNbd } from '../../src/models/bg-nbd/index.js';
import type { TransactionModel } from '../../src/models/types.js';
import { money } from '../../src/money/money.js';
import { yearlyCustomerValuesBase } from '../../src/report/roi-base.js';
import { retentionVsAcquisition } from '../../src/roi/retention-vs-acquisition.js';

const model = bgNbd as unknown as TransactionModel<string, Readonly<Record<string, number>>>;
const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const d = 0.1;
const common = {
  model,
  params,
  margin: 0.3,
  meanSpend: 35,
  yearlyRate: d,
  unitRate: 1.1 ** (7 / 365.2425) - 1,
  unitsPerYear: 365.2425 / 7,
  currency: 'USD',
};

describe('the yearly customer-values base', () => {
  it('maps a customer to the constant-retention customer with the same next-year margin and value', () => {
    // e = 0.3 × 50 × 2 = 30 a year; a continuous value V_c with V = V_c·δ/d = 100 at year ends.
    const Vc = (100 * d) / Math.log1p(d);
    const base = yearlyCustomerValuesBase({
      ...common,
      count: [1],
      expectedPurchasesNextYear: [2],
      expectedSpend: [50],
      residualValue: [Vc],
    });
    const row = base.base.customers[0]!;
    // r = 1 + d − e/V = 0.8, rounded to 1e-3; V and e are rebuilt from r and m = e/r.
    expect(Number(row.nextPeriodMargin.amount.toString())).toBeCloseTo(30, 6);
    expect(Number(row.residualValue.amount.toString())).toBeCloseTo(100, 6);
    expect(base.adjusted).toBe(0);
    // The same customer valued on simple rates gives the same one-point gain.
    const fromBase = retentionVsAcquisition({
      base: base.base,
      discountRate: '0.1',
      acquisitionCost: money('10', 'USD'),
    });
    const fromRates = retentionVsAcquisition({
      base: {
        kind: 'rates',
        customers: 1,
        margin: money('37.5', 'USD'),
        retention: '0.8',
        period: 'year',
      },
      discountRate: '0.1',
      acquisitionCost: money('10', 'USD'),
    });
    expect(Number(fromBase.retentionGain.amount.toString())).toBeCloseTo(
      Number(fromRates.retentionGain.amount.toString()),
      4,
    );
  });

  it('merges customers with the same retention, keeping their total margin, and counts the adjusted ones', () => {
    const Vc = (100 * d) / Math.log1p(d);
    const base = yearlyCustomerValuesBase({
      ...common,
      count: [2, 3, 1],
      expectedPurchasesNextYear: [2, 4, 0.1],
      expectedSpend: [50, 50, 50],
      // rows 1 and 2 share r = 0.8 (e/V = 0.3); row 3 has e = 1.5 < d·V = 10: retention capped at 100%.
      residualValue: [Vc, 2 * Vc, Vc],
    });
    expect(base.base.customers).toHaveLength(2);
    const merged = base.base.customers.find((c) => c.count === 5)!;
    // Σ count × m = 2 × 37.5 + 3 × 75 = 300 over 5 customers: m = 60, e = 48.
    expect(Number(merged.nextPeriodMargin.amount.toString())).toBeCloseTo(48, 6);
    expect(base.adjusted).toBe(1);
    const capped = base.base.customers.find((c) => c.count === 1)!;
    expect(Number(capped.nextPeriodMargin.amount.toString())).toBeCloseTo(
      d * Number(capped.residualValue.amount.toString()),
      6,
    );
  });

  it('values a new customer with its first order and solves its retention', () => {
    const base = yearlyCustomerValuesBase({
      ...common,
      count: [1],
      expectedPurchasesNextYear: [1],
      expectedSpend: [35],
      residualValue: [20],
    });
    const perPurchase = 0.3 * 35;
    expect(base.newCustomerValue).toBeCloseTo(
      perPurchase * (1 + bgNbd.dert(params, { frequency: 0, recency: 0, T: 0 }, common.unitRate)),
      9,
    );
    expect(base.newCustomerMargin).toBeCloseTo(
      perPurchase * (1 + bgNbd.expectedPurchasesNewCustomer(params, common.unitsPerYear)),
      9,
    );
    const r = base.newCustomerRetention;
    // m(1 + d)/(1 + d − r) = CLV_new
    expect((base.newCustomerMargin * (1 + d)) / (1 + d - r)).toBeCloseTo(base.newCustomerValue, 6);
  });
});
