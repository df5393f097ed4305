/**
 * The CFO briefing: one call from a transaction log and a few business assumptions to a document
 * a finance reader can follow without the code: the value of the customer base, what moved it,
 * where customers are won and lost, whether the forecasts hold, retention against acquisition and
 * the return on CX spending, in words, figures, tables and Vega-Lite charts.
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import { parseInput } from '../core/validate.js';
import type { TransactionLog } from '../data/types.js';
import type { DecimalInput } from '../money/decimal.js';
import { DecimalInputSchema, toDecimal } from '../money/decimal-input.js';
import { isMoney, type Money } from '../money/money.js';
import {
  type Analysis,
  type AnalysisSettings,
  type BriefingModelName,
  runAnalysis,
} from './analysis.js';
import type { Briefing, BriefingCustomer, BriefingProgress } from './briefing-types.js';
import { type CxScenario, CxScenarioSchema } from './cx-scenario.js';
import { formatMultiple, formatNumber, formatPercent } from './format.js';
import { assumptions, notes } from './sections/assumptions.js';
import { compact, figure, longDate, whole } from './sections/common.js';
import { customersSection } from './sections/customers.js';
import { cxSection } from './sections/cx.js';
import { modelSection } from './sections/model.js';
import { movementSection } from './sections/movement.js';
import { retentionSection } from './sections/retention.js';
import { expectedActive, valueSection } from './sections/value.js';

/** Input of {@link briefing}. */
export interface BriefingInput {
  /** The transaction log (from `readTransactionsCsv`, `parseTransactions` or `simulateTransactions`). */
  readonly log: TransactionLog;
  /** The company's name, for the title. */
  readonly company?: string;
  /** Margin as a share of revenue, e.g. `'0.30'` (in (0, 1]). */
  readonly margin: DecimalInput;
  /** Cost of capital: an effective rate per year, e.g. `'0.10'` (> 0). */
  readonly discountRate: DecimalInput;
  /** Time unit the models are fitted in (default `'week'`). */
  readonly timeUnit?: 'day' | 'week' | 'month';
  /** The purchase model (default `'bg-nbd'`). */
  readonly model?: BriefingModelName;
  /** Last day of the data `YYYY-MM-DD` (default: the last transaction's date). */
  readonly observationEnd?: string;
  /**
   * Last day of the calibration period of the holdout check; `null` for no check. Default: 182 days
   * (26 weeks) before `observationEnd` when the data span at least 78 weeks, else none.
   */
  readonly calibrationEnd?: string | null;
  /** Period of the cohorts and of the customer flows (default `'quarter'`). */
  readonly period?: 'month' | 'quarter' | 'year';
  /**
   * Period of the customer-equity roll-forward and of the acquisition economics (default `'year'`,
   * the statement a CFO reads; `'quarter'` values every customer four times as often).
   */
  readonly ledgerPeriod?: 'quarter' | 'year';
  /**
   * Acquisition costs: spend per period (`{ byPeriod: { '2024-Q1': money('12000', 'USD') } }`, labels
   * `2024`, `2024-Q1` or `2024-01`, summed into the ledger's periods) or one cost per customer
   * acquired (`{ perCustomer: money('45', 'USD') }`).
   */
  readonly acquisitionCosts?:
    | { readonly byPeriod: Readonly<Record<string, Money>> }
    | { readonly perCustomer: Money };
  /** A customer-experience programme to value (see {@link CxScenario}). */
  readonly cx?: CxScenario;
  /** Seed of the Monte Carlo (default 1). */
  readonly seed?: number;
  /** Compute the 95% interval of customer equity (default true; costs about 15 scoring passes). */
  readonly interval?: boolean;
  /** Called as each step starts, e.g. for a progress display. */
  readonly onProgress?: (event: BriefingProgress) => void;
}

const IsoDate = /^\d{4}-\d{2}-\d{2}$/;
const MoneySchema = /* @__PURE__ */ z.custom<Money>(isMoney, { message: 'Must be Money' });

