/**
 * customer-asset: customers as a company's most valuable asset, measured.
 *
 * Flat named re-exports only (see ../shared/STYLE.md): `export * as ns` would become a runtime object
 * that defeats tree-shaking.
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
