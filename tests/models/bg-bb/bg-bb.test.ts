import { describe, expect, it } from 'vitest';
import { compressSummary, rfmSummaryFromRows } from '../../../src/data/index.js';
import { betaln } from '../../../src/math/index.js';
import {
  type BgBbParams,
  bgBb,
  bgBbDertNewCustomer,
  bgBbLogLikelihood,
} from '../../../src/models/bg-bb/index.js';
import {
  bgBbLogLikelihoodPrepared,
  bgBbPatternLogLikelihood,
  prepareBgBbPatterns,
} from '../../../src/models/bg-bb/likelihood.js';
import { expectedAliveOpportunities } from '../../../src/models/bg-bb/survival.js';
import { patternColumns } from '../../../src/models/shared/patterns.js';

const P: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

/** eq. 5 summed term by term with betaln, the way the paper prints it. */
function naiveLikelihood(params: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = params;
  const bab = betaln(alpha, beta);
  const bgd = betaln(gamma, delta);
  let L = Math.exp(betaln(alpha + x, beta + n - x) - bab + betaln(gamma, delta + n) - bgd);
  for (let i = 0; i <= n - tx - 1; i += 1) {
    L += Math.exp(
      betaln(alpha + x, beta + tx - x + i) - bab + betaln(gamma + 1, delta + tx + i) - bgd,
    );
  }
  return L;
}

/** Σ_{k=1}^{K} B(γ, δ₀+k)/B(γ, δ₀) term by term. */
function naiveAliveSum(gamma: number, delta0: number, K: number): number {
  let sum = 0;
  for (let k = 1; k <= K; k += 1)
    sum += Math.exp(betaln(gamma, delta0 + k) - betaln(gamma, delta0));
  return sum;
}

const summaryOf = (rows: { frequency: number; recency: number; T: number; count?: number }[]) =>
  rfmSummaryFromRows(rows, { timeUnit: 'period' });

describe('BG/BB likelihood (FHS 2010 eq. 5)', () => {
  it('equals the printed sum of beta-function terms for each pattern', () => {
    for (const [x, tx, n] of [
      [0, 0, 6],
      [1, 1, 6],
      [3, 5, 6],
      [6, 6, 6],
      [0, 0, 0],
      [2, 9, 30],
    ] as const) {
      const ll = bgBbLogLikelihood(P, summaryOf([{ frequency: x, recency: tx, T: n }]));
      expect(ll).toBeCloseTo(Math.log(naiveLikelihood(P, x, tx, n)), 12);
    }
  });

  it('the table path of the fit agrees with the log-beta path of the predictions', () => {
    const rows = [
      { frequency: 40, recency: 180, T: 400 },
      { frequency: 0, recency: 0, T: 400 },
      { frequency: 250, recency: 399, T: 400 },
    ];
    const data = prepareBgBbPatterns(patternColumns(summaryOf(rows), 't'), 't');
    const q = { alpha: 0.3, beta: 5, gamma: 2.5, delta: 0.4 };
    let expected = 0;
    for (const r of rows) {
      expected += bgBbPatternLogLikelihood(
        q,
        betaln(q.alpha, q.beta),
        betaln(q.gamma, q.delta),
        r.frequency,
        r.recency,
        r.T,
      );
    }
    expect(bgBbLogLikelihoodPrepared(q, data)).toBeCloseTo(expected, 8);
  });

  it('the analytic gradient matches central differences of the log-likelihood', () => {
    const summary = summaryOf([
      { frequency: 0, recency: 0, T: 6, count: 3464 },
      { frequency: 2, recency: 4, T: 6, count: 155 },
      { frequency: 5, recency: 6, T: 7, count: 728 },
      { frequency: 1, recency: 1, T: 9, count: 11 },
    ]);
    const data = prepareBgBbPatterns(patternColumns(summary, 't'), 't');
    const g = new Float64Array(4);
    bgBbLogLikelihoodPrepared(P, data, g);
    (['alpha', 'beta', 'gamma', 'delta'] as const).forEach((name, i) => {
      const h = 1e-6 * P[name];
      const up = bgBbLogLikelihoodPrepared({ ...P, [name]: P[name] + h }, data);
      const down = bgBbLogLikelihoodPrepared({ ...P, [name]: P[name] - h }, data);
      const numeric = (up - down) / (2 * h);
      expect(Math.abs(g[i]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    });
  });

  it('rejects impossible patterns with input/invalid', () => {
    for (const bad of [
      { frequency: 3, recency: 2, T: 6 },
      { frequency: 1, recency: 1.5, T: 6 },
      { frequency: 1, recency: 2, T: 6.5 },
    ]) {
      expect(() => bgBbLogLikelihood(P, summaryOf([bad]))).toThrow(
        expect.objectContaining({ code: 'input/invalid' }),
      );
    }
    expect(() => bgBbLogLikelihood({ ...P, gamma: -1 }, summaryOf([]))).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['gamma'] }),
    );
  });
});