const InputSchema = /* @__PURE__ */ z
  .object({
    log: z.custom<TransactionLog>(
      (l) =>
        typeof l === 'object' &&
        l !== null &&
        Array.isArray((l as TransactionLog).transactions) &&
        typeof (l as TransactionLog).currency === 'string' &&
        Array.isArray((l as TransactionLog).rejected),
      { message: 'Must be a transaction log (readTransactionsCsv, parseTransactions...)' },
    ),
    company: z.string().min(1).max(200).optional(),
    margin: DecimalInputSchema,
    discountRate: DecimalInputSchema,
    timeUnit: z.enum(['day', 'week', 'month']).optional(),
    model: z.enum(['bg-nbd', 'mbg-nbd', 'pareto-nbd']).optional(),
    observationEnd: z.string().regex(IsoDate, { message: 'Must be a date YYYY-MM-DD' }).optional(),
    calibrationEnd: z
      .string()
      .regex(IsoDate, { message: 'Must be a date YYYY-MM-DD' })
      .nullable()
      .optional(),
    period: z.enum(['month', 'quarter', 'year']).optional(),
    ledgerPeriod: z.enum(['quarter', 'year']).optional(),
    acquisitionCosts: z
      .union([
        z.object({ byPeriod: z.record(z.string().min(1), MoneySchema) }).strict(),
        z.object({ perCustomer: MoneySchema }).strict(),
      ])
      .optional(),
    cx: CxScenarioSchema.optional(),
    seed: z.number().int().safe().optional(),
    interval: z.boolean().optional(),
    onProgress: z.custom<(e: BriefingProgress) => void>((f) => typeof f === 'function').optional(),
  })
  .strict();

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Validates the input and resolves every default. */
function settingsOf(input: BriefingInput): AnalysisSettings {
  const fn = 'briefing';
  const parsed = parseInput(InputSchema, input, fn, 'input');
  const log = parsed.log;
  const currency = log.currency;
  if (log.transactions.length === 0)
    fail('input/empty', fn, 'the log has no transactions', {
      expected: 'a log with purchases',
      received: 0,
      path: ['log', 'transactions'],
    });
  let first = log.transactions[0]!.date;
  let last = first;
  for (const t of log.transactions) {
    if (t.date < first) first = t.date;
    if (t.date > last) last = t.date;
  }
  const observationEnd = parsed.observationEnd ?? last;
  const margin = toDecimal(parsed.margin);
  if (!(margin.gt(0) && margin.lte(1)))
    fail('input/invalid', fn, 'margin must be a share of revenue in (0, 1]', {
      expected: "a margin such as '0.30'",
      received: margin.toString(),
      path: ['margin'],
    });
  const rate = toDecimal(parsed.discountRate);
  if (!(rate.gt(0) && rate.lt(10)))
    fail('finance/invalid-rate', fn, 'discountRate must be a yearly rate above 0', {
      expected: "a yearly cost of capital such as '0.10'",
      received: rate.toString(),
      path: ['discountRate'],
    });
  let calibrationEnd: string | null;
  if (parsed.calibrationEnd === undefined) {
    const span = dayOf(observationEnd) - dayOf(first);
    calibrationEnd = span >= 78 * 7 ? isoOf(dayOf(observationEnd) - 182) : null;
  } else calibrationEnd = parsed.calibrationEnd;
  if (calibrationEnd !== null && !(calibrationEnd > first && calibrationEnd < observationEnd))
    fail(
      'input/invalid',
      fn,
      'calibrationEnd must fall between the first transaction and observationEnd',
      {
        expected: `a date after ${first} and before ${observationEnd}`,
        received: calibrationEnd,
        path: ['calibrationEnd'],
      },
    );
  const costs = parsed.acquisitionCosts;
  let acquisitionCosts: AnalysisSettings['acquisitionCosts'] = null;
  if (costs !== undefined) {
    const list = 'perCustomer' in costs ? [costs.perCustomer] : Object.values(costs.byPeriod);
    for (const m of list)
      if (m.currency !== currency)
        fail(
          'money/currency-mismatch',
          fn,
          'acquisition costs are in another currency than the log',
          {
            expected: currency,
            received: m.currency,
            path: ['acquisitionCosts'],
          },
        );
    acquisitionCosts =
      'perCustomer' in costs
        ? { kind: 'per-customer', cac: costs.perCustomer }
        : { kind: 'per-period', costs: costs.byPeriod };
  }
  return {
    log,
    currency,
    margin: parsed.margin,
    marginFloat: margin.toNumber(),
    discountRate: parsed.discountRate,
    discountRateFloat: rate.toNumber(),
    timeUnit: parsed.timeUnit ?? 'week',
    modelName: parsed.model ?? 'bg-nbd',
    firstDate: first,
    observationEnd,
    calibrationEnd,
    period: parsed.period ?? 'quarter',
    ledgerPeriod: parsed.ledgerPeriod ?? 'year',
    acquisitionCosts,
    cx: (parsed.cx as CxScenario | undefined) ?? null,
    seed: parsed.seed ?? 1,
    interval: parsed.interval ?? true,
    onProgress: input.onProgress,
  };
}

