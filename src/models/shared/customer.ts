import { z } from 'zod';
import { parseInput } from '../../core/validate.js';
import type { CustomerHistory } from '../types.js';

/**
 * zod schema of a continuous-time customer history: x a non-negative integer, 0 <= t_x <= T,
 * t_x = 0 when x = 0.
 */
export const CustomerHistorySchema = /* @__PURE__ */ z
  .object({
    frequency: z.number().int().nonnegative().finite(),
    recency: z.number().nonnegative().finite(),
    T: z.number().nonnegative().finite(),
  })
  .superRefine((c, ctx) => {
    if (c.recency > c.T) {
      ctx.addIssue({ code: 'custom', message: 'Must not exceed T', path: ['recency'] });
    }
    if (c.frequency === 0 && c.recency !== 0) {
      ctx.addIssue({ code: 'custom', message: 'Must be 0 when frequency is 0', path: ['recency'] });
    }
  });

/** Checks one customer history at a public boundary; errors name the field. */
export function parseCustomerHistory(customer: unknown, fn: string): CustomerHistory {
  return parseInput(CustomerHistorySchema, customer, fn, 'customer');
}

/** A non-negative, finite horizon or time. */
export const HorizonSchema = /* @__PURE__ */ z.number().nonnegative().finite();

/** A discrete discount rate per time unit, > -1 (0 means no discounting where the sum converges). */
export const DiscountRateSchema = /* @__PURE__ */ z.number().gt(-1).finite();
