import { CustomerAssetError } from './errors.js';

/** The result of a fallible entry point's `safe*` twin: never throws, like zod's `safeParse`. */
export type Safe<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: CustomerAssetError };

/**
 * Runs `fn` and captures a {@link CustomerAssetError} as a failure result. Any other exception is a
 * bug in the library and is rethrown rather than disguised.
 */
export function toSafe<T>(fn: () => T): Safe<T> {
  try {
    return Object.freeze({ success: true as const, data: fn() });
  } catch (error) {
    if (error instanceof CustomerAssetError)
      return Object.freeze({ success: false as const, error });
    throw error;
  }
}
