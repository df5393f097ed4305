import { describe, expect, it } from 'vitest';
import { betaln } from '../../../src/math/index.js';
import { shiftedBetaGeometric as sbg } from '../../../src/models/shifted-beta-geometric/index.js';
import { errorOf } from '../../helpers/errors.js';
import { bruteDel, bruteDerl, HIGH_END, REGULAR } from './reference/contractual.js';

const REG4 = REGULAR.slice(0, 5);
const HANDBOOK = { alpha: 0.764, beta: 1.296 };

describe('shiftedBetaGeometric: published figures (Fader & Hardie 2007; sbg.fit.4yr_regular)', () => {
  it('fits the regular segment, years 0..4: alpha 0.7637, beta 1.2958, LL -1401.5594', () => {
    const fit = sbg.fit({ alive: REG4 });
    expect(fit.params.alpha).toBeCloseTo(0.76367, 4);
    expect(fit.params.beta).toBeCloseTo(1.2958, 3);
    expect(fit.logLikelihood).toBeCloseTo(-1401.5594, 3);
    expect(fit.model).toBe('shifted-beta-geometric');
    expect(fit.timeUnit).toBe('period');
    expect(fit.observations).toBe(1000);
    expect(fit.aic).toBeCloseTo(2 * 2 + 2 * 1401.5594, 3);
    expect(fit.standardErrors?.alpha).toBeGreaterThan(0);
    expect(fit.diagnostics.converged).toBe(true);
    expect(Object.isFrozen(fit) && Object.isFrozen(fit.params)).toBe(true);
  });

  it('fits the high-end segment, years 0..4: alpha 1.2810, beta 7.7904, LL -1225.135', () => {
    const fit = sbg.fit({ alive: HIGH_END.slice(0, 5) });
    expect(fit.params.alpha).toBeCloseTo(1.281, 3);
    expect(fit.params.beta).toBeCloseTo(7.7904, 2);
    expect(fit.logLikelihood).toBeCloseTo(-1225.1349, 3);
    // Segment labels (REFERENCE.md): high-end customers churn less, E[theta] smaller.
    const regular = sbg.fit({ alive: REG4 }).params;
    expect(fit.params.alpha / (fit.params.alpha + fit.params.beta)).toBeLessThan(
      regular.alpha / (regular.alpha + regular.beta),
    );
  });

  it('evaluates the log-likelihood at the published params', () => {
    expect(sbg.logLikelihood({ alpha: 0.76367, beta: 1.2958 }, { alive: REG4 })).toBeCloseTo(
      -1401.5594,
      3,
    );
  });
});

