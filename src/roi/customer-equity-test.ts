/**
 * Blattberg & Deighton's customer-equity test (1996, "Manage Marketing by the Customer Equity Test",
 * HBR 74(4):136–144; REFERENCE.md §7): response curves for acquisition and retention spending, the
 * customer equity per prospect as a function of both budgets, the optimal budgets, and the marginal
 * return of the next dollar in each. Float64 throughout (rates and spends per prospect); Money at the
 * edges.
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { parseInput } from '../core/validate.js';
import type { CurrencyCode } from '../money/currencies.js';
import { Dec, type DecimalInput } from '../money/decimal.js';
import { DecimalInputSchema, parseRate, toDecimal } from '../money/decimal-input.js';
import { amountOf, type Money, MoneySchema, makeMoney } from '../money/money.js';

/**
 * A response curve rate(spend) = ceiling · (1 − e^(−efficiency · spend)): the acquisition rate per
 * prospect for acquisition spend per prospect, or the retention rate for retention spend per customer
 * per period. `efficiency` is per unit of `currency`.
 */
export interface ResponseCurve {
  /** The rate approached as spending grows without limit, in (0, 1]. */
  readonly ceiling: number;
  /** k > 0, per currency unit: how fast spending approaches the ceiling. */
  readonly efficiency: number;
  readonly currency: CurrencyCode;
}

/** A (spend, rate) observation or judgement. */
export interface ResponsePoint {
  readonly spend: Money;
  /** The rate achieved at that spend, in (0, 1). */
  readonly rate: number;
}

/**
 * Calibration of a {@link ResponseCurve} from the current spend and rate plus one more thing a
 * manager supplies: either the `ceiling` (the rate unlimited spending would reach: Blattberg &
 * Deighton's question) or a second `judgement` point ("at spend X we would reach rate y").
 */
export type ResponseCalibration =
  | { readonly current: ResponsePoint; readonly ceiling: number }
  | { readonly current: ResponsePoint; readonly judgement: ResponsePoint };

const PointSchema = z.object({ spend: MoneySchema, rate: z.number().gt(0).lt(1) }).strict();

const CalibrationSchema = z.union([
  z.object({ current: PointSchema, ceiling: z.number().gt(0).max(1) }).strict(),
  z.object({ current: PointSchema, judgement: PointSchema }).strict(),
]);

const CurveSchema = z
  .object({
    ceiling: z.number().gt(0).max(1),
    efficiency: z.number().positive().finite(),
    currency: z.string(),
  })
  .strict();

/**
 * Calibrates a response curve rate = ceiling · (1 − e^(−k · spend)) (Blattberg & Deighton 1996).
 *
 * - With a ceiling: k = −ln(1 − rate/ceiling)/spend (REFERENCE.md §7).
 * - With a second point (s₂, y₂): k solves y₁(1 − e^(−k s₂)) = y₂(1 − e^(−k s₁)) (bisection on
 *   ln k, to 1e-14 relative), then ceiling = y₁/(1 − e^(−k s₁)). A solution exists only when the two
 *   points lie on a rising, saturating curve: s₂ > s₁ with y₁ < y₂ < y₁ s₂/s₁ (or the same with the
 *   points swapped), and the implied ceiling must not exceed 1.
 *
 * @throws CustomerAssetError `input/invalid` (a rate at or above the ceiling, zero spend, points that no
 *   saturating curve passes through), `money/currency-mismatch`.
 *
 * @example
 * ```ts
 * import { calibrateResponseCurve, money } from 'customer-asset';
 * // REFERENCE.md §7: acquisition rate 0.2 at $30 per prospect, ceiling 0.4.
 * const curve = calibrateResponseCurve({ current: { spend: money('30', 'USD'), rate: 0.2 }, ceiling: 0.4 });
 * curve.efficiency.toFixed(6); // '0.023105'
 * ```
 */
