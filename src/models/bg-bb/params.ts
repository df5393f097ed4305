/**
 * BG/BB parameters and the discrete-time customer history (Fader, Hardie & Shang 2010, Marketing
 * Science 29(6):1086–1108, section 3): a customer buys at each transaction opportunity with
 * probability p ~ Beta(α, β) while alive, and dies at the start of each later opportunity with
 * probability θ ~ Beta(γ, δ).
 */
import { z } from 'zod';
import { parseInput } from '../../core/validate.js';
import type { CustomerHistory } from '../types.js';

/**
 * BG/BB parameters in the paper's names: p ~ Beta(alpha, beta), θ ~ Beta(gamma, delta). (A type
 * alias rather than an interface, so that it satisfies `Readonly<Record<string, number>>`.)
 */
export type BgBbParams = {
  /** First shape of the Beta distribution of the purchase probability p. */
  readonly alpha: number;
  /** Second shape of the Beta distribution of p. */
  readonly beta: number;
  /** First shape of the Beta distribution of the dropout probability θ. */
  readonly gamma: number;
  /** Second shape of the Beta distribution of θ. */
  readonly delta: number;
};

const positive = () => z.number().positive().finite();

/** zod schema of {@link BgBbParams}: four finite numbers > 0. */
export const BgBbParamsSchema = /* @__PURE__ */ z
  .object({ alpha: positive(), beta: positive(), gamma: positive(), delta: positive() })
  .strict();

/**
 * Longest history, in opportunities, that the likelihood and the per-customer sums accept: their cost
 * grows with n (the fit keeps ln Γ tables of n + 1 entries; P(X(t) = k) sums t − k terms).
 */
export const MAX_OPPORTUNITIES = 100_000;

/** Parameter order of the fitted record (the paper's). */
export const BG_BB_PARAMETER_NAMES = Object.freeze(['alpha', 'beta', 'gamma', 'delta'] as const);

/**
 * zod schema of a BG/BB customer history in opportunities: `frequency` x, `recency` t_x (the index
 * of the last opportunity with a purchase, 0 when x = 0) and `T` = n (the number of opportunities),
 * whole numbers with x <= t_x <= n.
 */
export const BgBbCustomerSchema = /* @__PURE__ */ z
  .object({
    frequency: z.number().int().nonnegative().finite(),
    recency: z.number().int().nonnegative().finite(),
    T: z.number().int().nonnegative().max(MAX_OPPORTUNITIES),
  })
  .superRefine((c, ctx) => {
    if (c.recency > c.T)
      ctx.addIssue({ code: 'custom', message: 'Must not exceed T', path: ['recency'] });
    if (c.frequency > c.recency)
      ctx.addIssue({
        code: 'custom',
        message: 'Must be at least frequency (x purchases need x opportunities)',
        path: ['recency'],
      });
  });

/** A whole number of opportunities up to {@link MAX_OPPORTUNITIES} (for sums over opportunities). */
export const BoundedOpportunitiesSchema = /* @__PURE__ */ z
  .number()
  .int()
  .nonnegative()
  .max(MAX_OPPORTUNITIES);

/** A whole number of opportunities (a horizon or a future opportunity index). */
export const OpportunitiesSchema = /* @__PURE__ */ z.number().int().nonnegative().finite();

/** Checks params at a public boundary. */
export function parseBgBbParams(params: unknown, fn: string): BgBbParams {
  return parseInput(BgBbParamsSchema, params, fn, 'params');
}

/** Checks a customer history at a public boundary. */
export function parseBgBbCustomer(customer: unknown, fn: string): CustomerHistory {
  return parseInput(BgBbCustomerSchema, customer, fn, 'customer');
}

/** Checks a whole number of opportunities at a public boundary (`bounded`: at most MAX_OPPORTUNITIES). */
export function parseOpportunities(
  value: unknown,
  fn: string,
  name: string,
  bounded = false,
): number {
  return parseInput(bounded ? BoundedOpportunitiesSchema : OpportunitiesSchema, value, fn, name);
}
