/**
 * Parameter checks for the samplers. The samplers run in simulation loops (millions of calls), so they
 * check their scalar arguments with plain comparisons instead of a zod parse per call; the checks
 * accept and reject exactly what the equivalent zod schemas would, and raise the same `input/invalid`
 * error with the standard message and a path naming the argument.
 */
import { fail } from '../core/errors.js';
import type { RandomSource } from './prng.js';

/** Throws unless `rng` looks like a {@link RandomSource}. */
export function checkRandomSource(fn: string, rng: unknown): asserts rng is RandomSource {
  if (
    typeof rng !== 'object' ||
    rng === null ||
    typeof (rng as RandomSource).nextDouble !== 'function' ||
    typeof (rng as RandomSource).nextUint32 !== 'function'
  ) {
    fail('input/invalid', fn, 'rng must be a RandomSource made by createRandom(seed)', {
      expected: 'RandomSource',
      received: rng,
      path: ['rng'],
    });
  }
}

/** Throws unless `value` is a finite number. */
export function checkFinite(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail('input/invalid', fn, `${name} must be a finite number`, {
      expected: 'finite number',
      received: value,
      path: [name],
    });
  }
}

/** Throws unless `value` is a finite number > 0. */
export function checkPositive(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) {
    fail('input/invalid', fn, `${name} must be a finite positive number`, {
      expected: 'finite number > 0',
      received: value,
      path: [name],
    });
  }
}

/** Throws unless `value` is a finite number >= 0 and <= `max`. */
export function checkNonNegative(
  fn: string,
  name: string,
  value: unknown,
  max = Number.MAX_VALUE,
): asserts value is number {
  if (typeof value !== 'number' || !(value >= 0) || !(value <= max)) {
    const unbounded = max === Number.MAX_VALUE;
    const problem = unbounded
      ? `${name} must be a finite non-negative number`
      : `${name} must be a number in [0, ${max}]`;
    fail('input/invalid', fn, problem, {
      expected: unbounded ? 'finite number >= 0' : `number in [0, ${max}]`,
      received: value,
      path: [name],
    });
  }
}

/** Throws unless `value` is a probability in the given interval. */
export function checkProbability(
  fn: string,
  name: string,
  value: unknown,
  interval: '[0,1]' | '(0,1]',
): asserts value is number {
  const ok =
    typeof value === 'number' && value <= 1 && (interval === '[0,1]' ? value >= 0 : value > 0);
  if (!ok) {
    fail('input/invalid', fn, `${name} must be a probability in ${interval}`, {
      expected: `number in ${interval}`,
      received: value,
      path: [name],
    });
  }
}

/** Throws unless `value` is an integer in [0, max]. */
export function checkCount(
  fn: string,
  name: string,
  value: unknown,
  max: number,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    fail('input/invalid', fn, `${name} must be an integer in [0, ${max}]`, {
      expected: `integer in [0, ${max}]`,
      received: value,
      path: [name],
    });
  }
}