export function calibrateResponseCurve(calibration: ResponseCalibration): ResponseCurve {
  const fn = 'calibrateResponseCurve';
  const input = parseInput(CalibrationSchema, calibration, fn, 'calibration');
  const s1 = amountOf(input.current.spend).toNumber();
  const y1 = input.current.rate;
  const currency = input.current.spend.currency;
  if (!(s1 > 0))
    fail('input/invalid', fn, 'current.spend must be positive', {
      expected: 'a spend > 0',
      received: s1,
      path: ['current', 'spend'],
    });
  if ('ceiling' in input) {
    if (y1 >= input.ceiling)
      fail('input/invalid', fn, 'current.rate must be below the ceiling', {
        expected: `a rate < ${input.ceiling}`,
        received: y1,
        path: ['current', 'rate'],
      });
    return deepFreeze({
      ceiling: input.ceiling,
      efficiency: -Math.log1p(-y1 / input.ceiling) / s1,
      currency,
    });
  }
  const { judgement } = input;
  if (judgement.spend.currency !== currency)
    fail(
      'money/currency-mismatch',
      fn,
      'judgement.spend is in another currency than current.spend',
      {
        expected: currency,
        received: judgement.spend.currency,
        path: ['judgement', 'spend'],
      },
    );
  const s2 = amountOf(judgement.spend).toNumber();
  const y2 = judgement.rate;
  // Order the points by spend; a saturating curve needs y rising, less than proportionally.
  const [sa, ya, sb, yb] = s1 < s2 ? [s1, y1, s2, y2] : [s2, y2, s1, y1];
  if (!(sa > 0) || !(sb > sa) || !(yb > ya) || !(yb / ya < sb / sa))
    fail('input/invalid', fn, 'no saturating response curve passes through the two points', {
      expected: 'two spends s1 < s2 with rates y1 < y2 < y1·s2/s1',
      received: `(${s1}, ${y1}) and (${s2}, ${y2})`,
      path: ['judgement'],
    });
  // h(k) = ya(1 − e^(−k sb)) − yb(1 − e^(−k sa)) is > 0 for small k (since yb/ya < sb/sa) and < 0
  // for large k (ya < yb): bisect on ln k.
  const h = (k: number) => ya * -Math.expm1(-k * sb) - yb * -Math.expm1(-k * sa);
  let lo = Math.log(1e-12 / sb);
  let hi = Math.log(1e3 / sa);
  for (let i = 0; i < 200 && hi - lo > 1e-15; i += 1) {
    const mid = (lo + hi) / 2;
    if (h(Math.exp(mid)) > 0) lo = mid;
    else hi = mid;
  }
  const k = Math.exp((lo + hi) / 2);
  const ceiling = ya / -Math.expm1(-k * sa);
  if (ceiling > 1)
    fail('input/invalid', fn, 'the two points imply a ceiling above 1', {
      expected: 'a curve whose ceiling is a rate <= 1',
      received: ceiling,
      path: ['judgement'],
    });
  return deepFreeze({ ceiling, efficiency: k, currency });
}

/** Input of {@link customerEquityPerProspect}. */
export interface CustomerEquityPerProspectInput {
  /** Margin per customer per period. */
  readonly margin: Money;
  readonly discountRate: DecimalInput;
  /** Acquisition spend per prospect (A) and the acquisition rate it achieves (a). */
  readonly acquisitionSpend: Money;
  readonly acquisitionRate: DecimalInput;
  /** Retention spend per customer per period (R) and the retention rate it achieves (r). */
  readonly retentionSpend: Money;
  readonly retentionRate: DecimalInput;
}

const PerProspectSchema = z
  .object({
    margin: MoneySchema,
    discountRate: DecimalInputSchema,
    acquisitionSpend: MoneySchema,
    acquisitionRate: DecimalInputSchema,
    retentionSpend: MoneySchema,
    retentionRate: DecimalInputSchema,
  })
  .strict();

