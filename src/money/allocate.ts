import { z } from 'zod';
import { fail } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { Dec, type DecimalInput } from './decimal.js';
import { DecimalInputSchema, toDecimal } from './decimal-input.js';
import { amountOf, type Money, makeMoney, parseMoney } from './money.js';

const RatiosSchema = z
  .array(DecimalInputSchema)
  .min(1, { message: 'Must hold at least one ratio' });

/**
 * Splits an amount into shares proportional to `ratios` that add up to the total exactly, in whole
 * minor units (cents for USD). Largest-remainder method (Hamilton): each share first gets the floor
 * of its exact share `total * ratio_i / sum(ratios)` in minor units; the minor units left over go one
 * each to the shares with the largest remainders, ties broken by the lower index. So no share is off
 * its exact share by one minor unit or more, and the result is deterministic. A negative total is
 * split as its absolute value and negated, so allocate(-x) is -allocate(x) share by share.
 *
 * All arithmetic is on integers (bigint), so it is exact for any ratios given as decimals.
 * REFERENCE.md §10 ("use largest-remainder allocation so that the sum is exact").
 *
 * @param total - Money already in whole minor units (round it first with `roundMoney`).
 * @param ratios - one or more non-negative decimals (numbers read as they print), not all zero.
 * @throws CustomerAssetError `input/invalid` (total not in whole minor units, negative ratio),
 *   `money/division-by-zero` (ratios sum to zero).
 *
 * @example
 * ```ts
 * import { allocate, money } from 'customer-asset';
 * allocate(money('100', 'USD'), [1, 1, 1]).map((m) => m.amount.toString()); // ['33.34', '33.33', '33.33']
 * allocate(money('-0.05', 'EUR'), [3, 7]).map((m) => m.amount.toString()); // ['-0.02', '-0.03']
 * ```
 */
export function allocate(total: Money, ratios: readonly DecimalInput[]): readonly Money[] {
  const fn = 'allocate';
  parseMoney(total, fn, 'total');
  const list = parseInput(RatiosSchema, ratios, fn, 'ratios').map(toDecimal);
  const amount = amountOf(total);
  if (amount.decimalPlaces() > total.minorUnits)
    fail(
      'input/invalid',
      fn,
      `total has more decimals than ${total.currency}'s ${total.minorUnits} minor units; round it first with roundMoney`,
      {
        expected: `at most ${total.minorUnits} decimals`,
        received: amount.toString(),
        path: ['total'],
      },
    );
  let scale = 0;
  list.forEach((ratio, i) => {
    if (ratio.isNeg())
      fail('input/invalid', fn, `ratios[${i}] is negative`, {
        expected: 'a ratio >= 0',
        received: ratio.toString(),
        path: ['ratios', i],
      });
    scale = Math.max(scale, ratio.decimalPlaces());
  });
  const weights = list.map((ratio) => BigInt(ratio.toFixed(scale).replace('.', '')));
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n)
    fail('money/division-by-zero', fn, 'ratios sum to zero', {
      expected: 'at least one positive ratio',
      received: list.map(String).join(', '),
      path: ['ratios'],
    });
  const units = BigInt(amount.toFixed(total.minorUnits).replace('.', ''));
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const shares: bigint[] = [];
  const remainders: bigint[] = [];
  let assigned = 0n;
  for (const weight of weights) {
    const numerator = magnitude * weight;
    const share = numerator / weightSum;
    shares.push(share);
    remainders.push(numerator % weightSum);
    assigned += share;
  }
  const leftover = Number(magnitude - assigned); // < number of shares
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (let k = 0; k < leftover; k++) {
    const index = order[k]!.index;
    shares[index] = shares[index]! + 1n;
  }
  const exponent = `e-${total.minorUnits}`;
  return Object.freeze(
    shares.map((share) =>
      makeMoney(new Dec(`${negative ? -share : share}${exponent}`), total.currency),
    ),
  );
}
