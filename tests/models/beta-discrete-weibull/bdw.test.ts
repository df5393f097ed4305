import { describe, expect, it } from 'vitest';
import { betaln } from '../../../src/math/index.js';
import { betaDiscreteWeibull as bdw } from '../../../src/models/beta-discrete-weibull/index.js';
import { bdwLogLikelihoodWithGradient } from '../../../src/models/beta-discrete-weibull/likelihood.js';
import { survivalStatistics } from '../../../src/models/shared/survival-data.js';
import { shiftedBetaGeometric as sbg } from '../../../src/models/shifted-beta-geometric/index.js';
import { codeOf } from '../../helpers/errors.js';
import {
  bruteDel,
  bruteDerl,
  contractualReference,
  HIGH_END,
  REGULAR,
} from '../shifted-beta-geometric/reference/contractual.js';

const ref = contractualReference();
const P = { alpha: 0.9, beta: 2.5, c: 1.4 };

describe('betaDiscreteWeibull: values against the 40-digit reference (derive.py)', () => {
  const v = ref['bdw.values'];

  it('S(t) = B(alpha, beta + t^c)/B(alpha, beta) for t = 0..10', () => {
    v.survival.forEach((expected: number, t: number) => {
      expect(Math.abs(bdw.survival(P, t) - expected)).toBeLessThan(1e-14);
      if (t > 0) {
        const viaBetaln = Math.exp(betaln(0.9, 2.5 + t ** 1.4) - betaln(0.9, 2.5));
        expect(Math.abs(bdw.survival(P, t) / viaBetaln - 1)).toBeLessThan(1e-12);
      }
    });
  });

  it('DEL and DERL(n = 1, 2, 5, 20) at d = 0.05', () => {
    expect(bdw.del(P, 0.05)).toBeCloseTo(v.DEL, 12);
    for (const row of v.DERL) {
      expect(bdw.derl(P, { periodsSurvived: row.n - 1, discountRate: 0.05 })).toBeCloseTo(
        row.value,
        12,
      );
    }
  });

  it('E[T] and the undiscounted DERL (power-law tail by Euler-Maclaurin)', () => {
    const life = bdw.expectedLifetime(P);
    expect(life.finite).toBe(true);
    expect(Math.abs(life.value! / v.expectedLifetime - 1)).toBeLessThan(1e-11);
    expect(bdw.del(P, 0)).toBeCloseTo(v.expectedLifetime, 10);
    expect(bdw.derl(P, { periodsSurvived: 2, discountRate: 0 })).toBeCloseTo(
      v.DERL_undiscounted_n3,
      9,
    );
  });

  it('E[T] near the boundary c * alpha = 1.01 (a very heavy tail)', () => {
    const b = ref['bdw.lifetime_near_boundary'];
    const life = bdw.expectedLifetime(b.params);
    expect(Math.abs(life.value! / b.expectedLifetime - 1)).toBeLessThan(1e-9);
  });

  it('E[T] is reported infinite when c * alpha <= 1, and DEL at d = 0 is a coded error', () => {
    const heavy = { alpha: 0.5, beta: 2, c: 1.9 };
    expect(bdw.expectedLifetime(heavy)).toMatchObject({ finite: false, value: null });
    expect(codeOf(() => bdw.del(heavy, 0))).toBe('model/undefined-quantity');
    expect(codeOf(() => bdw.derlByTenure(heavy, { periodsSurvived: [1], discountRate: 0 }))).toBe(
      'model/undefined-quantity',
    );
    expect(bdw.del(heavy, 0.01)).toBeGreaterThan(1);
  });

  it('the numerical sums agree with brute force at small rates and long tenures', () => {
    const S = (t: number) => bdw.survival(P, t);
    for (const d of [0.2, 0.01]) {
      expect(Math.abs(bdw.del(P, d) / bruteDel(S, d) - 1)).toBeLessThan(1e-10);
      for (const k of [0, 3, 300]) {
        const value = bdw.derl(P, { periodsSurvived: k, discountRate: d });
        expect(Math.abs(value / bruteDerl(S, k + 1, d) - 1)).toBeLessThan(1e-10);
      }
    }
  });

  it('derlByTenure equals derl for every tenure (series, recursion and restarts over gaps)', () => {
    const tenures = [0, 4, 4, 2, 19, 6000, 1];
    const values = bdw.derlByTenure(P, { periodsSurvived: tenures, discountRate: 0.05 });
    tenures.forEach((k, i) => {
      expect(
        Math.abs(values[i]! / bdw.derl(P, { periodsSurvived: k, discountRate: 0.05 }) - 1),
      ).toBeLessThan(1e-11);
    });
    const undiscounted = bdw.derlByTenure(P, { periodsSurvived: [2, 0], discountRate: 0 });
    expect(undiscounted[0]).toBeCloseTo(ref['bdw.values'].DERL_undiscounted_n3, 9);
  });

  it('pmf, retention and projection are consistent with S', () => {
    for (const t of [1, 2, 9]) {
      expect(bdw.churnProbability(P, t)).toBeCloseTo(
        bdw.survival(P, t - 1) - bdw.survival(P, t),
        14,
      );
      expect(bdw.retentionRate(P, t)).toBeCloseTo(bdw.survival(P, t) / bdw.survival(P, t - 1), 14);
    }
    const out = bdw.projectSurvival(P, { cohorts: [{ age: 3, alive: 500 }], horizon: 4 });
    expect(out.total[4]).toBeCloseTo((500 * bdw.survival(P, 7)) / bdw.survival(P, 3), 9);
  });
});

