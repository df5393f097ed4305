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
