/**
 * Reference suite: every `fin.*` and `clv.*` vector of the shared test-vectors.json is checked against
 * this library at the vector's own tolerance. A vector added to the file without a handler here fails
 * the suite, so none can be skipped silently.
 */
import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  annuityFactor,
  bergerNasrCase1,
  continuousRate,
  convertRate,
  currencyMinorUnits,
  type DecimalValue,
  growingPerpetuity,
  growthAdjustedRate,
  irr,
  type Money,
  marginMultiple,
  money,
  nominalToEffective,
  npv,
  perpetuity,
  roundMoney,
  simpleClv,
} from '../../src/money/index.js';
import { expectClose, flows, usd } from '../helpers/money.js';
import { sharedReferenceFile } from '../helpers/shared-data.js';

interface Vector {
  readonly id: string;
  readonly inputs: Record<string, unknown>;
  readonly expected: Record<string, unknown>;
  readonly tolerance?: {
    readonly abs?: number;
    readonly rel?: number;
    readonly exact_abs?: number;
  };
}

type Value = DecimalValue | Money;

/** Half a unit of the last digit a figure is printed with: 3.60477620235 -> 5e-12. */
function printedHalfUnit(expected: number): number {
  return 0.5 * 10 ** -new Decimal(String(expected)).decimalPlaces();
}

/**
 * Checks `actual` against `expected` with the vector's tolerance (abs, rel or exact_abs), widened to
 * half a unit of the last printed digit where the file prints fewer digits than its tolerance
 * implies (e.g. 3.60477620235 with rel 1e-12).
 */
function check(vector: Vector, actual: Value, expected: number): void {
  const tol = vector.tolerance ?? {};
  const amount = 'currency' in actual ? actual.amount : actual;
  const stated =
    tol.rel !== undefined ? tol.rel * Math.abs(expected) : (tol.abs ?? tol.exact_abs ?? 0);
  expectClose(amount, expected, Math.max(stated, printedHalfUnit(expected)));
}

