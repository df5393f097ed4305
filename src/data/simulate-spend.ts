/**
 * Transaction values for simulated logs: a fixed amount, or Gamma-Gamma spend.
 *
 * @internal
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { PositiveNumberSchema, parseInput } from '../core/validate.js';
import { currencyMinorUnits } from '../money/currencies.js';
import { Dec, type DecimalValue } from '../money/decimal.js';
import { freezeDecimal } from '../money/decimal-input.js';
import { type RandomSource, sampleGamma } from '../random/index.js';

/**
 * Gamma-Gamma spend (Fader, Hardie & Lee 2005, JMR 42(4); Fader & Hardie note 025): each customer
 * draws ν ~ Gamma(shape q, rate γ); each of their transactions is z ~ Gamma(shape p, rate ν), so the
 * population mean transaction value is pγ/(q − 1).
 */
export interface GammaGammaSpend {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** Every transaction has the same value, a decimal string such as `'25.00'`. */
export interface FixedSpend {
  readonly amount: string;
}

/** How simulated transaction values are drawn. */
export type SpendModel = GammaGammaSpend | FixedSpend;

const GammaGammaSchema = z
  .object({ p: PositiveNumberSchema, q: PositiveNumberSchema, gamma: PositiveNumberSchema })
  .strict();
const FixedSchema = z
  .object({
    amount: z
      .string()
      .regex(/^\d+(\.\d+)?$/, { message: 'Must be a non-negative decimal string such as "25.00"' }),
  })
  .strict();

/** Draws the values of one customer's transactions. */
export interface SpendDrawer {
  /** Starts a new customer (draws their ν). Returns ν, or undefined for fixed spend. */
  customer(rng: RandomSource): number | undefined;
  /** One transaction value of the current customer, rounded half-even to the currency's minor units. */
  transaction(rng: RandomSource): DecimalValue;
}

/**
 * Validates a spend option (Gamma-Gamma `{ p, q, gamma }` or fixed `{ amount }`; default: the fixed
 * amount 1 in the currency's minor units, e.g. `1.00`) and returns a drawer.
 */
export function spendDrawer(spend: unknown, currency: string, fn: string): SpendDrawer {
  const decimals = currencyMinorUnits(currency);
  if (spend === undefined || (typeof spend === 'object' && spend !== null && 'amount' in spend)) {
    const amount =
      spend === undefined
        ? new Dec(1)
        : new Dec(parseInput(FixedSchema, spend, fn, 'spend').amount);
    const value = freezeDecimal(amount.toDecimalPlaces(decimals, Dec.ROUND_HALF_EVEN));
    return { customer: () => undefined, transaction: () => value };
  }
  const { p, q, gamma } = parseInput(GammaGammaSchema, spend, fn, 'spend');
  let nu = 1;
  return {
    customer(rng) {
      nu = sampleGamma(rng, q, gamma);
      if (!(nu > 0))
        fail('model/non-finite', fn, 'a customer drew a spend rate ν of 0 (underflow)', {
          path: ['spend', 'q'],
          expected: 'a larger q (shape of ν)',
          received: q,
        });
      return nu;
    },
    transaction(rng) {
      const z = sampleGamma(rng, p, nu);
      if (!Number.isFinite(z))
        fail('model/non-finite', fn, 'a transaction value overflowed', {
          path: ['spend'],
          expected: 'a finite value',
          received: z,
        });
      return new Dec(z).toDecimalPlaces(decimals, Dec.ROUND_HALF_EVEN);
    },
  };
}
