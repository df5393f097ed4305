/**
 * The computations behind a briefing, in order: summarise, fit, check on a holdout, value, roll the
 * ledger forward, weigh retention against acquisition, value the CX programme. Each step calls the
 * library's own public functions; this module only wires them together and converts units.
 *
 * @internal
 */
import { fail } from '../core/errors.js';
import type { FittedModel } from '../core/fitted-model.js';
import { type CohortTable, cohortTable } from '../data/cohort-table.js';
import { compressSummary } from '../data/compress-summary.js';
import { rfmSummary } from '../data/rfm-summary.js';
import type { RfmSummary } from '../data/summary-types.js';
import type { TransactionLog } from '../data/types.js';
import { customerLedger } from '../ledger/customer-ledger.js';
import { equityLedger } from '../ledger/equity-ledger.js';
import { transactionValuation } from '../ledger/transaction-valuation.js';
import type { CustomerLedger, EquityLedger } from '../ledger/types.js';
import { bgNbd } from '../models/bg-nbd/index.js';
import { gammaGamma } from '../models/gamma-gamma/index.js';
import { type HoldoutTracking, holdoutTracking } from '../models/holdout/holdout-tracking.js';
import { mbgNbd } from '../models/mbg-nbd/index.js';
import { paretoNbd } from '../models/pareto-nbd/index.js';
import type { CustomerScores, TransactionModel } from '../models/types.js';
import { addMoney, multiplyMoney } from '../money/arithmetic.js';
import type { DecimalInput } from '../money/decimal.js';
import { type Money, money } from '../money/money.js';
import { type CxReturnResult, cxReturn } from '../roi/cx-return.js';
import { type CxSimulationResult, simulateCxReturn } from '../roi/cx-simulation.js';
import { type CxSummary, cxSummary } from '../roi/cx-summary.js';
import { type CxTornadoResult, cxTornado } from '../roi/cx-tornado.js';
import {
  type RetentionVsAcquisitionResult,
  retentionVsAcquisition,
} from '../roi/retention-vs-acquisition.js';
import { type CustomerLifetimeValues, customerLifetimeValue } from '../valuation/clv.js';
import type { BriefingProgress } from './briefing-types.js';
import { DISTRIBUTION_PERCENTILES } from './charts/roi-charts.js';
import type { CxScenario } from './cx-scenario.js';
import { type YearlyBase, yearlyCustomerValuesBase } from './roi-base.js';

type AnyParams = Readonly<Record<string, number>>;

/** The transaction models a briefing can use. */
export type BriefingModelName = 'bg-nbd' | 'mbg-nbd' | 'pareto-nbd';

export const MODELS: Readonly<Record<BriefingModelName, TransactionModel<string, AnyParams>>> =
  Object.freeze({
    'bg-nbd': bgNbd as unknown as TransactionModel<string, AnyParams>,
    'mbg-nbd': mbgNbd as unknown as TransactionModel<string, AnyParams>,
    'pareto-nbd': paretoNbd as unknown as TransactionModel<string, AnyParams>,
  });

/** Model time units per year under the Gregorian average (365.2425 days). */
export const UNITS_PER_YEAR: Readonly<Record<'day' | 'week' | 'month', number>> = Object.freeze({
  day: 365.2425,
  week: 365.2425 / 7,
  month: 12,
});

/** The checked settings of a briefing. */
export interface AnalysisSettings {
  readonly log: TransactionLog;
  readonly currency: string;
  readonly margin: DecimalInput;
  readonly marginFloat: number;
  readonly discountRate: DecimalInput;
  readonly discountRateFloat: number;
  readonly timeUnit: 'day' | 'week' | 'month';
  readonly modelName: BriefingModelName;
  readonly firstDate: string;
  readonly observationEnd: string;
  readonly calibrationEnd: string | null;
  /** Period of the cohorts and of the customer flows. */
  readonly period: 'month' | 'quarter' | 'year';
  /** Period of the customer-equity ledger and of the acquisition economics. */
  readonly ledgerPeriod: 'quarter' | 'year';
  /** Acquisition spend per period (any of year, quarter, month labels), or one cost per customer acquired, or none. */
  readonly acquisitionCosts:
    | { readonly kind: 'per-period'; readonly costs: Readonly<Record<string, Money>> }
    | { readonly kind: 'per-customer'; readonly cac: Money }
    | null;
  readonly cx: CxScenario | null;
  readonly seed: number;
  readonly interval: boolean;
  readonly onProgress: ((event: BriefingProgress) => void) | undefined;
}

