import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import type { CalendarPeriod } from '../data/cohort-calendar.js';
import { formatUnits } from '../data/cohort-units.js';
import { currencyMinorUnits } from '../money/currencies.js';
import { type Money, MoneySchema, money } from '../money/money.js';
import { paybackPeriod } from '../money/payback.js';
import { type RoundingMode, RoundingModeSchema } from '../money/rounding.js';
import { expectedCounts, observedCounts } from './count-engine.js';
import type { LedgerDimension } from './dimension.js';
import {
  ACQUIRED,
  CLOSING,
  type EquityGrids,
  EXPERIENCE,
  equityGrids,
  LOST,
  MARGIN,
  type PeriodValuation,
  REACTIVATED,
  REVALUATION,
  UNWIND,
} from './equity-engine.js';
import { LedgerShape, type Prepared, prepareLedger } from './prepare.js';
import type {
  CohortAcquisitionEconomics,
  CountMovement,
  EquityChecks,
  EquityLedger,
  EquityMovement,
  EquityPeriodAssumptions,
  EquityRow,
  EquitySeries,
  LedgerSource,
  LossRule,
} from './types.js';
import type { BoundValuation, CustomerValuation } from './valuation.js';

/** Options of {@link equityLedger}. */
export interface EquityLedgerOptions<
  A extends Readonly<Record<string, unknown>>,
  Params extends Readonly<Record<string, number>> = Readonly<Record<string, number>>,
> {
  readonly period: CalendarPeriod;
  /** The named rule that defines the base and its losses (as in `customerLedger`). */
  readonly lossRule: LossRule<Params>;
  /** How a customer is valued: `transactionValuation`, `contractualValuation`, `retentionValuation`... */
  readonly valuation: CustomerValuation<A>;
  /** The assumptions in force at the start of the statement. */
  readonly assumptions: A;
  /**
   * Assumption changes, each taking effect at the end of the named period (`'2024-03'`): the closing
   * equity of that period is revalued one assumption at a time, in the valuation's order.
   */
  readonly revisions?: readonly { readonly period: string; readonly assumptions: Partial<A> }[];
  /**
   * The rounding, declared once: every customer's value, every interest accrual and every margin is
   * rounded to `decimalPlaces` (default: the currency's minor units) with `mode` (default
   * `'half-even'`); every total is then exact.
   */
  readonly rounding?: { readonly decimalPlaces?: number; readonly mode?: RoundingMode };
  /** Acquisition spend per cohort label (`{ '2024-01': money('5000', 'USD') }`): acquisition economics. */
  readonly acquisitionCosts?: Readonly<Record<string, Money>>;
  readonly by?: LedgerDimension;
  readonly start?: string;
  readonly end?: string;
}

const FN = 'equityLedger';

const ValuationSchema = z.custom<CustomerValuation<Readonly<Record<string, unknown>>>>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { bind?: unknown }).bind === 'function' &&
    typeof (v as { clock?: unknown }).clock === 'function' &&
    Array.isArray((v as { revaluationOrder?: unknown }).revaluationOrder) &&
    typeof (v as { assumptionsSchema?: { safeParse?: unknown } }).assumptionsSchema?.safeParse ===
      'function',
  { message: 'Must be a customer valuation such as transactionValuation(...)' },
);

const OptionsSchema = z
  .object({
    ...LedgerShape,
    valuation: ValuationSchema,
    assumptions: z.record(z.string(), z.unknown()),
    revisions: z
      .array(
        z
          .object({ period: z.string().min(1), assumptions: z.record(z.string(), z.unknown()) })
          .strict(),
      )
      .optional(),
    rounding: z
      .object({
        decimalPlaces: z.number().int().min(0).max(12).optional(),
        mode: RoundingModeSchema.optional(),
      })
      .strict()
      .optional(),
    acquisitionCosts: z.record(z.string(), MoneySchema).optional(),
  })
  .strict();

type Assumptions = Readonly<Record<string, unknown>>;

interface Chain {
  readonly periods: PeriodValuation[];
  readonly records: EquityPeriodAssumptions[];
  readonly bounds: BoundValuation[];
}

