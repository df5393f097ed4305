import { z } from 'zod';

/**
 * The unit in which a time quantity is expressed. Every time quantity in the library carries one:
 * there is no hidden "a month is 30 days". `period` is an abstract discrete opportunity (BG/BB,
 * contract periods) with no calendar meaning.
 */
export type TimeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'period';

/** zod schema for {@link TimeUnit}. */
export const TimeUnitSchema = z.enum(['day', 'week', 'month', 'quarter', 'year', 'period']);

/** A duration with its unit, e.g. `{ value: 52, unit: 'week' }`. */
export interface Duration {
  readonly value: number;
  readonly unit: TimeUnit;
}

/** zod schema for {@link Duration}. */
export const DurationSchema = z.object({
  value: z.number().nonnegative().finite(),
  unit: TimeUnitSchema,
});