/** Everything the briefing's text and charts are made from. */
export interface Analysis {
  readonly settings: AnalysisSettings;
  readonly model: TransactionModel<string, AnyParams>;
  readonly summary: RfmSummary;
  readonly cohorts: CohortTable;
  readonly fitted: FittedModel<string, AnyParams>;
  readonly spendFit: FittedModel<string, AnyParams>;
  readonly holdout: {
    readonly fitted: FittedModel<string, AnyParams>;
    readonly tracking: HoldoutTracking;
  } | null;
  readonly clv: CustomerLifetimeValues;
  readonly scores: CustomerScores;
  /** Effective discount rate per model time unit. */
  readonly unitRate: number;
  /** The customer-equity roll-forward by `ledgerPeriod`. */
  readonly ledger: EquityLedger;
  /** The customer count roll-forward by `period` (same loss rule). */
  readonly counts: CustomerLedger;
  readonly yearly: YearlyBase;
  /** Acquisition cost per customer used for retention against acquisition (recent cohorts), or null. */
  readonly cac: { readonly value: Money; readonly basis: string } | null;
  readonly retention: readonly RetentionVsAcquisitionResult[];
  readonly cx: {
    readonly scenario: CxScenario;
    readonly result: CxReturnResult;
    readonly simulation: CxSimulationResult;
    readonly tornado: CxTornadoResult;
    readonly summary: CxSummary;
  } | null;
}

/** The uplifts (in points of yearly retention) the retention curves are drawn at. */
export const RETENTION_POINTS: readonly number[] = Object.freeze([0.5, 1, 2, 3, 4, 5]);

const STEPS: readonly [string, string][] = [
  ['summarise', 'Summarising transactions'],
  ['fit', 'Fitting the purchase and spend models'],
  ['holdout', 'Checking the model on the holdout period'],
  ['value', 'Valuing every customer'],
  ['ledger', 'Rolling the customer-equity ledger forward'],
  ['retention', 'Weighing retention against acquisition'],
  ['cx', 'Valuing the CX programme'],
];

/** The period label containing a cost label (`2024-Q1` → `2024` for a yearly ledger), or null. */
function containingLabel(label: string, period: 'quarter' | 'year'): string | null {
  const year = /^(\d{4})$/.exec(label);
  if (year) return period === 'year' ? year[1]! : null;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return period === 'year' ? quarter[1]! : label;
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12)
    return period === 'year'
      ? month[1]!
      : `${month[1]}-Q${Math.floor((Number(month[2]) - 1) / 3) + 1}`;
  return null;
}

/**
 * Acquisition costs per ledger period: spend given per year, quarter or month is summed into the
 * ledger's periods; one cost per customer is multiplied by the customers acquired in each period.
 */
