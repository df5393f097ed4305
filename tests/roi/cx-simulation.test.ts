import { describe, expect, it } from 'vitest';
import { type CxReturnInput, cxReturn, simulateCxReturn } from '../../src/roi/index.js';
import { caught, referenceProgramme, sbgParams, usd } from './helpers.js';

const uncertain: CxReturnInput = {
  ...referenceProgramme(10),
  effects: {
    retention: { kind: 'triangular', low: 0, mode: 0.02, high: 0.03 },
    spend: { kind: 'normal', mean: 0.03, sd: 0.01 },
    referrals: { kind: 'range', low: 0, high: 2000 },
  },
};

describe('simulateCxReturn', () => {
  const sim = simulateCxReturn(uncertain, { draws: 20_000, seed: 7 });

  it('reports the benchmark it used, 3x by default, and the probability of reaching it', () => {
    expect(sim.benchmark).toBe(3);
    expect(sim.draws).toBe(20_000);
    expect(sim.probabilityAtLeastBenchmark).toBeGreaterThan(0.2);
    expect(sim.probabilityAtLeastBenchmark).toBeLessThan(0.8);
    expect(sim.probabilityStandardError).toBeCloseTo(
      Math.sqrt((sim.probabilityAtLeastBenchmark * (1 - sim.probabilityAtLeastBenchmark)) / 20_000),
      12,
    );
    // The probability is the share of draws at or above the benchmark: it matches the percentiles.
    const median = sim.returnPerDollar.percentiles.find((q) => q.p === 0.5)!.value;
    expect(sim.probabilityAtLeastBenchmark >= 0.5).toBe(median >= 3);
  });

  it('a lower benchmark is reached more often; the benchmark is a parameter, never assumed', () => {
    const two = simulateCxReturn(uncertain, { draws: 20_000, seed: 7, benchmark: 2 });
    const four = simulateCxReturn(uncertain, { draws: 20_000, seed: 7, benchmark: 4 });
    expect(two.benchmark).toBe(2);
    expect(two.probabilityAtLeastBenchmark).toBeGreaterThan(sim.probabilityAtLeastBenchmark);
    expect(four.probabilityAtLeastBenchmark).toBeLessThan(sim.probabilityAtLeastBenchmark);
    // Same seed, same draws: only the threshold changed.
    expect(two.returnPerDollar.mean).toBe(sim.returnPerDollar.mean);
  });

  it('the mean return is the return at the mean effects when the value is linear in them', () => {
    // Spend and referrals enter linearly given retention; with retention fixed the mean matches.
    const linear = simulateCxReturn(
      { ...uncertain, effects: { ...uncertain.effects, retention: 0.02 } },
      { draws: 200_000, seed: 3 },
    );
    const deterministic = cxReturn({
      ...uncertain,
      effects: { ...uncertain.effects, retention: 0.02 },
    });
    // Monte Carlo error: sd/sqrt(n); allow 5 standard errors.
    const se = linear.returnPerDollar.sd / Math.sqrt(200_000);
    expect(
      Math.abs(linear.returnPerDollar.mean - deterministic.returnPerDollar.toNumber()),
    ).toBeLessThan(5 * se);
  });

  it('percentiles are ordered and NPV percentiles are (multiple − 1) × PV cost', () => {
    const values = sim.returnPerDollar.percentiles.map((q) => q.value);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    const cost = 2_000_000;
    sim.npv.percentiles.forEach((q, i) => {
      expect(q.value.currency).toBe('USD');
      expect(q.value.amount.toNumber()).toBeCloseTo((values[i]! - 1) * cost, 4);
    });
  });

  it('counts and clamps draws outside the feasible range', () => {
    const wild = simulateCxReturn(
      {
        ...referenceProgramme(5),
        effects: {
          retention: { kind: 'normal', mean: 0.15, sd: 0.1 },
          spend: { kind: 'normal', mean: -0.9, sd: 0.5 },
          referrals: { kind: 'normal', mean: 10, sd: 100 },
        },
      },
      { draws: 5_000, seed: 11 },
    );
    // retention 0.8 + Δ > 1 when Δ > 0.2: P(Z > 0.5) ≈ 31%; spend < −1: P(Z < −0.2) ≈ 42%; referrals < 0: 46%.
    expect(wild.clamped.retention / 5_000).toBeCloseTo(0.31, 1);
    expect(wild.clamped.spend / 5_000).toBeCloseTo(0.42, 1);
    expect(wild.clamped.referrals / 5_000).toBeCloseTo(0.46, 1);
  });

  it('runs over an sBG base (Chebyshev stand-in for the value function) and agrees with cxReturn', () => {
    const base = {
      kind: 'sbg' as const,
      params: sbgParams,
      customersByTenure: [369, 163, 86, 56, 37],
      margin: usd('100'),
      period: 'year' as const,
    };
    const input: CxReturnInput = {
      investment: [usd('5000')],
      effects: { retention: { kind: 'range', low: -0.01, high: 0.03 } },
      base,
      horizon: 8,
      discountRate: '0.1',
    };
    const draws = simulateCxReturn(input, {
      draws: 2_000,
      seed: 5,
      percentiles: [0.001, 0.5, 0.999],
    });
    // Uniform Δ on [−0.01, 0.03]: the extreme percentiles sit near the ends of the range.
    const at = (delta: number) =>
      cxReturn({ ...input, effects: { retention: delta } }).returnPerDollar.toNumber();
    const [low, , high] = draws.returnPerDollar.percentiles;
    expect(low!.value).toBeGreaterThan(at(-0.01) - 1e-9);
    expect(low!.value).toBeLessThan(at(-0.009));
    expect(high!.value).toBeLessThan(at(0.03) + 1e-9);
    expect(high!.value).toBeGreaterThan(at(0.029));
    // The interpolant is exact to ~1e-12 at a chosen point: a degenerate draw is evaluated exactly.
    const point = simulateCxReturn(
      { ...input, effects: { retention: 0.0123 } },
      { draws: 3, seed: 1 },
    );
    expect(point.returnPerDollar.mean).toBeCloseTo(at(0.0123), 11);
  });

  it('rejects bad options', () => {
    expect(caught(() => simulateCxReturn(uncertain, { draws: 0, seed: 1 })).path).toEqual([
      'draws',
    ]);
    expect(caught(() => simulateCxReturn(uncertain, { draws: 10, seed: 1.5 })).path).toEqual([
      'seed',
    ]);
    expect(
      caught(() => simulateCxReturn(uncertain, { draws: 10, seed: 1, percentiles: [0, 0.5] })).path,
    ).toEqual(['percentiles', 0]);
  });

  it('returns a frozen result', () => {
    expect(Object.isFrozen(sim)).toBe(true);
    expect(Object.isFrozen(sim.returnPerDollar.percentiles)).toBe(true);
  });
});
