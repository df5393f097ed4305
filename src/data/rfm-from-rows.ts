import { z } from 'zod';
import { fail } from '../core/errors.js';
import { type Safe, toSafe } from '../core/safe.js';
import type { TimeUnit } from '../core/time-unit.js';
import { TimeUnitSchema } from '../core/time-unit.js';
import { parseInput } from '../core/validate.js';
import { Dec } from '../money/decimal.js';
import { decimalToString, parseAmountText } from './amount.js';
import { TIME_SCALES } from './calendar.js';
import { allocateTwin, rememberTwin } from './summary-twin.js';
import type { MergeBy, RfmConventions, RfmRow, RfmSummary } from './summary-types.js';

/** One precomputed row, as a warehouse query returns it. */
export interface RfmInputRow {
  /** Defaults to the row's 0-based index as a string. */
  readonly customerId?: string | number;
  readonly frequency: number | bigint | string;
  readonly recency: number | bigint | string;
  readonly T: number | bigint | string;
  /** Mean repeat value: a decimal string or number; null, absent or 0 when frequency is 0. */
  readonly monetaryValue?: string | number | null;
  /** Customers this row stands for (default 1). */
  readonly count?: number | bigint | string;
}

/** Options of {@link rfmSummaryFromRows}. */
export interface RfmSummaryFromRowsOptions {
  /** Unit in which recency and T are expressed (required). */
  readonly timeUnit: TimeUnit;
  /** The merge granularity the rows were computed with, if known (named in the conventions). */
  readonly mergeBy?: MergeBy;
  /** ISO 4217 code of the monetary values, if any. */
  readonly currency?: string;
}

const OptionsSchema = z
  .object({
    timeUnit: TimeUnitSchema,
    mergeBy: z.enum(['day', 'week', 'month', 'quarter', 'year']).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'Must be an ISO 4217 code such as "USD"' })
      .optional(),
  })
  .strict();

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function invalid(
  i: number,
  field: string,
  problem: string,
  expected: string,
  received: unknown,
): never {
  return fail('data/invalid-row', 'rfmSummaryFromRows', `rows[${i}].${field} ${problem}`, {
    expected,
    received: typeof received === 'bigint' ? received.toString() : received,
    path: [i, field],
  });
}

/** A number from a number, a safe bigint or a numeric string (drivers return all three). */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : undefined;
  if (typeof value === 'bigint')
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : undefined;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value) + 0;
  return undefined;
}

function nonNegativeInteger(i: number, field: string, value: unknown, min: number): number {
  const n = toNumber(value);
  if (n === undefined || !Number.isSafeInteger(n) || n < min)
    invalid(
      i,
      field,
      'must be an integer',
      min === 0 ? 'an integer >= 0' : `an integer >= ${min}`,
      value,
    );
  return n;
}

function time(i: number, field: string, value: unknown): number {
  const n = toNumber(value);
  if (n === undefined || n < 0)
    invalid(i, field, 'must be a finite number >= 0', 'a number >= 0', value);
  return n;
}

/**
 * Builds an {@link RfmSummary} from precomputed per-customer rows, such as the output of the
 * warehouse SQL in docs/guide/warehouse.md, after checking each row: `frequency` is an integer
 * >= 0, `0 <= recency <= T`, `recency = 0` when `frequency = 0`, `count` a positive integer, and
 * `monetaryValue` a decimal (null, absent or 0 when frequency is 0, and then stored as null).
 * Numbers may come as JS numbers, bigints or numeric strings, as database drivers return them.
 *
 * The summary's conventions say `source: 'rows'`; what cannot be known from the rows (time zone,
 * observation end, refund rule) is `null` or `'unstated'`. Rows keep their input order. `-0` is
 * stored as `0`, so compressed patterns are bitwise exact.
 *
 * Numerical caveats: recency and T are used as given (float64); monetary values are kept as exact
 * decimal strings (a JS number is read as the decimal it prints as).
 *
 * @param rows - One object per customer (or per pattern, with `count`).
 * @param options - {@link RfmSummaryFromRowsOptions}.
 * @returns A frozen {@link RfmSummary} (`excluded` is null).
 * @throws CustomerAssetError `input/invalid` for bad options or a non-array, `data/invalid-row`
 *   naming the row index and field for a bad row.
 *
 * @example
 * ```ts
 * import { rfmSummaryFromRows } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows(
 *   [
 *     { customerId: 'a', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: '22.35' },
 *     { customerId: 'b', frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
 *   ],
 *   { timeUnit: 'week', mergeBy: 'day', currency: 'USD' },
 * );
 * console.log(summary.customers[1]?.monetaryValue); // null
 * ```
 */
