import { describe, expect, it } from 'vitest';
import {
  annuityFactor,
  continuousRate,
  convertRate,
  discountFactor,
  effectiveToNominal,
  fromContinuousRate,
  growingPerpetuity,
  growthAdjustedRate,
  nominalToEffective,
  perpetuity,
  presentValue,
} from '../../src/money/index.js';
import { caught } from '../helpers/errors.js';
import { expectClose, expectRelClose, usd } from '../helpers/money.js';

const year = { value: 1, unit: 'year' } as const;
const month = { value: 1, unit: 'month' } as const;

describe('rates (fin.annuity_and_rates, REFERENCE.md §10)', () => {
  it('12% a year is 0.00948879293458 a month', () => {
    expectRelClose(convertRate('0.12', year, month), '0.00948879293458', 1e-12);
  });

  it('10% a year is (1.1)^(1/12) - 1 a month, and 12 months give back 10%', () => {
    expectRelClose(convertRate('0.1', year, month), '0.00797414042890376', 1e-14);
    expectClose(
      convertRate(convertRate('0.1', year, month), month, { value: 12, unit: 'month' }),
      '0.1',
      '1e-36',
    );
    expectClose(convertRate('0.1', { value: 1, unit: 'quarter' }, year), '0.4641', '1e-36');
  });

  it('15% a year is 0.00269134484458 effective a week (52 weeks stated explicitly)', () => {
    expectRelClose(
      convertRate('0.15', { value: 52, unit: 'week' }, { value: 1, unit: 'week' }),
      '0.00269134484458',
      1e-12,
    );
    expectClose(
      convertRate('0.01', { value: 1, unit: 'week' }, { value: 14, unit: 'day' }),
      '0.0201',
      '1e-36',
    );
  });

  it('refuses to guess a calendar between months and days', () => {
    const error = caught(() => convertRate('0.1', year, { value: 1, unit: 'week' }));
    expect(error.code).toBe('input/invalid');
    expect(error.message).toContain("cannot convert between 'year' and 'week'");
    expect(caught(() => convertRate('0.1', year, { value: 0, unit: 'month' })).code).toBe(
      'input/invalid',
    );
    expect(caught(() => convertRate('-1', year, month)).code).toBe('finance/invalid-rate');
  });

  it('12% nominal compounded monthly is 12.6825030132% effective, and back', () => {
    expectRelClose(nominalToEffective('0.12', 12), '0.126825030132', 1e-12);
    expectClose(effectiveToNominal(nominalToEffective('0.12', 12), 12), '0.12', '1e-36');
    expect(caught(() => nominalToEffective('-12', 12)).code).toBe('finance/invalid-rate');
    expect(caught(() => nominalToEffective('0.1', 0)).code).toBe('input/invalid');
    expect(caught(() => nominalToEffective('0.1', 1.5)).code).toBe('input/invalid');
  });

  it('continuous: ln(1.15)/52 = 0.00268772966106 a week; e^delta - 1 inverts it', () => {
    expectRelClose(continuousRate('0.15').div(52), '0.00268772966106', 1e-12);
    expectClose(fromContinuousRate(continuousRate('0.15')), '0.15', '1e-38');
    expect(caught(() => continuousRate(-1.5)).code).toBe('finance/invalid-rate');
    expect(caught(() => fromContinuousRate('1e20')).code).toBe('input/invalid');
  });

  it('growth-adjusted rate (d - g)/(1 + g) at d = 10%, g = 3% is 0.0679611650485', () => {
    expectRelClose(growthAdjustedRate('0.10', '0.03'), '0.0679611650485', 1e-12);
  });

  it('returns frozen Decimals', () => {
    expect(Object.isFrozen(convertRate('0.1', year, month))).toBe(true);
  });
});

describe('discount factors and present values', () => {
  it('end, mid and begin of period t (t = 1..n)', () => {
    expectClose(discountFactor('0.1', 1), 1 / 1.1, 1e-15);
    expectClose(discountFactor('0.1', 3, 'end'), 1.1 ** -3, 1e-15);
    expectClose(discountFactor('0.1', 3, 'mid'), 1.1 ** -2.5, 1e-15);
    expectClose(discountFactor('0.1', 3, 'begin'), 1.1 ** -2, 1e-15);
    expect(discountFactor('0.1', 1, 'begin').toString()).toBe('1');
    expect(discountFactor('0.25', 2).toString()).toBe('0.64');
  });

  it('present value of 121 in two periods at 10% is 100', () => {
    expect(presentValue(usd('121'), '0.1', 2).amount.toString()).toBe('100');
    expect(presentValue(usd('110'), '0.1', 1, 'begin').amount.toString()).toBe('110');
  });

  it('rejects negative times and rates at or below -100%', () => {
    expect(caught(() => discountFactor('0.1', -1)).code).toBe('input/invalid');
    expect(caught(() => discountFactor('-1', 1)).code).toBe('finance/invalid-rate');
    expect(caught(() => discountFactor('0.1', 1, 'start' as never)).code).toBe('input/invalid');
  });
});

describe('annuities and perpetuities (fin.annuity_and_rates, i = 12%, n = 5)', () => {
  it('annuity-immediate 3.60477620235, due 4.03734934663, mid-period 3.81493654538', () => {
    // The vector prints 12 significant digits: compare within half a unit of the last one.
    expectClose(annuityFactor('0.12', 5), '3.60477620235', 5e-12);
    expectClose(annuityFactor('0.12', 5, 'begin'), '4.03734934663', 5e-12);
    expectClose(annuityFactor('0.12', 5, 'mid'), '3.81493654538', 5e-12);
  });

  it('equals the sum of discount factors, and n at a zero rate', () => {
    let sum = 0;
    for (let t = 1; t <= 7; t++) sum += 1.07 ** -(t - 0.5);
    expectClose(annuityFactor('0.07', 7, 'mid'), sum, 1e-13);
    expect(annuityFactor('0', 7, 'mid').toString()).toBe('7');
    expect(annuityFactor('0.07', 0).toString()).toBe('0');
  });

  it('perpetuity 1/i = 8.33333333333 and growing perpetuity 1/(i - g) = 11.1111111111', () => {
    expectRelClose(perpetuity(usd(1), '0.12'), '8.33333333333', 1e-12);
    expectRelClose(growingPerpetuity(usd(1), '0.12', '0.03'), '11.1111111111', 1e-12);
    expectRelClose(perpetuity(usd(1), '0.12', 'begin'), '9.33333333333', 1e-12);
    expectRelClose(
      growingPerpetuity(usd(1), '0.12', '0.03', 'mid'),
      (1.12 ** 0.5 / 0.09).toString(),
      1e-13,
    );
  });

  it('growth at or above the rate is finance/growth-at-or-above-rate; a level perpetuity needs i > 0', () => {
    expect(caught(() => growingPerpetuity(usd(1), '0.05', '0.05')).code).toBe(
      'finance/growth-at-or-above-rate',
    );
    expect(caught(() => growingPerpetuity(usd(1), '0.05', '0.06')).code).toBe(
      'finance/growth-at-or-above-rate',
    );
    expect(caught(() => perpetuity(usd(1), '0')).code).toBe('finance/invalid-rate');
    expect(caught(() => annuityFactor('0.1', -1)).code).toBe('input/invalid');
  });
});
