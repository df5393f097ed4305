import { describe, expect, it } from 'vitest';
import type { CustomerAssetError } from '../../../src/core/errors.js';
import { paretoNbd } from '../../../src/models/pareto-nbd/index.js';
import { codeOf } from '../../helpers/errors.js';
import { customer, params, relErr, summaryOf, vectors } from './helpers.js';

const v = vectors();
const one = (x: number, tx: number, T: number) => summaryOf([{ frequency: x, recency: tx, T }]);

describe('paretoNbd.logLikelihood against mpmath (note 009 2F1 form and quadrature, 40 digits)', () => {
  it.each(v.logLikelihood.map((c) => [c.params.join(', '), c.x, c.tx, c.T, c]))(
    'params (%s), x = %d, t_x = %d, T = %d',
    (_p, _x, _tx, _T, c) => {
      const ll = paretoNbd.logLikelihood(params(c.params), one(c.x, c.tx, c.T));
      expect(Math.abs(ll - c.ll) / Math.max(1, Math.abs(c.ll))).toBeLessThan(5e-14);
    },
  );

  it('weights pattern rows by their count', () => {
    const p = params(v.params.mle);
    const a = paretoNbd.logLikelihood(
      p,
      summaryOf([{ frequency: 3, recency: 20, T: 39, count: 7 }]),
    );
    const b = paretoNbd.logLikelihood(p, one(3, 20, 39));
    expect(a).toBeCloseTo(7 * b, 10);
  });
});

describe('P(alive) and expected purchases (note 009 eqs. 18, 22) against mpmath', () => {
  it.each(v.probabilityAlive.map((c) => [c.name, c]))('P(alive): %s', (_n, c) => {
    const p = paretoNbd.probabilityAlive(params(c.params), customer(c));
    expect(relErr(p, c.pAlive)).toBeLessThan(1e-12);
  });

  it('P(alive at T + t) = P(alive) ((β+T)/(β+T+t))^s (posterior of μ given alive is Gamma(s, β+T))', () => {
    for (const c of v.probabilityAliveFuture) {
      expect(
        relErr(paretoNbd.probabilityAlive(params(c.params), customer(c), c.t), c.pAlive),
      ).toBeLessThan(1e-12);
    }
  });

  it('the frequent buyer (x = 26, t_x = 30.85714, T = 31): E[Y(52)] = 25.4552 (BTYD vignette: 25.46), P(alive) = 0.99787', () => {
    const [atMle, atLifetimes] = v.expectedPurchases;
    for (const c of [atMle!, atLifetimes!]) {
      expect(
        relErr(paretoNbd.expectedPurchases(params(c.params), customer(c), c.t), c.expected),
      ).toBeLessThan(1e-12);
    }
    expect(paretoNbd.expectedPurchases(params(atMle!.params), customer(atMle!), 52)).toBeCloseTo(
      25.46,
      1,
    );
    expect(paretoNbd.probabilityAlive(params(atMle!.params), customer(atMle!))).toBeCloseTo(
      0.99787,
      5,
    );
  });

  it('the frequency paradox: at t_x = 20, T = 39, E[Y(52)] falls as x rises from 10 to 25', () => {
    const got = v.frequencyParadox.map((c) =>
      paretoNbd.expectedPurchases(params(c.params), customer(c), c.t),
    );
    v.frequencyParadox.forEach((c, i) => {
      expect(relErr(got[i]!, c.expected)).toBeLessThan(1e-12);
    });
    for (let i = 1; i < got.length; i += 1) expect(got[i]!).toBeLessThan(got[i - 1]!);
  });

  it('heavy buyers with t_x = T = 200: E[Y(10)] is finite and exact for x = 101 .. 3000', () => {
    for (const c of v.heavyBuyers) {
      const e = paretoNbd.expectedPurchases(params(c.params), customer(c), c.t);
      expect(relErr(e, c.expected)).toBeLessThan(1e-12);
    }
  });

  it('E[X(t)] for a new customer (SMC 1987 eq. 17) and its s = 1 logarithmic limit', () => {
    for (const c of v.expectedPurchasesNewCustomer) {
      expect(
        relErr(paretoNbd.expectedPurchasesNewCustomer(params(c.params), c.t), c.expected),
      ).toBeLessThan(1e-13);
    }
    const s1 = v.expectedPurchasesNewCustomerS1;
    const p = params(s1.params);
    expect(relErr(paretoNbd.expectedPurchasesNewCustomer(p, 52), s1.expected)).toBeLessThan(1e-14);
    // Continuous through s = 1.
    const below = paretoNbd.expectedPurchasesNewCustomer({ ...p, s: 1 - 1e-9 }, 52);
    const above = paretoNbd.expectedPurchasesNewCustomer({ ...p, s: 1 + 1e-9 }, 52);
    expect(Math.abs(below - above)).toBeLessThan(1e-8);
  });

  it('lifetimes overflow case (params 10.465, 0.00799, 3.0516, 2.820; x = 400-500): finite LL, P(alive) in [0, 1]', () => {
    const p = params(v.params.lifetimesGuard);
    for (const [x, tx, T] of [
      [400, 5, 6],
      [500, 1, 37],
      [500, 4, 37],
    ] as const) {
      expect(Number.isFinite(paretoNbd.logLikelihood(p, one(x, tx, T)))).toBe(true);
      const pa = paretoNbd.probabilityAlive(p, { frequency: x, recency: tx, T });
      expect(pa).toBeGreaterThanOrEqual(0);
      expect(pa).toBeLessThanOrEqual(1);
    }
  });

  it("CLVTools' NaN cases (x = 161-254, t_x near T) give finite P(alive)", () => {
    const p = params(v.params.clvtoolsNan);
    const xs = [221, 254, 161, 204];
    const txs = [103.42857, 97.14286, 94.71429, 98.57143];
    const Ts = [103.57143, 97.28571, 98.0, 99.42857];
    xs.forEach((x, i) => {
      const pa = paretoNbd.probabilityAlive(p, { frequency: x, recency: txs[i]!, T: Ts[i]! });
      expect(pa).toBeGreaterThan(0);
      expect(pa).toBeLessThanOrEqual(1);
    });
  });
});

