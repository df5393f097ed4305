import { fail } from '../core/errors.js';
import type { DecimalInput, DecimalValue } from './decimal.js';
import { toDecimal } from './decimal-input.js';

/**
 * The retention rate r in [0, 1] (`input/invalid` otherwise) and the discount rate d > −1
 * (`finance/invalid-rate` otherwise) of a retention-based CLV formula, as decimals.
 *
 * @internal
 */
export function checkRetentionAndDiscount(
  retention: DecimalInput,
  discountRate: DecimalInput,
  fn: string,
): { r: DecimalValue; d: DecimalValue } {
  const r = toDecimal(retention);
  const d = toDecimal(discountRate);
  if (r.isNeg() || r.gt(1))
    fail('input/invalid', fn, 'retention must be a rate in [0, 1]', {
      expected: 'a retention rate in [0, 1]',
      received: r.toString(),
      path: ['retention'],
    });
  if (d.lte(-1))
    fail('finance/invalid-rate', fn, 'discountRate must be greater than -1', {
      expected: 'a rate > -1',
      received: d.toString(),
      path: ['discountRate'],
    });
  return { r, d };
}
