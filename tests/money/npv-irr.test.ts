import { describe, expect, it } from 'vitest';
import {
  addMoney,
  type DatedCashFlow,
  discountedPaybackPeriod,
  irr,
  money,
  npv,
  paybackPeriod,
  safeIrr,
  safeXirr,
  xirr,
  xnpv,
} from '../../src/money/index.js';
import { caught } from '../helpers/errors.js';
import { expectClose, expectRelClose, flows, usd } from '../helpers/money.js';

describe('npv (fin.npv.*, REFERENCE.md §10)', () => {
  it('the convention trap: 243.425995492111 with the first flow at t = 0, 221.29635953828267 spreadsheet-style', () => {
    const cf = flows([-1000, 500, 500, 500]);
    expectRelClose(npv('0.1', cf), '243.425995492111', 1e-12);
    expectRelClose(npv('0.1', cf, { firstAt: 1 }), '221.29635953828267', 1e-14);
    // Prepending a zero is the same as firstAt: 1.
    expect(npv('0.1', [usd(0), ...cf]).amount.eq(npv('0.1', cf, { firstAt: 1 }).amount)).toBe(true);
  });

  it('Excel help: 1188.44, 1922.06 and -3749.47', () => {
    const ex1 = npv('0.1', flows([-10000, 3000, 4200, 6800]), { firstAt: 1 });
    expectClose(ex1, '1188.44341234', 5e-9);
    expect(ex1.amount.toFixed(2)).toBe('1188.44');
    // Excel: NPV(8%, 8000..14500) + (-40000), the investment added outside the function.
    const ex2 = addMoney(
      npv('0.08', flows([8000, 9200, 10000, 12000, 14500]), { firstAt: 1 }),
      usd(-40000),
    );
    expectClose(ex2, '1922.06155493', 5e-9);
    expect(ex2.amount.toFixed(2)).toBe('1922.06');
    // The same with the investment at t = 0 inside the list (this library's default).
    const ex3 = npv('0.08', flows([-40000, 8000, 9200, 10000, 12000, 14500, -9000]));
    expectClose(ex3, '-3749.46508702', 5e-9);
    expect(ex3.amount.toFixed(2)).toBe('-3749.47');
  });

  it('Adobe FormCalc: 4694.83568075117, 11529.60863329007, 273.14193838457', () => {
    expectRelClose(npv('0.065', flows([5000]), { firstAt: 1 }), '4694.83568075117', 1e-14);
    expectRelClose(
      npv('0.1', flows([500, 1500, 4000, 10000]), { firstAt: 1 }),
      '11529.60863329007',
      1e-14,
    );
    const monthly = money('0.0275', 'USD').amount.div(12);
    expectRelClose(
      npv(monthly, flows([50, 60, 40, 100, 25]), { firstAt: 1 }),
      '273.14193838457',
      1e-13,
    );
  });

  it('returns unrounded Money in the flows’ currency', () => {
    const value = npv('0.1', [money('100', 'EUR'), money('110', 'EUR')]);
    expect(value.currency).toBe('EUR');
    expect(value.amount.toString()).toBe('200');
    expect(npv('0.1', [money('0', 'EUR'), money('1', 'EUR')]).amount.toString()).toBe(
      '0.9090909090909090909090909090909090909091',
    );
  });

  it('refuses empty lists, mixed currencies, bad rates and options', () => {
    expect(caught(() => npv('0.1', [])).code).toBe('input/empty');
    const mixed = caught(() => npv('0.1', [usd(1), money('1', 'EUR')]));
    expect(mixed.code).toBe('money/currency-mismatch');
    expect(mixed.path).toEqual(['cashflows', 1]);
    expect(caught(() => npv('-1.5', flows([1]))).code).toBe('finance/invalid-rate');
    expect(caught(() => npv('0.1', flows([1]), { firstAt: 2 as 1 })).code).toBe('input/invalid');
    expect(caught(() => npv('0.1', [1, 2] as never)).code).toBe('input/invalid');
  });
});

const excelHelpFlows = (year1: number): DatedCashFlow[] => {
  const y2 = year1 + 1;
  const dates = [
    `${year1}-01-01`,
    `${year1}-03-01`,
    `${year1}-10-30`,
    `${y2}-02-15`,
    `${y2}-04-01`,
  ];
  return dates.map((date, i) => ({ date, amount: usd([-10000, 2750, 4250, 3250, 2750][i]!) }));
};