/** Binds the opening assumptions of every period and the revaluation steps at each revision. */
function assumptionChain(
  valuation: CustomerValuation<Assumptions>,
  initial: Assumptions,
  revisions: readonly { readonly period: string; readonly assumptions: Assumptions }[],
  labels: readonly string[],
): Chain {
  const order = valuation.revaluationOrder;
  // the statement records the parsed assumptions (zod's copies), never the caller's objects
  const parse = (a: Assumptions, path: string) =>
    parseInput(valuation.assumptionsSchema, a, FN, path) as Assumptions;
  const bySlot = new Map<number, { index: number; assumptions: Assumptions }>();
  revisions.forEach((revision, index) => {
    const slot = labels.indexOf(revision.period);
    if (slot < 0)
      fail('input/invalid', FN, `revisions[${index}].period is not a period of the statement`, {
        path: ['revisions', index, 'period'],
        expected: `one of ${labels[0]} .. ${labels.at(-1)}`,
        received: revision.period,
      });
    if (bySlot.has(slot))
      fail('input/invalid', FN, `revisions[${index}] revises ${revision.period} a second time`, {
        path: ['revisions', index, 'period'],
        expected: 'one revision per period',
        received: revision.period,
      });
    for (const key of Object.keys(revision.assumptions))
      if (!order.includes(key))
        fail('input/invalid', FN, `revisions[${index}].assumptions.${key} is not an assumption`, {
          path: ['revisions', index, 'assumptions', key],
          expected: order.join(', '),
          received: key,
        });
    bySlot.set(slot, { index, assumptions: revision.assumptions });
  });
  let current = parse(initial, 'options.assumptions');
  let bound = valuation.bind(current);
  const periods: PeriodValuation[] = [];
  const records: EquityPeriodAssumptions[] = [];
  const bounds = [bound];
  labels.forEach((label, slot) => {
    const revision = bySlot.get(slot);
    const opening = bound;
    const openingAssumptions = current;
    const steps: { line: number; bound: BoundValuation }[] = [];
    const revised: string[] = [];
    if (revision !== undefined)
      order.forEach((key, i) => {
        if (!Object.hasOwn(revision.assumptions, key)) return;
        current = parse(
          { ...current, [key]: revision.assumptions[key] },
          `options.revisions[${revision.index}].assumptions`,
        );
        bound = valuation.bind(current);
        bounds.push(bound);
        steps.push({ line: REVALUATION + i, bound });
        revised.push(key);
      });
    periods.push({ opening, steps });
    records.push({ period: label, opening: openingAssumptions, closing: current, revised });
  });
  return { periods, records, bounds };
}

function resolveCurrency(p: Prepared, bounds: readonly BoundValuation[]): string {
  const fixed = p.book.currency ?? bounds.find((b) => b.currency !== null)?.currency ?? null;
  if (fixed === null)
    return fail('input/invalid', FN, 'the statement has no currency', {
      path: ['assumptions'],
      expected: 'assumptions with a margin in Money (subscription sources)',
      received: null,
    });
  for (const b of bounds)
    if (b.currency !== null && b.currency !== fixed)
      fail(
        'money/currency-mismatch',
        FN,
        'the assumptions are in another currency than the source',
        {
          path: ['assumptions'],
          expected: fixed,
          received: b.currency,
        },
      );
  return fixed;
}

