/**
 * Reading one row of a transaction log, shared by the in-memory parser, the CSV reader and the
 * streaming CSV-to-summary path: the read options and their schema, field-by-field validation with
 * a precise reason, and the `onInvalid` policy (throw a coded error, or collect the row).
 *
 * @internal
 */
import { z } from 'zod';
import { describeReceived, fail } from '../core/errors.js';
import { Dec, type DecimalValue } from '../money/decimal.js';
import { amountTextUnits, decimalToUnits, parseAmountText } from './amount.js';
import {
  isKnownTimeZone,
  parseCompactDate,
  parseDateTime,
  parseIsoDate,
  ZoneDayResolver,
} from './calendar.js';
import type { RefundPolicy, RejectedRow } from './types.js';

/** Names of the source fields (object keys or CSV columns) that hold each transaction attribute. */
export interface TransactionFields {
  /** Default `customerId`. */
  readonly customerId?: string;
  /** Date or timestamp. Default `date`. */
  readonly date?: string;
  /** Default `amount`. */
  readonly amount?: string;
  /** Read when present. Default `orderId`. */
  readonly orderId?: string;
  /** Read when present. Default `quantity`. */
  readonly quantity?: string;
  /** Read when present. Default `channel`. */
  readonly channel?: string;
  /** Read when present. Default `segment`. */
  readonly segment?: string;
}

/**
 * How dates are written: `'iso'` (default) accepts `YYYY-MM-DD` and ISO 8601 date-times
 * (`2024-03-01T10:15:00+01:00`, `2024-03-01 10:15:00Z`, or without an offset as wall-clock time in
 * `timeZone`); `'yyyymmdd'` accepts the compact form `19970101` (as in the CDNOW files).
 */
export type DateFormat = 'iso' | 'yyyymmdd';

/** What happens to a row that cannot be read: throw (`'error'`) or keep it in `rejected`. */
export type InvalidRowPolicy = 'error' | 'collect';

/** Options shared by every transaction reader. */
export interface ReadTransactionsOptions {
  /** ISO 4217 code of the amounts, e.g. `'USD'` (required: money always carries its currency). */
  readonly currency: string;
  readonly fields?: TransactionFields;
  readonly dateFormat?: DateFormat;
  /**
   * IANA time zone that sets day boundaries (default `'UTC'`): a timestamp with an offset falls on
   * the calendar date it has in this zone (found with `Intl.DateTimeFormat`, correct across DST).
   */
  readonly timeZone?: string;
  readonly onInvalid?: InvalidRowPolicy;
  readonly refunds?: RefundPolicy;
}

const FieldNameSchema = z.string().min(1);

/** zod schema of {@link TransactionFields}. */
export const TransactionFieldsSchema = z
  .object({
    customerId: FieldNameSchema.optional(),
    date: FieldNameSchema.optional(),
    amount: FieldNameSchema.optional(),
    orderId: FieldNameSchema.optional(),
    quantity: FieldNameSchema.optional(),
    channel: FieldNameSchema.optional(),
    segment: FieldNameSchema.optional(),
  })
  .strict();

/** zod schema of {@link ReadTransactionsOptions}, defaults applied. */
export const ReadTransactionsOptionsSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'Must be an ISO 4217 code such as "USD"' }),
    fields: TransactionFieldsSchema.optional(),
    dateFormat: z.enum(['iso', 'yyyymmdd']).default('iso'),
    timeZone: z
      .string()
      .refine(isKnownTimeZone, { message: 'Must be an IANA time zone such as "Europe/Paris"' })
      .default('UTC'),
    onInvalid: z.enum(['error', 'collect']).default('error'),
    refunds: z.enum(['keep', 'reject']).default('keep'),
  })
  .strict();

/** The read options after validation, with every default filled in. */
export interface ResolvedReadOptions {
  readonly currency: string;
  readonly fields: Required<TransactionFields>;
  readonly dateFormat: DateFormat;
  readonly timeZone: string;
  readonly onInvalid: InvalidRowPolicy;
  readonly refunds: RefundPolicy;
}

