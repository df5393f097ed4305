import { z } from 'zod';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { type Safe, toSafe } from '../core/safe.js';
import { formatPath, parseInput } from '../core/validate.js';

/** One cohort's survival curve: customers alive at ages 0, 1, 2, ... (alive[0] is the cohort size). */
export interface SurvivalCohortCounts {
  readonly cohort: string;
  readonly alive: readonly number[];
}

/** Alive counts per cohort, as contractual models (sBG, BdW) fit them. */
export interface SurvivalCounts {
  readonly cohorts: readonly SurvivalCohortCounts[];
}

/** What {@link validateSurvivalCounts} accepts: one alive array, or cohorts (labels optional). */
export type SurvivalCountsInput =
  | readonly number[]
  | {
      readonly cohorts: readonly { readonly cohort?: string; readonly alive: readonly number[] }[];
    };

/** Options of {@link validateSurvivalCounts}. */
export interface ValidateSurvivalCountsOptions {
  /** Function name used in error messages (a model's fit can pass its own). Default `validateSurvivalCounts`. */
  readonly fn?: string;
}

const AliveSchema = z.array(z.number().int().nonnegative().safe()).min(1);
const CohortsSchema = z.object({
  cohorts: z.array(z.object({ cohort: z.string().min(1).optional(), alive: AliveSchema })),
});

/**
 * Validates alive counts given directly (for example the sBG paper's "1000, 631, 468, ..."): each
 * count a non-negative integer, each cohort starting with a positive size and never increasing
 * (customers cannot come back to life in a first-lifetime survival curve, and no later count can
 * exceed the cohort's size). Errors are `input/invalid` and name the position, e.g.
 * `cohorts[1].alive[4]`.
 *
 * Accepts one alive array (returned as a single cohort labelled `"0"`) or `{ cohorts: [{ cohort?,
 * alive }] }` (unlabelled cohorts are labelled by their index). Returns frozen
 * {@link SurvivalCounts}, the format {@link survivalTable} produces and contractual models read.
 *
 * @param counts one alive array or cohorts of alive arrays.
 * @param options `fn`: the function name to use in error messages.
 * @returns frozen {@link SurvivalCounts}.
 * @throws CustomerAssetError `input/invalid` for a negative, fractional or increasing count or an
 *   empty or zero-size cohort; `input/empty` when there are no cohorts.
 *
 * @example
 * ```ts
 * import { validateSurvivalCounts } from 'customer-asset';
 *
 * // Fader & Hardie (2007), Table 1, regular segment, years 0..7.
 * const counts = validateSurvivalCounts([1000, 631, 468, 382, 326, 289, 262, 241]);
 * console.log(counts.cohorts[0]?.alive.length); // 8
 * ```
 */
export function validateSurvivalCounts(
  counts: SurvivalCountsInput,
  options: ValidateSurvivalCountsOptions = {},
): SurvivalCounts {
  const fn = options.fn ?? 'validateSurvivalCounts';
  const single = Array.isArray(counts);
  const cohorts = single
    ? [{ cohort: '0', alive: parseInput(AliveSchema, counts, fn, 'alive') }]
    : parseInput(CohortsSchema, counts, fn, 'counts').cohorts.map((c, i) => ({
        cohort: c.cohort ?? String(i),
        alive: c.alive,
      }));
  if (cohorts.length === 0)
    fail('input/empty', fn, 'counts.cohorts is empty', {
      path: ['cohorts'],
      expected: 'at least one cohort',
      received: [],
    });
  cohorts.forEach((cohort, i) => {
    const at = (k: number): (string | number)[] => (single ? [k] : ['cohorts', i, 'alive', k]);
    const name = (k: number) => formatPath(single ? 'alive' : 'counts', at(k));
    const alive = cohort.alive;
    const size = alive[0]!;
    if (size === 0)
      fail('input/invalid', fn, `${name(0)} is a cohort of size 0`, {
        path: at(0),
        expected: 'a positive cohort size',
        received: 0,
      });
    for (let k = 1; k < alive.length; k += 1) {
      const count = alive[k]!;
      const previous = alive[k - 1]!;
      if (count > size)
        fail('input/invalid', fn, `${name(k)} is larger than the cohort's size ${name(0)}`, {
          path: at(k),
          expected: `a count <= ${size}`,
          received: count,
        });
      if (count > previous)
        fail('input/invalid', fn, `${name(k)} increases from the count before it`, {
          path: at(k),
          expected: `a non-increasing count <= ${previous}`,
          received: count,
        });
    }
  });
  return deepFreeze({ cohorts: cohorts.map((c) => ({ cohort: c.cohort, alive: [...c.alive] })) });
}

/** {@link validateSurvivalCounts} returning a {@link Safe} result instead of throwing. */
export function safeValidateSurvivalCounts(
  counts: SurvivalCountsInput,
  options: ValidateSurvivalCountsOptions = {},
): Safe<SurvivalCounts> {
  return toSafe(() => validateSurvivalCounts(counts, options));
}
