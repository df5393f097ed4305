import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../../src/core/errors.js';
import { compressSummary, rfmSummaryFromRows } from '../../../src/data/index.js';
import { bgNbd } from '../../../src/models/bg-nbd/index.js';
import { referenceJson } from '../helpers/reference.js';

/** Hardie's Excel optimum (note 004, as quoted by lifetimes' tests). */
const HARDIE = {
  r: 0.24259395230803,
  alpha: 4.41359091416604,
  a: 0.792919955839573,
  b: 2.42589404751842,
};
/** BTYD 2.4.3 vignette estimates. */
const VIGNETTE = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
/** FHL (2005) published (rounded) estimates. */
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** lifetimes' overflow guard parameters. */
const GUARD = { r: 10.465, alpha: 0.00798565, a: 3.0516, b: 2.82 };

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof CustomerAssetError ? e.code : `not coded: ${String(e)}`;
  }
  return undefined;
}

describe("bgnbd.expected_transactions: E[X(t)] at Hardie's Excel optimum", () => {
  const t = [0.1429, 1, 3, 31.8571, 32, 39, 52, 78];
  const exact = [
    0.00781600154, 0.0531842936, 0.150630817, 1.04048827, 1.04373117, 1.19500899, 1.44401107,
    1.85795664,
  ];
  const published: Record<number, number> = {
    0.1429: 0.0078,
    1: 0.0532,
    3: 0.1506,
    31.8571: 1.0405,
    32: 1.0437,
    78: 1.8576,
  };

  it('matches the exact values to 1e-7 (including t = 78, 1.8579566)', () => {
    t.forEach((ti, i) => {
      expect(Math.abs(bgNbd.expectedPurchasesNewCustomer(HARDIE, ti) - exact[i]!)).toBeLessThan(
        1e-7,
      );
    });
  });

  it('matches the published spreadsheet to 1e-3, and t = 78 sits 3.6e-4 above its truncated 1.8576', () => {
    for (const [ti, value] of Object.entries(published)) {
      expect(Math.abs(bgNbd.expectedPurchasesNewCustomer(HARDIE, Number(ti)) - value)).toBeLessThan(
        1e-3,
      );
    }
    const diff = bgNbd.expectedPurchasesNewCustomer(HARDIE, 78) - 1.8576;
    expect(diff).toBeGreaterThan(3.5e-4);
    expect(diff).toBeLessThan(3.7e-4);
  });
});

describe('bgnbd.expectation.52 and bgnbd.conditional.cust1', () => {
  it('E[X(52)] at the BTYD vignette params is 1.4440048 (printed 1.444004)', () => {
    const v = bgNbd.expectedPurchasesNewCustomer(VIGNETTE, 52);
    expect(Math.abs(v - 1.4440048)).toBeLessThan(1e-7);
    expect(Math.abs(v - 1.444004)).toBeLessThan(1e-5);
  });

  it('customer 1 (x=2, t_x=30.43, T=38.86): E[Y(39)] = 1.22590646 (Hardie 1.226), P(alive) = 0.726608938', () => {
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(Math.abs(bgNbd.expectedPurchases(HARDIE, c, 39) - 1.22590646)).toBeLessThan(1e-8);
    expect(Math.abs(bgNbd.expectedPurchases(HARDIE, c, 39) - 1.226)).toBeLessThan(1e-3);
    expect(Math.abs(bgNbd.probabilityAlive(HARDIE, c) - 0.726608938)).toBeLessThan(1e-9);
  });

  it('customer 1 in exact weeks (213/7, 272/7): E[Y(39)] = 1.225994', () => {
    const c = { frequency: 2, recency: 213 / 7, T: 272 / 7 };
    expect(Math.abs(bgNbd.expectedPurchases(HARDIE, c, 39) - 1.225994)).toBeLessThan(1e-6);
  });
});

describe('bgnbd.pmf (BTYD reference manual)', () => {
  it('P(X(2)=10), P(X(39)=0) and P(X(30)=11..20) to 1e-6 relative', () => {
    const rel = (v: number, ref: number) => Math.abs(v - ref) / ref;
    expect(rel(bgNbd.probabilityOfPurchases(PUBLISHED, 10, 2), 1.07868964e-7)).toBeLessThan(1e-6);
    expect(rel(bgNbd.probabilityOfPurchases(PUBLISHED, 0, 39), 0.573786352)).toBeLessThan(1e-6);
    const ref = [
      0.00199952145, 0.00151702363, 0.00116331501, 0.00090031479, 0.000702363766, 0.000551790243,
      0.000436191281, 0.00034671714, 0.000276961265, 0.000222226048,
    ];
    ref.forEach((v, i) => {
      expect(rel(bgNbd.probabilityOfPurchases(PUBLISHED, 11 + i, 30), v)).toBeLessThan(1e-6);
    });
  });
});