export function rfmSummaryFromRows(
  rows: readonly RfmInputRow[],
  options: RfmSummaryFromRowsOptions,
): RfmSummary {
  const fn = 'rfmSummaryFromRows';
  const parsed = parseInput(OptionsSchema, options, fn, 'options');
  if (!Array.isArray(rows))
    fail('input/invalid', fn, 'rows must be an array', {
      expected: 'array',
      received: rows,
      path: ['rows'],
    });
  const seen = new Set<string>();
  const out: RfmRow[] = new Array(rows.length);
  const twin = allocateTwin(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as unknown;
    if (row === null || typeof row !== 'object')
      fail('data/invalid-row', fn, `rows[${i}] is not an object`, {
        expected: 'an object { frequency, recency, T, ... }',
        received: row,
        path: [i],
      });
    const r = row as Record<string, unknown>;
    let customerId: string;
    if (r.customerId === undefined || r.customerId === null) customerId = String(i);
    else if (typeof r.customerId === 'string' && r.customerId.length > 0) customerId = r.customerId;
    else if (typeof r.customerId === 'number' && Number.isSafeInteger(r.customerId))
      customerId = String(r.customerId);
    else if (typeof r.customerId === 'bigint') customerId = r.customerId.toString();
    else invalid(i, 'customerId', 'is not an id', 'a non-empty string or an integer', r.customerId);
    if (r.customerId !== undefined && r.customerId !== null) {
      if (seen.has(customerId))
        invalid(i, 'customerId', 'is a duplicate', 'unique ids', customerId);
      seen.add(customerId);
    }
    const frequency = nonNegativeInteger(i, 'frequency', r.frequency, 0);
    const recency = time(i, 'recency', r.recency);
    const T = time(i, 'T', r.T);
    if (recency > T) invalid(i, 'recency', 'must not exceed T', `recency <= T = ${T}`, recency);
    if (frequency === 0 && recency !== 0)
      invalid(i, 'recency', 'must be 0 when frequency is 0', '0', recency);
    const count =
      r.count === undefined || r.count === null ? 1 : nonNegativeInteger(i, 'count', r.count, 1);
    const monetaryValue = readMonetary(i, frequency, r.monetaryValue);
    out[i] = Object.freeze({ customerId, frequency, recency, T, monetaryValue, count });
    twin.frequency[i] = frequency;
    twin.recency[i] = recency;
    twin.T[i] = T;
    twin.count[i] = count;
  }
  const customers = Object.freeze(out);
  rememberTwin(customers, twin);
  const conventions: RfmConventions = Object.freeze({
    source: 'rows',
    mergeBy: parsed.mergeBy ?? 'unstated',
    timeUnit: parsed.timeUnit,
    timeScale: parsed.timeUnit === 'period' ? 'unstated' : TIME_SCALES[parsed.timeUnit],
    timeZone: null,
    observationEnd: null,
    calibrationEnd: null,
    frequency: 'repeat-occasions',
    monetaryValue: 'as-supplied',
    refunds: 'unstated',
  });
  return Object.freeze({
    kind: 'rfm-summary',
    currency: parsed.currency ?? null,
    timeUnit: parsed.timeUnit,
    conventions,
    customers,
    excluded: null,
  });
}

function readMonetary(i: number, frequency: number, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  let text: string | undefined;
  if (typeof value === 'string') text = value.trim();
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  if (text === undefined || parseAmountText(text) === undefined)
    invalid(
      i,
      'monetaryValue',
      'is not a decimal',
      'a decimal string such as "22.35", or null',
      value,
    );
  const decimal = new Dec(text);
  if (frequency === 0) {
    if (!decimal.isZero())
      invalid(i, 'monetaryValue', 'must be null or 0 when frequency is 0', 'null or 0', value);
    return null;
  }
  return decimalToString(decimal);
}

/**
 * {@link rfmSummaryFromRows} that returns `{ success: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeRfmSummaryFromRows } from 'customer-asset';
 *
 * const result = safeRfmSummaryFromRows([{ frequency: 1, recency: 5, T: 3 }], { timeUnit: 'week' });
 * if (!result.success) console.log(result.error.path); // [0, 'recency']
 * ```
 */
export function safeRfmSummaryFromRows(
  rows: readonly RfmInputRow[],
  options: RfmSummaryFromRowsOptions,
): Safe<RfmSummary> {
  return toSafe(() => rfmSummaryFromRows(rows, options));
}
