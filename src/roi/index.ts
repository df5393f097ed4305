/**
 * Retention versus acquisition and the return on customer experience: what one more point of
 * retention is worth against acquisition spend, the customer-equity test, unit economics of
 * acquisition, and a CX programme's return with attribution, sensitivity and Monte Carlo uncertainty.
 * Guides: docs/guide/retention-vs-acquisition.md and docs/guide/cx-return.md.
 */
export {
  type AcquisitionUnitEconomics,
  type AcquisitionUnitEconomicsInput,
  acquisitionEconomics,
} from './acquisition-economics.js';
export {
  type CustomerBase,
  CustomerBaseSchema,
  type CustomerValue,
  type CustomerValuesBase,
  type RatesBase,
  type SbgBase,
} from './base.js';
export {
  type CustomerEquityPerProspectInput,
  type CustomerEquityPosition,
  type CustomerEquitySurface,
  type CustomerEquitySurfaceOptions,
  type CustomerEquityTestInput,
  type CustomerEquityTestResult,
  calibrateResponseCurve,
  customerEquityPerProspect,
  customerEquitySurface,
  customerEquityTest,
  type ResponseCalibration,
  type ResponseCurve,
  type ResponsePoint,
} from './customer-equity-test.js';
export {
  CX_LEVERS,
  type CxEffects,
  type CxLeverName,
  type CxReturnInput,
  CxReturnInputSchema,
} from './cx-input.js';
export {
  type CxCashFlow,
  type CxLever,
  type CxReturnResult,
  cxReturn,
  safeCxReturn,
} from './cx-return.js';
export {
  type CxPercentile,
  type CxSimulationOptions,
  type CxSimulationResult,
  simulateCxReturn,
} from './cx-simulation.js';
export { type CxSummary, type CxSummaryFigures, cxSummary } from './cx-summary.js';
export {
  type CxTornadoMoves,
  type CxTornadoResult,
  cxTornado,
  type TornadoChartData,
  type TornadoInput,
  type TornadoMove,
  type TornadoRow,
} from './cx-tornado.js';
export { type EffectDistribution, EffectDistributionSchema } from './effects.js';
export {
  type EquityElasticities,
  type RetentionVsAcquisitionInput,
  type RetentionVsAcquisitionResult,
  retentionVsAcquisition,
  safeRetentionVsAcquisition,
} from './retention-vs-acquisition.js';
