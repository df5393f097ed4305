/**
 * Contractual (subscription) valuation in money: a subscriber's lifetime and residual value, the
 * value of a base of mixed tenure, and the comparison with a single average retention rate
 * (docs/guide/subscriptions.md).
 */
export {
  type ConstantRetentionComparison,
  type ConstantRetentionComparisonInput,
  type ConstantRetentionRow,
  compareWithConstantRetention,
} from './constant-retention-comparison.js';
export type { SubscriberGroup, SubscriberValuationInput } from './subscriber-inputs.js';
export {
  type SubscribersFromEventsInput,
  subscribersByTenure,
  subscribersFromEvents,
} from './subscriber-tenure.js';
export {
  type SubscriberBaseValue,
  type SubscriberTenureValue,
  subscriberBaseValue,
  subscriberLifetimeValue,
  subscriberResidualValue,
} from './subscriber-value.js';
