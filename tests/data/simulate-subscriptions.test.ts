import { describe, expect, it } from 'vitest';
import {
  safeSimulateSubscriptions,
  simulateSubscriptions,
} from '../../src/data/simulate-subscriptions.js';
import { survivalTable } from '../../src/data/survival-table.js';

/** sBG survival S(t) = B(α, β + t) / B(α, β), by the recursion S(t) = S(t − 1)(β + t − 1)/(α + β + t − 1). */
function sbgSurvival(alpha: number, beta: number, periods: number): number[] {
  const s = [1];
  for (let t = 1; t <= periods; t += 1)
    s.push(s[t - 1]! * ((beta + t - 1) / (alpha + beta + t - 1)));
  return s;
}

describe('simulateSubscriptions (sBG)', () => {
  // Fader & Hardie (2007): the regular segment's 7-year fit, (α, β) = (0.704, 1.182).
  const params = { alpha: 0.704, beta: 1.182 };

  it('survival table of the simulated log matches S(t) = B(α, β + t)/B(α, β) within 4 standard errors', () => {
    const n = 20_000;
    const { events } = simulateSubscriptions({
      params,
      customers: n,
      start: '2015-01-01',
      end: '2022-01-01',
      period: 'year',
      seed: 99,
    });
    const table = survivalTable({ events, period: 'year', end: '2022-01-01' });
    expect(table.cohorts).toHaveLength(1);
    const alive = table.cohorts[0]!.alive;
    expect(alive).toHaveLength(8); // years 0..7
    const expected = sbgSurvival(params.alpha, params.beta, 7);
    alive.forEach((count, t) => {
      const s = expected[t]!;
      const se = Math.sqrt((s * (1 - s)) / n);
      expect(Math.abs(count / n - s)).toBeLessThanOrEqual(4 * se);
    });
    expect(expected[1]).toBeCloseTo(1.182 / 1.886, 12);
  });

  it('spreads starts, dates cancellations between anniversaries, and censors after the end', () => {
    const sim = simulateSubscriptions({
      params,
      customers: 2000,
      start: '2024-01-01',
      acquisitionEnd: '2024-03-31',
      end: '2024-12-31',
      period: 'month',
      seed: 4,
    });
    expect(new Set(sim.customers.map((c) => c.startDate)).size).toBe(91);
    const starts = sim.events.filter((e) => e.type === 'start');
    const cancels = sim.events.filter((e) => e.type === 'cancel');
    expect(starts).toHaveLength(2000);
    expect(cancels.every((e) => e.date <= '2024-12-31')).toBe(true);
    // The table's first-period churn matches the latent lifetimes exactly.
    const table = survivalTable({
      events: sim.events,
      period: 'month',
      cohortBy: 'year',
      end: '2024-12-31',
    });
    const survivedOne = sim.customers.filter((c) => c.lifetime > 1).length;
    expect(table.cohorts[0]!.alive[1]).toBe(survivedOne);
    expect(sim.customers.every((c) => c.theta >= 0 && c.theta <= 1 && c.lifetime >= 1)).toBe(true);
  });

  it('rejects bad options naming the field', () => {
    const base = { params, customers: 10, start: '2024-01-01', end: '2024-12-31', seed: 1 };
    const bad = safeSimulateSubscriptions({ ...base, params: { alpha: 0, beta: 1 } });
    expect(bad.success || bad.error.message).toMatch(/options\.params\.alpha/);
    const early = safeSimulateSubscriptions({ ...base, end: '2023-01-01' });
    expect(early.success || early.error.message).toMatch(
      /options\.end is before the last start date/,
    );
    const period = safeSimulateSubscriptions({ ...base, period: 'day' as never });
    expect(period.success || period.error.code).toBe('input/invalid');
  });
});
