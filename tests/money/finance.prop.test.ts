import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerAssetError } from '../../src/core/errors.js';
import {
  addMoney,
  annuityFactor,
  continuousRate,
  convertRate,
  discountFactor,
  effectiveToNominal,
  fromContinuousRate,
  irr,
  type Money,
  money,
  multiplyMoney,
  nominalToEffective,
  npv,
  xirr,
  xnpv,
} from '../../src/money/index.js';
import { D40 } from '../helpers/money.js';

/** A rate between -90% and +200% as a decimal string with 4 decimals. */
const rate = fc.integer({ min: -9000, max: 20000 }).map((n) => `${n}e-4`);
/** A cash-flow amount in cents. */
const cents = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => money(`${n}e-2`, 'USD'));
const units = ['year', 'quarter', 'month'] as const;
const span = fc.record({
  value: fc.integer({ min: 1, max: 60 }),
  unit: fc.constantFrom(...units),
});

const absMax = (flows: readonly Money[]) =>
  flows.reduce((m, f) => Decimal.max(m, f.amount.abs()), new Decimal(0));

describe('time-value laws (fast-check)', () => {
  it('NPV is linear in the cash flows: npv(a x + b y) = a npv(x) + b npv(y)', () => {
    fc.assert(
      fc.property(
        rate,
        fc.array(fc.tuple(cents, cents), { minLength: 1, maxLength: 15 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        fc.constantFrom(0 as const, 1 as const),
        (r, pairs, a, b, firstAt) => {
          const x = pairs.map(([p]) => p);
          const y = pairs.map(([, q]) => q);
          const combined = pairs.map(([p, q]) =>
            addMoney(multiplyMoney(p, a), multiplyMoney(q, b)),
          );
          const left = npv(r, combined, { firstAt }).amount;
          const right = npv(r, x, { firstAt })
            .amount.times(a)
            .plus(npv(r, y, { firstAt }).amount.times(b));
          const scale = Decimal.max(
            1,
            absMax(combined),
            absMax(x).times(Math.abs(a)),
            absMax(y).times(Math.abs(b)),
          );
          // 40-digit arithmetic; at -90% the discount factors reach 10^15.
          expect(left.minus(right).abs().lte(scale.times('1e-20'))).toBe(true);
        },
      ),
    );
  });

  it('npv(irr(cf), cf) is zero to 1e-12 of the largest flow (conventional flows)', () => {
    const conventional = fc
      .tuple(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 25 }),
      )
      .filter(([, rest]) => rest.some((v) => v > 0))
      .map(([outlay, rest]) => [-outlay, ...rest].map((v) => money(`${v}e-2`, 'USD')));
    fc.assert(
      fc.property(conventional, (cf) => {
        const result = irr(cf);
        expect(result.warnings).toEqual([]);
        const residual = npv(result.rate, cf).amount.abs();
        expect(residual.lte(absMax(cf).times('1e-12'))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('irr of any flows either solves NPV = 0 or raises a coded finance error', () => {
    // Near r = -100% NPV is ill-conditioned: its terms CF_t (1+r)^-t dwarf the flows. So the residual
    // is measured against the largest discounted term there (against the largest flow otherwise).
    fc.assert(
      fc.property(fc.array(cents, { minLength: 2, maxLength: 8 }), (cf) => {
        let result: ReturnType<typeof irr>;
        try {
          result = irr(cf);
        } catch (error) {
          expect(error).toBeInstanceOf(CustomerAssetError);
          expect(['finance/no-sign-change', 'finance/not-converged']).toContain(
            (error as CustomerAssetError).code,
          );
          return;
        }
        const v = new D40(1).div(result.rate.plus(1));
        const largestTerm = cf.reduce(
          (m, f, t) => Decimal.max(m, f.amount.abs().times(v.pow(t))),
          absMax(cf),
        );
        expect(npv(result.rate, cf).amount.abs().lte(largestTerm.times('1e-12'))).toBe(true);
        expect(result.warnings.length > 0).toBe(result.signChanges > 1);
      }),
      { numRuns: 60 },
    );
  });

  it('xnpv(xirr(cf), cf) is zero to 1e-12 of the largest flow', () => {
    const dated = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 5_000_000 })), {
        minLength: 1,
        maxLength: 10,
      })
      .filter((rest) => rest.some(([, v]) => v > 0))
      .map((rest) => [
        { date: '2020-01-01', amount: money('-1000000', 'USD') },
        ...rest.map(([day, v]) => ({
          date: new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10),
          amount: money(`${v}e-2`, 'USD'),
        })),
      ]);
    fc.assert(
      fc.property(dated, (cf) => {
        const result = xirr(cf);
        expect(xnpv(result.rate, cf).amount.abs().lte(new Decimal('1e-6'))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('discount factors multiply over consecutive spans: DF(s + t) = DF(s) DF(t)', () => {
    const time = fc.integer({ min: 0, max: 6000 }).map((n) => `${n}e-2`);
    fc.assert(
      fc.property(rate, time, time, (r, s, t) => {
        const whole = discountFactor(r, new Decimal(s).plus(t));
        const product = discountFactor(r, s).times(discountFactor(r, t));
        expect(whole.div(product).minus(1).abs().lte('1e-30')).toBe(true);
      }),
    );
  });

  it('an annuity factor is the sum of its discount factors, for every timing', () => {
    fc.assert(
      fc.property(
        rate,
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('end', 'mid', 'begin'),
        (r, n, timing) => {
          let sum = new D40(0);
          for (let t = 1; t <= n; t++) sum = sum.plus(discountFactor(r, t, timing as 'end'));
          const factor = annuityFactor(r, n, timing as 'end');
          expect(factor.minus(sum).abs().lte(Decimal.max(1, sum).times('1e-30'))).toBe(true);
        },
      ),
    );
  });

  it('a rate converted and converted back is unchanged', () => {
    fc.assert(
      fc.property(rate, span, span, (r, from, to) => {
        const there = convertRate(r, from, to);
        const back = convertRate(there, to, from);
        // (1 + r)^k - 1 near -1 keeps fewer than 40 significant digits of 1 + r^k: allow for that.
        const tolerance = Decimal.max(1, new D40(1).div(there.plus(1))).times('1e-36');
        expect(back.minus(r).abs().lte(tolerance)).toBe(true);
      }),
    );
  });

  it('nominal -> effective -> nominal and continuous -> effective -> continuous are identities', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 20000 }).map((n) => `${n}e-4`),
        fc.integer({ min: 1, max: 365 }),
        (j, m) => {
          const back = effectiveToNominal(nominalToEffective(j, m), m);
          expect(back.minus(j).abs().lte('1e-30')).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(rate, (r) => {
        expect(fromContinuousRate(continuousRate(r)).minus(r).abs().lte('1e-35')).toBe(true);
      }),
    );
  });
});
