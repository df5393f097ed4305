import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumMoney } from '../../src/money/index.js';
import {
  type CustomerBase,
  CX_LEVERS,
  type CxEffects,
  type CxReturnInput,
  cxReturn,
  type EffectDistribution,
  simulateCxReturn,
} from '../../src/roi/index.js';
import { usd } from './helpers.js';

const ratesBase: fc.Arbitrary<CustomerBase> = fc
  .record({
    customers: fc.integer({ min: 1, max: 1_000_000 }),
    marginCents: fc.integer({ min: 100, max: 100_000 }),
    retention: fc.integer({ min: 10, max: 95 }),
  })
  .map(({ customers, marginCents, retention }) => ({
    kind: 'rates',
    customers,
    margin: usd(`${marginCents}e-2`),
    retention: `0.${String(retention).padStart(2, '0')}`,
    period: 'year',
  }));

const sbgBase: fc.Arbitrary<CustomerBase> = fc
  .record({
    alpha: fc.double({ min: 0.3, max: 3, noNaN: true }),
    beta: fc.double({ min: 0.3, max: 8, noNaN: true }),
    counts: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 6 }),
    marginCents: fc.integer({ min: 100, max: 100_000 }),
  })
  .filter(({ counts }) => counts.some((n) => n > 0))
  .map(({ alpha, beta, counts, marginCents }) => ({
    kind: 'sbg',
    params: { alpha, beta },
    customersByTenure: counts,
    margin: usd(`${marginCents}e-2`),
    period: 'month',
  }));

const base = fc.oneof(ratesBase, sbgBase);

/** Non-negative effects small enough for any base (retention at most 0.04 points above 0.95). */
const effects: fc.Arbitrary<Required<{ [K in keyof CxEffects]: number }>> = fc.record({
  retention: fc.double({ min: 0, max: 0.04, noNaN: true }),
  spend: fc.double({ min: 0, max: 0.2, noNaN: true }),
  referrals: fc.double({ min: 0, max: 5000, noNaN: true }),
  costToServeSaving: fc.double({ min: 0, max: 20, noNaN: true }),
});

const cost = fc.integer({ min: 1_000, max: 10_000_000 });
const horizon = fc.integer({ min: 1, max: 10 });
const discount = fc.integer({ min: 1, max: 30 }).map((n) => `0.${String(n).padStart(2, '0')}`);

function input(
  b: CustomerBase,
  e: CxEffects,
  c: number,
  h: number,
  d: string,
  schedule = 1,
): CxReturnInput {
  return {
    investment: Array.from({ length: schedule }, () => usd(c)),
    effects: e,
    base: b,
    horizon: h,
    discountRate: d,
  };
}

/** R̄: the aggregate next-period retention of a base (Σ n_k (β + k)/(α + β + k) / N for an sBG). */
function aggregateRetention(b: CustomerBase): number {
  if (b.kind === 'rates') return Number(b.retention);
  if (b.kind !== 'sbg') throw new Error('not used here');
  const { alpha, beta } = b.params;
  let kept = 0;
  let total = 0;
  b.customersByTenure.forEach((n, k) => {
    kept += (n * (beta + k)) / (alpha + beta + k);
    total += n;
  });
  return kept / total;
}

/** The uplift keeps aggregate retention within [0, 1] (with a margin for rounding). */
function fits(b: CustomerBase, retention: number): boolean {
  const rbar = aggregateRetention(b);
  return rbar + retention <= 1 - 1e-9 && rbar + retention >= 1e-9;
}

