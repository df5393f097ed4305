import { describe, expect, it } from 'vitest';
import { cxReturn, cxTornado } from '../../src/roi/index.js';
import { caught, D40, expectClose, referenceProgramme, usd } from './helpers.js';

describe('cxTornado', () => {
  const input = referenceProgramme(10);
  const tornado = cxTornado(input);

  it('centres on the deterministic answer', () => {
    const central = cxReturn(input);
    expect(tornado.central.npv.amount.eq(central.npv.amount)).toBe(true);
    expect(tornado.central.returnPerDollar.eq(central.returnPerDollar)).toBe(true);
    expect(tornado.chart.baseline).toBeCloseTo(central.npv.amount.toNumber(), 6);
  });

  it('moves each input by the stated default and values both ends', () => {
    const row = (name: string) => tornado.rows.find((r) => r.input === name)!;
    expect([row('retention').low, row('retention').high]).toEqual([0.01, 0.03]);
    expect([row('spend').low, row('spend').high]).toEqual([0.015, 0.045]);
    expect([row('investment').low, row('investment').high]).toEqual([0.8, 1.2]);
    expect(row('discountRate').low).toBeCloseTo(0.08, 12);
    expect(row('baseRetention').high).toBeCloseTo(0.82, 12);
    // Investment ±20%: the NPV moves by exactly ∓$400,000 (the cost is paid now).
    expectClose(
      row('investment').npv.low,
      tornado.central.npv.amount.plus(400_000).toString(),
      '1e-15',
    );
    expectClose(
      row('investment').npv.high,
      tornado.central.npv.amount.minus(400_000).toString(),
      '1e-15',
    );
    expectClose(row('investment').swing, '800000', '1e-15');
    // Spend ±50% around 3%: the same as cxReturn at 1.5% and 4.5%.
    const at = (spend: number) => cxReturn({ ...input, effects: { ...input.effects, spend } }).npv;
    expectClose(row('spend').npv.low, at(0.015).amount.toString(), '1e-15');
    expectClose(row('spend').npv.high, at(0.045).amount.toString(), '1e-15');
  });

  it('the base-retention move is the same as a base with that retention', () => {
    const row = tornado.rows.find((r) => r.input === 'baseRetention')!;
    const shifted = cxReturn({ ...input, base: { ...input.base, retention: '0.82' } as never });
    expectClose(row.npv.high, shifted.npv.amount.toString(), '1e-6');
  });

  it('sorts rows by swing, longest first, and gives chart data for each row', () => {
    const swings = tornado.rows.map((r) => r.swing.amount.toNumber());
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    expect(tornado.chart.bars.map((b) => b.label)).toEqual(tornado.rows.map((r) => r.label));
    expect(tornado.chart.bars[0]!.lowLabel).toBe(String(tornado.rows[0]!.low));
    // An effect that is zero has no swing under a relative move.
    const cts = tornado.rows.find((r) => r.input === 'costToServeSaving')!;
    expect(cts.swing.amount.isZero()).toBe(true);
  });

  it('takes stated moves, drops inputs set to null and clamps infeasible ends', () => {
    const custom = cxTornado(input, {
      retention: { absolute: 0.05 },
      costToServeSaving: { absolute: 2 },
      investment: null,
    });
    expect(custom.rows.some((r) => r.input === 'investment')).toBe(false);
    const retention = custom.rows.find((r) => r.input === 'retention')!;
    expect(retention.low).toBeCloseTo(-0.03, 12);
    expect(retention.high).toBeCloseTo(0.07, 12);
    const cts = custom.rows.find((r) => r.input === 'costToServeSaving')!;
    expect([cts.low, cts.high]).toEqual([-2, 2]);
    // Retention 0.8 + 0.25 > 1: the high end is clamped to 1 (an uplift of 0.2).
    const clamped = cxTornado(input, { retention: { absolute: 0.23 } });
    expect(clamped.rows.find((r) => r.input === 'retention')!.high).toBeCloseTo(0.2, 12);
  });

  it('rejects bad moves', () => {
    expect(caught(() => cxTornado(input, { spend: { relative: -1 } })).code).toBe('input/invalid');
    expect(caught(() => cxTornado(input, { loyalty: { relative: 1 } } as never)).code).toBe(
      'input/invalid',
    );
  });

  it('is frozen', () => {
    expect(Object.isFrozen(tornado.rows[0])).toBe(true);
    expect(Object.isFrozen(tornado.chart.bars)).toBe(true);
    expect(new D40(tornado.rows.length).toNumber()).toBe(8);
    expect(usd('1').currency).toBe(tornado.chart.currency);
  });
});
