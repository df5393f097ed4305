/**
 * What every ledger entry point does first: validate the options, read the source into a
 * {@link CustomerBook}, lay out the periods and map customers onto rows (total, cohorts, groups).
 *
 * @internal
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import {
  type CalendarPeriod,
  dayFromIsoDate,
  isoDateFromDay,
  periodIndex,
  periodLabel,
  periodStartDay,
} from '../data/cohort-calendar.js';
import { CalendarPeriodSchema, IsoDateSchema } from '../data/cohort-input.js';
import type { TransactionLog } from '../data/types.js';
import {
  type CustomerBook,
  isSubscriptionSource,
  isTransactionSource,
  subscriptionBook,
  transactionBook,
} from './book.js';
import type { ResolvedModelRule, RowMap } from './count-engine.js';
import { type Grouping, LedgerDimensionSchema, resolveDimension } from './dimension.js';
import { buildTimeline, type Timeline } from './timeline.js';
import type { LossRuleRecord } from './types.js';

const CalendarTimeUnitSchema = z.enum(['day', 'week', 'month', 'quarter', 'year']);

const TransactionModelSchema = z.custom<ResolvedModelRule['model']>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { name?: unknown }).name === 'string' &&
    typeof (v as { probabilityAlive?: unknown }).probabilityAlive === 'function' &&
    typeof (v as { paramsSchema?: { safeParse?: unknown } }).paramsSchema?.safeParse === 'function',
  { message: 'Must be a transaction model descriptor such as bgNbd (with probabilityAlive)' },
);

/** zod schema of a loss rule. */
export const LossRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inactivity'), days: z.number().int().min(1).safe() }).strict(),
  z.object({ kind: z.literal('cancellation') }).strict(),
  z
    .object({
      kind: z.literal('model'),
      model: TransactionModelSchema,
      params: z.record(z.string(), z.number()),
      timeUnit: CalendarTimeUnitSchema,
    })
    .strict(),
]);

/** The options every ledger shares. */
export const LedgerShape = {
  period: CalendarPeriodSchema,
  lossRule: LossRuleSchema,
  by: LedgerDimensionSchema.optional(),
  start: IsoDateSchema.optional(),
  end: IsoDateSchema.optional(),
};

/** A validated loss rule. */
export type ResolvedLossRule =
  | { readonly kind: 'inactivity'; readonly days: number }
  | { readonly kind: 'cancellation' }
  | ({ readonly kind: 'model' } & ResolvedModelRule);

/** Everything an engine needs. */
export interface Prepared {
  readonly book: CustomerBook;
  readonly log: TransactionLog | null;
  readonly timeline: Timeline;
  readonly rule: ResolvedLossRule;
  readonly ruleRecord: LossRuleRecord;
  readonly map: RowMap;
  /** Cohort labels and first days, oldest first; cohort k is row k + 1. */
  readonly cohorts: readonly {
    readonly label: string;
    readonly start: string;
    readonly size: number;
  }[];
  readonly grouping: Grouping | null;
  /** Customers per group (aligned with grouping.labels). */
  readonly groupSizes: readonly number[];
}