describe('held-out checks derived in scripts/reference/bg_nbd_mbg_nbd.py', () => {
  const ref = referenceJson();

  it('frequent buyer x=26, t_x=30.85714, T=31: E[Y(52)] and P(alive) at the vignette params', () => {
    const fb = ref['bgnbd.frequent_buyer'];
    const c = { frequency: 26, recency: 30.85714, T: 31 };
    expect(bgNbd.expectedPurchases(VIGNETTE, c, 52)).toBeCloseTo(fb.E_Y, 9);
    expect(bgNbd.probabilityAlive(VIGNETTE, c)).toBeCloseTo(fb.P_alive, 12);
  });

  it('frequency paradox: at t_x = 20, T = 39, E[Y(52)] falls as x rises from 10 to 25', () => {
    const fp = ref['bgnbd.frequency_paradox'];
    const values = fp.x.map((x: number) =>
      bgNbd.expectedPurchases(VIGNETTE, { frequency: x, recency: 20, T: 39 }, 52),
    );
    values.forEach((v: number, i: number) => {
      expect(Math.abs(v - fp.E_Y[i]) / fp.E_Y[i]).toBeLessThan(1e-9);
    });
    for (let i = 1; i < values.length; i += 1) expect(values[i]).toBeLessThan(values[i - 1]);
  });

  it('P(alive at T + t) for customer 1 and for a zero-repeat customer (checked by quadrature there)', () => {
    const d = ref['bgnbd.derived'];
    const c = { frequency: 2, recency: 213 / 7, T: 272 / 7 };
    d.p_alive_future.t.forEach((t: number, i: number) => {
      expect(
        Math.abs(bgNbd.probabilityAlive(PUBLISHED, c, t) - d.p_alive_future.value[i]),
      ).toBeLessThan(1e-12);
    });
    d.p_alive_future_x0_T38.t.forEach((t: number, i: number) => {
      const v = bgNbd.probabilityAlive(PUBLISHED, { frequency: 0, recency: 0, T: 38 }, t);
      expect(Math.abs(v - d.p_alive_future_x0_T38.value[i])).toBeLessThan(1e-12);
      expect(v).toBeLessThan(1); // alive now (x = 0) but may drop out at a future purchase
    });
  });

  it('DERT equals the quadrature of the continuous discounted sum, and the handbook mid-period sum to 1e-4', () => {
    const d = ref['bgnbd.derived'];
    const c = { frequency: 2, recency: 213 / 7, T: 272 / 7 };
    const dert = bgNbd.dert(PUBLISHED, c, d.weekly_discount_rate);
    expect(Math.abs(dert - d.dert_customer1) / d.dert_customer1).toBeLessThan(1e-10);
    const zero = bgNbd.dert(PUBLISHED, { frequency: 0, recency: 0, T: 38 }, d.weekly_discount_rate);
    expect(Math.abs(zero - d.dert_x0_T38) / d.dert_x0_T38).toBeLessThan(1e-10);
    // Fader & Hardie (2015) eq. 3.13 (mid-period discounting, 3,000 weeks) approximates it closely.
    expect(Math.abs(dert - d.dert_customer1_handbook_3000_weeks) / dert).toBeLessThan(1e-4);
  });

  it('E[X(t)] at a = 1 exactly (the 0/0 limit) and with a + b < 1 (2F1 with c < 0)', () => {
    const d = ref['bgnbd.derived'];
    const atOne = bgNbd.expectedPurchasesNewCustomer({ ...PUBLISHED, a: 1 }, 78);
    expect(Math.abs(atOne - d.expected_new_a1) / d.expected_new_a1).toBeLessThan(1e-10);
    const small = bgNbd.expectedPurchasesNewCustomer({ r: 0.5, alpha: 2, a: 0.3, b: 0.4 }, 100);
    expect(Math.abs(small - d.expected_new_small_ab) / d.expected_new_small_ab).toBeLessThan(1e-10);
    // Continuous through a = 1.
    for (const eps of [1e-12, 1e-9, 1e-6]) {
      for (const a of [1 - eps, 1 + eps]) {
        const v = bgNbd.expectedPurchasesNewCustomer({ ...PUBLISHED, a }, 78);
        expect(Math.abs(v - atOne) / atOne).toBeLessThan(10 * eps + 1e-11);
      }
    }
  });

  it('the core G, S and K agree with 60-digit 2F1 and (λ, p) quadrature over every region', () => {
    const grid = ref['core.grid'];
    for (const c of grid.G_and_S) {
      const p = { r: c.r, alpha: c.alpha, a: c.a, b: c.b };
      const g = bgNbd.expectedPurchasesNewCustomer(p, c.t);
      expect(Math.abs(g - c.G) / c.G, JSON.stringify(c)).toBeLessThan(1e-9);
      // S = P(alive at t) of a customer alive at 0: P(alive at T + t | x = 0, T = 0).
      const s = bgNbd.probabilityAlive(p, { frequency: 0, recency: 0, T: 0 }, c.t);
      expect(Math.abs(s - c.S) / c.S, JSON.stringify(c)).toBeLessThan(1e-9);
    }
    for (const c of grid.K) {
      const p = { r: c.r, alpha: c.alpha, a: c.a, b: c.b };
      const k = bgNbd.dert(p, { frequency: 0, recency: 0, T: 0 }, c.d);
      expect(Math.abs(k - c.K) / c.K, JSON.stringify(c)).toBeLessThan(1e-9);
    }
  });
});