describe('BG/BB closed forms', () => {
  it('P(alive at n) = 1 when the last purchase was at n, and for a customer with no opportunity yet', () => {
    expect(bgBb.probabilityAlive(P, { frequency: 3, recency: 6, T: 6 })).toBe(1);
    expect(bgBb.probabilityAlive(P, { frequency: 0, recency: 0, T: 0 })).toBe(1);
    expect(bgBb.probabilityAlive(P, { frequency: 3, recency: 6, T: 6 }, 1)).toBeLessThan(1);
  });

  it('P(alive at n+k) falls with k as the posterior survival B(γ, δ+n+k)/B(γ, δ+n)', () => {
    const c = { frequency: 2, recency: 3, T: 6 };
    const p0 = bgBb.probabilityAlive(P, c);
    const p4 = bgBb.probabilityAlive(P, c, 4);
    const ratio = Math.exp(betaln(P.gamma, P.delta + 10) - betaln(P.gamma, P.delta + 6));
    expect(p4).toBeCloseTo(p0 * ratio, 14);
  });

  it('the survival sum switches to the closed form beyond 64 opportunities without a seam', () => {
    for (const gamma of [0.657, 1, 1 + 1e-9, 1.8, 12]) {
      for (const K of [64, 65, 200, 5000]) {
        const exact = naiveAliveSum(gamma, 8.783, K);
        expect(Math.abs(expectedAliveOpportunities(gamma, 8.783, K) - exact)).toBeLessThan(
          1e-11 * exact,
        );
      }
    }
  });

  it('E[X(t)] of a new customer is continuous through γ = 1 (the printed form is 0/0 there)', () => {
    const at = (gamma: number, t: number) => bgBb.expectedPurchasesNewCustomer({ ...P, gamma }, t);
    for (const t of [10, 100, 1000]) {
      const one = at(1, t);
      expect(Number.isFinite(one)).toBe(true);
      expect(Math.abs(at(1 - 1e-7, t) - one)).toBeLessThan(1e-5 * one);
      expect(Math.abs(at(1 + 1e-7, t) - one)).toBeLessThan(1e-5 * one);
      // At γ = 1: α/(α+β) · δ · [ψ(δ+t+1) − ψ(δ+1)] = α/(α+β) · Σ_{k=1}^{t} δ/(δ+k).
      let harmonic = 0;
      for (let k = 1; k <= t; k += 1) harmonic += P.delta / (P.delta + k);
      expect(one).toBeCloseTo((P.alpha / (P.alpha + P.beta)) * harmonic, 10);
    }
  });

  it('E[X(t)] of a new customer equals the printed FHS eq. 8 away from γ = 1', () => {
    const q = { ...P, gamma: 2.2 };
    const { alpha, beta, gamma, delta } = q;
    const t = 25;
    const lg = (v: number) => Math.log(Math.abs(gammaFn(v)));
    const printed =
      (alpha / (alpha + beta)) *
      (delta / (gamma - 1)) *
      (1 - Math.exp(lg(gamma + delta) + lg(1 + delta + t) - lg(gamma + delta + t) - lg(1 + delta)));
    expect(bgBb.expectedPurchasesNewCustomer(q, t)).toBeCloseTo(printed, 10);
  });

  it('E[X(n, n+t)] equals Σ over future opportunities of P(purchase) computed from betas', () => {
    const c = { frequency: 2, recency: 4, T: 6 };
    const L = naiveLikelihood(P, 2, 4, 6);
    let sum = 0;
    for (let k = 1; k <= 100; k += 1) {
      sum += Math.exp(
        betaln(P.alpha + 3, P.beta + 4) -
          betaln(P.alpha, P.beta) +
          betaln(P.gamma, P.delta + 6 + k) -
          betaln(P.gamma, P.delta),
      );
    }
    expect(bgBb.expectedPurchases(P, c, 100)).toBeCloseTo(sum / L, 11);
  });

  it('DERT at d = 0 is E[X(n, ∞)] when γ > 1, and the limit of DERT as d → 0', () => {
    // γ > 2 so that Σ k S(k) is finite and DERT(d) − DERT(0) = O(d) (for 1 < γ <= 2 it is O(d^(γ−1))).
    const q = { ...P, gamma: 3.5 };
    const c = { frequency: 4, recency: 5, T: 6 };
    const infinite = bgBb.dert(q, c, 0);
    expect(infinite).toBeCloseTo(bgBb.expectedPurchases(q, c, 1e15), 8);
    expect(Math.abs(bgBb.dert(q, c, 1e-9) - infinite)).toBeLessThan(1e-6 * infinite);
  });

  it('DERT diverges for d < 0 and for d = 0 with γ <= 1; a rate below 2^-53 is refused', () => {
    const c = { frequency: 1, recency: 1, T: 6 };
    expect(() => bgBb.dert(P, c, -0.05)).toThrow(
      expect.objectContaining({ code: 'model/undefined-quantity' }),
    );
    expect(() => bgBb.dert({ ...P, gamma: 1 }, c, 0)).toThrow(
      expect.objectContaining({ code: 'model/undefined-quantity' }),
    );
    expect(() => bgBb.dert(P, c, 1e-17)).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(Number.isFinite(bgBb.dert(P, c, 1e-12))).toBe(true);
  });

  it('DET equals DERT of the empty history (0, 0, 0)', () => {
    expect(bgBbDertNewCustomer(P, 0.07)).toBe(
      bgBb.dert(P, { frequency: 0, recency: 0, T: 0 }, 0.07),
    );
  });

  it('P(X(t) = k) sums to 1 over k and is 0 for k > t', () => {
    for (const t of [0, 1, 6, 40]) {
      let total = 0;
      for (let k = 0; k <= t; k += 1) total += bgBb.probabilityOfPurchases(P, k, t);
      expect(total).toBeCloseTo(1, 12);
    }
    expect(bgBb.probabilityOfPurchases(P, 7, 6)).toBe(0);
  });

  it('validates histories and horizons: x <= t_x <= n, whole numbers', () => {
    expect(() => bgBb.expectedPurchases(P, { frequency: 2, recency: 1, T: 6 }, 5)).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['recency'] }),
    );
    expect(() => bgBb.expectedPurchases(P, { frequency: 1, recency: 1, T: 6 }, 2.5)).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(() => bgBb.probabilityAlive(P, { frequency: 1, recency: 7, T: 6 })).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['recency'] }),
    );
    // Sums over opportunities are capped at 100,000 terms; closed-form horizons are not.
    expect(() => bgBb.probabilityAlive(P, { frequency: 1, recency: 7, T: 100_001 })).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['T'] }),
    );
    expect(() => bgBb.probabilityOfPurchases(P, 1, 100_001)).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(
      Number.isFinite(bgBb.expectedPurchases(P, { frequency: 1, recency: 7, T: 100_000 }, 1e12)),
    ).toBe(true);
  });
});

