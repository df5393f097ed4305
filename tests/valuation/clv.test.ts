import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../src/core/errors.js';
import { compressSummary, rfmSummaryFromRows } from '../../src/data/index.js';
import { bgBb } from '../../src/models/bg-bb/index.js';
import { gammaGamma } from '../../src/models/gamma-gamma/index.js';
import { addMoney, money, moneyEquals, multiplyMoney, sumMoney } from '../../src/money/index.js';
import {
  type CustomerLifetimeValueInput,
  customerLifetimeValue,
  predictionInterval,
  safeCustomerLifetimeValue,
} from '../../src/valuation/index.js';
import {
  poissonExponential,
  type ToyParams,
  toyAlive,
  toyExpected,
  toyFitted,
} from './helpers/toy-model.js';

const summary = rfmSummaryFromRows(
  [
    { customerId: 'a', frequency: 2, recency: 30, T: 38, monetaryValue: '20' },
    { customerId: 'b', frequency: 0, recency: 0, T: 38 },
    { customerId: 'c', frequency: 5, recency: 37, T: 38, monetaryValue: '50.5', count: 3 },
  ],
  { timeUnit: 'week', currency: 'USD' },
);
const customers = summary.customers.map((r) => ({
  frequency: r.frequency,
  recency: r.recency,
  T: r.T,
}));
const params: ToyParams = { lambda: 0.2, mu: 0.02 };
const covariance = [
  [0.0004, 0.00001],
  [0.00001, 0.00002],
];
const spendParams = { p: 6, q: 4, gamma: 15 };
/** Gamma-Gamma E(M) = (γ + m·x)·p / (p·x + q − 1): 22, 30 (population mean) and 48.636... */
const expectedSpend = [((15 + 40) * 6) / 15, (6 * 15) / 3, ((15 + 252.5) * 6) / 33];
const delta = Math.log(1.15) / 52;
const weeklyRate = { rate: '0.15', per: { value: 52, unit: 'week' } } as const;

function base(
  overrides: Partial<CustomerLifetimeValueInput<ToyParams, typeof spendParams>> = {},
): CustomerLifetimeValueInput<ToyParams, typeof spendParams> {
  return {
    transactions: { model: poissonExponential, params },
    spend: { model: gammaGamma, params: spendParams },
    summary,
    horizon: 'infinite',
    discount: weeklyRate,
    margin: '0.30',
    currency: 'USD',
    ...overrides,
  };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CustomerAssetError ? error.code : 'not-coded';
  }
  return undefined;
}

