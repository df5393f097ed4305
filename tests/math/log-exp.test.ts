import { describe, expect, it } from 'vitest';
import {
  log1mExp,
  log1pExp,
  logAddExp,
  logDiffExp,
  logSumExp,
  NeumaierAccumulator,
  neumaierSum,
} from '../../src/math/index.js';
import { codeOf } from '../helpers/errors.js';

const NEG = Number.NEGATIVE_INFINITY;

describe('log1pExp and log1mExp', () => {
  it('log1pExp is ln(1 + e^x) without overflow or underflow', () => {
    expect(log1pExp(0)).toBe(Math.LN2);
    expect(log1pExp(800)).toBe(800);
    expect(log1pExp(-800)).toBe(0);
    expect(log1pExp(-40)).toBe(Math.exp(-40));
    expect(log1pExp(20)).toBeCloseTo(20 + Math.exp(-20), 15);
    expect(log1pExp(NEG)).toBe(0);
    expect(log1pExp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('log1mExp is ln(1 - e^x), accurate on both sides of -ln 2', () => {
    expect(log1mExp(Math.log(0.25))).toBeCloseTo(Math.log(0.75), 15);
    expect(log1mExp(-1e-20)).toBeCloseTo(Math.log(1e-20), 13);
    expect(log1mExp(-50)).toBe(-Math.exp(-50));
    expect(log1mExp(0)).toBe(NEG);
    expect(log1mExp(NEG)).toBe(0);
  });

  it('reject NaN and (log1mExp) x > 0 with math/domain', () => {
    expect(codeOf(() => log1pExp(Number.NaN))).toBe('math/domain');
    expect(codeOf(() => log1mExp(0.1))).toBe('math/domain');
    expect(codeOf(() => log1mExp(Number.NaN))).toBe('math/domain');
  });
});

describe('logAddExp, logSumExp, logDiffExp', () => {
  it('logAddExp adds values held as logs, -Infinity being zero', () => {
    expect(logAddExp(Math.log(0.25), Math.log(0.5))).toBeCloseTo(Math.log(0.75), 15);
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(logAddExp(NEG, -3)).toBe(-3);
    expect(logAddExp(NEG, NEG)).toBe(NEG);
    expect(logAddExp(1000, 0)).toBe(1000);
  });

  it('logSumExp handles empty input, -Infinity entries, huge and tiny values', () => {
    expect(logSumExp([])).toBe(NEG);
    expect(logSumExp([NEG, NEG])).toBe(NEG);
    expect(logSumExp([NEG, 2])).toBe(2);
    expect(logSumExp([0, Math.log(2), Math.log(3)])).toBeCloseTo(Math.log(6), 15);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-1000, -1000, -1000])).toBeCloseTo(-1000 + Math.log(3), 12);
    expect(logSumExp(new Float64Array([0, -800]))).toBe(0);
    expect(logSumExp([0, Number.POSITIVE_INFINITY])).toBe(Number.POSITIVE_INFINITY);
  });

  it('logSumExp keeps the small terms a plain log(sum(exp)) would lose', () => {
    // ln(1 + 1000·e^-40): every e^-40 is below half an ulp of 1.
    const v = [0, ...Array.from({ length: 1000 }, () => -40)];
    expect(logSumExp(v)).toBeCloseTo(Math.log1p(1000 * Math.exp(-40)), 16);
    expect(logSumExp(v)).toBeGreaterThan(0);
  });

  it('logDiffExp subtracts values held as logs and is -Infinity for equal ones', () => {
    expect(logDiffExp(Math.log(0.75), Math.log(0.5))).toBeCloseTo(Math.log(0.25), 15);
    expect(logDiffExp(0, 0)).toBe(NEG);
    expect(logDiffExp(NEG, NEG)).toBe(NEG);
    expect(logDiffExp(3, NEG)).toBe(3);
    // Nearly equal: ln(e^1 − e^b) = 1 + ln(1 − e^(b−1)), with b − 1 ≈ −1e-12 exact in double.
    const b = 1 - 1e-12;
    expect(logDiffExp(1, b)).toBeCloseTo(1 + Math.log(-Math.expm1(b - 1)), 13);
    expect(logDiffExp(1, b)).toBeCloseTo(1 + Math.log(1e-12), 3);
  });

  it('reject NaN, b > a and +Infinity - +Infinity with math/domain', () => {
    expect(codeOf(() => logAddExp(Number.NaN, 0))).toBe('math/domain');
    expect(codeOf(() => logSumExp([0, Number.NaN]))).toBe('math/domain');
    expect(codeOf(() => logSumExp([0, '1' as unknown as number]))).toBe('math/domain');
    expect(codeOf(() => logDiffExp(0, 1))).toBe('math/domain');
    expect(codeOf(() => logDiffExp(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY))).toBe(
      'math/domain',
    );
    expect(() => logSumExp([0, Number.NaN])).toThrow('logSumExp: values[1] must be a number');
  });
});

describe('Neumaier summation', () => {
  it('recovers what a plain loop loses', () => {
    expect(neumaierSum([1, 1e100, 1, -1e100])).toBe(2);
    expect(neumaierSum([])).toBe(0);
    const tenths = Array.from({ length: 10 }, () => 0.1);
    expect(neumaierSum(tenths)).toBe(1);
  });

  it('the accumulator gives the same as neumaierSum and can be reset', () => {
    const acc = new NeumaierAccumulator();
    for (const x of [1, 1e100, 1, -1e100]) acc.add(x);
    expect(acc.value).toBe(2);
    expect(acc.reset().add(0.5).value).toBe(0.5);
  });

  it('returns the naive infinity on overflow and rejects non-finite entries', () => {
    expect(neumaierSum([1e308, 1e308])).toBe(Number.POSITIVE_INFINITY);
    expect(codeOf(() => neumaierSum([1, Number.NaN]))).toBe('math/domain');
    expect(codeOf(() => neumaierSum([Number.POSITIVE_INFINITY]))).toBe('math/domain');
  });
});