/**
 * Blattberg & Deighton's customer equity per prospect (REFERENCE.md §7), with r' = r/(1 + d):
 *
 *   CE = a·m − A + a·(m − R/r)·r'/(1 − r')
 *
 * a prospect is acquired with probability a for spend A and pays m at once; each period after, a
 * customer stays with probability r for retention spend R per customer. Computed in decimal.
 *
 * @throws CustomerAssetError `input/invalid` (rates outside [0, 1], r = 0 with R > 0),
 *   `money/currency-mismatch`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { customerEquityPerProspect, money } from 'customer-asset';
 * // A textbook exercise: m = 200, d = 10%; (A = 20, a = 0.2, R = 30, r = 0.6) against (30, 0.3, 20, 0.5).
 * const usd = (x: string) => money(x, 'USD');
 * const first = customerEquityPerProspect({ margin: usd('200'), discountRate: '0.1',
 *   acquisitionSpend: usd('20'), acquisitionRate: '0.2', retentionSpend: usd('30'), retentionRate: '0.6' });
 * const second = customerEquityPerProspect({ margin: usd('200'), discountRate: '0.1',
 *   acquisitionSpend: usd('30'), acquisitionRate: '0.3', retentionSpend: usd('20'), retentionRate: '0.5' });
 * first.amount.toString(); // '56'
 * second.amount.toString(); // '70'
 * ```
 */
export function customerEquityPerProspect(input: CustomerEquityPerProspectInput): Money {
  const fn = 'customerEquityPerProspect';
  const p = parseInput(PerProspectSchema, input, fn, 'input');
  const currency = p.margin.currency;
  for (const key of ['acquisitionSpend', 'retentionSpend'] as const)
    if (p[key].currency !== currency)
      fail('money/currency-mismatch', fn, `${key} is in another currency than margin`, {
        expected: currency,
        received: p[key].currency,
        path: [key],
      });
  const d = parseRate(p.discountRate, fn, 'discountRate');
  const a = toDecimal(p.acquisitionRate);
  const r = toDecimal(p.retentionRate);
  for (const [name, value] of [
    ['acquisitionRate', a],
    ['retentionRate', r],
  ] as const)
    if (value.lt(0) || value.gt(1))
      fail('input/invalid', fn, `${name} must be in [0, 1]`, {
        expected: 'a rate in [0, 1]',
        received: value.toString(),
        path: [name],
      });
  const m = amountOf(p.margin);
  const A = amountOf(p.acquisitionSpend);
  const R = amountOf(p.retentionSpend);
  if (r.isZero() && !R.isZero())
    fail('input/invalid', fn, 'retentionRate is 0 with retention spend', {
      expected: 'a retention rate > 0 when retention spend is positive',
      received: '0',
      path: ['retentionRate'],
    });
  if (!d.plus(1).gt(r))
    fail('finance/growth-at-or-above-rate', fn, 'retention at or above 1 + discount rate', {
      expected: 'r < 1 + d',
      received: r.toString(),
      path: ['retentionRate'],
    });
  // r'/(1 − r') = r/(1 + d − r) and (m − R/r)·r = m r − R, so CE = a·(m(1 + d) − R)/(1 + d − r) − A:
  // one division, the last operation but one (exact whenever the quotient terminates).
  const value = a.times(m.times(d.plus(1)).minus(R));
  return makeMoney(value.div(d.plus(1).minus(r)).minus(A), currency);
}

/** Input of {@link customerEquityTest}. */
export interface CustomerEquityTestInput {
  /** Margin per customer per period (m). */
  readonly margin: Money;
  /** Discount rate per period (d > −1; the optimum needs 1 + d > retention ceiling). */
  readonly discountRate: DecimalInput;
  /** Response of the acquisition rate to acquisition spend per prospect. */
  readonly acquisition: ResponseCurve;
  /** Response of the retention rate to retention spend per customer per period. */
  readonly retention: ResponseCurve;
  /** Today's budgets, per prospect (acquisition) and per customer per period (retention). */
  readonly current: { readonly acquisitionSpend: Money; readonly retentionSpend: Money };
}

/** Customer equity and its marginal returns at one pair of budgets. */
export interface CustomerEquityPosition {
  readonly acquisitionSpend: Money;
  readonly retentionSpend: Money;
  readonly acquisitionRate: number;
  readonly retentionRate: number;
  /** CE per prospect. */
  readonly customerEquity: Money;
  /**
   * V(R) = m + (m·r − R)/(1 + d − r): what an acquired customer is worth after retention spending
   * (CE = a·V − A).
   */
  readonly customerValue: Money;
  /**
   * What the next dollar returns: acquisition a'(A)·V(R); retention, the PV of the extra margins over
   * the PV of the extra retention spending, m·r'(1 + d)/((1 + d − r) + R·r'). Both 1 at the optimum.
   */
  readonly marginalReturn: { readonly acquisition: number; readonly retention: number };
  /**
   * Pfeifer's (2005) decision rule: the marginal cost of one more acquired customer, 1/a'(A), and of
   * one more retained customer, 1/r'(R). At the optimum both equal `customerValue`.
   */
  readonly marginalCost: { readonly acquire: Money; readonly retain: Money };
}

