import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { parseInput, SeedSchema } from '../../core/validate.js';
import type {
  DerlByTenureInput,
  DerlInput,
  SurvivalProjectionInput,
} from '../contractual-types.js';

/** A whole number of periods >= 0 (an age or a tenure). */
export const PeriodsSchema = /* @__PURE__ */ z.number().int().nonnegative().safe();

/** A whole number of periods >= 1 (a renewal index). */
export const RenewalSchema = /* @__PURE__ */ z.number().int().min(1).safe();

/** A discrete effective discount rate per period, >= 0. */
export const ContractDiscountRateSchema = /* @__PURE__ */ z.number().nonnegative().finite();

const DerlInputSchema = /* @__PURE__ */ z
  .object({ periodsSurvived: PeriodsSchema, discountRate: ContractDiscountRateSchema })
  .strict();

const ProjectionInputSchema = /* @__PURE__ */ z
  .object({
    cohorts: z.array(
      z
        .object({
          cohort: z.string().optional(),
          age: PeriodsSchema,
          alive: z.number().nonnegative().finite(),
        })
        .strict(),
    ),
    horizon: PeriodsSchema.max(100_000),
  })
  .strict();

const SimulationOptionsSchema = /* @__PURE__ */ z
  .object({
    cohorts: z
      .array(
        z
          .object({
            cohort: z.string().min(1).optional(),
            size: z.number().int().min(1).max(10_000_000),
            periods: PeriodsSchema.max(100_000),
          })
          .strict(),
      )
      .min(1),
    seed: SeedSchema,
  })
  .strict();

/** Validates a `derl` input. */
export function parseDerlInput(input: unknown, fn: string): DerlInput {
  return parseInput(DerlInputSchema, input, fn, 'input');
}

/** Validates a `projectSurvival` input. */
export function parseProjectionInput(input: unknown, fn: string): SurvivalProjectionInput {
  return parseInput(ProjectionInputSchema, input, fn, 'input');
}

/** Validates a `simulate` options object. */
export function parseSimulationOptions(
  options: unknown,
  fn: string,
): z.output<typeof SimulationOptionsSchema> {
  return parseInput(SimulationOptionsSchema, options, fn, 'options');
}

/**
 * Validates a `derlByTenure` input with a plain O(n) loop (zod over a million numbers would dominate
 * the run time): every tenure a whole number >= 0 within the safe range.
 */
export function parseDerlByTenureInput(input: unknown, fn: string): DerlByTenureInput {
  if (input === null || typeof input !== 'object')
    fail('input/invalid', fn, 'input must be { periodsSurvived, discountRate }', {
      expected: 'an object',
      received: input,
    });
  const { periodsSurvived, discountRate } = input as Record<string, unknown>;
  parseInput(ContractDiscountRateSchema, discountRate, fn, 'input.discountRate');
  const list = periodsSurvived as ArrayLike<unknown> | undefined;
  if (list === null || typeof list !== 'object' || typeof list.length !== 'number')
    fail('input/invalid', fn, 'input.periodsSurvived must be an array of whole numbers', {
      path: ['periodsSurvived'],
      expected: 'an array or typed array',
      received: list,
    });
  for (let i = 0; i < list.length; i += 1) {
    const k = list[i];
    if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 0)
      fail('input/invalid', fn, `input.periodsSurvived[${i}] must be a whole number >= 0`, {
        path: ['periodsSurvived', i],
        expected: 'renewals made so far (0, 1, 2, ...)',
        received: k,
      });
  }
  return { periodsSurvived: list as ArrayLike<number>, discountRate: discountRate as number };
}
