import { fail } from '../core/errors.js';
import { type Safe, toSafe } from '../core/safe.js';
import type { TimeUnit } from '../core/time-unit.js';
import type { CurrencyCode } from '../money/currencies.js';
import { ONE } from '../money/decimal-input.js';
import type { PaymentTiming } from '../money/discounting.js';
import type { Money } from '../money/money.js';
import {
  type CheckedClvInput,
  type CustomerLifetimeValueInput,
  checkClvInput,
} from './clv-input.js';
import { revenueBounds } from './clv-interval.js';
import { type DiscountConvention, discountPerUnit } from './discount-rate.js';
import { ExactIntegerSum, moneyFromQuanta, quantumDigits, toQuanta } from './money-bridge.js';
import { type ParameterDistribution, parameterDistribution } from './parameter-uncertainty.js';
import type { IntervalMethod } from './prediction-interval.js';
import { spendColumn } from './spend-column.js';
import { type ConvertedDuration, durationIn } from './time-conversion.js';
import { finitePlan, transactionPass, type ValuationPlan } from './transaction-pass.js';
import { valuationRows } from './valuation-rows.js';

type AnyParams = Readonly<Record<string, number>>;

/** Most periods a finite horizon may have (each is one scoring pass over the customers). */
export const MAX_PERIODS = 5000;

/** One period of a value stream. Times are in the model's unit, from the end of calibration. */
export interface ValuationPeriod {
  /** 1-based period number. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** (1 + d)^−τ, τ the period's end, middle or start (see `conventions.discounting`). */
  readonly discountFactor: number;
  /** Expected transactions in the period (undiscounted). */
  readonly expectedTransactions: number;
  /** Expected transactions × expected spend per transaction (undiscounted). */
  readonly expectedRevenue: Money;
  /** margin × discountFactor × expectedRevenue. */
  readonly presentValue: Money;
}

/** The interval of each customer's CLV and of the customer equity. */
export interface CustomerValueInterval {
  readonly level: number;
  readonly method: IntervalMethod;
  /** Lower bound of CLV per row (float64 currency units). */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** The exact Money bounds of row `i`. */
  intervalAt(i: number): { readonly lower: Money; readonly upper: Money };
  /** Draws the params schemas rejected and that were redrawn (draws method), else null. */
  readonly rejectedDraws: number | null;
  /** Which parameter estimates' uncertainty is included, e.g. `['transactions: bg-nbd', 'spend: gamma-gamma']`. */
  readonly covers: readonly string[];
  readonly note: string;
}

/** Every convention the valuation used, named. */
export interface ClvConventions {
  readonly formula: string;
  readonly transactionModel: string;
  /** The spend model's name, or `'fixed-amount'`. */
  readonly spendModel: string;
  /** The model's time unit (the summary's). */
  readonly timeUnit: TimeUnit;
  /** The horizon in the model's unit with its conversion, or `'infinite'`. */
  readonly horizon: ConvertedDuration | 'infinite';
  /** Length of a period of the stream (finite horizon), with its conversion. */
  readonly period: ConvertedDuration | null;
  readonly periods: number | null;
  readonly discount: DiscountConvention;
  /** How transactions are discounted, in words, with the source. */
  readonly discounting: string;
  readonly timing: PaymentTiming | 'continuous';
  /** The margin (decimal string). */
  readonly margin: string;
  /** How float64 model estimates became exact Money. */
  readonly rounding: string;
}