describe('CX return laws (fast-check)', () => {
  it('with no effect the return per $1 is 0 and the ROI −100%', () => {
    fc.assert(
      fc.property(base, cost, horizon, discount, (b, c, h, d) => {
        const result = cxReturn(input(b, {}, c, h, d));
        expect(result.returnPerDollar.isZero()).toBe(true);
        expect(result.roi.eq(-1)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('the return rises with each uplift', () => {
    fc.assert(
      fc.property(
        base,
        effects,
        fc.constantFrom(...CX_LEVERS),
        fc.double({ min: 1.05, max: 2, noNaN: true }),
        cost,
        horizon,
        discount,
        (b, e, lever, factor, c, h, d) => {
          const more = {
            ...e,
            [lever]: e[lever] * factor + (lever === 'retention' ? 0.001 : 0.01),
          };
          fc.pre(fits(b, more.retention));
          const low = cxReturn(input(b, e, c, h, d)).returnPerDollar;
          const high = cxReturn(input(b, more, c, h, d)).returnPerDollar;
          expect(high.gt(low)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('with the cost paid now, the return falls as the discount rate rises', () => {
    fc.assert(
      fc.property(base, effects, cost, horizon, discount, (b, e, c, h, d) => {
        fc.pre(fits(b, e.retention) && e.retention + e.spend + e.costToServeSaving > 1e-3);
        const low = cxReturn(input(b, e, c, h, d)).returnPerDollar;
        const high = cxReturn(input(b, e, c, h, (Number(d) + 0.05).toFixed(2))).returnPerDollar;
        expect(high.lt(low)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('the return falls as the cost rises', () => {
    fc.assert(
      fc.property(
        base,
        effects,
        cost,
        horizon,
        discount,
        fc.integer({ min: 1, max: 3 }),
        (b, e, c, h, d, n) => {
          fc.pre(
            fits(b, e.retention) &&
              e.retention + e.spend + e.referrals + e.costToServeSaving > 1e-3,
          );
          const schedule = Math.min(n, h + 1);
          const low = cxReturn(input(b, e, c, h, d, schedule)).returnPerDollar;
          const high = cxReturn(input(b, e, c * 2, h, d, schedule)).returnPerDollar;
          expect(high.lt(low)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('lever contributions add up exactly to the total (and standalone parts plus interaction too)', () => {
    const signed = fc.record({
      retention: fc.double({ min: -0.05, max: 0.04, noNaN: true }),
      spend: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      referrals: fc.double({ min: 0, max: 5000, noNaN: true }),
      costToServeSaving: fc.double({ min: -20, max: 20, noNaN: true }),
    });
    fc.assert(
      fc.property(base, signed, cost, horizon, discount, (b, e, c, h, d) => {
        fc.pre(fits(b, e.retention));
        const result = cxReturn(input(b, e, c, h, d));
        const total = result.presentValue.benefit.amount;
        const contributions = sumMoney(CX_LEVERS.map((lever) => result.levers[lever].contribution));
        expect(contributions.amount.eq(total)).toBe(true);
        const standalone = sumMoney(CX_LEVERS.map((lever) => result.levers[lever].standalone));
        expect(standalone.amount.plus(result.interaction.amount).eq(total)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('a Monte Carlo with zero spread equals the deterministic answer', () => {
    const degenerate = (x: number): fc.Arbitrary<EffectDistribution> =>
      fc.constantFrom<EffectDistribution>(
        x,
        { kind: 'point', value: x },
        { kind: 'range', low: x, high: x },
        { kind: 'triangular', low: x, mode: x, high: x },
        { kind: 'normal', mean: x, sd: 0 },
        { kind: 'beta', alpha: 2, beta: 3, low: x, high: x },
      );
    const arb = effects.chain((e) =>
      fc.record({
        plain: fc.constant(e),
        dist: fc.record({
          retention: degenerate(e.retention),
          spend: degenerate(e.spend),
          referrals: degenerate(e.referrals),
          costToServeSaving: degenerate(e.costToServeSaving),
        }),
      }),
    );
    fc.assert(
      fc.property(
        base,
        arb,
        cost,
        horizon,
        discount,
        fc.integer(),
        (b, { plain, dist }, c, h, d, seed) => {
          fc.pre(fits(b, plain.retention));
          const exact = cxReturn(input(b, plain, c, h, d));
          const sim = simulateCxReturn(input(b, dist, c, h, d), { draws: 25, seed });
          const multiple = exact.returnPerDollar.toNumber();
          // float64 rounding, relative to the gross value the benefit is a difference of: PV of the
          // base's margins per $1 of cost (1/spend break-even).
          const gross = 1 / (exact.levers.spend.breakEven ?? 1);
          const tolerance = 1e-12 * Math.max(1, Math.abs(multiple), gross);
          for (const q of sim.returnPerDollar.percentiles)
            expect(Math.abs(q.value - multiple)).toBeLessThanOrEqual(tolerance);
          expect(sim.returnPerDollar.sd).toBe(0);
          const pvCost = exact.presentValue.cost.amount.toNumber();
          expect(
            Math.abs(sim.npv.mean.amount.toNumber() - exact.npv.amount.toNumber()),
          ).toBeLessThanOrEqual(tolerance * pvCost);
          const drawn = sim.returnPerDollar.percentiles[0]!.value;
          expect(sim.probabilityAtLeastBenchmark).toBe(drawn >= 3 ? 1 : 0);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('the same seed gives the same result', () => {
    const spread: CxEffects = {
      retention: { kind: 'triangular', low: 0, mode: 0.01, high: 0.03 },
      spend: { kind: 'normal', mean: 0.02, sd: 0.02 },
      referrals: { kind: 'range', low: 0, high: 100 },
      costToServeSaving: { kind: 'beta', alpha: 2, beta: 5, low: 0, high: 4 },
    };
    fc.assert(
      fc.property(base, cost, horizon, discount, fc.integer(), (b, c, h, d, seed) => {
        fc.pre(fits(b, 0.03));
        const first = simulateCxReturn(input(b, spread, c, h, d), { draws: 200, seed });
        const second = simulateCxReturn(input(b, spread, c, h, d), { draws: 200, seed });
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        const other = simulateCxReturn(input(b, spread, c, h, d), { draws: 200, seed: seed + 1 });
        expect(other.returnPerDollar.mean).not.toBe(first.returnPerDollar.mean);
      }),
      { numRuns: 15 },
    );
  });
});
