/**
 * Cheap argument checks for the hot-path special functions: a `typeof`/finiteness test per argument
 * instead of a zod parse per call. Every failure throws `math/domain` with the standard message
 * `"<fn>: <problem>; expected <x>, received <y>"`.
 */
import { fail } from '../core/errors.js';

/** Throws `math/domain` unless `value` is a finite number. */
export function requireFinite(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail('math/domain', fn, `${name} must be a finite number`, {
      expected: 'a finite number',
      received: value,
      path: [name],
    });
  }
}

/** Throws `math/domain` unless `value` is a finite number strictly greater than 0. */
export function requirePositive(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !(value > 0) || value === Number.POSITIVE_INFINITY) {
    fail('math/domain', fn, `${name} must be a finite number greater than 0`, {
      expected: 'a finite number > 0',
      received: value,
      path: [name],
    });
  }
}

/** Throws `math/domain` unless `value` is a number that is not NaN (infinities allowed). */
export function requireNotNaN(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    fail('math/domain', fn, `${name} must be a number (not NaN)`, {
      expected: 'a number, -Infinity allowed',
      received: value,
      path: [name],
    });
  }
}