/** XNPV computed independently in float64, from epoch days. */
function floatXnpv(rate: number, cf: readonly DatedCashFlow[]): number {
  const day0 = Date.parse(cf[0]!.date);
  return cf.reduce(
    (sum, f) =>
      sum +
      f.amount.amount.toNumber() / (1 + rate) ** ((Date.parse(f.date) - day0) / 86_400_000 / 365),
    0,
  );
}

describe('xnpv and xirr (Excel help example)', () => {
  it('XNPV at 9% is 2086.65 (2086.6476020315...)', () => {
    const value = xnpv('0.09', excelHelpFlows(2008));
    expect(value.amount.toFixed(2)).toBe('2086.65');
    expectClose(value, floatXnpv(0.09, excelHelpFlows(2008)), 1e-8);
  });

  it('the same flows dated 2014 give 2089.50 (2008 is a leap year: one day more before 2008-03-01)', () => {
    // Derived (REFERENCE.md §10 holds the published DAX check out): days 0, 59, 302, 410, 455.
    const value = xnpv('0.09', excelHelpFlows(2014));
    expectClose(value, '2089.50163605296', 1e-10);
    expectClose(value, floatXnpv(0.09, excelHelpFlows(2014)), 1e-8);
  });

  it('XIRR is 0.373362535 (Excel, to its 1e-8 tolerance); the exact root is 0.37336253352', () => {
    const result = xirr(excelHelpFlows(2008));
    expectClose(result.rate, '0.373362535', 2e-9);
    expectClose(result.rate, '0.3733625335188315', 1e-15);
    expectClose(xnpv(result.rate, excelHelpFlows(2008)), 0, 1e-25);
    expect(result.warnings).toEqual([]);
  });

  it('orders flows by date whatever the list order, with the first listed date as t = 0', () => {
    const cf = excelHelpFlows(2008);
    const shuffled = [cf[0]!, cf[3]!, cf[1]!, cf[4]!, cf[2]!];
    expect(xnpv('0.09', shuffled).amount.eq(xnpv('0.09', cf).amount)).toBe(true);
  });

  it('refuses dates before the first, impossible dates and bad formats', () => {
    const early = caught(() =>
      xnpv('0.09', [
        { date: '2020-01-02', amount: usd(-1) },
        { date: '2020-01-01', amount: usd(2) },
      ]),
    );
    expect(early.code).toBe('input/invalid');
    expect(early.path).toEqual(['cashflows', 1, 'date']);
    expect(caught(() => xnpv('0.09', [{ date: '2023-02-29', amount: usd(1) }])).code).toBe(
      'input/invalid',
    );
    expect(caught(() => xnpv('0.09', [{ date: '2023-2-1', amount: usd(1) }])).code).toBe(
      'input/invalid',
    );
    expect(caught(() => xnpv('0.09', [])).code).toBe('input/empty');
    expect(safeXirr([{ date: '2024-01-01', amount: usd(-5) }]).success).toBe(false);
  });
});