/** The result of {@link customerEquityTest}. Frozen. */
export interface CustomerEquityTestResult {
  readonly current: CustomerEquityPosition;
  readonly optimum: CustomerEquityPosition;
  /** CE per prospect at the optimum minus at today's budgets. */
  readonly gainPerProspect: Money;
  readonly acquisition: ResponseCurve;
  readonly retention: ResponseCurve;
}

const TestSchema = z
  .object({
    margin: MoneySchema,
    discountRate: DecimalInputSchema,
    acquisition: CurveSchema,
    retention: CurveSchema,
    current: z.object({ acquisitionSpend: MoneySchema, retentionSpend: MoneySchema }).strict(),
  })
  .strict();

/** The problem in numbers. Internal. */
export interface EquityProblem {
  readonly m: number;
  readonly d: number;
  readonly ca: number;
  readonly k1: number;
  readonly cr: number;
  readonly k2: number;
}

/** a(A), r(R), V(R), CE(A, R) and the marginal quantities, in float64. */
export function equityAt(problem: EquityProblem, A: number, R: number) {
  const { m, d, ca, k1, cr, k2 } = problem;
  const a = -ca * Math.expm1(-k1 * A);
  const r = -cr * Math.expm1(-k2 * R);
  const da = ca * k1 * Math.exp(-k1 * A);
  const dr = cr * k2 * Math.exp(-k2 * R);
  const value = (m * (1 + d) - R) / (1 + d - r);
  return {
    a,
    r,
    value,
    equity: a * value - A,
    marginalAcquisition: da * value,
    marginalRetention: (m * dr * (1 + d)) / (1 + d - r + R * dr),
    costToAcquire: 1 / da,
    costToRetain: 1 / dr,
  };
}

/**
 * The optimum of CE(A, R) = a(A)·V(R) − A. CE separates: R* maximises V(R) whatever A is, and then
 * A* solves a'(A)·V(R*) = 1, in closed form A* = ln(ceiling_a·k1·V*)/k1 (0 when that is negative).
 * V'(R) = 0 reduces to g(R) = m·r'(R)(1 + d) − (1 + d − r(R)) − R·r'(R) = 0, and g is decreasing on
 * [0, m(1 + d)] with g(m(1 + d)) < 0, so the root (or R* = 0 when g(0) <= 0) is found by bisection.
 */
export function optimumOf(problem: EquityProblem): { A: number; R: number } {
  const { m, d, ca, k1, cr, k2 } = problem;
  const g = (R: number): number => {
    const r = -cr * Math.expm1(-k2 * R);
    const dr = cr * k2 * Math.exp(-k2 * R);
    return m * dr * (1 + d) - (1 + d - r) - R * dr;
  };
  let R = 0;
  if (g(0) > 0) {
    let lo = 0;
    let hi = m * (1 + d);
    for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i += 1) {
      const mid = (lo + hi) / 2;
      if (g(mid) > 0) lo = mid;
      else hi = mid;
    }
    R = (lo + hi) / 2;
  }
  const value = equityAt(problem, 0, R).value;
  const x = ca * k1 * value;
  const A = x > 1 ? Math.log(x) / k1 : 0;
  return { A, R };
}