describe('shiftedBetaGeometric: the formulas (Fader & Hardie 2007, eqs. 2-5)', () => {
  const params = { alpha: 0.704, beta: 1.182 };

  it('S(t) = B(alpha, beta + t) / B(alpha, beta), S(0) = 1', () => {
    expect(sbg.survival(params, 0)).toBe(1);
    for (const t of [1, 2, 7, 12, 100, 10_000]) {
      const exact = Math.exp(betaln(0.704, 1.182 + t) - betaln(0.704, 1.182));
      expect(sbg.survival(params, t)).toBeCloseTo(exact, 12);
      expect(Math.abs(sbg.survival(params, t) / exact - 1)).toBeLessThan(1e-11);
    }
  });

  it('the recursion P(T=1) = a/(a+b), P(T=t) = (b+t-2)/(a+b+t-1) P(T=t-1) gives the pmf', () => {
    let p = params.alpha / (params.alpha + params.beta);
    for (let t = 1; t <= 30; t += 1) {
      if (t > 1) p *= (params.beta + t - 2) / (params.alpha + params.beta + t - 1);
      expect(sbg.churnProbability(params, t)).toBeCloseTo(p, 14);
      const fromBeta = Math.exp(betaln(1.704, 1.182 + t - 1) - betaln(0.704, 1.182));
      expect(Math.abs(sbg.churnProbability(params, t) / fromBeta - 1)).toBeLessThan(1e-12);
    }
  });

  it('r_t = (b + t - 1)/(a + b + t - 1) = S(t)/S(t - 1)', () => {
    for (const t of [1, 2, 5, 40]) {
      expect(sbg.retentionRate(params, t)).toBeCloseTo(
        sbg.survival(params, t) / sbg.survival(params, t - 1),
        13,
      );
    }
    expect(sbg.retentionRate(params, 1)).toBeCloseTo(1.182 / 1.886, 14);
  });

  it('E[T] = (a + b - 1)/(a - 1) for a > 1 and is reported infinite for a <= 1', () => {
    const life = sbg.expectedLifetime({ alpha: 2.5, beta: 3 });
    expect(life).toEqual({ finite: true, value: 4.5 / 1.5 });
    const infinite = sbg.expectedLifetime({ alpha: 0.764, beta: 1.296 });
    expect(infinite.finite).toBe(false);
    expect(infinite.value).toBeNull();
    expect(sbg.expectedLifetime({ alpha: 1, beta: 3 }).finite).toBe(false);
  });

  it('DEL and DERL at d = 0 are E[T] and (b + k)/(a - 1); infinite for a <= 1 is a coded error', () => {
    const p = { alpha: 2.5, beta: 3 };
    expect(sbg.del(p, 0)).toBeCloseTo(3, 14);
    expect(sbg.derl(p, { periodsSurvived: 4, discountRate: 0 })).toBeCloseTo(7 / 1.5, 13);
    expect(sbg.derl(p, { periodsSurvived: 4, discountRate: 0 })).toBeCloseTo(
      bruteDerl((t) => sbg.survival(p, t), 5, 1e-12),
      4, // the brute-force sum stops after 100,000 terms of a t^-2.5 tail
    );
    expect(errorOf(() => sbg.del(HANDBOOK, 0)).code).toBe('model/undefined-quantity');
    expect(errorOf(() => sbg.derl(HANDBOOK, { periodsSurvived: 1, discountRate: 0 })).code).toBe(
      'model/undefined-quantity',
    );
  });

  it('the 2F1 closed forms agree with brute-force discounted sums, small rates and long tenures included', () => {
    const S = (t: number) => sbg.survival(HANDBOOK, t);
    for (const d of [0.3, 0.1, 0.01, 0.001]) {
      expect(sbg.del(HANDBOOK, d) / bruteDel(S, d) - 1).toBeLessThan(1e-10);
      for (const k of [0, 1, 7, 250]) {
        const closed = sbg.derl(HANDBOOK, { periodsSurvived: k, discountRate: d });
        expect(Math.abs(closed / bruteDerl(S, k + 1, d) - 1)).toBeLessThan(1e-10);
      }
    }
  });

  it('DEL = 1 + DERL(periodsSurvived 0)/(1 + d): the first payment then the first renewal', () => {
    for (const d of [0.05, 0.1, 0.5]) {
      const derl0 = sbg.derl(HANDBOOK, { periodsSurvived: 0, discountRate: d });
      expect(sbg.del(HANDBOOK, d)).toBeCloseTo(1 + derl0 / (1 + d), 12);
    }
  });

  it('derlByTenure equals derl tenure by tenure (closed form then backward recursion)', () => {
    const tenures = [0, 3, 3, 1, 120, 7, 5000, 0, 9000];
    for (const d of [0.1, 0.008]) {
      const values = sbg.derlByTenure(HANDBOOK, { periodsSurvived: tenures, discountRate: d });
      tenures.forEach((k, i) => {
        const single = sbg.derl(HANDBOOK, { periodsSurvived: k, discountRate: d });
        expect(Math.abs(values[i]! / single - 1)).toBeLessThan(1e-12);
      });
    }
    expect(sbg.derlByTenure(HANDBOOK, { periodsSurvived: [], discountRate: 0.1 })).toHaveLength(0);
  });

  it('projects a base: new cohort size x S(h); an older cohort conditionally on its age', () => {
    const out = sbg.projectSurvival(params, {
      cohorts: [
        { cohort: 'new', age: 0, alive: 1000 },
        { age: 5, alive: 289 },
      ],
      horizon: 3,
    });
    expect(out.cohorts[0]!.expectedAlive[3]).toBeCloseTo(1000 * sbg.survival(params, 3), 10);
    expect(out.cohorts[1]!.cohort).toBe('1');
    expect(out.cohorts[1]!.expectedAlive[2]).toBeCloseTo(
      (289 * sbg.survival(params, 7)) / sbg.survival(params, 5),
      10,
    );
    expect(out.total[0]).toBe(1289);
    expect(Object.isFrozen(out.total)).toBe(true);
  });
});