/** Fills in the default field names. */
export function resolveReadOptions(
  parsed: z.output<typeof ReadTransactionsOptionsSchema>,
): ResolvedReadOptions {
  const f = parsed.fields ?? {};
  return {
    currency: parsed.currency,
    dateFormat: parsed.dateFormat,
    timeZone: parsed.timeZone,
    onInvalid: parsed.onInvalid,
    refunds: parsed.refunds,
    fields: {
      customerId: f.customerId ?? 'customerId',
      date: f.date ?? 'date',
      amount: f.amount ?? 'amount',
      orderId: f.orderId ?? 'orderId',
      quantity: f.quantity ?? 'quantity',
      channel: f.channel ?? 'channel',
      segment: f.segment ?? 'segment',
    },
  };
}

/** Why a field could not be read. */
export interface FieldProblem {
  readonly column: string | null;
  readonly problem: string;
  readonly expected: string;
  readonly received: unknown;
}

/** `"<problem>; expected <x>, received <y>"`. */
export function reasonText(p: FieldProblem): string {
  return `${p.problem}; expected ${p.expected}, received ${describeReceived(p.received)}`;
}

/** A decimal number as text (exponent allowed; no hex, no `Infinity`). */
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const DECIMAL_EXPECTED = 'a plain decimal such as "12.50" (no exponent, separators or symbols)';

/**
 * Validates the fields of one row. Each reader returns the value, or undefined after recording why
 * in `problem`. Strings from files are trimmed first.
 */
export class FieldReader {
  problem: FieldProblem | undefined;
  /** Negative amounts seen, rejected or not. */
  negativeCount = 0;
  /** Exact units of the last amount read by {@link FieldReader.amountDecimal}, if it has them. */
  units: number | undefined;
  /** The last amount read by {@link FieldReader.amountUnits} that has no units form. */
  decimal: DecimalValue = new Dec(0);
  private readonly zone: ZoneDayResolver;
  private readonly dateFormat: DateFormat;
  private readonly refunds: RefundPolicy;

  constructor(options: ResolvedReadOptions) {
    this.zone = new ZoneDayResolver(options.timeZone);
    this.dateFormat = options.dateFormat;
    this.refunds = options.refunds;
  }

  private reject(column: string, problem: string, expected: string, received: unknown): undefined {
    this.problem = { column, problem, expected, received };
    return undefined;
  }

  /** A non-empty string, or a safe integer (turned into its decimal string). */
  customerId(value: unknown, column: string): string | undefined {
    if (typeof value === 'string') {
      const id = value.trim();
      if (id.length > 0) return id;
    } else if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    return this.reject(
      column,
      value === undefined || value === '' ? 'missing customer id' : 'invalid customer id',
      'a non-empty string or a safe integer',
      value,
    );
  }

  /** The local day number of a date string (per `dateFormat`) or of a JS `Date` instant. */
  day(value: unknown, column: string): number | undefined {
    if (typeof value === 'string') {
      const text = value.trim();
      let day: number | undefined;
      if (this.dateFormat === 'yyyymmdd') day = parseCompactDate(text);
      else day = text.length === 10 ? parseIsoDate(text) : parseDateTime(text, this.zone);
      if (day !== undefined) return day;
      return this.reject(
        column,
        text.length === 0 ? 'missing date' : 'not a valid date',
        this.dateFormat === 'yyyymmdd'
          ? 'a calendar date written YYYYMMDD'
          : 'a calendar date YYYY-MM-DD or an ISO 8601 date-time',
        value,
      );
    }
    if (value instanceof Date && Number.isFinite(value.getTime()))
      return this.zone.dayOfInstant(value.getTime());
    return this.reject(
      column,
      value === undefined ? 'missing date' : 'not a valid date',
      'a date string or a valid Date',
      value,
    );
  }

