/**
 * The customer-asset ledger: customers gained and lost, in counts (`customerLedger`) and in value
 * (`equityLedger`), with the early warning (`erosionWatch`) and pluggable customer valuations.
 * docs/guide/ledger.md reads each line as an accountant would.
 */
export {
  type ContractualValuationAssumptions,
  contractClock,
  contractualValuation,
  type RetentionValuationAssumptions,
  retentionValuation,
} from './contractual-valuation.js';
export {
  type CustomerLedgerOptions,
  customerLedger,
  safeCustomerLedger,
} from './customer-ledger.js';
export type { LedgerDimension } from './dimension.js';
export { type EquityLedgerOptions, equityLedger, safeEquityLedger } from './equity-ledger.js';
export {
  type ErosionGroup,
  type ErosionPeriod,
  type ErosionWatch,
  type ErosionWatchOptions,
  erosionWatch,
  safeErosionWatch,
} from './erosion-watch.js';
export {
  type SpendAssumption,
  SpendAssumptionSchema,
  type TransactionValuationAssumptions,
  transactionValuation,
} from './transaction-valuation.js';
export type {
  AliveModel,
  CancellationLossRule,
  CohortAcquisitionEconomics,
  CountMovement,
  CustomerLedger,
  EquityChecks,
  EquityLedger,
  EquityMovement,
  EquityPeriodAssumptions,
  EquityRow,
  EquitySeries,
  InactivityLossRule,
  LedgerChecks,
  LedgerRow,
  LedgerSeries,
  LedgerSource,
  LossRule,
  LossRuleRecord,
  ModelLossRule,
  RevaluationLine,
  RevenueRollForward,
  SubscriptionSource,
} from './types.js';
export type { BoundValuation, CustomerState, CustomerValuation } from './valuation.js';
