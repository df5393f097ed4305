import type { CxReturnInput, RatesBase } from '../../src/roi/index.js';
import { D40, decimalChecks, usd } from '../helpers/money.js';

export { caught } from '../helpers/errors.js';
export { D40, usd } from '../helpers/money.js';

/** |actual − expected| <= tolerance, in 40-digit decimal. */
export const { expectClose } = decimalChecks(D40);

/** REFERENCE.md §9's base: 100,000 customers, $200 margin a year, 80% retention. */
export const referenceBase: RatesBase = {
  kind: 'rates',
  customers: 100_000,
  margin: usd('200'),
  retention: '0.8',
  period: 'year',
};

/** REFERENCE.md §9's programme: $2M now; +2 points retention, +3% spend, 1,000 referrals. */
export function referenceProgramme(horizon: number): CxReturnInput {
  return {
    investment: [usd('2000000')],
    effects: { retention: 0.02, spend: 0.03, referrals: 1000 },
    base: referenceBase,
    horizon,
    discountRate: '0.1',
  };
}

/** The published-in-the-paper-style sBG fit (Fader & Hardie 2007, regular segment, years 0..4). */
export const sbgParams = { alpha: 0.7637, beta: 1.2958 } as const;