describe('numerical stability (REFERENCE.md §11 item 2)', () => {
  it("lifetimes' guard params with x up to 500: LL finite, P(alive) in [0, 1], E[Y] and DERT finite", () => {
    const rows = [];
    for (const x of [0, 1, 10, 40, 100, 250, 500]) {
      for (const T of [5, 39, 500]) {
        for (const f of [0, 0.01, 0.5, 1]) {
          const recency = x === 0 ? 0 : T * f;
          rows.push({ frequency: x, recency, T });
          const c = { frequency: x, recency, T };
          const pa = bgNbd.probabilityAlive(GUARD, c);
          expect(pa).toBeGreaterThanOrEqual(0);
          expect(pa).toBeLessThanOrEqual(1);
          expect(Number.isFinite(bgNbd.expectedPurchases(GUARD, c, 52))).toBe(true);
          expect(Number.isFinite(bgNbd.probabilityAlive(GUARD, c, 52))).toBe(true);
        }
      }
    }
    const summary = rfmSummaryFromRows(rows, { timeUnit: 'week' });
    expect(Number.isFinite(bgNbd.logLikelihood(GUARD, summary))).toBe(true);
    expect(Number.isFinite(bgNbd.dert(GUARD, { frequency: 500, recency: 499, T: 500 }, 0.01))).toBe(
      true,
    );
  });

  it('a heavy buyer silent for long has P(alive) 0, not NaN', () => {
    const v = bgNbd.probabilityAlive(PUBLISHED, { frequency: 5000, recency: 1, T: 5000 });
    expect(v).toBe(0);
    expect(bgNbd.expectedPurchases(PUBLISHED, { frequency: 5000, recency: 1, T: 5000 }, 52)).toBe(
      0,
    );
  });

  it('P(alive) = (b+x−1)/(a+b+x−1) when the last purchase is at T, and 1 when x = 0', () => {
    const v = bgNbd.probabilityAlive(PUBLISHED, { frequency: 3, recency: 20, T: 20 });
    expect(v).toBeCloseTo((PUBLISHED.b + 2) / (PUBLISHED.a + PUBLISHED.b + 2), 14);
    expect(bgNbd.probabilityAlive(PUBLISHED, { frequency: 0, recency: 0, T: 20 })).toBe(1);
  });
});

describe('DERT conventions', () => {
  const c = { frequency: 2, recency: 30.43, T: 38.86 };

  it('d = 0 is the undiscounted total P(alive)(a+b+x−1)/(a−1) when a > 1', () => {
    const p = { ...PUBLISHED, a: 2.5 };
    const expected = (bgNbd.probabilityAlive(p, c) * (2.5 + PUBLISHED.b + 1)) / 1.5;
    expect(bgNbd.dert(p, c, 0)).toBeCloseTo(expected, 12);
    // and the discounted value tends to it as d -> 0
    expect(Math.abs(bgNbd.dert(p, c, 1e-7) - expected) / expected).toBeLessThan(1e-3);
  });

  it('d = 0 with a <= 1, and d < 0, are model/undefined-quantity', () => {
    expect(code(() => bgNbd.dert(PUBLISHED, c, 0))).toBe('model/undefined-quantity');
    expect(code(() => bgNbd.dert(PUBLISHED, c, -0.01))).toBe('model/undefined-quantity');
    expect(
      code(() =>
        bgNbd.score(PUBLISHED, compressSummary(rfmSummaryFromRows([c], { timeUnit: 'week' })), {
          horizon: 1,
          discountRate: 0,
        }),
      ),
    ).toBe('model/undefined-quantity');
  });

  it('DERT decreases as the discount rate rises', () => {
    const a = bgNbd.dert(PUBLISHED, c, 0.001);
    const b = bgNbd.dert(PUBLISHED, c, 0.01);
    const d = bgNbd.dert(PUBLISHED, c, 0.1);
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(d);
  });
});