describe('customerLifetimeValue: infinite horizon (DERT)', () => {
  const clv = customerLifetimeValue(base());

  it('is margin × E(M) × DERT with DERT = P(alive)·λ/(μ + δ), δ = ln(1.15)/52', () => {
    for (let i = 0; i < 3; i += 1) {
      const dert = (toyAlive(params, customers[i]!) * 0.2) / (0.02 + delta);
      expect(clv.discountedTransactions[i]).toBeCloseTo(dert, 12);
      expect(clv.expectedSpend[i]).toBeCloseTo(expectedSpend[i]!, 12);
      expect(clv.value[i]).toBeCloseTo(0.3 * expectedSpend[i]! * dert, 10);
      expect(clv.valueAt(i).amount.toNumber()).toBeCloseTo(0.3 * expectedSpend[i]! * dert, 8);
      expect(clv.valueAt(i).currency).toBe('USD');
    }
    expect(clv.valueAt(0).amount.toFixed(4)).toBe('40.4741');
    expect(clv.expectedTransactions).toBeNull();
    expect(clv.stream).toBeNull();
    expect(clv.streamAt(0)).toBeNull();
  });

  it('carries ids, counts and the named conventions', () => {
    expect(clv.customerIds).toEqual(['a', 'b', 'c']);
    expect([...clv.count]).toEqual([1, 1, 3]);
    expect(clv.customers).toBe(5);
    expect(clv.conventions.horizon).toBe('infinite');
    expect(clv.conventions.timing).toBe('continuous');
    expect(clv.conventions.discount.conversion).toBe('(1 + 0.15)^(1 week / 52 week) - 1 (exact)');
    expect(clv.conventions.spendModel).toBe('gamma-gamma');
    expect(clv.conventions.rounding).toContain('1e-8 USD');
    expect(clv.interval).toBeNull();
    expect(Object.isFrozen(clv)).toBe(true);
    expect(Object.isFrozen(clv.conventions)).toBe(true);
  });

  it('customer equity is the exact sum of count × each customer value', () => {
    const parts = [0, 1, 2].map((i) => multiplyMoney(clv.valueAt(i), clv.count[i]!));
    expect(moneyEquals(clv.customerEquity.value, sumMoney(parts))).toBe(true);
    // Each value is the quantised revenue (1e-8) times the margin: at most 10 decimals here.
    expect(clv.valueAt(2).amount.decimalPlaces()).toBeLessThanOrEqual(10);
  });

  it('scales exactly with the margin', () => {
    const doubled = customerLifetimeValue(base({ margin: '0.60' }));
    expect(moneyEquals(doubled.valueAt(0), addMoney(clv.valueAt(0), clv.valueAt(0)))).toBe(true);
    expect(
      moneyEquals(
        doubled.customerEquity.value,
        addMoney(clv.customerEquity.value, clv.customerEquity.value),
      ),
    ).toBe(true);
  });

  it('takes a fixed spend per transaction and a pattern summary', () => {
    const fixed = customerLifetimeValue(
      base({ spend: { amount: money('10', 'USD') }, summary: compressSummary(summary) }),
    );
    expect(fixed.customerIds).toBeNull();
    expect(fixed.conventions.spendModel).toBe('fixed-amount');
    // Patterns are sorted by (x, t_x, T): the x = 0 pattern first.
    const dert = (toyAlive(params, customers[1]!) * 0.2) / (0.02 + delta);
    expect(fixed.value[0]).toBeCloseTo(0.3 * 10 * dert, 10);
  });
});

describe('customerLifetimeValue: finite horizon', () => {
  const rate = { rate: '0.01', per: 'week' } as const;

  function byHand(i: number, weeks: number, at: (k: number) => number): number {
    let total = 0;
    for (let k = 1; k <= weeks; k += 1) {
      const dE = toyExpected(params, customers[i]!, k) - toyExpected(params, customers[i]!, k - 1);
      total += 1.01 ** -at(k) * dE;
    }
    return total;
  }

  it('discounts each week at its middle by default (FH 2015 eq. 3.13)', () => {
    const clv = customerLifetimeValue(
      base({ horizon: { value: 3, unit: 'week' }, discount: rate }),
    );
    for (let i = 0; i < 3; i += 1) {
      expect(clv.discountedTransactions[i]).toBeCloseTo(
        byHand(i, 3, (k) => k - 0.5),
        12,
      );
      expect(clv.expectedTransactions![i]).toBeCloseTo(toyExpected(params, customers[i]!, 3), 12);
    }
    expect(clv.conventions.timing).toBe('mid');
    expect(clv.conventions.periods).toBe(3);
    expect(clv.conventions.discounting).toContain('eq. 3.13');
  });

  it('discounts at the end of each period with timing end', () => {
    const clv = customerLifetimeValue(
      base({ horizon: { value: 21, unit: 'day' }, discount: rate, timing: 'end' }),
    );
    expect(clv.conventions.horizon).toMatchObject({ value: 3, unit: 'week' });
    for (let i = 0; i < 3; i += 1)
      expect(clv.discountedTransactions[i]).toBeCloseTo(
        byHand(i, 3, (k) => k),
        12,
      );
  });

  it('gives the base stream per period; its present values add up to the customer equity', () => {
    const clv = customerLifetimeValue(
      base({ horizon: { value: 10, unit: 'week' }, discount: rate }),
    );
    const stream = clv.stream!;
    expect(stream).toHaveLength(10);
    let transactions = 0;
    for (let i = 0; i < 3; i += 1) transactions += clv.count[i]! * clv.expectedTransactions![i]!;
    expect(stream.reduce((s, p) => s + p.expectedTransactions, 0)).toBeCloseTo(transactions, 10);
    const total = sumMoney(stream.map((p) => p.presentValue));
    // Each period is rounded to 1e-8 on its own: at most 10 quanta x margin apart.
    expect(Math.abs(total.amount.minus(clv.customerEquity.value.amount).toNumber())).toBeLessThan(
      1e-7,
    );
    expect(stream[0]!.discountFactor).toBeCloseTo(1.01 ** -0.5, 15);
    expect(stream[9]).toMatchObject({ index: 10, start: 9, end: 10 });
  });

  it("gives one customer's stream on demand, adding up to its value", () => {
    const clv = customerLifetimeValue(
      base({ horizon: { value: 10, unit: 'week' }, discount: rate }),
    );
    const stream = clv.streamAt(2)!;
    expect(stream).toHaveLength(10);
    const dE1 = toyExpected(params, customers[2]!, 1);
    expect(stream[0]!.expectedTransactions).toBeCloseTo(dE1, 14);
    expect(stream[0]!.expectedRevenue.amount.toNumber()).toBeCloseTo(dE1 * expectedSpend[2]!, 7);
    const total = sumMoney(stream.map((p) => p.presentValue));
    expect(Math.abs(total.amount.minus(clv.valueAt(2).amount).toNumber())).toBeLessThan(1e-7);
  });

  it('ends with a shorter period when the horizon is not a whole number of periods', () => {
    const clv = customerLifetimeValue(
      base({
        horizon: { value: 1, unit: 'month' },
        calendar: 'gregorian-average',
        discount: { rate: '0.12', per: 'year' },
      }),
    );
    const weeks = 365.2425 / 12 / 7;
    expect(clv.stream).toHaveLength(5);
    expect(clv.stream![4]!.end).toBeCloseTo(weeks, 14);
    expect(clv.expectedTransactions![0]).toBeCloseTo(toyExpected(params, customers[0]!, weeks), 12);
    expect(clv.conventions.discount.conversion).toContain('Gregorian average');
  });

  it('is zero over a zero horizon', () => {
    const clv = customerLifetimeValue(base({ horizon: { value: 0, unit: 'week' } }));
    expect(clv.customerEquity.value.amount.isZero()).toBe(true);
    expect(clv.stream).toEqual([]);
  });
});

