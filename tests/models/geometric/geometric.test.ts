import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../../src/core/errors.js';
import { geometric } from '../../../src/models/geometric/index.js';
import { bruteDel, bruteDerl, REGULAR } from '../shifted-beta-geometric/reference/contractual.js';

describe('geometric: the constant-rate benchmark (Fader & Hardie 2007, section 3)', () => {
  it('fits theta = cancellations / periods lived: 674/2481 on the regular segment, years 0..4', () => {
    const fit = geometric.fit({ alive: REGULAR.slice(0, 5) });
    expect(fit.params.theta).toBeCloseTo(674 / 2481, 12);
    expect(fit.logLikelihood).toBeCloseTo(
      674 * Math.log(674 / 2481) + 1807 * Math.log(1807 / 2481),
      9,
    );
    expect(fit.logLikelihood).toBeCloseTo(-1451.1556, 3);
    // Binomial standard error sqrt(theta (1 - theta) / periods lived) from the Hessian.
    const theta = 674 / 2481;
    expect(fit.standardErrors!.theta).toBeCloseTo(Math.sqrt((theta * (1 - theta)) / 2481), 5);
    expect(geometric.fromJSON(JSON.parse(JSON.stringify(fit)))).toEqual(fit);
  });

  it('S(t) = (1 - theta)^t, r_t = 1 - theta, P(T = t) = theta (1 - theta)^(t - 1), E[T] = 1/theta', () => {
    const p = { theta: 0.3 };
    expect(geometric.survival(p, 4)).toBeCloseTo(0.7 ** 4, 15);
    expect(geometric.retentionRate(p, 9)).toBe(0.7);
    expect(geometric.churnProbability(p, 3)).toBeCloseTo(0.3 * 0.49, 15);
    expect(geometric.expectedLifetime(p)).toEqual({ finite: true, value: 1 / 0.3 });
  });

  it('DEL = (1 + d)/(d + theta) and DERL = r(1 + d)/(1 + d - r) agree with brute-force sums', () => {
    const p = { theta: 0.167 };
    const S = (t: number) => geometric.survival(p, t);
    for (const d of [0, 0.1, 0.02]) {
      if (d > 0) expect(geometric.del(p, d)).toBeCloseTo(bruteDel(S, d), 10);
      expect(geometric.del(p, d)).toBeCloseTo((1 + d) / (d + 0.167), 12);
      for (const k of [0, 5]) {
        const value = geometric.derl(p, { periodsSurvived: k, discountRate: d });
        expect(value).toBeCloseTo(bruteDerl(S, k + 1, Math.max(d, 1e-300)), 8);
        const r = 0.833;
        expect(value).toBeCloseTo((r * (1 + d)) / (1 + d - r), 12);
      }
    }
    expect(
      Array.from(geometric.derlByTenure(p, { periodsSurvived: [0, 9], discountRate: 0.1 })),
    ).toEqual([
      geometric.derl(p, { periodsSurvived: 0, discountRate: 0.1 }),
      geometric.derl(p, { periodsSurvived: 9, discountRate: 0.1 }),
    ]);
  });

  it('recovers theta from simulated cohorts within its 95% interval', () => {
    const data = geometric.simulate(
      { theta: 0.12 },
      {
        cohorts: Array.from({ length: 20 }, (_, i) => ({ size: 5000, periods: 2 + (i % 10) })),
        seed: 11,
      },
    );
    const fit = geometric.fit(data);
    expect(Math.abs(fit.params.theta - 0.12)).toBeLessThan(1.96 * fit.standardErrors!.theta);
  });

  it('validates theta in (0, 1)', () => {
    expect(() => geometric.survival({ theta: 1 }, 1)).toThrow(CustomerAssetError);
    expect(() => geometric.del({ theta: 0 }, 0.1)).toThrow(/params\.theta/);
  });
});