function customersOf(a: Analysis): BriefingCustomer[] {
  const ids = a.clv.customerIds ?? [];
  const out: BriefingCustomer[] = [];
  for (let i = 0; i < ids.length; i += 1)
    out.push({
      customerId: ids[i]!,
      probabilityAlive: a.clv.probabilityAlive[i]!,
      expectedPurchasesNextYear: a.scores.expectedPurchases[i]!,
      expectedSpend: a.clv.expectedSpend[i]!,
      clv: a.clv.valueAt(i).amount.toString(),
    });
  return out;
}

/**
 * Builds the CFO briefing of a transaction log. Steps (each reported to `onProgress`):
 *
 * 1. summarise the log per customer (`rfmSummary`) and per cohort (`cohortTable`);
 * 2. fit the purchase model (BG/NBD by default; Fader, Hardie & Lee 2005) on the whole history and
 *    Gamma-Gamma on the repeat customers' order values;
 * 3. check the model on a holdout: refit on the data to `calibrationEnd` and track its forecast
 *    against the purchases made after (`holdoutTracking`);
 * 4. value every customer: CLV = margin × E(spend) × DERT, customer equity with its 95% interval
 *    (`customerLifetimeValue`);
 * 5. roll customer equity forward per year (or quarter) with the model loss rule (`equityLedger`),
 *    with acquisition economics per cohort when costs are given, and the customer counts per
 *    period (`customerLedger`);
 * 6. weigh retention against acquisition at 1 to 5 points of yearly retention
 *    (`retentionVsAcquisition` on a yearly customer-values base built from the valuation);
 * 7. value the CX programme: return, NPV, IRR, payback, contributions, a seeded Monte Carlo and a
 *    tornado (`cxReturn`, `simulateCxReturn`, `cxTornado`, `cxSummary`).
 *
 * The result is data: sections (lead sentence, paragraphs, figures, tables, chart ids), the charts
 * as Vega-Lite specs, the assumptions, notes, every figure as numbers for other programs, and the
 * per-customer values. Rendering it (HTML, Markdown, SVG) is the command line's job
 * (`customer-asset briefing`), so this function does no I/O and imports no renderer.
 *
 * Numerical caveats: those of each step; money is exact and rounded only for presentation
 * (half-up). Deterministic: the same input and seed give the same briefing.
 *
 * @throws CustomerAssetError `input/invalid`, `input/empty`, `money/currency-mismatch`,
 *   `finance/invalid-rate`, `fit/not-converged`, `fit/insufficient-data`, and the steps' own errors.
 *
 * @example
 * ```ts
 * import { briefing, money, simulateTransactions } from 'customer-asset';
 *
 * const { log } = simulateTransactions({
 *   model: 'bg-nbd',
 *   params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   customers: 400,
 *   start: '2024-01-01',
 *   acquisitionEnd: '2024-12-31',
 *   end: '2026-01-01',
 *   seed: 7,
 *   spend: { p: 6.25, q: 3.74, gamma: 15.44 },
 *   currency: 'USD',
 * });
 * const b = briefing({
 *   log,
 *   company: 'Example Ltd',
 *   margin: '0.30',
 *   discountRate: '0.10',
 *   acquisitionCosts: { perCustomer: money('25', 'USD') },
 *   interval: false,
 * });
 * console.log(b.sections.map((s) => s.id).join(' ')); // 'value movement customers model retention cx'
 * console.log(b.charts.length, b.headline[0]?.label); // 8 'Value of the customer base'
 * ```
 */
