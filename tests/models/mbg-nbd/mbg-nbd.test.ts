import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../../src/core/errors.js';
import { rfmSummaryFromRows } from '../../../src/data/index.js';
import { bgNbd } from '../../../src/models/bg-nbd/index.js';
import { mbgNbd } from '../../../src/models/mbg-nbd/index.js';
import { referenceJson } from '../helpers/reference.js';

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GUARD = { r: 10.465, alpha: 0.00798565, a: 3.0516, b: 2.82 };

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof CustomerAssetError ? e.code : `not coded: ${String(e)}`;
  }
  return undefined;
}

function paramsOf(list: readonly number[]) {
  const [r, alpha, a, b] = list;
  return { r: r!, alpha: alpha!, a: a!, b: b! };
}

describe('MBG/NBD held-out checks (scripts/reference/bg_nbd_mbg_nbd.py)', () => {
  const ref = referenceJson();
  const pred = ref['mbgnbd.predictions'];
  const p = paramsOf(pred.params);

  it('E[X(39)] at the CDNOW MLE', () => {
    expect(
      Math.abs(mbgNbd.expectedPurchasesNewCustomer(p, 39) - pred.E_X39) / pred.E_X39,
    ).toBeLessThan(1e-10);
  });

  it('E[Y(39)] and P(alive) for customer 1 (file and exact weeks) and for an x = 0 customer', () => {
    for (const c of Object.values(pred.customers) as {
      x: number;
      t_x: number;
      T: number;
      E_Y39: number;
      P_alive: number;
    }[]) {
      const h = { frequency: c.x, recency: c.t_x, T: c.T };
      expect(Math.abs(mbgNbd.expectedPurchases(p, h, 39) - c.E_Y39) / c.E_Y39).toBeLessThan(1e-10);
      expect(Math.abs(mbgNbd.probabilityAlive(p, h) - c.P_alive)).toBeLessThan(1e-12);
    }
    const zero = pred.customers['x0_T38.86'];
    expect(zero.P_alive).toBeLessThan(1);
  });

  it('P(X(39) = n), n = 0..5, and P(alive at T + t), DERT for customer 1', () => {
    (pred.pmf_t39_n0_to_5 as number[]).forEach((v, n) => {
      expect(Math.abs(mbgNbd.probabilityOfPurchases(p, n, 39) - v) / v).toBeLessThan(1e-10);
    });
    const c1 = { frequency: 2, recency: 213 / 7, T: 272 / 7 };
    const future = pred.p_alive_future_customer1_exact;
    future.t.forEach((t: number, i: number) => {
      expect(Math.abs(mbgNbd.probabilityAlive(p, c1, t) - future.value[i])).toBeLessThan(1e-12);
    });
    const weekly = ref['bgnbd.derived'].weekly_discount_rate;
    const dert = mbgNbd.dert(p, c1, weekly);
    expect(Math.abs(dert - pred.dert_customer1_exact_weekly15) / dert).toBeLessThan(1e-10);
  });
});