  private amountText(value: unknown, column: string): string | DecimalValue | undefined {
    if (typeof value === 'string') {
      const text = value.trim();
      if (text.length > 0) return text;
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) return String(value);
    } else if (Dec.isDecimal(value) && value.isFinite()) return value;
    return this.reject(
      column,
      value === undefined || value === '' ? 'missing amount' : 'not a decimal amount',
      DECIMAL_EXPECTED,
      value,
    );
  }

  private checkSign(negative: boolean, column: string, value: unknown): boolean {
    if (!negative) return true;
    this.negativeCount += 1;
    if (this.refunds === 'keep') return true;
    this.reject(
      column,
      'negative amount (a refund) with refunds: "reject"',
      'an amount >= 0',
      value,
    );
    return false;
  }

  /**
   * The amount as a Decimal (for transaction logs); its exact units (or undefined when it has no
   * exact units form) are left in {@link FieldReader.units}.
   */
  amountDecimal(value: unknown, column: string): DecimalValue | undefined {
    const input = this.amountText(value, column);
    if (input === undefined) return undefined;
    let amount: DecimalValue;
    if (typeof input === 'string') {
      const parsed = parseAmountText(input);
      if (parsed === undefined)
        return this.reject(column, 'not a decimal amount', DECIMAL_EXPECTED, value);
      this.units = parsed.units;
      amount = parsed.decimal ?? new Dec(input);
    } else {
      amount = input instanceof Dec ? input : new Dec(input);
      this.units = decimalToUnits(amount);
    }
    if (amount.isZero()) amount = new Dec(0);
    return this.checkSign(amount.isNeg(), column, value) ? amount : undefined;
  }

  /**
   * The amount as exact units (for the streaming summary path), or NaN when it has no units form
   * and is left as a Decimal in {@link FieldReader.decimal}.
   */
  amountUnits(value: unknown, column: string): number | undefined {
    const input = this.amountText(value, column);
    if (input === undefined) return undefined;
    let units: number | undefined;
    if (typeof input === 'string') {
      units = amountTextUnits(input);
      if (units === undefined)
        return this.reject(column, 'not a decimal amount', DECIMAL_EXPECTED, value);
      if (Number.isNaN(units)) this.decimal = new Dec(input);
    } else {
      units = decimalToUnits(input) ?? Number.NaN;
      if (Number.isNaN(units)) this.decimal = new Dec(input);
    }
    const negative = Number.isNaN(units)
      ? this.decimal.isNeg() && !this.decimal.isZero()
      : units < 0;
    return this.checkSign(negative, column, value) ? units : undefined;
  }

  /** An optional quantity: absent when missing or empty, else a finite number. */
  quantity(value: unknown, column: string): number | null | undefined {
    if (value === undefined || value === null || value === '') return null;
    const n =
      typeof value === 'string'
        ? NUMBER_TEXT.test(value.trim())
          ? Number(value)
          : Number.NaN
        : value;
    if (typeof n === 'number' && Number.isFinite(n)) return n;
    return this.reject(column, 'not a valid quantity', 'a finite number', value);
  }

  /** An optional text attribute: absent when missing or empty, else a string (numbers accepted). */
  text(value: unknown, column: string): string | null | undefined {
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') {
      const text = value.trim();
      return text.length === 0 ? null : text;
    }
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return this.reject(column, 'not a text value', 'a string', value);
  }
}

/** Applies the `onInvalid` policy to bad rows: throws `data/invalid-row`, or keeps the row. */
export class RejectSink {
  readonly rejected: RejectedRow[] = [];
  constructor(
    private readonly fn: string,
    private readonly policy: InvalidRowPolicy,
  ) {}

  reject(line: number, raw: string, problem: FieldProblem): void {
    const reason = reasonText(problem);
    if (this.policy === 'error') {
      const where =
        problem.column === null
          ? `row at line ${line}`
          : `line ${line}, column "${problem.column}"`;
      fail('data/invalid-row', this.fn, `${where}: ${problem.problem}`, {
        expected: problem.expected,
        received: problem.received,
        path: problem.column === null ? [line] : [line, problem.column],
        details: { line, column: problem.column, raw, reason },
      });
    }
    this.rejected.push(Object.freeze({ line, raw, column: problem.column, reason }));
  }
}