/** What `customerLifetimeValue` returns. Columns are in the summary's row order. */
export interface CustomerLifetimeValues {
  readonly currency: CurrencyCode;
  /** Rows of the summary. */
  readonly size: number;
  /** Customers represented (Σ count). */
  readonly customers: number;
  /** Ids of the rows (RFM summary) or null (pattern summary); built on first access. */
  readonly customerIds: readonly string[] | null;
  /** Customers per row. */
  readonly count: Float64Array;
  /** P(alive) at the end of calibration. */
  readonly probabilityAlive: Float64Array;
  /** Expected transactions over a finite horizon (undiscounted); null for an infinite horizon. */
  readonly expectedTransactions: Float64Array | null;
  /** Discounted expected transactions: DERT (infinite horizon) or Σ_k v_k ΔE_k (finite). */
  readonly discountedTransactions: Float64Array;
  /** Expected spend per transaction E(M) (currency units, float64). */
  readonly expectedSpend: Float64Array;
  /** CLV per row as float64 (for sorting and charts); {@link valueAt} gives the exact Money. */
  readonly value: Float64Array;
  /** The CLV of one customer of row `i`, exact Money. */
  valueAt(i: number): Money;
  /** The interval from parameter uncertainty, or null. */
  readonly interval: CustomerValueInterval | null;
  /** Customer equity of the base: Σ count × CLV, exact, with its interval when there is one. */
  readonly customerEquity: {
    readonly value: Money;
    readonly lower: Money | null;
    readonly upper: Money | null;
  };
  /** The base's value stream per period (finite horizon), null for an infinite horizon. */
  readonly stream: readonly ValuationPeriod[] | null;
  /** The value stream of one customer of row `i` (finite horizon), null for an infinite horizon. */
  streamAt(i: number): readonly ValuationPeriod[] | null;
  readonly conventions: ClvConventions;
}

const INTERVAL_NOTE =
  'interval for the expected value from parameter (estimation) uncertainty only; it does not include the randomness of individual behaviour. Delta method: symmetric on the log scale of E(M) x discounted transactions; draws: parameters drawn from the asymptotic normal of their logs (never non-positive), redrawn when the model schema rejects them.';

function describeDiscounting(plan: ValuationPlan): {
  text: string;
  timing: PaymentTiming | 'continuous';
} {
  if (plan.kind === 'infinite')
    return {
      timing: 'continuous',
      text: "infinite horizon: DERT from the model's dert/score, continuous discounting at delta = ln(1 + d) per time unit (FHL 2005 JMR eq. 2 for Pareto/NBD; discrete d per opportunity for BG/BB, FHS 2010 eq. 14)",
    };
  const where =
    plan.timing === 'mid' ? 'its middle' : plan.timing === 'end' ? 'its end' : 'its start';
  return {
    timing: plan.timing,
    text: `finite horizon: the expected transactions of each period, E[Y(t_k)] - E[Y(t_(k-1))], discounted at ${where}, (1 + d)^-tau${plan.timing === 'mid' ? ' (Fader & Hardie 2015 handbook eq. 3.13)' : ''}`,
  };
}

/** The discount plan from the checked input. */
function planOf(
  checked: CheckedClvInput,
  discount: DiscountConvention,
  fn: string,
): {
  plan: ValuationPlan;
  horizon: ConvertedDuration | 'infinite';
  period: ConvertedDuration | null;
} {
  const d = discount.ratePerTimeUnitFloat;
  if (checked.horizon === 'infinite')
    return { plan: { kind: 'infinite', discountRate: d }, horizon: 'infinite', period: null };
  const horizon = durationIn(checked.horizon, checked.timeUnit, checked.calendar, fn, ['horizon']);
  const period =
    checked.period === undefined
      ? Object.freeze({
          value: 1,
          unit: checked.timeUnit,
          conversion: `1 ${checked.timeUnit} (the model's unit, by default)`,
        })
      : durationIn(checked.period, checked.timeUnit, checked.calendar, fn, ['period']);
  const periods = Math.ceil(horizon.value / period.value - 1e-9);
  if (periods > MAX_PERIODS)
    fail('input/invalid', fn, 'the horizon has too many periods', {
      expected: `at most ${MAX_PERIODS} periods (use a longer period)`,
      received: periods,
      path: ['horizon'],
    });
  return {
    plan: finitePlan(horizon.value, period.value, d, checked.timing ?? 'mid'),
    horizon,
    period,
  };
}