describe('MBG/NBD structure', () => {
  it('P(alive) is below 1 for x = 0: 1/(1 + (a/b)((α+T)/α)^r), and (b+x)/(a+b+x) when t_x = T', () => {
    const T = 38.86;
    const want =
      1 /
      (1 + (PUBLISHED.a / PUBLISHED.b) * ((PUBLISHED.alpha + T) / PUBLISHED.alpha) ** PUBLISHED.r);
    expect(mbgNbd.probabilityAlive(PUBLISHED, { frequency: 0, recency: 0, T })).toBeCloseTo(
      want,
      14,
    );
    const atT = mbgNbd.probabilityAlive(PUBLISHED, { frequency: 4, recency: 20, T: 20 });
    expect(atT).toBeCloseTo((PUBLISHED.b + 4) / (PUBLISHED.a + PUBLISHED.b + 4), 14);
  });

  it('a new customer is BG/NBD with b + 1 after surviving time 0: E[X(t)] = b/(a+b) · E_BG[X(t); b+1]', () => {
    for (const t of [0.5, 5, 39, 78, 500]) {
      for (const a of [0.5, 1, 1.7]) {
        const p = { ...PUBLISHED, a };
        const bg = bgNbd.expectedPurchasesNewCustomer({ ...p, b: p.b + 1 }, t);
        const want = (p.b / (p.a + p.b)) * bg;
        expect(Math.abs(mbgNbd.expectedPurchasesNewCustomer(p, t) - want)).toBeLessThan(
          1e-12 * Math.max(1, want),
        );
      }
    }
  });

  it("lifetimes' guard params with x up to 500: everything finite, P(alive) in [0, 1]", () => {
    const rows = [];
    for (const x of [0, 1, 40, 500]) {
      for (const T of [5, 39, 500]) {
        for (const f of [0, 0.5, 1]) {
          const c = { frequency: x, recency: x === 0 ? 0 : T * f, T };
          rows.push(c);
          const pa = mbgNbd.probabilityAlive(GUARD, c);
          expect(pa).toBeGreaterThanOrEqual(0);
          expect(pa).toBeLessThanOrEqual(1);
          expect(Number.isFinite(mbgNbd.expectedPurchases(GUARD, c, 52))).toBe(true);
        }
      }
    }
    expect(
      Number.isFinite(mbgNbd.logLikelihood(GUARD, rfmSummaryFromRows(rows, { timeUnit: 'week' }))),
    ).toBe(true);
  });

  it('DERT at d = 0: P(alive)(a+b+x)/(a−1) when a > 1; model/undefined-quantity when a <= 1 or d < 0', () => {
    const c = { frequency: 2, recency: 30, T: 38 };
    const p = { ...PUBLISHED, a: 3 };
    expect(mbgNbd.dert(p, c, 0)).toBeCloseTo(
      (mbgNbd.probabilityAlive(p, c) * (3 + PUBLISHED.b + 2)) / 2,
      12,
    );
    expect(code(() => mbgNbd.dert(PUBLISHED, c, 0))).toBe('model/undefined-quantity');
    expect(code(() => mbgNbd.dert(PUBLISHED, c, -0.5))).toBe('model/undefined-quantity');
  });

  it('rejects bad input with input/invalid and names the function', () => {
    expect(
      code(() =>
        mbgNbd.probabilityAlive({ ...PUBLISHED, alpha: -1 }, { frequency: 0, recency: 0, T: 1 }),
      ),
    ).toBe('input/invalid');
    expect(code(() => mbgNbd.probabilityOfPurchases(PUBLISHED, -1, 1))).toBe('input/invalid');
    try {
      mbgNbd.expectedPurchases(PUBLISHED, { frequency: 1, recency: 5, T: 4 }, 1);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/^mbgNbd\.expectedPurchases: customer\.recency/);
    }
  });

  it('simulate draws the model: the share with x = 0 and the mean x match P(X(T)=0) and E[X(T)]', () => {
    const s = mbgNbd.simulate(PUBLISHED, { customers: 20_000, T: 39, seed: 5 });
    const xs = s.customers.map((c) => c.frequency);
    const n = xs.length;
    const mean = xs.reduce((a, x) => a + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - mbgNbd.expectedPurchasesNewCustomer(PUBLISHED, 39))).toBeLessThan(
      (4 * sd) / Math.sqrt(n),
    );
    const p0 = mbgNbd.probabilityOfPurchases(PUBLISHED, 0, 39);
    const zero = xs.filter((x) => x === 0).length / n;
    expect(Math.abs(zero - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / n));
    // more zero-repeat customers than BG/NBD with the same params (drop-out at time 0)
    expect(p0).toBeGreaterThan(bgNbd.probabilityOfPurchases(PUBLISHED, 0, 39));
  });

  it('score equals the one-customer functions', () => {
    const rows = [
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 0, recency: 0, T: 38.86 },
      { frequency: 9, recency: 12, T: 30 },
    ];
    const s = mbgNbd.score(PUBLISHED, rfmSummaryFromRows(rows, { timeUnit: 'week' }), {
      horizon: 39,
      discountRate: 0.01,
    });
    rows.forEach((c, i) => {
      expect(s.probabilityAlive[i]).toBeCloseTo(mbgNbd.probabilityAlive(PUBLISHED, c), 14);
      expect(s.expectedPurchases[i]).toBeCloseTo(mbgNbd.expectedPurchases(PUBLISHED, c, 39), 13);
      expect(s.dert![i]).toBeCloseTo(mbgNbd.dert(PUBLISHED, c, 0.01), 11);
    });
  });
});