describe('customerLifetimeValue: intervals', () => {
  const fitted = toyFitted(params, covariance);

  it('gives a 95% delta interval by default with a fitted record, equal to predictionInterval on the log scale', () => {
    const clv = customerLifetimeValue(
      base({
        transactions: { model: poissonExponential, fitted },
        spend: { amount: money('10', 'USD') },
      }),
    );
    const interval = clv.interval!;
    expect(interval.level).toBe(0.95);
    expect(interval.method).toBe('delta');
    expect(interval.covers).toEqual(['transactions: poisson-exponential']);
    for (let i = 0; i < 3; i += 1) {
      const reference = predictionInterval(
        poissonExponential,
        fitted,
        (p) => (0.3 * 10 * toyAlive(p, customers[i]!) * p.lambda) / (p.mu + delta),
        { scale: 'log' },
      );
      expect(interval.lower[i]! / reference.lower).toBeCloseTo(1, 6);
      expect(interval.upper[i]! / reference.upper).toBeCloseTo(1, 6);
      const money = interval.intervalAt(i);
      expect(money.lower.amount.toNumber()).toBeCloseTo(interval.lower[i]!, 7);
      expect(money.upper.amount.toNumber()).toBeCloseTo(interval.upper[i]!, 7);
    }
    const equity = predictionInterval(
      poissonExponential,
      fitted,
      (p) => {
        let total = 0;
        for (let i = 0; i < 3; i += 1)
          total +=
            (clv.count[i]! * 0.3 * 10 * toyAlive(p, customers[i]!) * p.lambda) / (p.mu + delta);
        return total;
      },
      { scale: 'log' },
    );
    expect(clv.customerEquity.lower!.amount.toNumber() / equity.lower).toBeCloseTo(1, 6);
    expect(clv.customerEquity.upper!.amount.toNumber() / equity.upper).toBeCloseTo(1, 6);
  });

  it('adds the spend uncertainty (independent fits: the variances of the logs add)', () => {
    const spendCovariance = [
      [1.4, -0.23, -4.8],
      [-0.23, 0.084, 0.99],
      [-4.8, 0.99, 17.3],
    ];
    const spendFitted = {
      ...fitted,
      model: 'gamma-gamma',
      params: spendParams,
      covariance: spendCovariance,
      parameterOrder: ['p', 'q', 'gamma'],
    } as never;
    const both = customerLifetimeValue(
      base({
        transactions: { model: poissonExponential, fitted },
        spend: { model: gammaGamma, fitted: spendFitted },
      }),
    );
    const txOnly = customerLifetimeValue(
      base({ transactions: { model: poissonExponential, fitted } }),
    );
    expect(both.interval!.covers).toEqual([
      'transactions: poisson-exponential',
      'spend: gamma-gamma',
    ]);
    for (let i = 0; i < 3; i += 1) {
      const spendOnly = predictionInterval(
        gammaGamma,
        spendFitted,
        (p) =>
          gammaGamma.expectedSpend(p, {
            frequency: customers[i]!.frequency,
            monetaryValue: [20, 0, 50.5][i]!,
          }),
        { scale: 'log' },
      );
      const z = 1.959963984540054;
      const sTx = Math.log(txOnly.interval!.upper[i]! / txOnly.value[i]!) / z;
      const sSp = Math.log(spendOnly.upper / spendOnly.estimate) / z;
      const sBoth = Math.log(both.interval!.upper[i]! / both.value[i]!) / z;
      expect(sBoth).toBeCloseTo(Math.hypot(sTx, sSp), 6);
    }
  });

  it('draws: seeded, and the equity interval is that of predictionInterval with the same draws', () => {
    const input = base({
      transactions: { model: poissonExponential, fitted },
      spend: { amount: money('10', 'USD') },
      interval: { method: 'draws', draws: 400, seed: 9, level: 0.8 },
    });
    const a = customerLifetimeValue(input);
    const b = customerLifetimeValue(input);
    expect([...a.interval!.lower]).toEqual([...b.interval!.lower]);
    const reference = predictionInterval(
      poissonExponential,
      fitted,
      (p) => {
        let total = 0;
        for (let i = 0; i < 3; i += 1)
          total += a.count[i]! * ((toyAlive(p, customers[i]!) * p.lambda) / (p.mu + delta)) * 10;
        return 0.3 * total;
      },
      { method: 'draws', draws: 400, seed: 9, level: 0.8 },
    );
    expect(a.customerEquity.lower!.amount.toNumber() / reference.lower).toBeCloseTo(1, 9);
    expect(a.customerEquity.upper!.amount.toNumber() / reference.upper).toBeCloseTo(1, 9);
    for (let i = 0; i < 3; i += 1) {
      expect(a.interval!.lower[i]!).toBeLessThan(a.value[i]!);
      expect(a.interval!.upper[i]!).toBeGreaterThan(a.value[i]!);
    }
  });

  it('has no interval with params only or with interval: false, and refuses one it cannot give', () => {
    expect(customerLifetimeValue(base()).interval).toBeNull();
    expect(
      customerLifetimeValue(
        base({ transactions: { model: poissonExponential, fitted }, interval: false }),
      ).interval,
    ).toBeNull();
    expect(codeOf(() => customerLifetimeValue(base({ interval: { level: 0.9 } })))).toBe(
      'model/undefined-quantity',
    );
    expect(
      codeOf(() =>
        customerLifetimeValue(
          base({
            transactions: { model: poissonExponential, fitted },
            interval: { method: 'draws' },
          }),
        ),
      ),
    ).toBe('input/invalid');
  });
});