/**
 * The residual lifetime value of each existing customer in money, and the customer equity of the
 * base, from any transaction model (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB) and a spend model
 * (Gamma-Gamma) or a fixed spend per transaction:
 *
 *   CLV = margin × E(M) × discounted expected transactions
 *
 * (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis",
 * JMR 42(4), eq. 1; it assumes spend independent of the transaction process).
 * - Infinite horizon: the discounted transactions are the model's DERT at the discount rate converted
 *   to the model's time unit (continuous discounting at δ = ln(1 + d) for continuous-time models,
 *   REFERENCE.md §2 and §11 item 9).
 * - Finite horizon: Σ_k (1 + d)^−τ_k · (E[Y(t_k)] − E[Y(t_{k−1})]) over periods of one time unit (or
 *   `period`), τ_k the middle of the period by default (`timing: 'mid'`, Fader & Hardie 2015 eq.
 *   3.13), or its end or start. The stream of each period is returned for the base and, on demand,
 *   for a customer.
 *
 * Units: the horizon, period and discount rate carry their own units and are converted to the
 * summary's time unit: exactly within days/weeks and months/quarters/years; across the two only
 * with `calendar: 'gregorian-average'` (365.2425 days a year), which is then named in
 * `conventions`. The discount rate is converted with the money module's `convertRate`.
 *
 * Money: each customer's discounted expected revenue E(M) × D (a float64) is rounded half-even to
 * 10^−(minor units + 6) of the currency (1e-8 dollars) and multiplied by the margin in decimal, so
 * every CLV is an exact decimal and the customer equity is their exact sum (computed with integers,
 * no decimal arithmetic per customer). Money values are built on demand (`valueAt`, `intervalAt`).
 *
 * Interval: with fitted records (which carry the covariance) a 95% delta-method interval is
 * returned by default (log scale; gradients by central differences, 2 scoring passes per
 * parameter); `interval: { method: 'draws', draws, seed }` draws the parameters instead. The
 * customer equity gets its own interval (not the sum of the customers' bounds).
 *
 * Numerical caveats: the estimates are float64; a finite horizon costs one scoring pass per period
 * (and 2 per parameter more for the delta interval); the interval reflects estimation error only.
 *
 * @param input - {@link CustomerLifetimeValueInput}.
 * @returns A frozen {@link CustomerLifetimeValues}.
 * @throws CustomerAssetError `input/invalid` (a bad field, units that need a calendar convention, a
 *   customer with repeat purchases and no monetary value), `money/unknown-currency`,
 *   `money/currency-mismatch`, `finance/invalid-rate`, `model/undefined-quantity` (e.g. an
 *   undiscounted infinite horizon, or an interval asked for without a covariance), and the models'
 *   own errors.
 *
 * @example
 * ```ts
 * import { bgNbd, customerLifetimeValue, money, rfmSummaryFromRows } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows(
 *   [
 *     { customerId: 'a', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: '22.35' },
 *     { customerId: 'b', frequency: 0, recency: 0, T: 38.86 },
 *   ],
 *   { timeUnit: 'week', currency: 'USD' },
 * );
 * const clv = customerLifetimeValue({
 *   transactions: { model: bgNbd, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
 *   spend: { amount: money('35', 'USD') },
 *   summary,
 *   horizon: { value: 52, unit: 'week' },
 *   discount: { rate: '0.15', per: { value: 52, unit: 'week' } },
 *   margin: '0.30',
 *   currency: 'USD',
 * });
 * console.log(clv.valueAt(0).amount.toFixed(2)); // '15.35'
 * console.log(clv.conventions.discount.conversion); // '(1 + 0.15)^(1 week / 52 week) - 1 (exact)'
 * ```
 */