describe('irr (fin.irr.excel)', () => {
  const values = [-70000, 12000, 15000, 18000, 21000, 26000];

  it('after four years -2.1% (-0.02124484827)', () => {
    const result = irr(flows(values.slice(0, 5)));
    expectClose(result.rate, '-0.02124484827', 1e-8);
    expect(result.rate.toFixed(3)).toBe('-0.021');
  });

  it('after five years 8.7% (0.08663094804)', () => {
    const result = irr(flows(values));
    expectClose(result.rate, '0.08663094804', 1e-8);
    expect(result.rate.toFixed(3)).toBe('0.087');
    expect(result.signChanges).toBe(1);
    expect(result.warnings).toEqual([]);
    expectClose(result.npv, 0, 1e-25);
    expect(result.bracket[0].lte(result.rate) && result.rate.lte(result.bracket[1])).toBe(true);
    expect(
      Object.isFrozen(result) &&
        Object.isFrozen(result.bracket) &&
        Object.isFrozen(result.warnings),
    ).toBe(true);
  });

  it('after two years with a guess of -10%: -44.4% (-0.4435069413)', () => {
    const result = irr(flows(values.slice(0, 3)), { guess: '-0.1' });
    expectClose(result.rate, '-0.4435069413', 1e-9);
    expect(result.rate.toFixed(3)).toBe('-0.444');
    // One sign change: a unique root, whatever the guess.
    expectClose(irr(flows(values.slice(0, 3))).rate, '-0.4435069413', 1e-9);
  });

  it('npv at the IRR is zero to far below a cent', () => {
    const cf = flows(values);
    expectClose(npv(irr(cf).rate, cf), 0, 1e-28);
  });

  it('no sign change is finance/no-sign-change', () => {
    for (const cf of [
      [100, 50],
      [-1, -2, 0],
      [0, 0],
    ]) {
      expect(caught(() => irr(flows(cf))).code).toBe('finance/no-sign-change');
    }
    const safe = safeIrr(flows([100, 50]));
    expect(safe.success).toBe(false);
    if (!safe.success) expect(safe.error.code).toBe('finance/no-sign-change');
  });

  it('two sign changes: warns, and the guess picks the root (10% or 20% for [-100, 230, -132])', () => {
    const cf = flows([-100, 230, -132]);
    const near10 = irr(cf, { guess: '0.05' });
    expectClose(near10.rate, '0.1', 1e-30);
    expect(near10.signChanges).toBe(2);
    expect(near10.warnings).toHaveLength(1);
    expect(near10.warnings[0]).toContain('change sign 2 times');
    expectClose(irr(cf, { guess: '0.14' }).rate, '0.1', 1e-30);
    expectClose(irr(cf, { guess: '0.16' }).rate, '0.2', 1e-30);
    expectClose(irr(cf, { guess: '0.5' }).rate, '0.2', 1e-30);
  });

  it('two sign changes and no real rate is finance/not-converged', () => {
    // 1 - 3v + 3v^2 has no real root.
    const error = caught(() => irr(flows([1, -3, 3])));
    expect(error.code).toBe('finance/not-converged');
    expect(error.details).toMatchObject({ stage: 'bracket' });
  });

  it('finds extreme rates: -99.9% and +594% a period', () => {
    expectClose(irr(flows([-1000, 1])).rate, '-0.999', 1e-30);
    expectClose(irr(flows([-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1e9])).rate, '6.943282347242815', 1e-14);
    expectClose(irr(flows([0, 0, -100, 110])).rate, '0.1', 1e-30);
  });

  it('validates options', () => {
    expect(caught(() => irr(flows([-1, 2]), { guess: '-1' })).code).toBe('finance/invalid-rate');
    expect(caught(() => irr(flows([-1, 2]), { maxIterations: 0 })).code).toBe('input/invalid');
    expect(caught(() => irr(flows([-1, 2]), { tolerance: 1 } as never)).code).toBe('input/invalid');
  });
});

describe('payback periods', () => {
  const cf = flows([-100, 30, 40, 50, 60]);

  it('simple payback of [-100, 30, 40, 50, 60] is 2.6 periods', () => {
    // Cumulative: -100, -70, -30, +20: paid back 30/50 of the way through period 3.
    expect(paybackPeriod(cf)?.toString()).toBe('2.6');
  });

  it('discounted payback at 10% is 3.051333... periods', () => {
    // By hand: discounted flows 30/1.1 = 27.272727, 40/1.21 = 33.057851, 50/1.331 = 37.565740,
    // 60/1.4641 = 40.980807; cumulative -72.727273, -39.669421, -2.103681, +38.877126.
    // Payback = 3 + 2.103681/40.980807 = 3.051333 (exactly 3 + 0.0513333..., since
    // 2.103681 * 1.4641 / 60 = 3.08/60 = 0.0513333...).
    const value = discountedPaybackPeriod('0.1', cf);
    expectClose(value!, '3.0513333333333333333', 1e-18);
    // NPV at 10% is the final cumulative discounted flow.
    expectClose(npv('0.1', cf), '38.8771258793798237825', 1e-18);
  });

  it('null when never paid back, 0 when never negative, the last crossing when flows dip again', () => {
    expect(paybackPeriod(flows([-100, 30, 40]))).toBeNull();
    expect(discountedPaybackPeriod('0.5', cf)).toBeNull();
    expect(paybackPeriod(flows([0, 10]))?.toString()).toBe('0');
    // Cumulative: -10, 0, -5, 5: pays back in period 3, not at t = 1.
    expect(paybackPeriod(flows([-10, 10, -5, 10]))?.toString()).toBe('2.5');
    // Exactly zero at the end of period 1.
    expect(paybackPeriod(flows([-10, 10]))?.toString()).toBe('1');
  });

  it('validates its inputs', () => {
    expect(caught(() => paybackPeriod([])).code).toBe('input/empty');
    expect(caught(() => discountedPaybackPeriod('-2', cf)).code).toBe('finance/invalid-rate');
  });
});