describe('customerLifetimeValue errors', () => {
  it('refuses a month horizon with weekly params unless a calendar average is named', () => {
    const result = safeCustomerLifetimeValue(base({ horizon: { value: 12, unit: 'month' } }));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe('input/invalid');
      expect(result.error.message).toContain("calendar: 'gregorian-average'");
      expect(result.error.path).toEqual(['horizon']);
    }
  });

  it('refuses an annual rate with weekly params unless stated in weeks', () => {
    expect(
      codeOf(() => customerLifetimeValue(base({ discount: { rate: '0.15', per: 'year' } }))),
    ).toBe('input/invalid');
  });

  it('checks currencies', () => {
    expect(codeOf(() => customerLifetimeValue(base({ currency: 'XYZ' })))).toBe(
      'money/unknown-currency',
    );
    expect(codeOf(() => customerLifetimeValue(base({ currency: 'EUR' })))).toBe(
      'money/currency-mismatch',
    );
    expect(
      codeOf(() => customerLifetimeValue(base({ spend: { amount: money('10', 'EUR') } }))),
    ).toBe('money/currency-mismatch');
  });

  it('checks params against the model and the time unit of a fit', () => {
    expect(
      codeOf(() =>
        customerLifetimeValue(
          base({ transactions: { model: poissonExponential, params: { lambda: -1, mu: 1 } } }),
        ),
      ),
    ).toBe('input/invalid');
    expect(
      codeOf(() =>
        customerLifetimeValue(
          base({
            transactions: { model: poissonExponential, fitted: toyFitted(params, null, 'day') },
          }),
        ),
      ),
    ).toBe('input/invalid');
  });

  it('needs monetary values for repeat customers with a spend model', () => {
    const noSpend = rfmSummaryFromRows([{ frequency: 2, recency: 3, T: 5 }], { timeUnit: 'week' });
    expect(codeOf(() => customerLifetimeValue(base({ summary: noSpend })))).toBe('input/invalid');
  });

  it('refuses negative margins, timing with an infinite horizon and too many periods', () => {
    expect(codeOf(() => customerLifetimeValue(base({ margin: '-0.1' })))).toBe('input/invalid');
    expect(codeOf(() => customerLifetimeValue(base({ timing: 'end' })))).toBe('input/invalid');
    expect(
      codeOf(() => customerLifetimeValue(base({ horizon: { value: 100_000, unit: 'week' } }))),
    ).toBe('input/invalid');
  });

  it('checks row indices of the accessors', () => {
    const clv = customerLifetimeValue(base());
    expect(codeOf(() => clv.valueAt(3))).toBe('input/invalid');
    expect(codeOf(() => clv.valueAt(-1))).toBe('input/invalid');
  });
});