export function customerLifetimeValue<TP extends AnyParams, SP extends AnyParams>(
  input: CustomerLifetimeValueInput<TP, SP>,
): CustomerLifetimeValues {
  const fn = 'customerLifetimeValue';
  const checked = checkClvInput(input, fn);
  const { summary, currency, margin } = checked;
  const rows = valuationRows(summary, fn);
  const discount = discountPerUnit(checked.discount, checked.timeUnit, checked.calendar, fn);
  const { plan, horizon, period } = planOf(checked, discount, fn);

  // Spend per transaction (float64), then the transaction pass weighted by it.
  const spend =
    checked.spend.kind === 'amount'
      ? new Float64Array(rows.size).fill(checked.spend.amountFloat)
      : spendColumn(checked.spend.model, checked.spend.params, rows, summary, fn);
  const tx = checked.transactions;
  const pass = transactionPass(tx.model, tx.params, summary, plan, { count: rows.count, spend });
  const D = pass.discounted;
  if (D.length !== rows.size)
    fail('model/non-finite', fn, 'the transaction model scored a different number of rows', {
      expected: `${rows.size} rows`,
      received: D.length,
    });

  // Float64 -> exact quanta of the discounted expected revenue.
  const digits = quantumDigits(currency);
  const scale = 10 ** digits;
  const marginFloat = margin.toNumber();
  const value = new Float64Array(rows.size);
  const equity = new ExactIntegerSum();
  let totalRevenue = 0;
  for (let i = 0; i < rows.size; i += 1) {
    const r = D[i]! * spend[i]!;
    if (!Number.isFinite(r))
      fail('model/non-finite', fn, `the expected value of summary row ${i} is not finite`, {
        expected: 'finite discounted transactions and spend',
        received: r,
        path: ['summary', i],
      });
    const q = toQuanta(r, scale);
    value[i] = marginFloat * r;
    equity.add(q, rows.count[i]!);
    totalRevenue += rows.count[i]! * r;
  }
  const toMoney = (units: number | bigint) => moneyFromQuanta(units, digits, margin, currency);

  // Interval.
  let interval: CustomerValueInterval | null = null;
  let equityLower: Money | null = null;
  let equityUpper: Money | null = null;
  if (checked.interval !== null) {
    const distOf = (
      component: { model: { name: string; paramsSchema: never }; fitted: unknown },
      root: string,
    ): ParameterDistribution<AnyParams> | null => {
      const fitted = component.fitted as { covariance?: unknown } | null;
      if (fitted === null || fitted.covariance === null || fitted.covariance === undefined)
        return null;
      return parameterDistribution(component.model, fitted as never, fn, [root, 'fitted']);
    };
    const txDist = distOf(tx as never, 'transactions');
    const spDist = checked.spend.kind === 'model' ? distOf(checked.spend as never, 'spend') : null;
    const bounds = revenueBounds({
      fn,
      rows,
      summary,
      plan,
      transactionModel: tx.model,
      transactionParams: tx.params,
      transactionDist: txDist,
      spendModel: checked.spend.kind === 'model' ? checked.spend.model : null,
      spendParams: checked.spend.kind === 'model' ? checked.spend.params : null,
      spendDist: spDist,
      discounted: D,
      spend,
      level: checked.interval.level,
      method: checked.interval.method,
      draws: checked.interval.draws,
      seed: checked.interval.seed,
    });
    const lower = new Float64Array(rows.size);
    const upper = new Float64Array(rows.size);
    for (let i = 0; i < rows.size; i += 1) {
      lower[i] = marginFloat * bounds.lower[i]!;
      upper[i] = marginFloat * bounds.upper[i]!;
    }
    const covers: string[] = [];
    if (txDist !== null) covers.push(`transactions: ${tx.model.name}`);
    if (spDist !== null && checked.spend.kind === 'model')
      covers.push(`spend: ${checked.spend.model.name}`);
    interval = Object.freeze({
      level: checked.interval.level,
      method: checked.interval.method,
      lower,
      upper,
      intervalAt: (i: number) => {
        const row = rowIndex(i, rows.size, fn);
        return Object.freeze({
          lower: toMoney(toQuanta(bounds.lower[row]!, scale)),
          upper: toMoney(toQuanta(bounds.upper[row]!, scale)),
        });
      },
      rejectedDraws: bounds.rejectedDraws,
      covers: Object.freeze(covers),
      note: INTERVAL_NOTE,
    });
    // The equity is a sum of rounded values and its bounds are rounded once: where a bound lies on
    // the estimate's side within rounding, keep it from crossing the exact equity.
    const equityUnits = equity.value();
    let lowerUnits = BigInt(toQuanta(bounds.totalLower, scale));
    let upperUnits = BigInt(toQuanta(bounds.totalUpper, scale));
    if (bounds.totalLower <= totalRevenue && lowerUnits > equityUnits) lowerUnits = equityUnits;
    if (bounds.totalUpper >= totalRevenue && upperUnits < equityUnits) upperUnits = equityUnits;
    equityLower = toMoney(lowerUnits);
    equityUpper = toMoney(upperUnits);
  }

  // Streams.
  let stream: readonly ValuationPeriod[] | null = null;
  if (plan.kind === 'finite') {
    const periods: ValuationPeriod[] = [];
    for (let k = 1; k < plan.boundaries.length; k += 1) {
      const revenue = pass.periodRevenue![k - 1]!;
      const v = plan.factors[k - 1]!;
      periods.push(
        Object.freeze({
          index: k,
          start: plan.boundaries[k - 1]!,
          end: plan.boundaries[k]!,
          discountFactor: v,
          expectedTransactions: pass.periodTransactions![k - 1]!,
          expectedRevenue: moneyFromQuanta(toQuanta(revenue, scale), digits, ONE, currency),
          presentValue: toMoney(toQuanta(revenue * v, scale)),
        }),
      );
    }
    stream = Object.freeze(periods);
  }
  const customerStream = (i: number): readonly ValuationPeriod[] | null => {
    const row = rowIndex(i, rows.size, fn);
    if (plan.kind !== 'finite') return null;
    const customer = rows.history(row);
    const m = spend[row]!;
    const out: ValuationPeriod[] = [];
    let previous = 0;
    for (let k = 1; k < plan.boundaries.length; k += 1) {
      const current = tx.model.expectedPurchases(tx.params, customer, plan.boundaries[k]!);
      const delta = Math.max(0, current - previous);
      previous = current;
      const v = plan.factors[k - 1]!;
      out.push(
        Object.freeze({
          index: k,
          start: plan.boundaries[k - 1]!,
          end: plan.boundaries[k]!,
          discountFactor: v,
          expectedTransactions: delta,
          expectedRevenue: moneyFromQuanta(toQuanta(delta * m, scale), digits, ONE, currency),
          presentValue: toMoney(toQuanta(delta * m * v, scale)),
        }),
      );
    }
    return Object.freeze(out);
  };

  const discounting = describeDiscounting(plan);
  const conventions: ClvConventions = Object.freeze({
    formula:
      'CLV = margin x E(M) x discounted expected transactions (Fader, Hardie & Lee 2005, JMR 42(4), eq. 1; spend independent of transactions)',
    transactionModel: tx.model.name,
    spendModel: checked.spend.kind === 'model' ? checked.spend.model.name : 'fixed-amount',
    timeUnit: checked.timeUnit,
    horizon,
    period,
    periods: plan.kind === 'finite' ? plan.factors.length : null,
    discount,
    discounting: discounting.text,
    timing: discounting.timing,
    margin: margin.toString(),
    rounding: `each customer's discounted expected revenue (float64) rounded half-even to 1e-${digits} ${currency}, then multiplied by the margin exactly; customer equity is the exact sum`,
  });

  return Object.freeze({
    currency,
    size: rows.size,
    customers: rows.customers,
    get customerIds() {
      return rows.customerIds();
    },
    count: rows.count,
    probabilityAlive: pass.probabilityAlive,
    expectedTransactions: pass.expected,
    discountedTransactions: D,
    expectedSpend: spend,
    value,
    valueAt: (i: number) => {
      const row = rowIndex(i, rows.size, fn);
      // The same rounding as in the equity sum, redone on demand rather than stored.
      return toMoney(toQuanta(D[row]! * spend[row]!, scale));
    },
    interval,
    customerEquity: Object.freeze({
      value: toMoney(equity.value()),
      lower: equityLower,
      upper: equityUpper,
    }),
    stream,
    streamAt: customerStream,
    conventions,
  });
}