export function costsByPeriod(
  settings: Pick<AnalysisSettings, 'acquisitionCosts' | 'ledgerPeriod' | 'log' | 'observationEnd'>,
): Record<string, Money> | null {
  const costs = settings.acquisitionCosts;
  if (costs === null) return null;
  const out: Record<string, Money> = {};
  const add = (label: string, amount: Money) => {
    const previous = out[label];
    out[label] = previous === undefined ? amount : addMoney(previous, amount);
  };
  if (costs.kind === 'per-period') {
    for (const [label, amount] of Object.entries(costs.costs)) {
      const target = containingLabel(label, settings.ledgerPeriod);
      if (target === null)
        fail(
          'input/invalid',
          'briefing',
          `acquisition costs for '${label}' cannot be added up by ${settings.ledgerPeriod}`,
          {
            expected:
              settings.ledgerPeriod === 'year'
                ? "labels such as '2024', '2024-Q1' or '2024-01'"
                : "labels such as '2024-Q1' or '2024-01'",
            received: label,
            path: ['acquisitionCosts', 'byPeriod', label],
          },
        );
      add(target, amount);
    }
    return out;
  }
  // One cost per customer: the customers acquired (first purchase) in each ledger period.
  const first = new Map<string, string>();
  for (const t of settings.log.transactions) {
    const seen = first.get(t.customerId);
    if (seen === undefined || t.date < seen) first.set(t.customerId, t.date);
  }
  const acquired = new Map<string, number>();
  for (const date of first.values()) {
    if (date > settings.observationEnd) continue;
    const label =
      settings.ledgerPeriod === 'year'
        ? date.slice(0, 4)
        : `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    acquired.set(label, (acquired.get(label) ?? 0) + 1);
  }
  for (const [label, n] of acquired) add(label, multiplyMoney(costs.cac, n));
  return out;
}

/** The current CAC: acquisition spend over customers acquired in the costed periods of the last year. */
function currentCac(
  ledger: EquityLedger,
  periodsPerYear: number,
  currency: string,
): { value: Money; basis: string } | null {
  const costed = (ledger.acquisition ?? []).filter((a) => a.customers > 0);
  if (costed.length === 0) return null;
  const recent = costed.slice(-periodsPerYear);
  let cost = 0;
  let customers = 0;
  for (const a of recent) {
    cost += Number(a.acquisitionCost.amount.toString());
    customers += a.customers;
  }
  const first = recent[0]!.cohort;
  const last = recent[recent.length - 1]!.cohort;
  return {
    value: money((cost / customers).toFixed(2), currency),
    basis: first === last ? `cohort ${first}` : `cohorts ${first} to ${last}`,
  };
}

/** Runs every step of the briefing's analysis. */
export function runAnalysis(settings: AnalysisSettings): Analysis {
  const fn = 'briefing';
  let index = 0;
  const step = (id: string) => {
    index += 1;
    const label = STEPS.find(([s]) => s === id)?.[1] ?? id;
    settings.onProgress?.({ step: id, label, index, total: STEPS.length });
  };
  const { log, timeUnit, observationEnd, calibrationEnd, period, currency } = settings;
  const model = MODELS[settings.modelName];
  const unitsPerYear = UNITS_PER_YEAR[timeUnit];
  const ledgerPeriodsPerYear = settings.ledgerPeriod === 'quarter' ? 4 : 1;

  step('summarise');
  const summary = rfmSummary(log, { timeUnit, observationEnd });
  if (summary.customers.length === 0)
    fail('input/empty', fn, 'the log has no customer with a purchase up to observationEnd', {
      expected: 'at least one purchase on or before observationEnd',
      received: observationEnd,
      path: ['observationEnd'],
    });
  const cohorts = cohortTable(log, { cohortBy: period, period, end: observationEnd });

  step('fit');
  const fitted = model.fit(compressSummary(summary));
  const spendFit = gammaGamma.fit(summary);

  step('holdout');
  let holdout: Analysis['holdout'] = null;
  if (calibrationEnd !== null) {
    const calibration = rfmSummary(log, { timeUnit, observationEnd, calibrationEnd });
    const calibrationFit = model.fit(compressSummary(calibration));
    const tracking = holdoutTracking(model, calibrationFit.params, log, {
      calibrationEnd,
      observationEnd,
      timeUnit,
    });
    holdout = { fitted: calibrationFit, tracking };
  }

  step('value');
  const clv = customerLifetimeValue({
    transactions: { model, fitted },
    spend: { model: gammaGamma, fitted: spendFit },
    summary,
    horizon: 'infinite',
    discount: { rate: settings.discountRate, per: 'year' },
    margin: settings.margin,
    currency,
    calendar: 'gregorian-average',
    ...(settings.interval ? {} : { interval: false as const }),
  });
  const unitRate = clv.conventions.discount.ratePerTimeUnitFloat;
  const scores = model.score(fitted.params, summary, { horizon: unitsPerYear });

  step('ledger');
  const costs = costsByPeriod(settings);
  const lossRule = { kind: 'model' as const, model, params: fitted.params, timeUnit };
  const counts = customerLedger(log, { period, lossRule, end: observationEnd });
  const ledger = equityLedger(log, {
    period: settings.ledgerPeriod,
    lossRule,
    valuation: transactionValuation({ model, timeUnit }),
    assumptions: {
      retention: fitted.params,
      spend: {
        kind: 'gamma-gamma',
        p: spendFit.params.p!,
        q: spendFit.params.q!,
        gamma: spendFit.params.gamma!,
      },
      margin: settings.marginFloat,
      discountRate: unitRate,
    },
    end: observationEnd,
    ...(costs === null ? {} : { acquisitionCosts: costs }),
  });

  step('retention');
  const yearly = yearlyCustomerValuesBase({
    model,
    params: fitted.params,
    count: clv.count,
    expectedPurchasesNextYear: scores.expectedPurchases,
    expectedSpend: clv.expectedSpend,
    residualValue: clv.value,
    margin: settings.marginFloat,
    meanSpend: gammaGamma.populationMeanSpend(spendFit.params as never),
    yearlyRate: settings.discountRateFloat,
    unitRate,
    unitsPerYear,
    currency,
  });
  const cac = currentCac(ledger, ledgerPeriodsPerYear, currency);
  const retention = RETENTION_POINTS.map((points) =>
    retentionVsAcquisition({
      base: yearly.base,
      discountRate: settings.discountRate,
      acquisitionCost: cac?.value ?? money('0', currency),
      retentionPoints: points / 100,
    }),
  );

  step('cx');
  let cx: Analysis['cx'] = null;
  if (settings.cx !== null) {
    const scenario = settings.cx;
    const input = {
      investment: scenario.investment.map((amount) => money(amount, currency)),
      effects: scenario.effects,
      base: yearly.base,
      horizon: scenario.horizon,
      discountRate: settings.discountRate,
    };
    const result = cxReturn(input);
    const simulation = simulateCxReturn(input, {
      draws: scenario.draws ?? 20_000,
      seed: scenario.seed ?? settings.seed,
      benchmark: scenario.benchmark ?? 3,
      percentiles: DISTRIBUTION_PERCENTILES,
    });
    const tornado = cxTornado(input);
    cx = { scenario, result, simulation, tornado, summary: cxSummary({ result, simulation }) };
  }

  return {
    settings,
    model,
    summary,
    cohorts,
    fitted,
    spendFit,
    holdout,
    clv,
    scores,
    unitRate,
    ledger,
    counts,
    yearly,
    cac,
    retention,
    cx,
  };
}
