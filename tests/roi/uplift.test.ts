import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/money/decimal.js';
import { parseBase } from '../../src/roi/base.js';
import { baseKernel } from '../../src/roi/kernel.js';
import { churnScaledSurvival, perpetuitySum, upliftScaling } from '../../src/roi/uplift.js';
import { sbgParams, usd } from './helpers.js';

const { alpha, beta } = sbgParams;

/** ρ_j = S(k + j)/S(k) of the sBG, j = 0..H. */
function rho(k: number, H: number): Float64Array {
  const out = new Float64Array(H + 1);
  out[0] = 1;
  for (let j = 1; j <= H; j += 1)
    out[j] = (out[j - 1]! * (beta + k + j - 1)) / (alpha + beta + k + j - 1);
  return out;
}

describe('churn scaling of a beta-distributed churn probability', () => {
  it('E[(1 − cθ)^t] for θ ~ Beta(α, β + k) matches ₂F₁(−t, α; α + β + k; c) (mpmath, 30 digits)', () => {
    const u = churnScaledSurvival(rho(3, 100), 0.6);
    expect(u[1]!).toBeCloseTo(0.9094337385117106, 14);
    expect(u[5]!).toBeCloseTo(0.6730570319556607, 14);
    expect(u[20]!).toBeCloseTo(0.36052107251388066, 14);
    expect(u[100]!).toBeCloseTo(0.12472838924641058, 13);
    expect(churnScaledSurvival(rho(0, 50), 0.25)[50]!).toBeCloseTo(0.16088119564846093, 14);
  });

  it('c = 1 leaves survival unchanged; c = 0 means nobody leaves', () => {
    const r = rho(2, 10);
    expect(Array.from(churnScaledSurvival(r, 1))).toEqual(Array.from(r));
    expect(Array.from(churnScaledSurvival(r, 0))).toEqual(new Array(11).fill(1));
  });

  it('the infinite sum Σ v^t E[(1 − cθ)^t] = (1+d)/(c+d) Σ ρ_j (c/(c+d))^j − 1 matches quadrature', () => {
    const next = (k: number) => (j: number) => (beta + k + j - 1) / (alpha + beta + k + j - 1);
    expect(perpetuitySum(next(0), { kind: 'churn', factor: 0.7 }, 0.1)).toBeCloseTo(
      3.2974398220830112,
      12,
    );
    expect(perpetuitySum(next(4), { kind: 'churn', factor: 0.3 }, 0.1)).toBeCloseTo(
      7.464560419578712,
      12,
    );
  });
});

describe('a retention uplift of Δ points moves aggregate retention by exactly Δ', () => {
  const sbg = baseKernel(
    parseBase(
      {
        kind: 'sbg',
        params: sbgParams,
        customersByTenure: [369, 163, 86, 56, 37],
        margin: usd('100'),
        period: 'year',
      },
      'test',
    ),
  );
  const values = baseKernel(
    parseBase(
      {
        kind: 'customer-values',
        customers: [
          { residualValue: usd('500'), nextPeriodMargin: usd('150') },
          { residualValue: usd('80'), nextPeriodMargin: usd('40'), count: 4 },
        ],
        valuedAt: '0.1',
        newCustomer: { margin: usd('100'), retention: '0.7' },
        period: 'year',
      },
      'test',
    ),
  );

  it('for an sBG base and a customer-values base, whatever the sign of Δ', () => {
    for (const kernel of [sbg, values]) {
      fc.assert(
        fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (u) => {
          const delta = kernel.upliftLow + u * (kernel.upliftHigh - kernel.upliftLow);
          const next =
            kernel.existingFlows(new Dec(delta), 1).active[0]!.toNumber() / kernel.customers;
          expect(next).toBeCloseTo(kernel.aggregateRetention + delta, 12);
        }),
        { numRuns: 50 },
      );
    }
  });

  it('the scaling is continuous at Δ = 0 and raises every customer’s retention', () => {
    expect(upliftScaling(0, 0.7)).toEqual({ kind: 'churn', factor: 1 });
    expect(upliftScaling(-1e-12, 0.7).factor).toBeCloseTo(1, 11);
    // New subscribers (k = 0) gain too: their first renewal probability rises.
    const before = sbg.newSurvivalFloat(0, 1)[1]!;
    const after = sbg.newSurvivalFloat(0.05, 1)[1]!;
    expect(before).toBeCloseTo(beta / (alpha + beta), 14);
    expect(after).toBeGreaterThan(before);
  });

  it('more retention means more expected customers in every later period', () => {
    const low = sbg.existingFlows(new Dec('0.01'), 30).active.map((x) => x.toNumber());
    const high = sbg.existingFlows(new Dec('0.02'), 30).active.map((x) => x.toNumber());
    high.forEach((h, t) => {
      expect(h).toBeGreaterThan(low[t]!);
    });
  });
});