/** Checks a row index given to an accessor. */
function rowIndex(i: number, size: number, fn: string): number {
  if (!Number.isInteger(i) || i < 0 || i >= size)
    fail('input/invalid', fn, 'row index out of range', {
      expected: `an integer in [0, ${size - 1}]`,
      received: i,
      path: ['i'],
    });
  return i;
}

/**
 * {@link customerLifetimeValue} returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { bgNbd, money, rfmSummaryFromRows, safeCustomerLifetimeValue } from 'customer-asset';
 *
 * const summary = rfmSummaryFromRows([{ frequency: 1, recency: 4, T: 10 }], { timeUnit: 'week' });
 * const result = safeCustomerLifetimeValue({
 *   transactions: { model: bgNbd, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
 *   spend: { amount: money('35', 'USD') },
 *   summary,
 *   horizon: { value: 12, unit: 'month' },
 *   discount: { rate: '0.15', per: 'year' },
 *   margin: '0.3',
 *   currency: 'USD',
 * });
 * console.log(result.success); // false: months cannot be converted to weeks without a calendar rule
 * ```
 */
export function safeCustomerLifetimeValue<TP extends AnyParams, SP extends AnyParams>(
  input: CustomerLifetimeValueInput<TP, SP>,
): Safe<CustomerLifetimeValues> {
  return toSafe(() => customerLifetimeValue(input));
}