/**
 * The customer-equity roll-forward (the value ledger): for each period, opening customer equity
 * (the residual value of the base) + value of customers acquired + value reactivated − value lost
 * with churned customers − margin realised + unwinding of the discount + experience (changed
 * behaviour) + revaluation (changed assumptions, one line per assumption) = closing equity, for the
 * base, each acquisition cohort and each group of the `by` dimension, in exact Money.
 *
 * How each line is computed (per customer, then summed; docs/guide/ledger.md reads it line by line):
 * - opening: the previous closing; for the first period, every customer in the base at the day before
 *   the first period, valued with the opening assumptions.
 * - acquired / reactivated: the customer's value on the day they join (or rejoin) the base, their
 *   first purchase's (or start payment's) margin included: their CLV at that moment.
 * - marginRealised: the margin of every payment while in the base (purchase days, renewals).
 * - unwind: interest at the valuation's discount rate on the carrying amount between dated events
 *   (effective-interest method), on the customer's clock.
 * - lost: the carrying amount of a customer at the date they leave (observed rules); under the model
 *   rule, the carrying amount times the fall in P(alive), 1 − P(t1)/P(t0).
 * - experience: the value at the period end under the opening assumptions minus the carrying amount.
 * - revaluation: at a revision, the closing base revalued with one changed assumption at a time, in
 *   the valuation's order (for transactionValuation: retention, spend, margin, discountRate); each
 *   line is the change that assumption makes given those before it.
 * A business with no churn and no acquisition whose customers behave as valued therefore shows an
 * equity change of exactly unwind − margin realised.
 *
 * Every customer's value, interest accrual and margin is rounded once, as declared in `rounding`, and
 * the experience line is each customer's exact balancing figure, so every row, series and total
 * balances exactly; `checks` confirms it from lines accumulated separately, with the customer counts
 * of the same rule alongside. The statement records the valuation, its assumptions per period, the
 * loss rule and the rounding, so every line can be recomputed.
 *
 * Acquisition economics (with `acquisitionCosts`): per cohort, CAC = cost / customers acquired, CLV
 * at acquisition, CLV/CAC and the payback period on the cohort's realised margin.
 *
 * Sources: the analysis of movement of insurers' embedded value (CFO Forum EEV Principles, 2016);
 * Gupta, Lehmann & Stuart (2004), "Valuing Customers", JMR 41(1); McCarthy, Fader & Hardie (2017)
 * for gains and losses by cohort (REFERENCE.md §8); CLV = margin × E(M) × DERT (Fader, Hardie & Lee
 * 2005) and m × DERL (Fader & Hardie 2010) in the ready valuations.
 *
 * Numerical caveats: values come from the models in float64 and meet exact money once per customer
 * per line at the declared rounding; totals are exact integer sums (bigint beyond 2^53 units).
 *
 * @param source - A transaction log or a subscription log `{ events }` (as `customerLedger`).
 * @param options - {@link EquityLedgerOptions}.
 * @returns A frozen {@link EquityLedger}.
 * @throws CustomerAssetError `input/invalid`, `input/empty`, `money/currency-mismatch`,
 *   `model/non-finite`, `model/undefined-quantity`.
 *
 * @example
 * ```ts
 * import { equityLedger, money, retentionValuation } from 'customer-asset';
 *
 * const events = [
 *   { customerId: 'a', date: '2024-01-31', type: 'start' as const },
 *   { customerId: 'b', date: '2024-01-31', type: 'start' as const },
 *   { customerId: 'b', date: '2024-03-15', type: 'cancel' as const },
 * ];
 * const ledger = equityLedger({ events }, {
 *   period: 'month',
 *   lossRule: { kind: 'cancellation' },
 *   valuation: retentionValuation({ period: 'month' }),
 *   assumptions: { retention: 0.9, margin: money('10', 'USD'), discountRate: 0.01 },
 *   end: '2024-03-31',
 * });
 * const feb = ledger.total.rows[1]!;
 * console.log(feb.opening.amount.toString(), feb.unwind.amount.toString(), feb.marginRealised.amount.toString());
 * // '163.64' '1.64' '20' (two subscribers worth 10 × 0.9 / 0.11 each, one month of interest, two renewals)
 * console.log(ledger.checks.ok); // true
 * ```
 */
export function equityLedger<
  A extends Readonly<Record<string, unknown>>,
  Params extends Readonly<Record<string, number>> = Readonly<Record<string, number>>,
