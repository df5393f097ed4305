/**
 * The one error convention of customer-asset, shaped like zod's issues: a closed union of codes, a
 * path to the offending field (row indices included) and a message of the form
 * `"<function>: <problem>; expected <x>, received <y>"`.
 */

/** Every error code the library can raise. Closed: callers may `switch` on it exhaustively. */
export type ErrorCode =
  /** A public input failed its schema (wrong type, out of range, missing field). */
  | 'input/invalid'
  /** An input was well-formed but empty where data is required. */
  | 'input/empty'
  /** Two Money values of different currencies were combined. */
  | 'money/currency-mismatch'
  /** A currency code that is not ISO 4217 (or not known to the library). */
  | 'money/unknown-currency'
  /** A binary float that does not represent the intended decimal exactly was given as money. */
  | 'money/inexact-number'
  /** Division of money by zero or allocation over ratios that sum to zero. */
  | 'money/division-by-zero'
  /** Cash flows with no sign change have no internal rate of return. */
  | 'finance/no-sign-change'
  /** A root finder (IRR, XIRR) did not converge. */
  | 'finance/not-converged'
  /** A rate outside its domain (for example a discount rate <= -100%). */
  | 'finance/invalid-rate'
  /** A growing perpetuity whose growth rate is not below the discount rate. */
  | 'finance/growth-at-or-above-rate'
  /** A special function called outside the region where it is defined or implemented. */
  | 'math/domain'
  /** A series or iteration in a special function did not converge within its budget. */
  | 'math/not-converged'
  /** The optimizer did not reach its stopping rule. */
  | 'optimize/not-converged'
  /** The objective returned NaN or an infinite value at the starting point. */
  | 'optimize/invalid-objective'
  /** A model fit did not converge (carries the optimizer's diagnostics in `details`). */
  | 'fit/not-converged'
  /** The data cannot identify the model (for example no repeat purchases at all). */
  | 'fit/insufficient-data'
  /** A row of a transaction log or CSV could not be parsed or failed validation. */
  | 'data/invalid-row'
  /** A CSV or stream could not be read. */
  | 'data/read-failed'
  /** A model quantity that does not exist for these parameters (for example an infinite mean lifetime). */
  | 'model/undefined-quantity'
  /** A quantity that should be finite overflowed; reported rather than returned as Infinity. */
  | 'model/non-finite';

/** A path to the offending value: object keys and array indices, as zod reports them. */
export type ErrorPath = readonly (string | number)[];

/** The options accepted when raising a {@link CustomerAssetError}. */
export interface CustomerAssetErrorOptions {
  readonly path?: ErrorPath;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * The single error class thrown by customer-asset. `code` is machine-readable, `path` names the
 * field (and row) at fault, `details` carries structured context (diagnostics, rejected rows).
 */
export class CustomerAssetError extends Error {
  override readonly name = 'CustomerAssetError';
  readonly code: ErrorCode;
  readonly path: ErrorPath;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options: CustomerAssetErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = Object.freeze([...(options.path ?? [])]);
    this.details =
      options.details === undefined ? undefined : Object.freeze({ ...options.details });
  }

  /** A plain, JSON-serialisable view of the error. */
  toJSON(): { code: ErrorCode; message: string; path: ErrorPath; details?: unknown } {
    return this.details === undefined
      ? { code: this.code, message: this.message, path: this.path }
      : { code: this.code, message: this.message, path: this.path, details: this.details };
  }
}

/** Type guard for errors raised by this library. */
export function isCustomerAssetError(value: unknown): value is CustomerAssetError {
  return value instanceof CustomerAssetError;
}

/**
 * Builds the standard message `"<fn>: <problem>; expected <x>, received <y>"`.
 * `expected`/`received` are omitted when not given.
 */
export function formatErrorMessage(
  fn: string,
  problem: string,
  expected?: string,
  received?: unknown,
): string {
  let message = `${fn}: ${problem}`;
  if (expected !== undefined) message += `; expected ${expected}`;
  if (received !== undefined) message += `, received ${describeReceived(received)}`;
  return message;
}

/** A short, safe rendering of a received value for an error message. */
export function describeReceived(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}

/** Raises a coded error with the standard message form. */
export function fail(
  code: ErrorCode,
  fn: string,
  problem: string,
  options: CustomerAssetErrorOptions & { expected?: string; received?: unknown } = {},
): never {
  const message = formatErrorMessage(
    fn,
    problem,
    options.expected,
    'received' in options ? options.received : undefined,
  );
  throw new CustomerAssetError(code, message, options);
}
