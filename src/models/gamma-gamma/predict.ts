/**
 * Gamma-Gamma predictions (Fader & Hardie note 025, eq. 5; FHL 2005 JMR): the posterior of ν given x
 * transactions of mean m_x is Gamma(q + px, γ + x m_x), so E(M | x, m_x) = E(p/ν | ·) =
 * p(γ + x m_x)/(px + q − 1), a weighted average of the population mean pγ/(q−1) and m_x.
 */
import { fail } from '../../core/errors.js';
import type { SpendHistory } from '../spend-types.js';
import { type GammaGammaParams, parseGammaGammaParams, parseSpendHistory } from './params.js';

/** E(M | x, m_x) without argument checks; throws when px + q <= 1 (the mean is infinite). */
export function expectedSpendUnchecked(
  params: GammaGammaParams,
  x: number,
  m: number,
  fn: string,
): number {
  const { p, q, gamma } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    fail(
      'model/undefined-quantity',
      fn,
      x === 0
        ? 'the population mean spend pγ/(q − 1) is infinite for q <= 1'
        : 'the expected spend is infinite for p·x + q <= 1',
      {
        expected: x === 0 ? 'q > 1 (fit with qConstraint: true)' : 'p·x + q > 1',
        received: `p = ${p}, q = ${q}, frequency = ${x}`,
        path: x === 0 ? ['params', 'q'] : ['customer', 'frequency'],
      },
    );
  }
  return x === 0 ? (p * gamma) / denominator : (p * (gamma + x * m)) / denominator;
}

/**
 * Expected value of a customer's future transaction under the Gamma-Gamma model, given x repeat
 * transactions of mean value m_x (Fader & Hardie note 025, eq. 5; FHL 2005, JMR eq. 5):
 *
 *   E(M | p, q, γ, m_x, x) = p(γ + m_x x)/(px + q − 1)
 *                          = (q − 1)/(px + q − 1) · pγ/(q − 1) + px/(px + q − 1) · m_x
 *
 * For x = 0 it is the population mean pγ/(q − 1) (m_x is then ignored). It exists when px + q > 1:
 * a customer with repeat purchases has a finite expected spend even when q <= 1.
 *
 * @param params - {@link GammaGammaParams} (γ in the money unit of m_x).
 * @param customer - `{ frequency: x, monetaryValue: m_x }`, m_x >= 0.
 * @returns The expected spend per transaction, in the money unit of m_x.
 * @throws CustomerAssetError `input/invalid` for bad params or customer;
 *   `model/undefined-quantity` when px + q <= 1 (q <= 1 for x = 0).
 *
 * @example
 * ```ts
 * import { gammaGamma } from 'customer-asset';
 *
 * const params = { p: 6.25, q: 3.74, gamma: 15.44 }; // FHL 2005, CDNOW
 * console.log(gammaGamma.expectedSpend(params, { frequency: 1, monetaryValue: 100 }).toFixed(2)); // '80.26'
 * console.log(gammaGamma.expectedSpend(params, { frequency: 0, monetaryValue: 0 }).toFixed(2)); // '35.22'
 * ```
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, customer: SpendHistory): number {
  const fn = 'gammaGamma.expectedSpend';
  const p = parseGammaGammaParams(params, fn);
  const c = parseSpendHistory(customer, fn);
  return expectedSpendUnchecked(p, c.frequency, c.monetaryValue, fn);
}

/**
 * Population mean value of a transaction under the Gamma-Gamma model, E(Z) = pγ/(q − 1) (Fader &
 * Hardie note 025, eq. 4): the expected spend of a customer with no repeat transaction yet.
 *
 * @param params - {@link GammaGammaParams}.
 * @returns pγ/(q − 1), in the money unit of the fitted spends.
 * @throws CustomerAssetError `input/invalid` for bad params; `model/undefined-quantity` when
 *   q <= 1 (the mean is infinite).
 *
 * @example
 * ```ts
 * import { gammaGamma } from 'customer-asset';
 *
 * // At the CDNOW fit the model's mean is $35.17 against $35.08 observed.
 * console.log(gammaGamma.populationMeanSpend({ p: 6.24957, q: 3.74422, gamma: 15.4435 }).toFixed(4)); // '35.1704'
 * ```
 */
export function gammaGammaPopulationMeanSpend(params: GammaGammaParams): number {
  const fn = 'gammaGamma.populationMeanSpend';
  const p = parseGammaGammaParams(params, fn);
  return expectedSpendUnchecked(p, 0, 0, fn);
}