describe('betaDiscreteWeibull: c = 1 is the sBG', () => {
  const s = { alpha: 0.764, beta: 1.296 };
  const b = { ...s, c: 1 };

  it('same survival, retention, pmf, DEL, DERL and log-likelihood', () => {
    for (const t of [0, 1, 5, 50]) expect(bdw.survival(b, t)).toBeCloseTo(sbg.survival(s, t), 13);
    for (const t of [1, 5, 50]) {
      expect(bdw.retentionRate(b, t)).toBeCloseTo(sbg.retentionRate(s, t), 13);
      expect(bdw.churnProbability(b, t)).toBeCloseTo(sbg.churnProbability(s, t), 13);
    }
    expect(bdw.del(b, 0.1)).toBeCloseTo(sbg.del(s, 0.1), 11);
    for (const k of [0, 1, 4, 40])
      expect(bdw.derl(b, { periodsSurvived: k, discountRate: 0.1 })).toBeCloseTo(
        sbg.derl(s, { periodsSurvived: k, discountRate: 0.1 }),
        11,
      );
    const data = { alive: [...REGULAR] };
    expect(bdw.logLikelihood(b, data)).toBeCloseTo(sbg.logLikelihood(s, data), 9);
  });
});

describe('betaDiscreteWeibull: the likelihood gradient', () => {
  it('matches central differences of the log-likelihood', () => {
    const stats = survivalStatistics(
      { cohorts: [{ alive: [...HIGH_END] }, { alive: [...REGULAR.slice(0, 6)] }] },
      {},
      'test',
    );
    for (const p of [P, { alpha: 0.25, beta: 1.7, c: 1.6 }, { alpha: 3, beta: 9, c: 0.6 }]) {
      const g = new Float64Array(3);
      bdwLogLikelihoodWithGradient(p, stats, g);
      (['alpha', 'beta', 'c'] as const).forEach((name, i) => {
        const h = 1e-6 * p[name];
        const up = bdwLogLikelihoodWithGradient({ ...p, [name]: p[name] + h }, stats, null);
        const down = bdwLogLikelihoodWithGradient({ ...p, [name]: p[name] - h }, stats, null);
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(g[i]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      });
    }
  });
});

describe('betaDiscreteWeibull: fitting, errors, JSON', () => {
  it('fits several censored cohorts with the table time unit and round-trips through JSON', () => {
    const fit = bdw.fit({
      cohorts: [
        { cohort: '2020', alive: [...HIGH_END.slice(0, 8)] },
        { cohort: '2021', alive: [...HIGH_END.slice(0, 5)] },
      ],
      period: 'year',
    });
    expect(fit.timeUnit).toBe('year');
    expect(fit.observations).toBe(2000);
    expect(fit.params.c).toBeGreaterThan(1);
    expect(bdw.fromJSON(JSON.parse(JSON.stringify(fit)))).toEqual(fit);
  });

  it('needs three periods and names bad counts', () => {
    expect(codeOf(() => bdw.fit({ alive: [1000, 800, 700] }))).toBe('fit/insufficient-data');
    expect(() => bdw.fit({ alive: [1000, 800, 900, 100] })).toThrow(/alive\[2\]/);
    expect(codeOf(() => bdw.survival({ alpha: 1, beta: 1, c: 0 }, 1))).toBe('input/invalid');
  });

  it('simulates exactly from the discrete-Weibull story (seeded)', () => {
    const data = bdw.simulate(P, { cohorts: [{ size: 20_000, periods: 5 }], seed: 4 });
    expect(bdw.simulate(P, { cohorts: [{ size: 20_000, periods: 5 }], seed: 4 })).toEqual(data);
    const alive = data.cohorts[0]!.alive;
    for (let t = 1; t <= 5; t += 1) {
      const s = bdw.survival(P, t);
      expect(Math.abs(alive[t]! / 20_000 - s)).toBeLessThan(4 * Math.sqrt((s * (1 - s)) / 20_000));
    }
  });
});
