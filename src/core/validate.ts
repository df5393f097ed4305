import { z } from 'zod';
import { CustomerAssetError } from './errors.js';

/**
 * Parses a public input with its zod schema. On failure throws `input/invalid` naming the function,
 * the field path (with row indices) and zod's reason, e.g.
 * `"npv: cashflows[3] must be a finite number; expected number, received string"`.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  fn: string,
  root = 'input',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = path.length === 0 ? root : formatPath(root, path);
  throw new CustomerAssetError('input/invalid', `${fn}: ${where} ${lowerFirst(issue.message)}`, {
    path,
    details: {
      issues: result.error.issues.map((i) => ({
        path: i.path.map(String),
        message: i.message,
        code: i.code,
      })),
    },
  });
}

/** Renders a path as `root.field[3].amount`. */
export function formatPath(root: string, path: readonly (string | number)[]): string {
  let out = root;
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

function lowerFirst(text: string): string {
  return text.length === 0 ? text : `is invalid: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** A finite number (rejects NaN and +/-Infinity, which zod 4 already rejects for z.number()). */
export const FiniteNumberSchema = z
  .number()
  .refine(Number.isFinite, { message: 'Must be a finite number' });
/** A finite, strictly positive number. */
export const PositiveNumberSchema = z.number().positive().finite();
/** A finite, non-negative number. */
export const NonNegativeNumberSchema = z.number().nonnegative().finite();
/** A probability in [0, 1]. */
export const ProbabilitySchema = z.number().min(0).max(1);
/** A non-negative integer count. */
export const CountSchema = z.number().int().nonnegative();
/** A seed for the library's PRNG: any safe integer. */
export const SeedSchema = z.number().int().safe();