const handlers: Record<string, (v: Vector) => void> = {
  'clv.margin_multiple': (v) => {
    const is = v.inputs.i as number[];
    const rs = v.inputs.r as number[];
    const table = v.expected.table as number[][];
    is.forEach((i, a) => {
      rs.forEach((r, b) => {
        check(v, marginMultiple(r, i), table[a]![b]!);
      });
    });
  },
  'clv.three_formulas': (v) => {
    const { m, r, d } = v.inputs as { m: number; r: number; d: number };
    const input = { margin: usd(m), retention: r, discountRate: d, period: 'year' } as const;
    const e = Object.entries(v.expected);
    const get = (prefix: string) => e.find(([k]) => k.startsWith(prefix))![1] as number;
    check(v, simpleClv({ ...input, timing: 'now' }).value, get('case1'));
    check(v, simpleClv({ ...input, timing: 'next-period' }).value, get('case2'));
    check(v, simpleClv({ ...input, timing: 'end-of-period' }).value, get('case3'));
    check(v, simpleClv({ ...input, timing: 'mid-period' }).value, get('midperiod'));
    check(
      v,
      simpleClv({ ...input, timing: 'next-period', horizon: 10 }).value,
      get('finite_horizon_case2_N10'),
    );
  },
  'clv.berger_nasr_case1': (v) => {
    const { GC, M, r, d, n } = v.inputs as Record<string, number>;
    const clv = bergerNasrCase1({
      grossContribution: usd(GC!),
      promotionCost: usd(M!),
      retention: r!,
      discountRate: d!,
      years: n!,
    });
    check(v, clv, v.expected.CLV as number);
  },
  'fin.npv.excel': (v) => {
    const cases = v.inputs as Record<string, { rate: number; values: number[]; t0?: number }>;
    for (const [name, c] of Object.entries(cases)) {
      const values = c.t0 === undefined ? c.values : [c.t0, ...c.values];
      // Excel discounts values one period; an investment t0 stands outside, at t = 0.
      const value =
        c.t0 === undefined
          ? npv(c.rate, flows(values), { firstAt: 1 })
          : npv(c.rate, flows(values));
      check(v, value, v.expected[name] as number);
      expect(value.amount.toFixed(2)).toBe(
        (v as unknown as { published: Record<string, number> }).published[name]!.toFixed(2),
      );
    }
  },
  'fin.npv.formcalc': (v) => {
    const cases = v.inputs as Record<string, { rate: number | string; values: number[] }>;
    for (const [name, c] of Object.entries(cases)) {
      const rate = typeof c.rate === 'string' ? evaluateRate(c.rate) : c.rate;
      check(v, npv(rate, flows(c.values), { firstAt: 1 }), v.expected[name] as number);
    }
  },
  'fin.npv.convention_trap': (v) => {
    const { rate, values } = v.inputs as { rate: number; values: number[] };
    check(
      v,
      npv(rate, flows(values), { firstAt: 1 }),
      v.expected.excel_style_all_discounted as number,
    );
    check(v, npv(rate, flows(values)), v.expected.first_at_t0_numpy_financial_style as number);
  },
  'fin.irr.excel': (v) => {
    const values = v.inputs.values as number[];
    check(v, irr(flows(values.slice(0, 5))).rate, v.expected['4y'] as number);
    check(v, irr(flows(values)).rate, v.expected['5y'] as number);
    check(v, irr(flows(values.slice(0, 3)), { guess: '-0.1' }).rate, v.expected['2y'] as number);
    // And the published, rounded figures (-2.1%, 8.7%, -44.4%).
    const published = (v as unknown as { published: Record<string, number> }).published;
    expect(irr(flows(values.slice(0, 5))).rate.toFixed(3)).toBe(published['4y']!.toFixed(3));
    expect(irr(flows(values)).rate.toFixed(3)).toBe(published['5y']!.toFixed(3));
  },
  'fin.annuity_and_rates': (v) => {
    const { i, n, annual, k } = v.inputs as Record<string, number>;
    const x = v.expected as Record<string, number>;
    const year = { value: 1, unit: 'year' } as const;
    check(v, annuityFactor(i!, n!), x.annuity_immediate!);
    check(v, annuityFactor(i!, n!, 'begin'), x.annuity_due!);
    check(v, annuityFactor(i!, n!, 'mid'), x.annuity_midperiod!);
    check(v, perpetuity(usd(1), i!), x.perpetuity_immediate!);
    check(v, growingPerpetuity(usd(1), i!, '0.03'), x.growing_perpetuity_g3pct!);
    check(
      v,
      convertRate(i!, year, { value: 1, unit: 'month' }),
      x.monthly_effective_from_12pct_annual!,
    );
    check(v, nominalToEffective(i!, 12), x.EAR_of_12pct_nominal_monthly!);
    check(v, continuousRate(annual!).div(k!), x.weekly_continuous_from_15pct_annual!);
    check(
      v,
      convertRate(annual!, { value: k!, unit: 'week' }, { value: 1, unit: 'week' }),
      x.weekly_effective_from_15pct_annual!,
    );
    check(v, growthAdjustedRate('0.10', '0.03'), x.FH_growth_adjusted_rate_d10_g3!);
  },
  'fin.rounding': (v) => {
    const values = v.inputs.values as string[];
    const integers = v.inputs.integers as string[];
    const x = v.expected as Record<string, string[]>;
    const to2 = (mode: 'half-even' | 'half-up') =>
      values.map((s) => roundMoney(money(s, 'USD'), mode).amount.toFixed(2));
    const to0 = (mode: 'half-even' | 'half-up') =>
      integers.map((s) => roundMoney(money(s, 'JPY'), mode).amount.toFixed(0));
    expect(to2('half-even')).toEqual(x.half_even_2dp);
    expect(to2('half-up')).toEqual(x.half_up_away_from_zero_2dp);
    expect(to0('half-even')).toEqual(x.half_even_0dp);
    expect(to0('half-up')).toEqual(x.half_up_0dp);
  },
  'fin.currency_minor_units': (v) => {
    for (const code of v.inputs.codes as string[]) {
      expect(currencyMinorUnits(code), code).toBe((v.expected as Record<string, number>)[code]);
      // And allocation works in each: 1 major unit into 3 shares adds up exactly.
      const total = money('1', code);
      const shares = allocate(total, [1, 1, 1]);
      expect(
        shares.reduce((s, m) => s.plus(m.amount), total.amount.minus(total.amount)).eq(1),
      ).toBe(true);
    }
  },
};

/** Evaluates the vectors' one rate expression form, "a/b". */
function evaluateRate(text: string): DecimalValue {
  const [a, b] = text.split('/');
  return money(a!, 'USD').amount.div(b!);
}

const file = sharedReferenceFile('test-vectors.json');

if (file === undefined) {
  const reason =
    'reference/test-vectors.json not found (set CUSTOMER_ASSET_DATA or place ../shared beside the repository)';
  if (process.env.CUSTOMER_ASSET_REQUIRE_DATA === '1')
    throw new Error(
      `money reference vectors: ${reason}; CUSTOMER_ASSET_REQUIRE_DATA=1 forbids skipping`,
    );
  console.warn(`[skipped] money reference vectors: ${reason}`);
  describe.skip(`money reference vectors (skipped: ${reason})`, () => {
    it('needs test-vectors.json', () => undefined);
  });
} else {
  const vectors = (JSON.parse(readFileSync(file, 'utf8')) as { vectors: Vector[] }).vectors.filter(
    (v) => v.id.startsWith('fin.') || v.id.startsWith('clv.'),
  );

  describe('money reference vectors (test-vectors.json, fin.* and clv.*)', () => {
    it('has a handler for every fin.* and clv.* vector in the file', () => {
      expect(vectors.length).toBeGreaterThanOrEqual(10);
      expect(vectors.map((v) => v.id).filter((id) => !(id in handlers))).toEqual([]);
    });

    it.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
      handlers[vector.id]!(vector);
    });
  });
}
