import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { type TimeUnit, TimeUnitSchema } from '../../core/time-unit.js';
import { parseInput } from '../../core/validate.js';
import { validateSurvivalCounts } from '../../data/survival-counts.js';
import type { ContractualFitOptions, SurvivalData } from '../contractual-types.js';

/**
 * The sufficient statistics of cohort survival data for any contractual model: weighted
 * cancellations at each age and weighted survivors censored at each cohort's last age. The
 * log-likelihood of Fader & Hardie (2007), appendix eq. (B3), extended to several cohorts, is
 * LL = Σ_t deaths[t] ln P(T = t) + Σ_t censored[t] ln S(t).
 */
export interface SurvivalStatistics {
  /** deaths[t], t = 1..horizon: weighted customers whose last period is t (index 0 is 0). */
  readonly deaths: Float64Array;
  /** censored[t], t = 0..horizon: weighted customers still alive at their cohort's last age t. */
  readonly censored: Float64Array;
  /** The largest age observed in any cohort. */
  readonly horizon: number;
  /** Weighted number of customers (the fitted record's `observations`). */
  readonly customers: number;
  readonly cohorts: number;
  readonly timeUnit: TimeUnit;
}

const ShapeSchema = z.union([
  z.object({ alive: z.array(z.unknown()) }),
  z.object({ cohorts: z.array(z.unknown()), period: TimeUnitSchema.optional() }),
]);

const OptionsSchema = z.object({
  weights: z.array(z.number().nonnegative().finite()).optional(),
  timeUnit: TimeUnitSchema.optional(),
});

/**
 * Validates survival data at a model's public boundary (alive counts that increase, negative or
 * fractional counts, a cohort larger than its start: `input/invalid` naming the position, through
 * `validateSurvivalCounts`) and reduces it to {@link SurvivalStatistics}.
 */
export function survivalStatistics(
  data: SurvivalData,
  options: Pick<ContractualFitOptions<unknown>, 'weights' | 'timeUnit'>,
  fn: string,
): SurvivalStatistics {
  const shape = parseInput(ShapeSchema, data, fn, 'data');
  const opts = parseInput(OptionsSchema, options, fn, 'options');
  const single = 'alive' in shape;
  const counts = validateSurvivalCounts(
    single
      ? (shape.alive as number[])
      : { cohorts: shape.cohorts as { cohort?: string; alive: number[] }[] },
    { fn },
  );
  const period = single ? undefined : shape.period;
  if (period !== undefined && opts.timeUnit !== undefined && period !== opts.timeUnit)
    fail('input/invalid', fn, "options.timeUnit contradicts the data's period", {
      path: ['options', 'timeUnit'],
      expected: `'${period}' (or no timeUnit)`,
      received: opts.timeUnit,
    });
  const cohorts = counts.cohorts;
  const weights = opts.weights;
  if (weights !== undefined && weights.length !== cohorts.length)
    fail('input/invalid', fn, 'options.weights must have one weight per cohort', {
      path: ['options', 'weights'],
      expected: `${cohorts.length} weights`,
      received: `${weights.length} weights`,
    });
  let horizon = 0;
  for (const c of cohorts) horizon = Math.max(horizon, c.alive.length - 1);
  const deaths = new Float64Array(horizon + 1);
  const censored = new Float64Array(horizon + 1);
  let customers = 0;
  cohorts.forEach((c, i) => {
    const w = weights === undefined ? 1 : weights[i]!;
    const alive = c.alive;
    customers += w * alive[0]!;
    for (let t = 1; t < alive.length; t += 1) deaths[t]! += w * (alive[t - 1]! - alive[t]!);
    censored[alive.length - 1]! += w * alive[alive.length - 1]!;
  });
  return {
    deaths,
    censored,
    horizon,
    customers,
    cohorts: cohorts.length,
    timeUnit: opts.timeUnit ?? period ?? 'period',
  };
}

/**
 * Throws `fit/insufficient-data` when the statistics cannot identify a model with `parameters`
 * parameters: no cancellation at all (churn 0 is a boundary), nobody ever renewing (churn 1), or
 * fewer observed ages than parameters (ages 1..horizon give `horizon` free survival shares).
 */
export function checkIdentifiable(stats: SurvivalStatistics, parameters: number, fn: string): void {
  let cancellations = 0;
  let renewals = 0;
  for (let t = 1; t <= stats.horizon; t += 1) {
    cancellations += stats.deaths[t]!;
    renewals += stats.deaths[t]! * (t - 1) + stats.censored[t]! * t;
  }
  if (stats.horizon < parameters)
    fail('fit/insufficient-data', fn, `ages 1..${stats.horizon} cannot identify the model`, {
      expected: `cohorts observed for at least ${parameters} periods`,
      received: `${stats.horizon} periods`,
      path: ['data'],
    });
  if (!(cancellations > 0))
    fail(
      'fit/insufficient-data',
      fn,
      'the data have no cancellation, so churn cannot be estimated',
      {
        expected: 'at least one cohort whose alive count falls',
        received: '0 cancellations',
        path: ['data'],
      },
    );
  if (!(renewals > 0))
    fail(
      'fit/insufficient-data',
      fn,
      'no customer ever renewed, so retention cannot be estimated',
      {
        expected: 'at least one customer alive at age 1',
        received: '0 renewals',
        path: ['data'],
      },
    );
}