describe('DERT (FHL 2005 JMR eq. 2) and DET (handbook eq. 3.14) at BTYD 78-week parameters, δ = 0.0027', () => {
  const p = params(v.dert.params);
  const d = Math.expm1(v.dert.delta); // discrete rate with ln(1 + d) = 0.0027
  const at = (x: number, tx: number) =>
    paretoNbd.dert(p, { frequency: x, recency: tx, T: v.dert.T }, d);

  it('matches the mpmath values for individual customers (x = 7, t_x = 35; x = 1..10, t_x = 30)', () => {
    for (const c of v.dert.customers) expect(relErr(at(c.x, c.tx), c.dert)).toBeLessThan(1e-11);
  });

  it('DET for a new customer', () => {
    expect(relErr(paretoNbd.dertNewCustomer(p, d), v.det.det)).toBeLessThan(1e-11);
    const m = v.detMle;
    expect(
      relErr(paretoNbd.dertNewCustomer(params(m.params), Math.expm1(m.delta)), m.det),
    ).toBeLessThan(1e-11);
  });

  it('equals δ ∫ e^(−δt) E[Y(t)] dt (integration by parts of ∫ e^(−δt) dE[Y(t)]), by Simpson on t = e^u − 1', () => {
    const delta = v.dert.delta;
    for (const [x, tx] of [
      [7, 35],
      [2, 30],
      [0, 0],
      [10, 75],
    ] as const) {
      const c = { frequency: x, recency: tx, T: v.dert.T };
      const g = (u: number) => {
        const t = Math.expm1(u);
        return Math.exp(-delta * t) * paretoNbd.expectedPurchases(p, c, t) * (t + 1);
      };
      const U = Math.log(40 / delta);
      const n = 4000;
      const h = U / n;
      let acc = g(0) + g(U);
      for (let k = 1; k < n; k += 1) acc += (k % 2 === 1 ? 4 : 2) * g(k * h);
      const integral = delta * ((acc * h) / 3);
      expect(relErr(at(x, tx), integral)).toBeLessThan(1e-7);
    }
  });

  it('iso-value curves bend backwards: at small t_x DERT is not monotone in x', () => {
    const small = v.dert.isoValueSmallTx.map((c) => at(c.x, c.tx));
    v.dert.isoValueSmallTx.forEach((c, i) => {
      expect(relErr(small[i]!, c.dert)).toBeLessThan(1e-11);
    });
    const atThirty = v.dert.customers.slice(1).map((c) => at(c.x, c.tx)); // x = 1..10, t_x = 30
    const rises = atThirty.some((value, i) => i > 0 && value > atThirty[i - 1]!);
    const falls = atThirty.some((value, i) => i > 0 && value < atThirty[i - 1]!);
    expect(rises && falls).toBe(true);
    // At t_x = 5 more purchases mean less value from x = 1 on; at t_x = 75 more mean more.
    for (let i = 2; i < small.length; i += 1) expect(small[i]!).toBeLessThan(small[i - 1]!);
    const large = v.dert.isoValueLargeTx.map((c) => at(c.x, c.tx));
    for (let i = 1; i < large.length; i += 1) expect(large[i]!).toBeGreaterThan(large[i - 1]!);
  });

  it('d = 0 gives E[Y(∞)] when s > 1 and is undefined when s <= 1; a negative d is undefined', () => {
    const q = { r: 0.6, alpha: 10, s: 2.5, beta: 12 };
    const c = { frequency: 3, recency: 20, T: 39 };
    const limit = paretoNbd.dert(q, c, 0);
    expect(relErr(limit, paretoNbd.expectedPurchases(q, c, 1e12))).toBeLessThan(1e-6);
    expect(codeOf(() => paretoNbd.dert(p, c, 0))).toBe('model/undefined-quantity');
    expect(codeOf(() => paretoNbd.dert(q, c, -0.01))).toBe('model/undefined-quantity');
    expect(codeOf(() => paretoNbd.dertNewCustomer(p, 0))).toBe('model/undefined-quantity');
  });
});