>(source: LedgerSource, options: EquityLedgerOptions<A, Params>): EquityLedger {
  const opts = parseInput(OptionsSchema, options, FN, 'options');
  const p = prepareLedger(source, opts, FN);
  const valuation = opts.valuation;
  if (valuation.source !== p.book.source)
    fail(
      'input/invalid',
      FN,
      `the valuation values ${valuation.source}, the source is ${p.book.source}`,
      {
        path: ['valuation'],
        expected: `a valuation of ${p.book.source}`,
        received: valuation.source,
      },
    );
  if (p.book.source === 'subscriptions' && valuation.timeUnit === 'day')
    fail('input/invalid', FN, 'a subscription valuation needs a contract period', {
      path: ['valuation', 'timeUnit'],
      expected: "'week', 'month', 'quarter' or 'year'",
      received: valuation.timeUnit,
    });
  const chain = assumptionChain(
    valuation,
    opts.assumptions,
    opts.revisions ?? [],
    p.timeline.labels,
  );
  const currency = resolveCurrency(p, chain.bounds);
  const decimalPlaces = opts.rounding?.decimalPlaces ?? currencyMinorUnits(currency);
  const mode = opts.rounding?.mode ?? 'half-even';
  const scale = 10 ** decimalPlaces;
  const lineCount = REVALUATION + valuation.revaluationOrder.length;
  let grids = equityGrids(p, valuation, chain.periods, lineCount, scale, mode, FN, 0);
  if (grids.magnitude > Number.MAX_SAFE_INTEGER)
    grids = equityGrids(
      p,
      valuation,
      chain.periods,
      lineCount,
      scale,
      mode,
      FN,
      Number.POSITIVE_INFINITY,
    );
  const counts =
    p.rule.kind === 'model'
      ? expectedCounts(p.book, p.timeline, p.rule, p.map, FN)
      : observedCounts(p.book, p.timeline, p.rule, p.map);
  const m = (units: bigint): Money => money(formatUnits(units, decimalPlaces), currency);
  const order = valuation.revaluationOrder;
  const g = (line: number, index: number) => grids.lines[line]!.get(index);

  const movement = (
    opening: bigint,
    values: (line: number) => bigint,
    closing: bigint,
  ): EquityMovement => {
    const revaluation = order.map((assumption, i) => ({
      assumption,
      units: values(REVALUATION + i),
    }));
    const lines =
      opening +
      values(ACQUIRED) +
      values(REACTIVATED) -
      values(LOST) -
      values(MARGIN) +
      values(UNWIND) +
      values(EXPERIENCE) +
      revaluation.reduce((sum, r) => sum + r.units, 0n);
    return {
      opening: m(opening),
      acquired: m(values(ACQUIRED)),
      reactivated: m(values(REACTIVATED)),
      lost: m(values(LOST)),
      marginRealised: m(values(MARGIN)),
      unwind: m(values(UNWIND)),
      experience: m(values(EXPERIENCE)),
      revaluation: revaluation.map((r) => ({ assumption: r.assumption, amount: m(r.units) })),
      closing: m(closing),
      difference: m(closing - lines),
    };
  };

  const w = grids.width;
  const series = (r: number, name: string, customers: number): EquitySeries => {
    const rows: EquityRow[] = [];
    for (let s = 1; s < w; s += 1) {
      const i = r * w + s;
      const c = countMovement(counts, i);
      rows.push({
        period: p.timeline.labels[s - 1]!,
        start: p.timeline.starts[s - 1]!,
        end: p.timeline.ends[s - 1]!,
        complete: p.timeline.complete[s - 1]!,
        ...movement(g(CLOSING, i - 1), (line) => g(line, i), g(CLOSING, i)),
        customers: c,
      });
    }
    const sum = (line: number) => {
      let total = 0n;
      for (let s = 1; s < w; s += 1) total += g(line, r * w + s);
      return total;
    };
    return {
      name,
      customers,
      rows,
      summary: movement(g(CLOSING, r * w), sum, g(CLOSING, r * w + w - 1)),
    };
  };

  const total = series(0, 'total', p.book.size);
  const cohorts = p.cohorts.map((cohort, k) => ({
    ...series(k + 1, cohort.label, cohort.size),
    start: cohort.start,
  }));
  const offset = 1 + p.cohorts.length;
  const groups =
    p.grouping === null
      ? null
      : p.grouping.labels.map((label, k) => series(offset + k, label, p.groupSizes[k]!));
  const all = [total, ...cohorts, ...(groups ?? [])];
  const balanced = all.every(
    (s) =>
      s.rows.every((row) => row.difference.amount.isZero()) && s.summary.difference.amount.isZero(),
  );
  const continuous = all.every((s) =>
    s.rows.every((row, k) => k === 0 || row.opening.amount.eq(s.rows[k - 1]!.closing.amount)),
  );
  const addsUp = (from: number, to: number) =>
    grids.lines.every((line) => {
      for (let s = 0; s < w; s += 1) {
        let sum = 0n;
        for (let r = from; r < to; r += 1) sum += line.get(r * w + s);
        if (sum !== line.get(s)) return false;
      }
      return true;
    });
  const cohortsAddUp = addsUp(1, offset);
  const groupsAddUp =
    p.grouping === null ? null : addsUp(offset, offset + p.grouping.labels.length);
  const customersOk = all.every((s) => s.rows.every((row) => row.customers.difference === 0));
  const checks: EquityChecks = {
    balanced,
    continuous,
    cohortsAddUp,
    groupsAddUp,
    customers: customersOk,
    ok: balanced && continuous && cohortsAddUp && groupsAddUp !== false && customersOk,
  };
  const acquisition =
    opts.acquisitionCosts === undefined
      ? null
      : cohortEconomics(p, grids, opts.acquisitionCosts, currency, m);
  const statement: EquityLedger = {
    source: p.book.source,
    basis: p.rule.kind === 'model' ? 'expected' : 'observed',
    lossRule: p.ruleRecord,
    period: p.timeline.period,
    weekStart: 'monday',
    start: p.timeline.starts[0]!,
    end: p.timeline.ends.at(-1)!,
    currency,
    valuation: {
      name: valuation.name,
      timeUnit: valuation.timeUnit,
      revaluationOrder: [...order],
    },
    assumptions: chain.records,
    rounding: { decimalPlaces, mode },
    total,
    cohorts,
    dimension: p.grouping === null ? null : { name: p.grouping.name, groups: groups! },
    acquisition,
    checks,
  };
  return deepFreeze(statement);
}

