/**
 * Shared zod pieces of the subscriber valuation functions.
 *
 * @internal
 */
import { z } from 'zod';
import { parseInput } from '../core/validate.js';
import type { ContractualModel } from '../models/contractual-types.js';
import { type Money, MoneySchema } from '../money/money.js';

/** Any contractual model descriptor (sBG, BdW, geometric), with its params type erased. */
// biome-ignore lint/suspicious/noExplicitAny: the params type is checked by the model's own schema.
export type AnyContractualModel = ContractualModel<string, any>;

/** A contractual model descriptor: checked structurally (the functions valuation calls). */
export const ContractualModelSchema = /* @__PURE__ */ z.custom<AnyContractualModel>(
  (value) =>
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Record<string, unknown>).name === 'string' &&
    ['del', 'derl', 'derlByTenure', 'retentionRate'].every(
      (key) => typeof (value as Record<string, unknown>)[key] === 'function',
    ) &&
    (value as { paramsSchema?: unknown }).paramsSchema instanceof z.ZodType,
  {
    message:
      'Must be a contractual model descriptor: shiftedBetaGeometric, betaDiscreteWeibull or geometric',
  },
);

/** One group of subscribers with the same tenure. */
export interface SubscriberGroup {
  /** Renewals made so far (0 = still in the first, paid, period). */
  readonly periodsSurvived: number;
  /** Subscribers in the group. */
  readonly count: number;
}

/** zod schema of a list of {@link SubscriberGroup}s. */
export const SubscriberGroupsSchema = /* @__PURE__ */ z.array(
  z
    .object({
      periodsSurvived: z.number().int().nonnegative().safe(),
      count: z.number().int().nonnegative().safe(),
    })
    .strict(),
);

/** What every subscriber valuation takes: the model, its params, the margin and the rate. */
export interface SubscriberValuationInput<Params> {
  /** `shiftedBetaGeometric`, `betaDiscreteWeibull` or `geometric`. */
  readonly model: ContractualModel<string, Params & Readonly<Record<string, number>>>;
  /** The model's params, e.g. a fitted record's `params`. */
  readonly params: Params;
  /** Margin per period received from each active subscriber (paid at the start of the period). */
  readonly margin: Money;
  /** Discrete effective discount rate per period, >= 0 (convert an annual rate with `convertRate`). */
  readonly discountRate: number;
}

const BaseSchema = {
  model: ContractualModelSchema,
  params: z.unknown(),
  margin: MoneySchema,
  discountRate: z.number().nonnegative().finite(),
};

/** Validates the common fields and the params against the model's own schema. */
export function parseValuationInput<Extra extends z.ZodRawShape>(
  input: unknown,
  extra: Extra,
  fn: string,
): {
  model: AnyContractualModel;
  params: Readonly<Record<string, number>>;
  margin: Money;
  discountRate: number;
} & z.output<z.ZodObject<Extra>> {
  const schema = z.object({ ...BaseSchema, ...extra }).strict();
  const parsed = parseInput(schema, input, fn, 'input') as Record<string, unknown>;
  const model = parsed.model as AnyContractualModel;
  const params = parseInput(model.paramsSchema, parsed.params, fn, 'input.params');
  return { ...parsed, model, params } as never;
}
