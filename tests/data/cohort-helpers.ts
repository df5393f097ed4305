import { parseIsoDate } from '../../src/data/calendar.js';
import type { Transaction, TransactionLog } from '../../src/data/types.js';
import { Dec } from '../../src/money/decimal.js';

/** A compact row for test logs: `[customerId, date, amount, orderId?]`. */
export type Row = readonly [string, string, string, string?];

/** Builds a transaction log (as the parser would) from compact rows. */
export function makeLog(rows: readonly Row[], currency = 'USD'): TransactionLog {
  const transactions: Transaction[] = rows.map(([customerId, date, amount, orderId], i) => {
    const day = parseIsoDate(date);
    if (day === undefined) throw new Error(`bad test date ${date}`);
    return {
      customerId,
      date,
      day,
      amount: new Dec(amount),
      line: i + 1,
      ...(orderId === undefined ? {} : { orderId }),
    };
  });
  const refunds = transactions.filter((t) => t.amount.isNegative()).length;
  return {
    transactions,
    currency,
    timeZone: 'UTC',
    rejected: [],
    refunds: { policy: 'keep', count: refunds },
  };
}

/**
 * The worked example of docs/guide/cohorts.md: seven customers over January-March 2024, every figure
 * below computed by hand.
 *
 * - A: Jan 5 10.00, Jan 20 5.00, Feb 3 20.00, Mar 15 10.00
 * - B: Jan 10 30.00, Mar 1 15.00
 * - C: Jan 31 8.00, Feb 1 4.00 (one day later, but the next calendar month: age 1)
 * - D: Feb 14 50.00 and 25.00 (two lines of order o1), Mar 20 -25.00 (a refund)
 * - E: Feb 28 12.00, Mar 5 12.00
 * - F: Mar 31 100.00
 * - G: Mar 10 -5.00 (a refund from a customer with no purchase: unattributed)
 */
export const WORKED_EXAMPLE_ROWS: readonly Row[] = [
  ['A', '2024-01-05', '10.00'],
  ['B', '2024-01-10', '30.00'],
  ['A', '2024-01-20', '5.00'],
  ['C', '2024-01-31', '8.00'],
  ['C', '2024-02-01', '4.00'],
  ['A', '2024-02-03', '20.00'],
  ['D', '2024-02-14', '50.00', 'o1'],
  ['D', '2024-02-14', '25.00', 'o1'],
  ['E', '2024-02-28', '12.00'],
  ['B', '2024-03-01', '15.00'],
  ['E', '2024-03-05', '12.00'],
  ['G', '2024-03-10', '-5.00'],
  ['A', '2024-03-15', '10.00'],
  ['D', '2024-03-20', '-25.00'],
  ['F', '2024-03-31', '100.00'],
];
