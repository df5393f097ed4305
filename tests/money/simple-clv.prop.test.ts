import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClvTiming, money, simpleClv, simpleClvElasticities } from '../../src/money/index.js';
import { D40 } from '../helpers/money.js';

const timing = fc.constantFrom<ClvTiming>('now', 'next-period', 'end-of-period', 'mid-period');
/** Retention 0.0001..0.95, discount 0.01..0.5, growth -0.05..0.05, margin 0.01..100000. */
const retention = fc.integer({ min: 1, max: 9500 }).map((n) => new D40(n).div(10_000));
const discount = fc.integer({ min: 100, max: 5000 }).map((n) => new D40(n).div(10_000));
const growth = fc.integer({ min: -500, max: 500 }).map((n) => new D40(n).div(10_000));
const marginCents = fc.integer({ min: 1, max: 10_000_000 });
const horizon = fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined });

const value = (
  m: number,
  r: InstanceType<typeof D40>,
  d: InstanceType<typeof D40>,
  g: InstanceType<typeof D40>,
  t: ClvTiming,
  n: number | undefined,
) =>
  simpleClv({
    margin: money(`${m}e-2`, 'USD'),
    retention: r,
    discountRate: d,
    growth: g,
    period: 'month',
    timing: t,
    ...(n === undefined ? {} : { horizon: n }),
  }).value.amount;

describe('simple CLV laws (fast-check)', () => {
  it('every CLV formula rises with retention', () => {
    fc.assert(
      fc.property(
        marginCents,
        retention,
        retention,
        discount,
        growth,
        timing,
        horizon,
        (m, r1, r2, d, g, t, n) => {
          fc.pre(!r1.eq(r2));
          const [lo, hi] = r1.lt(r2) ? [r1, r2] : [r2, r1];
          // With 'now' or 'end-of-period' and one margin, that margin is certain: no retention effect.
          const certain = (t === 'now' || t === 'end-of-period') && n === 1;
          const a = value(m, lo, d, g, t, n);
          const b = value(m, hi, d, g, t, n);
          return certain ? a.minus(b).abs().lte(a.times('1e-38')) : a.lt(b);
        },
      ),
    );
  });

  it('every CLV formula rises with the margin', () => {
    fc.assert(
      fc.property(
        marginCents,
        marginCents,
        retention,
        discount,
        growth,
        timing,
        horizon,
        (m1, m2, r, d, g, t, n) => {
          fc.pre(m1 !== m2);
          const [lo, hi] = m1 < m2 ? [m1, m2] : [m2, m1];
          return value(lo, r, d, g, t, n).lt(value(hi, r, d, g, t, n));
        },
      ),
    );
  });

  it('every CLV formula falls as the discount rate rises', () => {
    fc.assert(
      fc.property(
        marginCents,
        retention,
        discount,
        discount,
        growth,
        timing,
        horizon,
        (m, r, d1, d2, g, t, n) => {
          fc.pre(!d1.eq(d2));
          const [lo, hi] = d1.lt(d2) ? [d1, d2] : [d2, d1];
          // With 'now' and one margin, the only payment is undiscounted.
          return value(m, r, hi, g, t, n).lt(value(m, r, lo, g, t, n)) || (t === 'now' && n === 1);
        },
      ),
    );
  });

  it('a finite-horizon CLV rises with the horizon towards the perpetuity', () => {
    fc.assert(
      fc.property(marginCents, retention, discount, growth, timing, (m, r, d, g, t) => {
        const infinite = value(m, r, d, g, t, undefined);
        let previous = new D40(0);
        for (const n of [1, 2, 5, 10, 50]) {
          const finite = value(m, r, d, g, t, n);
          // Weakly: once q^N is below 1e-40 the 40-digit values coincide.
          expect(finite.gte(previous)).toBe(true);
          expect(finite.lte(infinite)).toBe(true);
          // The gap is exactly the tail of the geometric series: V_inf q^N.
          const q = r.times(g.plus(1)).div(d.plus(1));
          const tail = infinite.times(q.pow(n));
          expect(infinite.minus(finite).minus(tail).abs().lte(infinite.times('1e-35'))).toBe(true);
          previous = finite;
        }
        // q = r(1+g)/(1+d) <= 0.9975/1.01 here; the gap shrinks like q^N.
        const gap = infinite.minus(value(m, r, d, g, t, 4000)).div(infinite);
        expect(gap.lt('1e-12')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('the closed-form elasticities equal the numerical log-derivatives', () => {
    const h = new D40('1e-12');
    const logDerivative = (
      f: (x: InstanceType<typeof D40>) => InstanceType<typeof D40>,
      x: InstanceType<typeof D40>,
    ) =>
      f(x.times(h.plus(1)))
        .ln()
        .minus(f(x.times(h.neg().plus(1))).ln())
        .div(h.times(2));
    fc.assert(
      fc.property(retention, discount, growth, timing, (r, d, g, t) => {
        const e = simpleClvElasticities({ retention: r, discountRate: d, growth: g, timing: t });
        const byRetention = logDerivative((x) => value(100, x, d, g, t, undefined), r);
        const byDiscount = logDerivative((x) => value(100, r, x, g, t, undefined), d);
        const byMargin = logDerivative(
          (x) =>
            simpleClv({
              margin: money(x, 'USD'),
              retention: r,
              discountRate: d,
              growth: g,
              period: 'month',
              timing: t,
            }).value.amount,
          new D40(100),
        );
        expect(e.retention.minus(byRetention).abs().lt('1e-15')).toBe(true);
        expect(e.discountRate.minus(byDiscount).abs().lt('1e-15')).toBe(true);
        expect(e.margin.minus(byMargin).abs().lt('1e-15')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
