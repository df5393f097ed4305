/**
 * The built-in sample company: three years of a specialty online retailer's transactions, drawn with
 * the library's own simulator (BG/NBD purchasing and dropout, Gamma-Gamma order values) from a fixed
 * seed, with the business assumptions a briefing needs: margin, cost of capital, acquisition spend
 * per quarter and a customer-experience programme to evaluate. Same seed, same company, everywhere.
 */
import { deepFreeze } from '../core/freeze.js';
import { simulateTransactions } from '../data/simulate-transactions.js';
import type { TransactionLog } from '../data/types.js';
import { type Money, money } from '../money/money.js';
import type { CxScenario } from './cx-scenario.js';

/** The sample company: its log and the assumptions of its briefing. */
export interface BriefingSample {
  readonly company: string;
  readonly log: TransactionLog;
  /** Margin as a share of revenue. */
  readonly margin: string;
  /** Cost of capital, effective per year. */
  readonly discountRate: string;
  readonly observationEnd: string;
  readonly calibrationEnd: string;
  /** Acquisition spend per quarter of acquisition (`'2023-Q1'`...). */
  readonly acquisitionCosts: Readonly<Record<string, Money>>;
  readonly cx: CxScenario;
  /** How the log was drawn, for the record. */
  readonly simulation: {
    readonly model: 'bg-nbd';
    readonly params: {
      readonly r: number;
      readonly alpha: number;
      readonly a: number;
      readonly b: number;
    };
    readonly timeUnit: 'week';
    readonly spend: { readonly p: number; readonly q: number; readonly gamma: number };
    readonly customers: number;
    readonly start: string;
    readonly acquisitionEnd: string;
    readonly end: string;
    readonly seed: number;
  };
}

/** Seed of the sample company's log. */
export const SAMPLE_SEED = 20_260_101;

/**
 * The sample's customer-experience programme, as a CX scenario file would state it: a customer-care
 * programme costing $15,000 now and $7,500 in each of the next two years, expected to add 0.5 to 4
 * points of yearly retention (most likely 2), 2% (±1%) to order values and 40 to 120 referred
 * customers a year, valued over five years.
 */
export const SAMPLE_CX_SCENARIO: CxScenario = /* @__PURE__ */ deepFreeze({
  name: 'Customer-care programme',
  description:
    'A customer-care specialist and a personal follow-up after every first order: $15,000 to set up now, then $7,500 a year for two years.',
  investment: ['15000', '7500', '7500'],
  effects: {
    retention: { kind: 'triangular', low: 0.005, mode: 0.02, high: 0.04 },
    spend: { kind: 'normal', mean: 0.02, sd: 0.01 },
    referrals: { kind: 'range', low: 40, high: 120 },
  },
  horizon: 5,
  benchmark: 3,
  draws: 20_000,
});

/** Acquisition spend per customer acquired in each quarter: rising as cheap channels saturate. */
const CAC_BY_QUARTER = [
  '38',
  '39',
  '41',
  '42',
  '44',
  '46',
  '48',
  '50',
  '53',
  '55',
  '58',
  '61',
] as const;

/**
 * The built-in sample company for briefings, examples and benchmarks: 5,000 customers of a specialty
 * online retailer acquired evenly from 2023-01-01 to 2025-12-31, purchasing as BG/NBD customers with
 * the CDNOW estimates of Fader, Hardie & Lee (2005: r = 0.243, α = 4.414 per week, a = 0.793,
 * b = 2.426) and spending per order as Gamma-Gamma customers (p = 6.25, q = 3.74 as on CDNOW, γ = 40,
 * a mean order of about $91), observed to 2025-12-31; a 30% margin, a 10% cost of capital, quarterly
 * acquisition spend whose cost per customer rises from $38 to $61, and {@link SAMPLE_CX_SCENARIO}.
 * The holdout check calibrates on the data to 2025-06-30.
 *
 * Numerical caveats: none beyond the simulator's; the same seed always gives the same company.
 *
 * @example
 * ```ts
 * import { briefingSample } from 'customer-asset';
 *
 * const sample = briefingSample();
 * console.log(sample.log.transactions.length > 10_000, sample.log.currency); // true 'USD'
 * console.log(sample.acquisitionCosts['2023-Q1']?.currency); // 'USD'
 * ```
 */
export function briefingSample(): BriefingSample {
  const simulation = {
    model: 'bg-nbd' as const,
    params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    timeUnit: 'week' as const,
    spend: { p: 6.25, q: 3.74, gamma: 40 },
    customers: 5000,
    start: '2023-01-01',
    acquisitionEnd: '2025-12-31',
    end: '2026-01-01',
    seed: SAMPLE_SEED,
  };
  const simulated = simulateTransactions({ ...simulation, currency: 'USD' });
  // Customers acquired per quarter, for the acquisition spend (CAC x customers).
  const firstDay = new Map<string, string>();
  for (const t of simulated.log.transactions)
    if (!firstDay.has(t.customerId)) firstDay.set(t.customerId, t.date);
  const perQuarter = new Map<string, number>();
  for (const date of firstDay.values()) {
    const quarter = `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    perQuarter.set(quarter, (perQuarter.get(quarter) ?? 0) + 1);
  }
  const quarters = [...perQuarter.keys()].sort();
  const acquisitionCosts: Record<string, Money> = {};
  quarters.forEach((quarter, i) => {
    const cac = CAC_BY_QUARTER[Math.min(i, CAC_BY_QUARTER.length - 1)]!;
    acquisitionCosts[quarter] = money(String(Number(cac) * perQuarter.get(quarter)!), 'USD');
  });
  return Object.freeze({
    company: 'Northwind Provisions (sample company)',
    log: simulated.log,
    margin: '0.30',
    discountRate: '0.10',
    observationEnd: '2025-12-31',
    calibrationEnd: '2025-06-30',
    acquisitionCosts: Object.freeze(acquisitionCosts),
    cx: SAMPLE_CX_SCENARIO,
    simulation: deepFreeze(simulation),
  });
}
