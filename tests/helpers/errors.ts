/** Test helpers that catch the library's coded errors. */
import { expect } from 'vitest';
import { CustomerAssetError } from '../../src/core/errors.js';

/** Runs `fn` and returns the CustomerAssetError it throws (fails the test otherwise). */
export function caught(fn: () => unknown): CustomerAssetError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomerAssetError);
    return error as CustomerAssetError;
  }
  throw new Error('expected a CustomerAssetError, nothing was thrown');
}

/**
 * The code of the CustomerAssetError `fn` throws; `'not a CustomerAssetError'` for any other error,
 * `undefined` when nothing is thrown.
 */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CustomerAssetError ? error.code : 'not a CustomerAssetError';
  }
  return undefined;
}

/** The code and path of the CustomerAssetError `fn` throws (fails the test otherwise). */
export function errorOf(fn: () => unknown): { code: string; path: readonly (string | number)[] } {
  const error = caught(fn);
  return { code: error.code, path: error.path };
}