/** Validates the source and the shared options and lays out the ledger. */
export function prepareLedger(
  source: unknown,
  options: {
    readonly period: CalendarPeriod;
    readonly lossRule: z.output<typeof LossRuleSchema>;
    readonly by?: z.output<typeof LedgerDimensionSchema> | undefined;
    readonly start?: string | undefined;
    readonly end?: string | undefined;
  },
  fn: string,
): Prepared {
  let book: CustomerBook;
  let log: TransactionLog | null = null;
  if (isTransactionSource(source)) {
    book = transactionBook(source, fn);
    log = source;
  } else if (isSubscriptionSource(source)) {
    book = subscriptionBook(source, fn);
  } else {
    return fail('input/invalid', fn, 'source is neither a transaction log nor a subscription log', {
      expected: 'a TransactionLog { transactions, currency } or { events }',
      received: source,
    });
  }
  const rule = resolveRule(options.lossRule, book, fn);
  const { period } = options;
  if (book.size === 0)
    fail('input/empty', fn, 'the source has no customers (no purchase or start)', {
      expected: 'at least one customer',
      received: 0,
    });
  let endDay = book.maxDay;
  if (options.end !== undefined) {
    endDay = dayFromIsoDate(options.end)!;
    if (book.maxDay > endDay)
      fail('input/invalid', fn, 'the source has entries after options.end', {
        path: ['end'],
        expected: `an end on or after ${isoDateFromDay(book.maxDay)}`,
        received: options.end,
      });
  }
  let firstAcquisition = Number.POSITIVE_INFINITY;
  for (let c = 0; c < book.size; c += 1)
    firstAcquisition = Math.min(firstAcquisition, book.firstDay[c]!);
  let firstIndex = periodIndex(firstAcquisition, period);
  if (options.start !== undefined) {
    const startDay = dayFromIsoDate(options.start)!;
    if (startDay > endDay)
      fail('input/invalid', fn, 'options.start falls after the last observed day', {
        path: ['start'],
        expected: `a date on or before ${isoDateFromDay(endDay)}`,
        received: options.start,
      });
    firstIndex = periodIndex(startDay, period);
  }
  if (periodIndex(endDay, period) < firstIndex)
    fail('input/invalid', fn, 'no period to report: every customer is acquired after end', {
      path: ['end'],
      expected: `an end on or after ${isoDateFromDay(firstAcquisition)}`,
      received: options.end,
    });
  const timeline = buildTimeline(period, firstIndex, endDay, book.minDay);
  // cohorts
  // a million customers start on a few hundred distinct days: one calendar conversion per day
  let lastAcquisition = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < book.size; c += 1)
    lastAcquisition = Math.max(lastAcquisition, book.firstDay[c]!);
  const daySpan = lastAcquisition - firstAcquisition + 1;
  const byDay = daySpan <= 4 * book.size + 4096 ? new Float64Array(daySpan).fill(Number.NaN) : null;
  const cohortIndex = new Int32Array(book.size);
  const distinct = new Set<number>();
  for (let c = 0; c < book.size; c += 1) {
    const d = book.firstDay[c]!;
    let index: number;
    if (byDay === null) index = periodIndex(d, period);
    else {
      index = byDay[d - firstAcquisition]!;
      if (Number.isNaN(index)) {
        index = periodIndex(d, period);
        byDay[d - firstAcquisition] = index;
        distinct.add(index);
      }
    }
    cohortIndex[c] = index;
    if (byDay === null) distinct.add(index);
  }
  const sortedCohorts = [...distinct].sort((a, b) => a - b);
  const cohortPosition = new Map(sortedCohorts.map((index, k) => [index, k]));
  const cohortSizes = new Array<number>(sortedCohorts.length).fill(0);
  const cohortRow = new Int32Array(book.size);
  let lastIndex = Number.NaN;
  let k = 0;
  for (let c = 0; c < book.size; c += 1) {
    if (cohortIndex[c] !== lastIndex) {
      lastIndex = cohortIndex[c]!;
      k = cohortPosition.get(lastIndex)!;
    }
    cohortRow[c] = k + 1;
    cohortSizes[k]! += 1;
  }
  const cohorts = sortedCohorts.map((index, k) => ({
    label: periodLabel(index, period),
    start: isoDateFromDay(periodStartDay(index, period)),
    size: cohortSizes[k]!,
  }));
  // groups
  let grouping: Grouping | null = null;
  let groupRow: Int32Array | null = null;
  let groupSizes: number[] = [];
  if (options.by !== undefined) {
    if (typeof options.by === 'string' && book.source !== 'transactions')
      fail('input/invalid', fn, `by: '${options.by}' needs a transaction log`, {
        path: ['by'],
        expected: '{ name, groups } for a subscription log',
        received: options.by,
      });
    grouping = resolveDimension(options.by, book, log);
    groupRow = new Int32Array(book.size);
    groupSizes = new Array<number>(grouping.labels.length).fill(0);
    const offset = 1 + cohorts.length;
    for (let c = 0; c < book.size; c += 1) {
      const g = grouping.groupOf[c]!;
      groupRow[c] = offset + g;
      groupSizes[g]! += 1;
    }
  }
  const rows = 1 + cohorts.length + (grouping?.labels.length ?? 0);
  return {
    book,
    log,
    timeline,
    rule,
    ruleRecord: recordOf(rule),
    map: { rows, cohortRow, groupRow },
    cohorts,
    grouping,
    groupSizes,
  };
}

function resolveRule(
  rule: z.output<typeof LossRuleSchema>,
  book: CustomerBook,
  fn: string,
): ResolvedLossRule {
  const allowed = book.source === 'transactions' ? ['inactivity', 'model'] : ['cancellation'];
  if (!allowed.includes(rule.kind))
    fail(
      'input/invalid',
      fn,
      `lossRule.kind '${rule.kind}' does not apply to a ${book.source} source`,
      {
        path: ['lossRule', 'kind'],
        expected: allowed.map((k) => `'${k}'`).join(' or '),
        received: rule.kind,
      },
    );
  if (rule.kind !== 'model') return rule;
  const params = parseInput(
    rule.model.paramsSchema,
    rule.params,
    fn,
    'lossRule.params',
  ) as Readonly<Record<string, number>>;
  return { kind: 'model', model: rule.model, params, timeUnit: rule.timeUnit };
}

function recordOf(rule: ResolvedLossRule): LossRuleRecord {
  if (rule.kind === 'inactivity') return { kind: 'inactivity', days: rule.days };
  if (rule.kind === 'cancellation') return { kind: 'cancellation' };
  return {
    kind: 'model',
    model: rule.model.name,
    params: { ...rule.params },
    timeUnit: rule.timeUnit,
  };
}