describe('P(X(t) = n) (Fader & Hardie 2006) by quadrature', () => {
  it('matches mpmath for n = 0..15 at t = 39 and 52, and in the tail (n = 50, 100, 200)', () => {
    for (const c of v.pmf) {
      c.pmf.forEach((expected, n) => {
        expect(
          relErr(paretoNbd.probabilityOfPurchases(params(c.params), n, c.t), expected),
        ).toBeLessThan(1e-11);
      });
    }
    for (const c of v.pmfTail) {
      expect(
        relErr(paretoNbd.probabilityOfPurchases(params(c.params), c.n, c.t), c.p),
      ).toBeLessThan(1e-10);
    }
  });

  it('sums to 1 and its mean is E[X(t)]', () => {
    const p = params(v.params.btyd78);
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 300; n += 1) {
      const q = paretoNbd.probabilityOfPurchases(p, n, 78);
      total += q;
      mean += n * q;
    }
    expect(Math.abs(total - 1)).toBeLessThan(1e-9);
    // s = 0.408 < 1: a heavy tail, so the truncated mean is checked loosely.
    expect(relErr(mean, paretoNbd.expectedPurchasesNewCustomer(p, 78))).toBeLessThan(1e-4);
  });

  it('t = 0 puts all mass on n = 0', () => {
    const p = params(v.params.mle);
    expect(paretoNbd.probabilityOfPurchases(p, 0, 0)).toBe(1);
    expect(paretoNbd.probabilityOfPurchases(p, 3, 0)).toBe(0);
  });
});

describe('input checks and coded errors', () => {
  const p = params(v.params.mle);
  it('rejects bad params, customers, horizons and counts with input/invalid', () => {
    expect(
      codeOf(() => paretoNbd.probabilityAlive({ ...p, r: -1 }, { frequency: 1, recency: 1, T: 2 })),
    ).toBe('input/invalid');
    expect(codeOf(() => paretoNbd.probabilityAlive(p, { frequency: 1, recency: 3, T: 2 }))).toBe(
      'input/invalid',
    );
    expect(codeOf(() => paretoNbd.probabilityAlive(p, { frequency: 0, recency: 1, T: 2 }))).toBe(
      'input/invalid',
    );
    expect(
      codeOf(() => paretoNbd.expectedPurchases(p, { frequency: 1.5, recency: 1, T: 2 }, 5)),
    ).toBe('input/invalid');
    expect(
      codeOf(() => paretoNbd.expectedPurchases(p, { frequency: 1, recency: 1, T: 2 }, -5)),
    ).toBe('input/invalid');
    expect(codeOf(() => paretoNbd.probabilityOfPurchases(p, 1.5, 5))).toBe('input/invalid');
    expect(codeOf(() => paretoNbd.logLikelihood(p, { kind: 'nope' } as never))).toBe(
      'input/invalid',
    );
  });

  it('names the bad row of a pattern summary', () => {
    const bad = {
      kind: 'rfm-patterns',
      timeUnit: 'week',
      conventions: {},
      customerCount: 2,
      patterns: [
        { frequency: 1, recency: 2, T: 3, count: 1 },
        { frequency: 1, recency: 5, T: 3, count: 1 },
      ],
    };
    try {
      paretoNbd.logLikelihood(p, bad as never);
      expect.unreachable();
    } catch (error) {
      expect((error as CustomerAssetError).code).toBe('input/invalid');
      expect((error as CustomerAssetError).path).toEqual(['summary', 1, 'recency']);
    }
  });

  it('fit: no repeat purchases is fit/insufficient-data; an empty summary is input/empty', () => {
    const none = summaryOf([
      { frequency: 0, recency: 0, T: 10 },
      { frequency: 0, recency: 0, T: 12 },
    ]);
    const out = paretoNbd.safeFit(none);
    expect(out.success ? 'fitted' : out.error.code).toBe('fit/insufficient-data');
    expect(codeOf(() => paretoNbd.fit(summaryOf([])))).toBe('input/empty');
  });

  it('P(alive) is 1 for a customer whose last purchase is now, and for T = 0', () => {
    expect(paretoNbd.probabilityAlive(p, { frequency: 5, recency: 39, T: 39 })).toBe(1);
    expect(paretoNbd.probabilityAlive(p, { frequency: 0, recency: 0, T: 0 })).toBe(1);
  });

  it('the descriptor is frozen and complete', () => {
    expect(Object.isFrozen(paretoNbd)).toBe(true);
    expect(paretoNbd.name).toBe('pareto-nbd');
    expect(paretoNbd.parameterNames).toEqual(['r', 'alpha', 's', 'beta']);
  });
});