describe('shiftedBetaGeometric: input errors are coded and name the position', () => {
  it('rejects alive counts that increase, negative counts, a cohort larger than its start', () => {
    expect(errorOf(() => sbg.fit({ alive: [1000, 631, 700] }))).toEqual({
      code: 'input/invalid',
      path: [2],
    });
    expect(errorOf(() => sbg.fit({ alive: [1000, -1, 0] })).path).toEqual([1]);
    expect(
      errorOf(() =>
        sbg.fit({
          cohorts: [
            { cohort: 'a', alive: [100, 90, 80] },
            { cohort: 'b', alive: [100, 120] },
          ],
        }),
      ),
    ).toEqual({ code: 'input/invalid', path: ['cohorts', 1, 'alive', 1] });
    expect(() => sbg.fit({ alive: [1000, 631.5, 400] })).toThrow(/alive\[1\]/);
  });

  it('rejects bad params, ages and rates naming the field', () => {
    expect(errorOf(() => sbg.survival({ alpha: -1, beta: 1 }, 2))).toEqual({
      code: 'input/invalid',
      path: ['alpha'],
    });
    expect(errorOf(() => sbg.survival({ alpha: 1, beta: 1, c: 1 } as never, 2)).code).toBe(
      'input/invalid',
    );
    expect(errorOf(() => sbg.retentionRate(HANDBOOK, 0)).code).toBe('input/invalid');
    expect(errorOf(() => sbg.survival(HANDBOOK, 1.5)).code).toBe('input/invalid');
    expect(errorOf(() => sbg.del(HANDBOOK, -0.1)).code).toBe('input/invalid');
    expect(
      errorOf(() => sbg.derlByTenure(HANDBOOK, { periodsSurvived: [0, 2, -1], discountRate: 0.1 })),
    ).toEqual({ code: 'input/invalid', path: ['periodsSurvived', 2] });
  });

  it('reports data that cannot identify the model', () => {
    expect(errorOf(() => sbg.fit({ alive: [1000, 600] })).code).toBe('fit/insufficient-data');
    expect(errorOf(() => sbg.fit({ alive: [1000, 1000, 1000] })).code).toBe(
      'fit/insufficient-data',
    );
    expect(errorOf(() => sbg.fit({ alive: [1000, 0, 0] })).code).toBe('fit/insufficient-data');
    const safe = sbg.safeFit({ alive: [10] });
    expect(safe.success).toBe(false);
  });

  it('rejects weights of the wrong length and a time unit that contradicts the data', () => {
    const data = { cohorts: [{ alive: [100, 60, 45] }], period: 'month' as const };
    expect(errorOf(() => sbg.fit(data, { weights: [1, 2] })).path).toEqual(['options', 'weights']);
    expect(errorOf(() => sbg.fit(data, { timeUnit: 'year' })).path).toEqual([
      'options',
      'timeUnit',
    ]);
  });
});

describe('shiftedBetaGeometric: several cohorts, weights, time unit, JSON', () => {
  it('two cohorts fit as the sum of their likelihoods; weights multiply a cohort', () => {
    const a = { alive: [...REGULAR.slice(0, 8)] };
    const b = { alive: [500, 330, 250, 200] };
    const params = { alpha: 0.8, beta: 1.3 };
    const both = { cohorts: [a, b] };
    expect(sbg.logLikelihood(params, both)).toBeCloseTo(
      sbg.logLikelihood(params, a) + sbg.logLikelihood(params, b),
      9,
    );
    expect(sbg.logLikelihood(params, both, { weights: [1, 2] })).toBeCloseTo(
      sbg.logLikelihood(params, a) + 2 * sbg.logLikelihood(params, b),
      9,
    );
    const doubled = sbg.fit({ cohorts: [a, a] });
    const single = sbg.fit(a);
    expect(doubled.params.alpha).toBeCloseTo(single.params.alpha, 4);
    expect(doubled.logLikelihood).toBeCloseTo(2 * single.logLikelihood, 6);
    expect(sbg.fit(a, { weights: [2] }).logLikelihood).toBeCloseTo(2 * single.logLikelihood, 6);
  });

  it("takes the survival table's period as the time unit", () => {
    const fit = sbg.fit({
      cohorts: [{ cohort: '2024-01', alive: [100, 60, 45, 38] }],
      period: 'month',
    });
    expect(fit.timeUnit).toBe('month');
    expect(fit.notes).toMatchObject({ periods: 3, cohorts: 1 });
  });

  it('round-trips through JSON', () => {
    const fit = sbg.fit({ alive: REG4 });
    const back = sbg.fromJSON(JSON.parse(JSON.stringify(fit)));
    expect(back).toEqual(fit);
    expect(
      errorOf(() => sbg.fromJSON({ ...JSON.parse(JSON.stringify(fit)), model: 'geometric' })).code,
    ).toBe('input/invalid');
  });

  it('the descriptor is frozen and names its parameters', () => {
    expect(Object.isFrozen(sbg)).toBe(true);
    expect(sbg.name).toBe('shifted-beta-geometric');
    expect(sbg.parameterNames).toEqual(['alpha', 'beta']);
  });

  it('simulates ages 0..periods per cohort, seeded', () => {
    const options = {
      cohorts: [
        { size: 2000, periods: 6 },
        { cohort: 'late', size: 100, periods: 2 },
      ],
      seed: 9,
    };
    const one = sbg.simulate(HANDBOOK, options);
    expect(one).toEqual(sbg.simulate(HANDBOOK, options));
    expect(one.cohorts[0]!.alive).toHaveLength(7);
    expect(one.cohorts[0]!.alive[0]).toBe(2000);
    expect(one.cohorts[1]!.cohort).toBe('late');
    // Expected share alive at age 3 within 4 standard errors.
    const s3 = sbg.survival(HANDBOOK, 3);
    expect(Math.abs(one.cohorts[0]!.alive[3]! / 2000 - s3)).toBeLessThan(
      4 * Math.sqrt((s3 * (1 - s3)) / 2000),
    );
  });
});
