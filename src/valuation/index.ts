/**
 * Valuation: where model estimates become Money. CLV per customer and the customer equity of a base
 * from any transaction model and a spend model, with intervals from parameter uncertainty; and (from
 * ./contractual.js) subscriber values in contractual settings.
 */
export {
  type ClvConventions,
  type CustomerLifetimeValues,
  type CustomerValueInterval,
  customerLifetimeValue,
  safeCustomerLifetimeValue,
  type ValuationPeriod,
} from './clv.js';
export type {
  ClvIntervalOptions,
  CustomerLifetimeValueInput,
  SpendComponent,
  TransactionComponent,
} from './clv-input.js';
export * from './contractual.js';
export type { DiscountConvention, DiscountInput } from './discount-rate.js';
export type { ParametricModel } from './parameter-uncertainty.js';
export {
  type IntervalMethod,
  type IntervalScale,
  type PredictionInterval,
  type PredictionIntervalOptions,
  predictionInterval,
  safePredictionInterval,
} from './prediction-interval.js';
export type { SpendModelLike } from './spend-column.js';
export type { CalendarConvention, ConvertedDuration } from './time-conversion.js';
