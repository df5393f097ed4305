/**
 * customer-asset: customers as a company's most valuable asset, measured.
 *
 * Flat re-exports only (see ../shared/STYLE.md): each area's barrel lists its public names
 * explicitly; `export * as ns` is never used, because a namespace object defeats tree-shaking.
 *
 * @packageDocumentation
 */
export {
  CustomerAssetError,
  type ErrorCode,
  type ErrorPath,
  isCustomerAssetError,
} from './core/errors.js';
export type { ConvergenceDiagnostics, FittedModel, StopReason } from './core/fitted-model.js';
export type { Safe } from './core/safe.js';
export { type Duration, DurationSchema, type TimeUnit, TimeUnitSchema } from './core/time-unit.js';
export type { CalendarPeriod } from './data/cohort-calendar.js';
export type { RevenueRetention } from './data/cohort-revenue-retention.js';
export {
  type CalendarPeriodTotals,
  type CohortCell,
  type CohortRow,
  type CohortTable,
  type CohortTableOptions,
  cohortTable,
  type LayerCake,
  type LayerCakeSeries,
  safeCohortTable,
} from './data/cohort-table.js';
export * from './data/index.js';
export type {
  FixedSpend,
  GammaGammaSpend,
  SpendModel as SimulationSpendModel,
} from './data/simulate-spend.js';
export {
  type SbgSimulationParams,
  type SimulatedSubscriber,
  type SimulatedSubscriptions,
  type SimulateSubscriptionsOptions,
  safeSimulateSubscriptions,
  simulateSubscriptions,
} from './data/simulate-subscriptions.js';
export {
  type BgNbdSimulationParams,
  type ParetoNbdSimulationParams,
  type SimulatedCustomer,
  type SimulatedTransactions,
  type SimulateTransactionsOptions,
  type SimulationModel,
  safeSimulateTransactions,
  simulateTransactions,
} from './data/simulate-transactions.js';
export {
  type SurvivalCohortCounts,
  type SurvivalCounts,
  type SurvivalCountsInput,
  safeValidateSurvivalCounts,
  type ValidateSurvivalCountsOptions,
  validateSurvivalCounts,
} from './data/survival-counts.js';
export { type SubscriptionEvent, SubscriptionEventSchema } from './data/survival-subscriptions.js';
export {
  type InactivityRule,
  type SubscriptionSurvivalInput,
  type SurvivalCohort,
  type SurvivalTable,
  type SurvivalTableInput,
  safeSurvivalTable,
  survivalTable,
  type TransactionSurvivalInput,
} from './data/survival-table.js';
// The customer-asset ledger: counts and value rolled forward, and the erosion watch.
export * from './ledger/index.js';
export * from './math/index.js';
export * from './models/beta-discrete-weibull/index.js';
export * from './models/bg-bb/index.js';
export * from './models/bg-nbd/index.js';
export type {
  CohortPosition,
  CohortProjection,
  ContractualFitOptions,
  ContractualModel,
  ContractualSimulationOptions,
  DerlByTenureInput,
  DerlInput,
  ExpectedLifetime,
  SurvivalData,
  SurvivalProjection,
  SurvivalProjectionInput,
} from './models/contractual-types.js';
export * from './models/gamma-gamma/index.js';
export * from './models/geometric/index.js';
export * from './models/holdout/index.js';
export * from './models/mbg-nbd/index.js';
export * from './models/pareto-nbd/index.js';
// Contractual models (sBG, BdW, constant-rate geometric) and their valuation in money.
export * from './models/shifted-beta-geometric/index.js';
export * from './models/spend-types.js';
// Non-contractual transaction models.
export * from './models/types.js';
export * from './money/index.js';
export * from './optimize/index.js';
export * from './random/index.js';
// The CFO briefing's pure parts: chart data, Vega-Lite specifications, the sample and the analysis.
export * from './report/index.js';
// Retention versus acquisition, the customer-equity test and the return on customer experience.
export * from './roi/index.js';
// Valuation: where model estimates become Money (CLV, customer equity, intervals, subscribers).
export * from './valuation/index.js';
