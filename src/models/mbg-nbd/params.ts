/**
 * MBG/NBD parameters (Batislam, Denizel & Filiztekin 2007, "Empirical validation and comparison of
 * models for customer base analysis", International Journal of Research in Marketing 24(3):201–209):
 * the BG/NBD story, except that the customer can also become inactive right after the first
 * purchase (at time 0), with the same probability p ~ Beta(a, b) as after every repeat purchase.
 */
import type { z } from 'zod';
import type { FamilyMember } from '../shared/beta-geometric-api.js';
import { BetaGeometricParamsSchema } from '../shared/beta-geometric-api.js';

/** MBG/NBD parameters, named as in BG/NBD. α is a rate per time unit of the data; r, a, b are shapes. */
export type MbgNbdParams = {
  /** Shape of the Gamma distribution of the purchase rate λ. */
  readonly r: number;
  /** Rate (scale) parameter of the Gamma distribution of λ, in the data's time unit. */
  readonly alpha: number;
  /** First shape of the Beta distribution of the drop-out probability p. */
  readonly a: number;
  /** Second shape of the Beta distribution of p. */
  readonly b: number;
};

/** zod schema of {@link MbgNbdParams}: four finite numbers > 0, no other keys. */
export const MbgNbdParamsSchema: z.ZodType<MbgNbdParams> = BetaGeometricParamsSchema;

/** The family member descriptor used by the shared implementation. */
export const MBG_NBD: FamilyMember<'mbg-nbd'> = /* @__PURE__ */ Object.freeze({
  model: 'mbg-nbd',
  prefix: 'mbgNbd',
  dropAtZero: 1,
  citation: 'Batislam, Denizel & Filiztekin (2007) IJRM 24(3), the MBG/NBD likelihood',
});
