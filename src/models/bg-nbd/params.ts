/**
 * BG/NBD parameters (Fader, Hardie & Lee 2005, "'Counting Your Customers' the Easy Way: An
 * Alternative to the Pareto/NBD Model", Marketing Science 24(2):275–284, section 3): while active a
 * customer buys as a Poisson process of rate λ ~ Gamma(r, α); after each purchase the customer
 * becomes inactive with probability p ~ Beta(a, b).
 */
import type { z } from 'zod';
import type { FamilyMember } from '../shared/beta-geometric-api.js';
import { BetaGeometricParamsSchema } from '../shared/beta-geometric-api.js';

/** BG/NBD parameters in the paper's names. α is a rate per time unit of the data; r, a, b are shapes. */
export type BgNbdParams = {
  /** Shape of the Gamma distribution of the purchase rate λ. */
  readonly r: number;
  /** Rate (scale) parameter of the Gamma distribution of λ, in the data's time unit. */
  readonly alpha: number;
  /** First shape of the Beta distribution of the drop-out probability p. */
  readonly a: number;
  /** Second shape of the Beta distribution of p. */
  readonly b: number;
};

/** zod schema of {@link BgNbdParams}: four finite numbers > 0, no other keys. */
export const BgNbdParamsSchema: z.ZodType<BgNbdParams> = BetaGeometricParamsSchema;

/** The family member descriptor used by the shared implementation. */
export const BG_NBD: FamilyMember<'bg-nbd'> = /* @__PURE__ */ Object.freeze({
  model: 'bg-nbd',
  prefix: 'bgNbd',
  dropAtZero: 0,
  citation: 'Fader, Hardie & Lee (2005) Marketing Science 24(2), the BG/NBD likelihood',
});
