import type { DecimalInput, DecimalValue } from './decimal.js';
import { freezeDecimal, ONE, parseRate, ZERO } from './decimal-input.js';
import { amountOf, type Money, parseMoneyList } from './money.js';

/**
 * The time after which the cumulative flow stays non-negative, interpolating linearly inside the
 * period where it last turns non-negative; null when it ends negative. Internal.
 */
function paybackOf(flows: readonly DecimalValue[]): DecimalValue | null {
  const n = flows.length;
  const cumulative = new Array<DecimalValue>(n);
  let running = ZERO;
  for (let t = 0; t < n; t++) cumulative[t] = running = running.plus(flows[t]!);
  if (running.isNeg()) return null;
  let lastNegative = -1;
  for (let t = n - 1; t >= 0; t--)
    if (cumulative[t]!.isNeg()) {
      lastNegative = t;
      break;
    }
  if (lastNegative < 0) return ZERO;
  // cumulative[lastNegative] < 0 <= cumulative[lastNegative + 1], so flows[lastNegative + 1] > 0.
  const shortfall = cumulative[lastNegative]!.neg();
  return freezeDecimal(shortfall.div(flows[lastNegative + 1]!).plus(lastNegative));
}

/**
 * Simple payback period, in periods of the cash-flow series: the time at which the cumulative cash
 * flow (`cashflows[0]` at t = 0, `cashflows[t]` at the end of period t) turns non-negative for good,
 * with linear interpolation within the period, as if the period's flow arrived evenly. `null` when
 * the cumulative flow ends negative (never paid back); 0 when it never goes negative. With flows that
 * dip below zero again later, the later crossing counts.
 *
 * [-100, 30, 40, 50, 60]: cumulative -100, -70, -30, +20, so 2 + 30/50 = 2.6 periods.
 * Ignores the time value of money: see {@link discountedPaybackPeriod}.
 *
 * @throws CustomerAssetError `input/invalid`, `input/empty`, `money/currency-mismatch`.
 *
 * @example
 * ```ts
 * import { money, paybackPeriod } from 'customer-asset';
 * const flows = ['-100', '30', '40', '50', '60'].map((a) => money(a, 'USD'));
 * paybackPeriod(flows)?.toString(); // '2.6'
 * ```
 */
export function paybackPeriod(cashflows: readonly Money[]): DecimalValue | null {
  const list = parseMoneyList(cashflows, 'paybackPeriod', 'cashflows');
  return paybackOf(list.map(amountOf));
}

/**
 * Discounted payback period: as {@link paybackPeriod} on the discounted flows
 * `cashflows[t] / (1 + rate)^t` (t = 0 undiscounted), interpolating linearly on the discounted flow of
 * the crossing period. `null` when the discounted flows never pay back (the NPV at `rate` is negative).
 *
 * [-100, 30, 40, 50, 60] at 10%: discounted -100, 27.27, 33.06, 37.57, 40.98; cumulative after three
 * periods -2.1037, so 3 + 2.1037/40.9808 = 3.0513 periods.
 *
 * @param rate - effective rate per period, > -1.
 * @throws CustomerAssetError `input/invalid`, `input/empty`, `money/currency-mismatch`,
 *   `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { discountedPaybackPeriod, money } from 'customer-asset';
 * const flows = ['-100', '30', '40', '50', '60'].map((a) => money(a, 'USD'));
 * discountedPaybackPeriod('0.1', flows)?.toFixed(4); // '3.0513'
 * ```
 */
export function discountedPaybackPeriod(
  rate: DecimalInput,
  cashflows: readonly Money[],
): DecimalValue | null {
  const fn = 'discountedPaybackPeriod';
  const i = parseRate(rate, fn);
  const list = parseMoneyList(cashflows, fn, 'cashflows');
  const v = ONE.div(i.plus(1));
  let factor = ONE;
  const discounted = list.map((flow, t) => {
    if (t > 0) factor = factor.times(v);
    return amountOf(flow).times(factor);
  });
  return paybackOf(discounted);
}