/** Validates a {@link CustomerEquityTestInput} into numbers. Internal. */
export function parseEquityProblem(
  input: unknown,
  fn: string,
): { problem: EquityProblem; currency: CurrencyCode; current: { A: number; R: number } } {
  const p = parseInput(TestSchema, input, fn, 'input');
  const currency = p.margin.currency;
  const check = (name: string, other: string) => {
    if (other !== currency)
      fail('money/currency-mismatch', fn, `${name} is in another currency than margin`, {
        expected: currency,
        received: other,
        path: name.split('.'),
      });
  };
  check('acquisition.currency', p.acquisition.currency);
  check('retention.currency', p.retention.currency);
  check('current.acquisitionSpend', p.current.acquisitionSpend.currency);
  check('current.retentionSpend', p.current.retentionSpend.currency);
  const d = parseRate(p.discountRate, fn, 'discountRate').toNumber();
  if (!(1 + d > p.retention.ceiling))
    fail(
      'finance/growth-at-or-above-rate',
      fn,
      'the retention ceiling is at or above 1 + discount rate',
      {
        expected: `a retention ceiling < ${1 + d}`,
        received: p.retention.ceiling,
        path: ['retention', 'ceiling'],
      },
    );
  const A = amountOf(p.current.acquisitionSpend).toNumber();
  const R = amountOf(p.current.retentionSpend).toNumber();
  if (A < 0 || R < 0)
    fail('input/invalid', fn, 'current budgets must be non-negative', {
      expected: 'spends >= 0',
      received: `${A} and ${R}`,
      path: ['current'],
    });
  return {
    problem: {
      m: amountOf(p.margin).toNumber(),
      d,
      ca: p.acquisition.ceiling,
      k1: p.acquisition.efficiency,
      cr: p.retention.ceiling,
      k2: p.retention.efficiency,
    },
    currency,
    current: { A, R },
  };
}

function position(problem: EquityProblem, currency: CurrencyCode, A: number, R: number) {
  const toMoney = (x: number): Money => makeMoney(new Dec(x), currency);
  const at = equityAt(problem, A, R);
  return {
    acquisitionSpend: toMoney(A),
    retentionSpend: toMoney(R),
    acquisitionRate: at.a,
    retentionRate: at.r,
    customerEquity: toMoney(at.equity),
    customerValue: toMoney(at.value),
    marginalReturn: { acquisition: at.marginalAcquisition, retention: at.marginalRetention },
    marginalCost: { acquire: toMoney(at.costToAcquire), retain: toMoney(at.costToRetain) },
  };
}

/**
 * Blattberg & Deighton's customer-equity test: with response curves for acquisition and retention
 * spending (see {@link calibrateResponseCurve}), customer equity per prospect
 * CE(A, R) = a(A)·m − A + a(A)·(m − R/r(R))·r'/(1 − r'), r' = r(R)/(1 + d) (REFERENCE.md §7), at
 * today's budgets and at the budgets that maximise it, with the marginal return of the next dollar in
 * each. At the optimum both marginal returns are 1 and, as Pfeifer (2005) showed, the marginal cost to
 * acquire equals the marginal cost to retain equals the customer's value, so an *average* acquisition
 * cost of "5× retention" implies nothing by itself.
 *
 * The optimum is exact up to float64: R* by bisection on the first-order condition (200 halvings),
 * A* in closed form (see the guide for the derivation). Spends are per prospect (acquisition) and per
 * customer per period (retention), in the margin's currency.
 *
 * @throws CustomerAssetError `input/invalid`, `money/currency-mismatch`, `finance/invalid-rate`,
 *   `finance/growth-at-or-above-rate` (a retention ceiling at or above 1 + d).
 *
 * @example
 * ```ts
 * import { calibrateResponseCurve, customerEquityTest, money } from 'customer-asset';
 * const usd = (x: string) => money(x, 'USD');
 * const test = customerEquityTest({
 *   margin: usd('200'),
 *   discountRate: '0.1',
 *   acquisition: calibrateResponseCurve({ current: { spend: usd('30'), rate: 0.2 }, ceiling: 0.4 }),
 *   retention: calibrateResponseCurve({ current: { spend: usd('20'), rate: 0.5 }, ceiling: 0.8 }),
 *   current: { acquisitionSpend: usd('30'), retentionSpend: usd('20') },
 * });
 * test.optimum.acquisitionSpend.amount.toFixed(2); // '63.35'
 * test.optimum.retentionSpend.amount.toFixed(2); // '59.33'
 * test.optimum.customerEquity.amount.toFixed(2); // '80.42'
 * ```
 */
