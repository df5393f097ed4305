/**
 * The CX scenario of a briefing: a customer-experience programme as a finance team writes it down
 * (a JSON file for the command line), checked with zod. Amounts are in the briefing's currency and
 * every period is a year.
 */
import { z } from 'zod';
import { deepFreeze } from '../core/freeze.js';
import { parseInput } from '../core/validate.js';
import type { DecimalInput } from '../money/decimal.js';
import { DecimalInputSchema } from '../money/decimal-input.js';
import { type EffectDistribution, EffectDistributionSchema } from '../roi/effects.js';

/**
 * A customer-experience programme to evaluate in a briefing. Each effect is a number (a point
 * estimate) or a distribution (`range`, `triangular`, `normal`, `beta`, as in `simulateCxReturn`):
 *
 * - `retention`: points of yearly retention (0.02 = two points);
 * - `spend`: relative change in margin per customer (0.02 = +2%);
 * - `referrals`: customers won through advocacy per year of the investment schedule;
 * - `costToServeSaving`: currency units saved per active customer per year.
 */
export interface CxScenario {
  /** The programme's name, e.g. `'Customer-care programme'`. */
  readonly name?: string;
  /** One sentence on what the money buys. */
  readonly description?: string;
  /** Cost per year in the briefing's currency: `investment[0]` is spent now, then one per year. */
  readonly investment: readonly DecimalInput[];
  readonly effects: {
    readonly retention?: EffectDistribution;
    readonly spend?: EffectDistribution;
    readonly referrals?: EffectDistribution;
    readonly costToServeSaving?: EffectDistribution;
  };
  /** Years over which benefits count (1 to 50). */
  readonly horizon: number;
  /** The return per $1 whose probability is reported (default 3, an industry claim to test). */
  readonly benchmark?: number;
  /** Monte Carlo draws (default 20,000; 1,000 to 1,000,000). */
  readonly draws?: number;
  /** Seed of the Monte Carlo (default: the briefing's seed). */
  readonly seed?: number;
}

/** zod schema of {@link CxScenario}: what `--cx <file.json>` must contain. */
export const CxScenarioSchema = /* @__PURE__ */ z
  .object({
    name: z.string().min(1).max(200).optional(),
    description: z.string().max(2000).optional(),
    investment: z.array(DecimalInputSchema).min(1).max(51),
    effects: z
      .object({
        retention: EffectDistributionSchema.optional(),
        spend: EffectDistributionSchema.optional(),
        referrals: EffectDistributionSchema.optional(),
        costToServeSaving: EffectDistributionSchema.optional(),
      })
      .strict()
      .refine((e) => Object.keys(e).length > 0, { message: 'Must state at least one effect' }),
    horizon: z.number().int().min(1).max(50),
    benchmark: z.number().positive().finite().optional(),
    draws: z.number().int().min(1000).max(1_000_000).optional(),
    seed: z.number().int().safe().optional(),
  })
  .strict()
  .refine((s) => s.investment.length <= s.horizon + 1, {
    message: 'The investment schedule may not run past the horizon (at most horizon + 1 amounts)',
    path: ['investment'],
  });

/**
 * Checks a CX scenario (for example a parsed JSON file) and returns it frozen.
 *
 * @throws CustomerAssetError `input/invalid` naming the field at fault.
 *
 * @example
 * ```ts
 * import { parseCxScenario } from 'customer-asset';
 *
 * const scenario = parseCxScenario({ investment: ['50000'], effects: { retention: 0.01 }, horizon: 5 });
 * console.log(scenario.horizon); // 5
 * try {
 *   parseCxScenario({ investment: [], effects: {}, horizon: 5 });
 * } catch (error) {
 *   console.log((error as { code: string }).code); // 'input/invalid'
 * }
 * ```
 */
export function parseCxScenario(value: unknown): CxScenario {
  return deepFreeze(
    parseInput(CxScenarioSchema, value, 'parseCxScenario', 'scenario'),
  ) as CxScenario;
}