describe('customerLifetimeValue with a discrete-time model (BG/BB, opportunities)', () => {
  const donors = rfmSummaryFromRows(
    [
      { frequency: 6, recency: 6, T: 6, count: 1203 },
      { frequency: 0, recency: 0, T: 6, count: 3464 },
      { frequency: 3, recency: 4, T: 6, count: 200 },
    ],
    { timeUnit: 'period' },
  );
  const p = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
  const common = {
    transactions: { model: bgBb, params: p },
    spend: { amount: money('50', 'USD') },
    summary: donors,
    discount: { rate: '0.1', per: 'period' },
    margin: '1',
    currency: 'USD',
  } as const;
  const histories = donors.customers.map((r) => ({
    frequency: r.frequency,
    recency: r.recency,
    T: r.T,
  }));

  it("uses the model's DERT at d per opportunity for an infinite horizon", () => {
    const clv = customerLifetimeValue({ ...common, horizon: 'infinite' });
    histories.forEach((c, i) => {
      expect(clv.discountedTransactions[i]).toBeCloseTo(bgBb.dert(p, c, 0.1), 12);
    });
  });

  it('discounts the expected transactions of each opportunity at its end over 5 opportunities', () => {
    const clv = customerLifetimeValue({
      ...common,
      horizon: { value: 5, unit: 'period' },
      timing: 'end',
    });
    histories.forEach((c, i) => {
      let byHand = 0;
      for (let k = 1; k <= 5; k += 1)
        byHand +=
          1.1 ** -k * (bgBb.expectedPurchases(p, c, k) - bgBb.expectedPurchases(p, c, k - 1));
      expect(clv.discountedTransactions[i]).toBeCloseTo(byHand, 12);
    });
  });

  it('refuses a calendar horizon for opportunities', () => {
    expect(
      codeOf(() =>
        customerLifetimeValue({
          ...common,
          horizon: { value: 5, unit: 'year' },
          calendar: 'gregorian-average',
        }),
      ),
    ).toBe('input/invalid');
  });
});
