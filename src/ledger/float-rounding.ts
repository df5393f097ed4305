/**
 * Rounding a value computed in float64 (a model's estimate in currency units) to integer units of
 * 10^-decimalPlaces with a named mode: the one place the ledger's float world meets exact money.
 *
 * @internal
 */
import { fail } from '../core/errors.js';
import type { RoundingMode } from '../money/rounding.js';

/** `x × scale` rounded to an integer with `mode`; fails when it is not finite or not a safe integer. */
export function toUnits(x: number, scale: number, mode: RoundingMode, fn: string): number {
  return roundUnits(x * scale, mode, fn);
}

/** `y` (already in units) rounded to an integer with `mode`; fails unless finite and safe. */
export function roundUnits(y: number, mode: RoundingMode, fn: string): number {
  let u: number;
  switch (mode) {
    case 'half-even': {
      const f = Math.floor(y);
      const r = y - f;
      u = r > 0.5 ? f + 1 : r < 0.5 ? f : f % 2 === 0 ? f : f + 1;
      break;
    }
    case 'half-up': {
      const a = Math.abs(y);
      const f = Math.floor(a);
      u = Math.sign(y) * (a - f >= 0.5 ? f + 1 : f);
      break;
    }
    case 'down':
      u = Math.trunc(y);
      break;
    case 'up':
      u = Math.sign(y) * Math.ceil(Math.abs(y));
      break;
    case 'floor':
      u = Math.floor(y);
      break;
    case 'ceil':
      u = Math.ceil(y);
      break;
  }
  if (!Number.isSafeInteger(u))
    fail('model/non-finite', fn, 'a value is not finite or too large to be kept exactly', {
      expected: 'a finite amount within 2^53 units of the declared rounding',
      received: y,
    });
  return u === 0 ? 0 : u;
}
