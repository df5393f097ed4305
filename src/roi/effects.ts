/**
 * Effects of a CX programme, each given as a number (a point estimate) or a distribution for the
 * Monte Carlo: point, range (uniform), triangular, normal or beta (scaled to [low, high]).
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { betaVariate } from '../random/gamma.js';
import { standardNormalVariate } from '../random/normal.js';
import type { RandomSource } from '../random/prng.js';

/**
 * An uncertain effect. A bare number is a point. The deterministic figures use the distribution's
 * mean; the Monte Carlo draws from it.
 *
 * - `{ kind: 'point', value }`
 * - `{ kind: 'range', low, high }`: uniform on [low, high]
 * - `{ kind: 'triangular', low, mode, high }`: an expert's low / most likely / high
 * - `{ kind: 'normal', mean, sd }`: draws outside the feasible range are clamped to it (and counted)
 * - `{ kind: 'beta', alpha, beta, low?, high? }`: Beta(alpha, beta) scaled to [low, high] (default [0, 1])
 */
export type EffectDistribution =
  | number
  | { readonly kind: 'point'; readonly value: number }
  | { readonly kind: 'range'; readonly low: number; readonly high: number }
  | {
      readonly kind: 'triangular';
      readonly low: number;
      readonly mode: number;
      readonly high: number;
    }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | {
      readonly kind: 'beta';
      readonly alpha: number;
      readonly beta: number;
      readonly low?: number;
      readonly high?: number;
    };

const Finite = z.number().finite();

/** zod schema of {@link EffectDistribution} (ordering rules are checked by {@link parseEffect}). */
export const EffectDistributionSchema = z.union([
  Finite,
  z.object({ kind: z.literal('point'), value: Finite }).strict(),
  z.object({ kind: z.literal('range'), low: Finite, high: Finite }).strict(),
  z.object({ kind: z.literal('triangular'), low: Finite, mode: Finite, high: Finite }).strict(),
  z
    .object({ kind: z.literal('normal'), mean: Finite, sd: z.number().nonnegative().finite() })
    .strict(),
  z
    .object({
      kind: z.literal('beta'),
      alpha: z.number().positive().finite(),
      beta: z.number().positive().finite(),
      low: Finite.optional(),
      high: Finite.optional(),
    })
    .strict(),
]);

/** A validated effect in normal form (no bare numbers; a beta's range filled in). Internal. */
export type ParsedEffect =
  | Exclude<EffectDistribution, number | { readonly kind: 'beta' }>
  | Required<Extract<EffectDistribution, { readonly kind: 'beta' }>>;

/** Normalises an effect validated by {@link EffectDistributionSchema}; checks the ordering rules. */
export function parseEffect(
  effect: z.output<typeof EffectDistributionSchema>,
  fn: string,
  path: readonly (string | number)[],
): ParsedEffect {
  if (typeof effect === 'number') return { kind: 'point', value: effect };
  const ordered = (values: number[], names: string): void => {
    for (let i = 1; i < values.length; i += 1)
      if (values[i]! < values[i - 1]!)
        fail('input/invalid', fn, `${path.join('.')} must have ${names} in increasing order`, {
          expected: names.replaceAll(',', ' <='),
          received: values.join(', '),
          path,
        });
  };
  switch (effect.kind) {
    case 'range':
      ordered([effect.low, effect.high], 'low, high');
      return effect;
    case 'triangular':
      ordered([effect.low, effect.mode, effect.high], 'low, mode, high');
      return effect;
    case 'beta': {
      const low = effect.low ?? 0;
      const high = effect.high ?? 1;
      ordered([low, high], 'low, high');
      return { kind: 'beta', alpha: effect.alpha, beta: effect.beta, low, high };
    }
    default:
      return effect;
  }
}

/** The mean of an effect (what the deterministic figures use). */
export function effectMean(effect: ParsedEffect): number {
  switch (effect.kind) {
    case 'point':
      return effect.value;
    case 'range':
      return (effect.low + effect.high) / 2;
    case 'triangular':
      return (effect.low + effect.mode + effect.high) / 3;
    case 'normal':
      return effect.mean;
    case 'beta':
      return (
        effect.low + ((effect.high - effect.low) * effect.alpha) / (effect.alpha + effect.beta)
      );
  }
}

/** True when every draw equals the mean (zero spread). */
export function isDegenerate(effect: ParsedEffect): boolean {
  switch (effect.kind) {
    case 'point':
      return true;
    case 'normal':
      return effect.sd === 0;
    default:
      return effect.low === effect.high;
  }
}

/** Largest |Z| Box–Muller can return (sqrt(−2 ln 2^-53) ≈ 8.57): the normal's effective support. */
const MAX_Z = 8.6;

/** The interval every draw falls in. */
export function effectSupport(effect: ParsedEffect): readonly [number, number] {
  switch (effect.kind) {
    case 'point':
      return [effect.value, effect.value];
    case 'normal':
      return [effect.mean - MAX_Z * effect.sd, effect.mean + MAX_Z * effect.sd];
    default:
      return [effect.low, effect.high];
  }
}

/** A sampler for the effect; it consumes the same number of uniforms per draw for a given kind. */
export function effectSampler(effect: ParsedEffect): (rng: RandomSource) => number {
  switch (effect.kind) {
    case 'point': {
      const { value } = effect;
      return () => value;
    }
    case 'range': {
      const { low, high } = effect;
      return (rng) => low + (high - low) * rng.nextDouble();
    }
    case 'triangular': {
      // Inversion of the triangular CDF, as sampleTriangular in src/random.
      const { low, mode, high } = effect;
      const width = high - low;
      const split = width === 0 ? 0 : (mode - low) / width;
      return (rng) => {
        const u = rng.nextDouble();
        return u < split
          ? low + Math.sqrt(u * width * (mode - low))
          : high - Math.sqrt((1 - u) * width * (high - mode));
      };
    }
    case 'normal': {
      const { mean, sd } = effect;
      return (rng) => mean + sd * standardNormalVariate(rng);
    }
    case 'beta': {
      const { alpha, beta, low, high } = effect;
      return (rng) => low + (high - low) * betaVariate(rng, alpha, beta);
    }
  }
}