describe('BG/BB fit, simulate and record', () => {
  const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };

  it('simulate is deterministic for a seed, and its histogram follows P(X(n) = x)', () => {
    const a = bgBb.simulate(truth, { customers: 20_000, T: 6, seed: 11 });
    // The same seed gives the same stream: a shorter run is a prefix of the longer one.
    const b = bgBb.simulate(truth, { customers: 300, T: 6, seed: 11 });
    expect(a.customers.slice(0, 300)).toEqual(b.customers);
    expect(a.timeUnit).toBe('period');
    const counts = new Array(7).fill(0);
    let impossible = 0;
    for (const c of a.customers) {
      counts[c.frequency] += 1;
      if (c.recency < c.frequency || c.T !== 6) impossible += 1;
    }
    expect(impossible).toBe(0);
    // Chi-square with 6 degrees of freedom: the 99.9% point is 22.46.
    let chi2 = 0;
    counts.forEach((observed, x) => {
      const expected = 20_000 * bgBb.probabilityOfPurchases(truth, x, 6);
      chi2 += (observed - expected) ** 2 / expected;
    });
    expect(chi2).toBeLessThan(22.46);
  });

  it('fits a simulated panel close to the truth and round-trips through JSON', () => {
    const summary = bgBb.simulate(truth, { customers: 20_000, T: 8, seed: 5 });
    const fitted = bgBb.fit(summary);
    expect(fitted.model).toBe('bg-bb');
    expect(fitted.parameterOrder).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(fitted.logLikelihood).toBeCloseTo(bgBb.logLikelihood(fitted.params, summary), 8);
    expect(bgBb.fit(compressSummary(summary)).logLikelihood).toBeCloseTo(fitted.logLikelihood, 8);
    const restored = bgBb.fromJSON(JSON.parse(JSON.stringify(fitted)));
    expect(restored).toEqual(fitted);
    expect(Object.isFrozen(restored.params)).toBe(true);
  });

  it('refuses data that cannot identify the model, with coded errors', () => {
    expect(() => bgBb.fit(summaryOf([]))).toThrow(expect.objectContaining({ code: 'input/empty' }));
    const none = bgBb.safeFit(summaryOf([{ frequency: 0, recency: 0, T: 6, count: 50 }]));
    expect(none.success).toBe(false);
    if (!none.success) expect(none.error.code).toBe('fit/insufficient-data');
    expect(() => bgBb.fromJSON({ model: 'bg-nbd' })).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
  });

  it('the descriptor is frozen and names its parameters', () => {
    expect(Object.isFrozen(bgBb)).toBe(true);
    expect(bgBb.name).toBe('bg-bb');
    expect(bgBb.parameterNames).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(bgBb.paramsSchema.safeParse(P).success).toBe(true);
  });
});

/** Γ(v) for moderate v by exp(lnΓ) (tests only). */
function gammaFn(v: number): number {
  return Math.exp(betaln(v, 1) === 0 ? 0 : -betaln(v, 1) - Math.log(v)) * 0 + lanczos(v);
}

/** Lanczos approximation (g = 7, n = 9), independent of src/math. */
function lanczos(z: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.PI / (Math.sin(Math.PI * z) * lanczos(1 - z));
  const x = z - 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i += 1) a += c[i]! / (x + i);
  return Math.sqrt(2 * Math.PI) * t ** (x + 0.5) * Math.exp(-t) * a;
}