describe('input validation', () => {
  it('throws input/invalid for bad params, customer, horizon or n', () => {
    const c = { frequency: 2, recency: 30, T: 38 };
    expect(code(() => bgNbd.expectedPurchases({ ...PUBLISHED, a: 0 }, c, 1))).toBe('input/invalid');
    expect(code(() => bgNbd.expectedPurchases({ ...PUBLISHED, r: Number.NaN }, c, 1))).toBe(
      'input/invalid',
    );
    expect(code(() => bgNbd.expectedPurchases(PUBLISHED, { ...c, recency: 40 }, 1))).toBe(
      'input/invalid',
    );
    expect(
      code(() => bgNbd.expectedPurchases(PUBLISHED, { frequency: 0, recency: 1, T: 3 }, 1)),
    ).toBe('input/invalid');
    expect(code(() => bgNbd.expectedPurchases(PUBLISHED, { ...c, frequency: 1.5 }, 1))).toBe(
      'input/invalid',
    );
    expect(code(() => bgNbd.expectedPurchases(PUBLISHED, c, -1))).toBe('input/invalid');
    expect(code(() => bgNbd.probabilityAlive(PUBLISHED, c, Number.POSITIVE_INFINITY))).toBe(
      'input/invalid',
    );
    expect(code(() => bgNbd.probabilityOfPurchases(PUBLISHED, 1.5, 1))).toBe('input/invalid');
    expect(
      code(() => bgNbd.expectedPurchasesNewCustomer({ ...PUBLISHED, extra: 1 } as never, 1)),
    ).toBe('input/invalid');
    expect(code(() => bgNbd.logLikelihood(PUBLISHED, {} as never))).toBe('input/invalid');
  });

  it('names the function and field in the message', () => {
    try {
      bgNbd.expectedPurchases({ ...PUBLISHED, b: -1 }, { frequency: 0, recency: 0, T: 1 }, 1);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/^bgNbd\.expectedPurchases: params\.b/);
    }
  });

  it('fit: input/empty with no customers, fit/insufficient-data with no repeat purchase', () => {
    const empty = rfmSummaryFromRows([], { timeUnit: 'week' });
    expect(code(() => bgNbd.fit(empty))).toBe('input/empty');
    const none = rfmSummaryFromRows([{ frequency: 0, recency: 0, T: 10, count: 5 }], {
      timeUnit: 'week',
    });
    expect(code(() => bgNbd.fit(none))).toBe('fit/insufficient-data');
    const safe = bgNbd.safeFit(none);
    expect(safe.success).toBe(false);
  });
});

describe('score', () => {
  it('equals the one-customer functions row by row, for a summary and its patterns', () => {
    const rows = [
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 0, recency: 0, T: 38.86 },
      { frequency: 2, recency: 10, T: 38.86 },
      { frequency: 7, recency: 35, T: 36 },
      { frequency: 0, recency: 0, T: 30 },
    ];
    const summary = rfmSummaryFromRows(rows, { timeUnit: 'week' });
    const s = bgNbd.score(PUBLISHED, summary, { horizon: 26, discountRate: 0.003 });
    expect(s.size).toBe(5);
    rows.forEach((c, i) => {
      expect(s.probabilityAlive[i]).toBeCloseTo(bgNbd.probabilityAlive(PUBLISHED, c), 14);
      expect(s.expectedPurchases[i]).toBeCloseTo(bgNbd.expectedPurchases(PUBLISHED, c, 26), 13);
      expect(s.dert![i]).toBeCloseTo(bgNbd.dert(PUBLISHED, c, 0.003), 11);
    });
    expect(Object.isFrozen(s)).toBe(true);
    const patterns = bgNbd.score(PUBLISHED, compressSummary(summary), { horizon: 26 });
    expect(patterns.dert).toBeNull();
    expect(patterns.size).toBe(5);
  });
});

describe('simulate', () => {
  it('is reproducible and draws the model: mean x and P(x = 0) match E[X(T)] and P(X(T) = 0)', () => {
    const a = bgNbd.simulate(PUBLISHED, { customers: 20_000, T: 39, seed: 11 });
    const b = bgNbd.simulate(PUBLISHED, { customers: 20_000, T: 39, seed: 11 });
    expect(a.customers[123]).toEqual(b.customers[123]);
    const xs = a.customers.map((c) => c.frequency);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    const expected = bgNbd.expectedPurchasesNewCustomer(PUBLISHED, 39);
    expect(Math.abs(mean - expected)).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
    const zero = xs.filter((x) => x === 0).length / xs.length;
    const p0 = bgNbd.probabilityOfPurchases(PUBLISHED, 0, 39);
    expect(Math.abs(zero - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / xs.length));
    for (const c of a.customers) {
      expect(c.recency).toBeLessThanOrEqual(c.T);
      if (c.frequency === 0) expect(c.recency).toBe(0);
    }
    expect(a.timeUnit).toBe('week');
  });
});