export function briefing(input: BriefingInput): Briefing {
  const settings = settingsOf(input);
  const a = runAnalysis(settings);
  const value = valueSection(a);
  const movement = movementSection(a);
  const customers = customersSection(a);
  const model = modelSection(a);
  const retention = retentionSection(a);
  const cx = cxSection(a);
  const sections = [value, movement, customers, model, retention, cx];
  const equity = a.clv.customerEquity;
  const lastYear = movement.section.figures;
  const opening = lastYear.find((f) => f.id === 'openingEquity');
  const closing = lastYear.find((f) => f.id === 'closingEquity');
  const change = lastYear.find((f) => f.id === 'equityChange');
  const active = expectedActive(a);
  const headline = [
    figure(
      'customerEquity',
      'Value of the customer base',
      whole(equity.value),
      equity.lower !== null && equity.upper !== null
        ? `95% interval ${compact(equity.lower)} to ${compact(equity.upper)}`
        : undefined,
    ),
    figure(
      'customers',
      'Customers acquired',
      formatNumber(a.clv.customers),
      `${formatNumber(active)} expected still active`,
    ),
    figure(
      'equityChange',
      'Change over the last year',
      change?.value ?? '–',
      `customer equity ${opening?.value ?? '–'} → ${closing?.value ?? '–'}${change?.note === undefined ? '' : ` (${change.note})`}`,
    ),
  ];
  const one = a.retention.find((r) => r.retentionPoints === 0.01);
  if (one !== undefined)
    headline.push(figure('onePointGain', 'One point of retention adds', whole(one.retentionGain)));
  if (a.cx !== null)
    headline.push(
      figure(
        'cxReturnPerDollar',
        a.cx.scenario.name ?? 'CX programme',
        `${formatMultiple(Number(a.cx.result.returnPerDollar.toString()), 2)} per $1`,
        `chance of reaching ${formatMultiple(a.cx.simulation.benchmark, 1)}: ${formatPercent(a.cx.simulation.probabilityAtLeastBenchmark, 0)}`,
      ),
    );
  const company = input.company ?? 'The company';
  const numbers = {
    currency: settings.currency,
    observation: {
      first: settings.firstDate,
      end: settings.observationEnd,
      calibrationEnd: settings.calibrationEnd,
    },
    assumptions: {
      margin: String(settings.margin),
      discountRatePerYear: String(settings.discountRate),
      discountRatePerTimeUnit: a.unitRate,
      timeUnit: settings.timeUnit,
      period: settings.period,
      seed: settings.seed,
    },
    customerEquity: {
      value: equity.value.amount.toString(),
      lower: equity.lower?.amount.toString() ?? null,
      upper: equity.upper?.amount.toString() ?? null,
    },
    customers: a.clv.customers,
    expectedActive: active,
    concentration: {
      groups: value.concentration.groups,
      gini: value.concentration.gini,
    },
    fit: { purchase: a.fitted, spend: a.spendFit, holdoutCalibration: a.holdout?.fitted ?? null },
    holdout:
      a.holdout === null
        ? null
        : {
            calibrationEnd: a.holdout.tracking.calibrationEnd,
            customers: a.holdout.tracking.customers,
            totalActual: a.holdout.tracking.totalActual,
            totalExpected: a.holdout.tracking.totalExpected,
            periods: a.holdout.tracking.periods,
          },
    ledger: {
      basis: a.ledger.basis,
      period: a.ledger.period,
      total: a.ledger.total,
      acquisition: a.ledger.acquisition,
      checks: a.ledger.checks,
    },
    retention: a.retention.map((r) => ({
      retentionPoints: r.retentionPoints,
      aggregateRetention: r.aggregateRetention,
      retentionGain: r.retentionGain,
      equivalentAcquisition: r.equivalentAcquisition,
      breakEvenRetentionSpend: r.breakEvenRetentionSpend,
      acquisition: r.acquisition,
      onePercentImprovement: r.onePercentImprovement,
    })),
    acquisitionCostPerCustomer: a.cac === null ? null : { value: a.cac.value, basis: a.cac.basis },
    cx:
      a.cx === null
        ? null
        : {
            scenario: a.cx.scenario,
            result: a.cx.result,
            simulation: a.cx.simulation,
            tornado: a.cx.tornado.rows,
            sentence: a.cx.summary.sentence,
          },
  };
  return deepFreeze({
    title: `${company}: the value of our customers`,
    subtitle: `Customer-asset briefing on ${formatNumber(settings.log.transactions.length)} transactions from ${longDate(settings.firstDate)} to ${longDate(settings.observationEnd)}. All amounts in ${settings.currency}.`,
    currency: settings.currency,
    headline,
    sections: sections.map((s) => s.section),
    charts: sections.flatMap((s) => s.charts),
    assumptions: assumptions(a),
    notes: notes(a),
    numbers: JSON.parse(JSON.stringify(numbers)) as Record<string, unknown>,
    customers: customersOf(a),
  });
}

/**
 * {@link briefing} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { parseTransactions, safeBriefing } from 'customer-asset';
 *
 * const log = parseTransactions([{ customerId: 'a', date: '2024-01-01', amount: '10' }], { currency: 'USD' });
 * const result = safeBriefing({ log, margin: '1.5', discountRate: '0.1' });
 * console.log(result.success); // false
 * ```
 */
export function safeBriefing(input: BriefingInput): Safe<Briefing> {
  return toSafe(() => briefing(input));
}