export function customerEquityTest(input: CustomerEquityTestInput): CustomerEquityTestResult {
  const fn = 'customerEquityTest';
  const { problem, currency, current } = parseEquityProblem(input, fn);
  const best = optimumOf(problem);
  const now = position(problem, currency, current.A, current.R);
  const optimum = position(problem, currency, best.A, best.R);
  const gain =
    equityAt(problem, best.A, best.R).equity - equityAt(problem, current.A, current.R).equity;
  return deepFreeze({
    current: now,
    optimum,
    gainPerProspect: makeMoney(new Dec(gain), currency),
    acquisition: input.acquisition,
    retention: input.retention,
  });
}

/** Options of {@link customerEquitySurface}. */
export interface CustomerEquitySurfaceOptions {
  /** Largest acquisition spend per prospect on the grid (default twice the optimum, at least 1). */
  readonly maxAcquisitionSpend?: number;
  /** Largest retention spend per customer on the grid (default twice the optimum, at least 1). */
  readonly maxRetentionSpend?: number;
  /** Grid points per axis (default 21, 2 to 401). */
  readonly steps?: number;
}

/** Customer equity on a grid of budgets: chart data (numbers, in the margin's currency). */
export interface CustomerEquitySurface {
  readonly kind: 'customer-equity-surface';
  readonly currency: CurrencyCode;
  readonly acquisitionSpends: readonly number[];
  readonly retentionSpends: readonly number[];
  /** values[i][j] = CE per prospect at acquisitionSpends[i], retentionSpends[j]. */
  readonly values: readonly (readonly number[])[];
  readonly optimum: {
    readonly acquisitionSpend: number;
    readonly retentionSpend: number;
    readonly value: number;
  };
}

const SurfaceOptionsSchema = z
  .object({
    maxAcquisitionSpend: z.number().positive().finite().optional(),
    maxRetentionSpend: z.number().positive().finite().optional(),
    steps: z.number().int().min(2).max(401).optional(),
  })
  .strict();

/**
 * Customer equity per prospect as a function of both budgets, on a grid from 0 to a maximum on each
 * axis, with the optimum: the data for a contour or heat-map chart of the customer-equity test.
 *
 * @throws CustomerAssetError as {@link customerEquityTest}, and `input/invalid` for bad options.
 *
 * @example
 * ```ts
 * import { calibrateResponseCurve, customerEquitySurface, money } from 'customer-asset';
 * const usd = (x: string) => money(x, 'USD');
 * const surface = customerEquitySurface(
 *   {
 *     margin: usd('200'),
 *     discountRate: '0.1',
 *     acquisition: calibrateResponseCurve({ current: { spend: usd('30'), rate: 0.2 }, ceiling: 0.4 }),
 *     retention: calibrateResponseCurve({ current: { spend: usd('20'), rate: 0.5 }, ceiling: 0.8 }),
 *     current: { acquisitionSpend: usd('30'), retentionSpend: usd('20') },
 *   },
 *   { steps: 11 },
 * );
 * surface.values.length; // 11
 * ```
 */
export function customerEquitySurface(
  input: CustomerEquityTestInput,
  options: CustomerEquitySurfaceOptions = {},
): CustomerEquitySurface {
  const fn = 'customerEquitySurface';
  const { problem, currency } = parseEquityProblem(input, fn);
  const opts = parseInput(SurfaceOptionsSchema, options, fn, 'options');
  const best = optimumOf(problem);
  const steps = opts.steps ?? 21;
  const maxA = opts.maxAcquisitionSpend ?? Math.max(1, 2 * best.A);
  const maxR = opts.maxRetentionSpend ?? Math.max(1, 2 * best.R);
  const axis = (max: number) => Array.from({ length: steps }, (_, i) => (max * i) / (steps - 1));
  const acquisitionSpends = axis(maxA);
  const retentionSpends = axis(maxR);
  return deepFreeze({
    kind: 'customer-equity-surface' as const,
    currency,
    acquisitionSpends,
    retentionSpends,
    values: acquisitionSpends.map((A) =>
      retentionSpends.map((R) => equityAt(problem, A, R).equity),
    ),
    optimum: {
      acquisitionSpend: best.A,
      retentionSpend: best.R,
      value: equityAt(problem, best.A, best.R).equity,
    },
  });
}
