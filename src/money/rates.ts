import { z } from 'zod';
import { fail } from '../core/errors.js';
import { type Duration, DurationSchema, type TimeUnit } from '../core/time-unit.js';
import { parseInput } from '../core/validate.js';
import { Dec, type DecimalInput, type DecimalValue } from './decimal.js';
import { freezeDecimal, minusOne, ONE, parseDecimal, parseRate } from './decimal-input.js';

/**
 * Calendar units that convert into each other exactly. A year is 12 months and 4 quarters; a week is
 * 7 days. There is deliberately no link between the two families (is a year 52 weeks, 52.18 weeks,
 * 365 or 365.25 days?) and none to the abstract `'period'`: say what you mean, e.g. a year as
 * `{ value: 52, unit: 'week' }`.
 */
const UNIT_LENGTH: Readonly<Record<TimeUnit, readonly [family: string, length: number]>> =
  Object.freeze({
    year: ['month', 12],
    quarter: ['month', 3],
    month: ['month', 1],
    week: ['day', 7],
    day: ['day', 1],
    period: ['period', 1],
  });

const PositiveDurationSchema = DurationSchema.refine((d) => d.value > 0, {
  message: 'Must be a duration longer than zero',
});

/**
 * Converts an effective rate per one span of time to the equivalent effective rate per another span:
 * `(1 + rate)^(to / from) - 1`, compounding within the spans. 10% a year is
 * `(1.1)^(1/12) - 1` = 0.797% a month; 12% a year is 0.948879% a month (`fin.annuity_and_rates`).
 *
 * Units must be exactly convertible: year, quarter and month into each other; week and day into each
 * other. Between the families (a year in weeks or days) the library will not guess a calendar:
 * express both spans in one unit, e.g. `from: { value: 52, unit: 'week' }`. Every time quantity
 * carries its unit (STYLE.md: no hidden "a month is 30 days").
 *
 * Returns a Decimal (40 significant digits). Fractional powers are computed by decimal.js's
 * `pow` (exp/ln with guard digits), accurate to about 1e-38 relative.
 *
 * @param rate - effective rate per `from`, > -1.
 * @param from - the span `rate` is quoted for.
 * @param to - the span of the result.
 * @throws CustomerAssetError `input/invalid` (units not convertible), `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { convertRate } from 'customer-asset';
 * convertRate('0.12', { value: 1, unit: 'year' }, { value: 1, unit: 'month' }).toFixed(10); // '0.0094887929'
 * convertRate('0.15', { value: 52, unit: 'week' }, { value: 1, unit: 'week' }).toFixed(10); // '0.0026913448'
 * ```
 */
export function convertRate(rate: DecimalInput, from: Duration, to: Duration): DecimalValue {
  const fn = 'convertRate';
  const i = parseRate(rate, fn, 'rate');
  const a = parseInput(PositiveDurationSchema, from, fn, 'from');
  const b = parseInput(PositiveDurationSchema, to, fn, 'to');
  const [familyA, lengthA] = UNIT_LENGTH[a.unit];
  const [familyB, lengthB] = UNIT_LENGTH[b.unit];
  if (familyA !== familyB)
    fail(
      'input/invalid',
      fn,
      `cannot convert between '${a.unit}' and '${b.unit}' without a calendar convention; give both spans in one unit (e.g. a year as { value: 52, unit: 'week' } or { value: 365, unit: 'day' })`,
      {
        expected: 'units of one family (year/quarter/month, week/day, period)',
        received: b.unit,
        path: ['to'],
      },
    );
  const exponent = new Dec(b.value).times(lengthB).div(new Dec(a.value).times(lengthA));
  return freezeDecimal(minusOne(i.plus(1).pow(exponent)));
}

const CompoundingsSchema = z
  .number()
  .int()
  .positive()
  .refine(Number.isSafeInteger, { message: 'Must be a safe integer' });

/**
 * The effective rate per period of a nominal rate compounded `m` times per period:
 * `(1 + j/m)^m - 1`. 12% nominal compounded monthly is 12.6825% effective (`fin.annuity_and_rates`).
 *
 * @param nominal - nominal rate per period (j), with 1 + j/m > 0.
 * @param compoundings - m, a positive integer.
 * @throws CustomerAssetError `input/invalid`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { nominalToEffective } from 'customer-asset';
 * nominalToEffective('0.12', 12).toFixed(10); // '0.1268250301'
 * ```
 */
