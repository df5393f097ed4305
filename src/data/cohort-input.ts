/**
 * Shared zod pieces for the cohort, survival and simulation entry points: calendar periods, strict
 * `YYYY-MM-DD` dates and the structural check of a {@link TransactionLog} handed in by a caller.
 *
 * @internal
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { Dec } from '../money/decimal.js';
import { CALENDAR_PERIODS, type CalendarPeriod, dayFromIsoDate } from './cohort-calendar.js';
import type { TransactionLog } from './types.js';

/** zod schema of a {@link CalendarPeriod}. */
export const CalendarPeriodSchema = z.enum(
  CALENDAR_PERIODS as [CalendarPeriod, ...CalendarPeriod[]],
);

/** A real calendar date written `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().refine((text) => dayFromIsoDate(text) !== undefined, {
  message: 'Must be a real calendar date written YYYY-MM-DD',
});

const TransactionLogSchema = z.object({
  transactions: z.array(z.unknown()),
  currency: z.string().min(1),
});

/** Raises `input/invalid` for one field of one transaction row. */
function badRow(
  fn: string,
  index: number,
  field: string,
  problem: string,
  expected: string,
  received: unknown,
): never {
  return fail('input/invalid', fn, `log.transactions[${index}].${field} ${problem}`, {
    path: ['transactions', index, field],
    expected,
    received,
  });
}

/**
 * Checks the parts of a transaction log the cohort code relies on: a currency, and per row a
 * non-empty customer id, a real `YYYY-MM-DD` date, the integer `day` of that date, a finite decimal
 * amount (a decimal.js value, as the parser makes) and an optional string order id. The top level is
 * checked with zod; rows with plain comparisons (a zod parse per row would dominate the cost of a
 * table on a large log), raising the same `input/invalid` error naming the row and field. Returns the
 * log itself, not a copy: transactions are read, never mutated.
 */
export function checkTransactionLog(log: unknown, fn: string): TransactionLog {
  parseInput(TransactionLogSchema, log, fn, 'log');
  const checked = log as TransactionLog;
  checked.transactions.forEach((t: unknown, i) => {
    if (t === null || typeof t !== 'object')
      fail('input/invalid', fn, `log.transactions[${i}] is not a transaction`, {
        path: ['transactions', i],
        expected: 'an object',
        received: t,
      });
    const row = t as Record<string, unknown>;
    const { customerId, date, day, amount, orderId } = row;
    if (typeof customerId !== 'string' || customerId.length === 0)
      badRow(fn, i, 'customerId', 'is not a non-empty string', 'a customer id', customerId);
    const expectedDay = typeof date === 'string' ? dayFromIsoDate(date) : undefined;
    if (expectedDay === undefined)
      badRow(fn, i, 'date', 'is not a real date written YYYY-MM-DD', 'YYYY-MM-DD', date);
    if (day !== expectedDay)
      badRow(fn, i, 'day', `does not match its date ${String(date)}`, String(expectedDay), day);
    if (!Dec.isDecimal(amount) || !amount.isFinite())
      badRow(fn, i, 'amount', 'is not a finite decimal', 'a decimal.js value', amount);
    if (orderId !== undefined && typeof orderId !== 'string')
      badRow(fn, i, 'orderId', 'is not a string', 'a string or undefined', orderId);
  });
  return checked;
}
