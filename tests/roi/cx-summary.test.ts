import { describe, expect, it } from 'vitest';
import { cxReturn, cxSummary, simulateCxReturn } from '../../src/roi/index.js';
import { caught, referenceProgramme, usd } from './helpers.js';

describe('cxSummary', () => {
  const result = cxReturn(referenceProgramme(10));

  it('states the return, NPV, payback and the leading lever in one sentence', () => {
    const summary = cxSummary({ result });
    expect(summary.sentence).toBe(
      'Each $1 invested returns $3.39 in present value over 10 years at 10% per year (NPV $4.78M, discounted payback 1.8 years); retention drives 65% of the gain.',
    );
    expect(summary.figures.leadingLever).toBe('retention');
    // Shapley share: 4,429,406.26 / 6,783,473.81
    expect(summary.figures.leadingShare!).toBeCloseTo(4429406.259431413 / 6783473.805779697, 12);
    expect(summary.figures.npv).toBe(result.npv);
    expect(summary.figures.probabilityAtLeastBenchmark).toBeNull();
  });

  it('adds the probability of the benchmark and the 90% range when a simulation is given', () => {
    const simulation = simulateCxReturn(
      {
        ...referenceProgramme(10),
        effects: { retention: { kind: 'range', low: 0, high: 0.04 }, spend: 0.03 },
      },
      { draws: 4000, seed: 1, benchmark: 2.5 },
    );
    const summary = cxSummary({ result, simulation });
    const p = Math.round(simulation.probabilityAtLeastBenchmark * 100);
    expect(summary.sentence).toContain(
      `across 4,000 simulated scenarios the return reaches 2.5× with probability ${p}%`,
    );
    expect(summary.sentence).toMatch(/\(5th–95th percentile \d+\.\d× to \d+\.\d×\)\.$/);
    expect(summary.figures.benchmark).toBe(2.5);
    expect(summary.figures.returnPerDollarInterval?.map((q) => q.p)).toEqual([0.05, 0.95]);
  });

  it('says what retention would break even when the programme does not pay', () => {
    const poor = cxReturn({
      ...referenceProgramme(3),
      investment: [usd('5000000')],
      effects: { retention: 0.005 },
    });
    const summary = cxSummary({ result: poor });
    expect(poor.returnPerDollar.lt(1)).toBe(true);
    const points = (poor.levers.retention.breakEven! * 100).toFixed(2);
    expect(summary.sentence).toContain(
      `it would break even on a retention uplift of ${points} points alone`,
    );
    expect(summary.sentence).toContain('never paid back');
  });

  it('rejects something that is not a cxReturn result', () => {
    expect(caught(() => cxSummary({ result: {} as never })).code).toBe('input/invalid');
  });
});
