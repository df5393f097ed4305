/**
 * The command line's exit codes (documented in docs/guide/cli.md) and the error that carries one.
 */
import { isCustomerAssetError } from '../core/errors.js';

/** Exit codes of `customer-asset`. */
export const EXIT = Object.freeze({
  /** Done. */
  ok: 0,
  /** An unexpected failure (a bug): please report it. */
  internal: 1,
  /** The command line itself is wrong: unknown command or option, a missing or malformed value. */
  usage: 2,
  /** The input data cannot be used: unreadable file, missing column, rejected rows, a bad scenario file, too little data. */
  data: 3,
  /** The computation failed on valid input: a model that does not converge, a quantity that does not exist. */
  model: 4,
  /** The output could not be written. */
  output: 5,
});

/** An error that ends the command with a given exit code and a message for the user. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;

  constructor(exitCode: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

/** The exit code for a library error raised while computing (not while reading input). */
export function exitCodeOfComputation(error: unknown): number {
  if (!isCustomerAssetError(error)) return EXIT.internal;
  if (error.code.startsWith('data/') || error.code === 'input/empty') return EXIT.data;
  if (error.code === 'fit/insufficient-data') return EXIT.data;
  return EXIT.model;
}
