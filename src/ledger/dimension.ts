/**
 * The `by` dimension of a ledger: which group each customer belongs to.
 *
 * @internal
 */
import { z } from 'zod';
import type { TransactionLog } from '../data/types.js';
import type { CustomerBook } from './book.js';

/**
 * A dimension to split the ledger by, fixed per customer:
 * - `'channel'` or `'segment'`: the attribute of the customer's first purchase (acquisition channel,
 *   acquisition segment) in a transaction log; when several first-day purchases disagree, the lowest
 *   value in code-unit order is taken, so row order never matters;
 * - `{ name, groups }`: any grouping the caller names (journey stage, region, plan...), as a record
 *   or Map from customer id to group label.
 * Customers without a value go to the group `unassigned` (default `'(none)'`).
 */
export type LedgerDimension =
  | 'channel'
  | 'segment'
  | {
      readonly name: string;
      readonly groups: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
      readonly unassigned?: string;
    };

/** zod schema of {@link LedgerDimension}. */
export const LedgerDimensionSchema = z.union([
  z.enum(['channel', 'segment']),
  z
    .object({
      name: z.string().min(1),
      groups: z.union([
        z.record(z.string(), z.string().min(1)),
        z.custom<ReadonlyMap<string, string>>((v) => v instanceof Map, {
          message: 'Must be a record or a Map from customer id to group label',
        }),
      ]),
      unassigned: z.string().min(1).optional(),
    })
    .strict(),
]);

/** Group index of every customer and the sorted group labels. */
export interface Grouping {
  readonly name: string;
  readonly labels: readonly string[];
  readonly groupOf: Int32Array;
}

/** Resolves a validated dimension against a book. */
export function resolveDimension(
  by: z.output<typeof LedgerDimensionSchema>,
  book: CustomerBook,
  log: TransactionLog | null,
): Grouping {
  const raw: string[] = new Array(book.size);
  let name: string;
  if (typeof by === 'string') {
    name = by;
    const field = by;
    for (let c = 0; c < book.size; c += 1) {
      const row = book.firstRow?.[c] ?? -1;
      const value = row >= 0 ? log?.transactions[row]?.[field] : undefined;
      raw[c] = value === undefined || value === '' ? '(none)' : value;
    }
  } else {
    name = by.name;
    const fallback = by.unassigned ?? '(none)';
    const groups = by.groups;
    const lookup =
      groups instanceof Map
        ? (id: string) => groups.get(id)
        : (id: string) =>
            Object.hasOwn(groups, id) ? (groups as Record<string, string>)[id] : undefined;
    for (let c = 0; c < book.size; c += 1) raw[c] = lookup(book.ids[c]!) ?? fallback;
  }
  const labels = [...new Set(raw)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const position = new Map(labels.map((label, i) => [label, i]));
  const groupOf = new Int32Array(book.size);
  for (let c = 0; c < book.size; c += 1) groupOf[c] = position.get(raw[c]!)!;
  return { name, labels, groupOf };
}
