/**
 * Gamma-Gamma parameters (Fader, Hardie & Lee 2005, JMR 42(4), section "Adding monetary value";
 * Fader & Hardie note 025): a customer's transaction values are z ~ Gamma(shape p, rate ν), and
 * across customers ν ~ Gamma(shape q, rate γ).
 */
import { z } from 'zod';
import { parseInput } from '../../core/validate.js';
import type { SpendHistory } from '../spend-types.js';

/**
 * Gamma-Gamma parameters in the papers' names. (A type alias, so that it satisfies
 * `Readonly<Record<string, number>>`.)
 */
export type GammaGammaParams = {
  /** Shape of each transaction value given ν (coefficient of variation 1/√p for everyone). */
  readonly p: number;
  /** Shape of the Gamma distribution of ν across customers (the mean spend is finite for q > 1). */
  readonly q: number;
  /** Rate of the Gamma distribution of ν (in the reciprocal of the money unit: γ scales with money). */
  readonly gamma: number;
};

const positive = () => z.number().positive().finite();

/** zod schema of {@link GammaGammaParams}: three finite numbers > 0. */
export const GammaGammaParamsSchema = /* @__PURE__ */ z
  .object({ p: positive(), q: positive(), gamma: positive() })
  .strict();

/** Parameter order of the fitted record. */
export const GAMMA_GAMMA_PARAMETER_NAMES = Object.freeze(['p', 'q', 'gamma'] as const);

/** zod schema of a {@link SpendHistory}: x a whole number >= 0, m_x a finite number >= 0. */
export const SpendHistorySchema = /* @__PURE__ */ z.object({
  frequency: z.number().int().nonnegative().finite(),
  monetaryValue: z.number().nonnegative().finite(),
});

/** Checks params at a public boundary. */
export function parseGammaGammaParams(params: unknown, fn: string): GammaGammaParams {
  return parseInput(GammaGammaParamsSchema, params, fn, 'params');
}

/** Checks a spend history at a public boundary. */
export function parseSpendHistory(customer: unknown, fn: string): SpendHistory {
  return parseInput(SpendHistorySchema, customer, fn, 'customer');
}