function countMovement(
  counts: {
    acquired: Float64Array;
    reactivated: Float64Array;
    lost: Float64Array;
    closing: Float64Array;
  },
  i: number,
): CountMovement {
  const opening = counts.closing[i - 1]!;
  const acquired = counts.acquired[i]!;
  const reactivated = counts.reactivated[i]!;
  const lost = counts.lost[i]!;
  const closing = counts.closing[i]!;
  return {
    opening,
    acquired,
    reactivated,
    lost,
    closing,
    difference: closing - (opening + acquired + reactivated - lost),
  };
}

function cohortEconomics(
  p: Prepared,
  grids: EquityGrids,
  costs: Readonly<Record<string, Money>>,
  currency: string,
  m: (units: bigint) => Money,
): CohortAcquisitionEconomics[] {
  const w = grids.width;
  return Object.entries(costs).map(([label, cost]) => {
    if (cost.currency !== currency)
      fail('money/currency-mismatch', FN, `acquisitionCosts.${label} is in another currency`, {
        path: ['acquisitionCosts', label],
        expected: currency,
        received: cost.currency,
      });
    const slot = p.timeline.labels.indexOf(label) + 1;
    if (slot === 0)
      fail('input/invalid', FN, `acquisitionCosts.${label} is not a period of the statement`, {
        path: ['acquisitionCosts', label],
        expected: `a cohort label from ${p.timeline.labels[0]} to ${p.timeline.labels.at(-1)}`,
        received: label,
      });
    const k = p.cohorts.findIndex((c) => c.label === label);
    const customers = k < 0 ? 0 : p.cohorts[k]!.size;
    const row = k + 1;
    const value = k < 0 ? 0n : grids.lines[ACQUIRED]!.get(row * w + slot);
    const margins: Money[] = [];
    let toDate = 0n;
    for (let s = slot; s < w && k >= 0; s += 1) {
      const units = grids.lines[MARGIN]!.get(row * w + s);
      toDate += units;
      margins.push(m(units));
    }
    const payback = paybackPeriod([negate(cost), ...margins]);
    const valueMoney = m(value);
    const ratioOf = (a: Money, b: Money) =>
      b.amount.isZero() ? null : a.amount.div(b.amount).toNumber();
    return {
      cohort: label,
      customers,
      acquisitionCost: cost,
      costPerCustomer: customers === 0 ? null : money(cost.amount.div(customers), currency),
      valueAtAcquisition: valueMoney,
      clvAtAcquisition: customers === 0 ? null : money(valueMoney.amount.div(customers), currency),
      clvToCac: ratioOf(valueMoney, cost),
      marginToDate: m(toDate),
      paybackPeriods: payback === null ? null : payback.toNumber(),
    };
  });
}

function negate(value: Money): Money {
  return money(value.amount.neg(), value.currency);
}

/**
 * {@link equityLedger} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { money, retentionValuation, safeEquityLedger } from 'customer-asset';
 *
 * const result = safeEquityLedger({ events: [] }, {
 *   period: 'month',
 *   lossRule: { kind: 'cancellation' },
 *   valuation: retentionValuation({ period: 'month' }),
 *   assumptions: { retention: 0.9, margin: money('10', 'USD'), discountRate: 0.01 },
 * });
 * console.log(result.success ? 'ok' : result.error.code); // 'input/empty'
 * ```
 */
export function safeEquityLedger<
  A extends Readonly<Record<string, unknown>>,
  Params extends Readonly<Record<string, number>> = Readonly<Record<string, number>>,
>(source: LedgerSource, options: EquityLedgerOptions<A, Params>): Safe<EquityLedger> {
  return toSafe(() => equityLedger(source, options));
}