export function nominalToEffective(nominal: DecimalInput, compoundings: number): DecimalValue {
  const fn = 'nominalToEffective';
  const j = parseDecimal(nominal, fn, 'nominal');
  const m = parseInput(CompoundingsSchema, compoundings, fn, 'compoundings');
  const periodic = j.div(m);
  if (periodic.lte(-1))
    fail('finance/invalid-rate', fn, 'nominal / compoundings must be greater than -1', {
      expected: 'nominal > -compoundings',
      received: j.toString(),
      path: ['nominal'],
    });
  return freezeDecimal(minusOne(periodic.plus(1).pow(m)));
}

/**
 * The nominal rate per period, compounded `m` times, equivalent to an effective rate:
 * `m * ((1 + i)^(1/m) - 1)`. Inverse of {@link nominalToEffective}.
 *
 * @param effective - effective rate per period, > -1.
 * @param compoundings - m, a positive integer.
 * @throws CustomerAssetError `input/invalid`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { effectiveToNominal } from 'customer-asset';
 * effectiveToNominal('0.126825030131969720661201', 12).toFixed(10); // '0.1200000000'
 * ```
 */
export function effectiveToNominal(effective: DecimalInput, compoundings: number): DecimalValue {
  const fn = 'effectiveToNominal';
  const i = parseRate(effective, fn, 'effective');
  const m = parseInput(CompoundingsSchema, compoundings, fn, 'compoundings');
  return freezeDecimal(i.plus(1).pow(ONE.div(m)).minus(1).times(m));
}

/**
 * The continuously compounded rate (force of interest) equivalent to an effective rate per period:
 * `delta = ln(1 + i)`. 15% a year is 0.139762 a year, or 0.00268773 a week once divided by 52 (the
 * 0.0027 of Fader, Hardie & Lee 2005; REFERENCE.md §11 item 9: Pareto/NBD discounting uses delta
 * per data time unit).
 *
 * @param rate - effective rate per period, > -1.
 * @throws CustomerAssetError `input/invalid`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { continuousRate } from 'customer-asset';
 * continuousRate('0.15').div(52).toFixed(10); // '0.0026877297'
 * ```
 */
export function continuousRate(rate: DecimalInput): DecimalValue {
  const i = parseRate(rate, 'continuousRate', 'rate');
  return freezeDecimal(i.plus(1).ln());
}

/**
 * The effective rate per period of a continuously compounded rate: `e^delta - 1`. Inverse of
 * {@link continuousRate}.
 *
 * @param delta - force of interest per period (any finite decimal).
 * @throws CustomerAssetError `input/invalid`.
 *
 * @example
 * ```ts
 * import { fromContinuousRate } from 'customer-asset';
 * fromContinuousRate('0.05').toFixed(10); // '0.0512710964'
 * ```
 */
export function fromContinuousRate(delta: DecimalInput): DecimalValue {
  const fn = 'fromContinuousRate';
  const d = parseDecimal(delta, fn, 'delta');
  const growth = d.exp();
  if (!growth.isFinite())
    fail('input/invalid', fn, 'delta is too large: e^delta overflows', {
      expected: 'a force of interest below about 2e16',
      received: d.toString(),
      path: ['delta'],
    });
  return freezeDecimal(minusOne(growth));
}

/**
 * The discount rate that values a constant cash flow as a flow growing at `growth` per period is
 * valued at `rate`: `(d - g) / (1 + g)`, because `(1+g)^t / (1+d)^t = 1 / (1 + d')^t`. At d = 10%,
 * g = 3% this is 6.796% (`fin.annuity_and_rates`, FH_growth_adjusted_rate_d10_g3).
 *
 * @param rate - discount rate per period, > -1.
 * @param growth - growth rate per period, > -1.
 * @throws CustomerAssetError `input/invalid`, `finance/invalid-rate`.
 *
 * @example
 * ```ts
 * import { growthAdjustedRate } from 'customer-asset';
 * growthAdjustedRate('0.10', '0.03').toFixed(10); // '0.0679611650'
 * ```
 */
export function growthAdjustedRate(rate: DecimalInput, growth: DecimalInput): DecimalValue {
  const fn = 'growthAdjustedRate';
  const d = parseRate(rate, fn, 'rate');
  const g = parseRate(growth, fn, 'growth');
  return freezeDecimal(d.minus(g).div(g.plus(1)));
}
