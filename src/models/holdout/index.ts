/**
 * Holdout validation for any transaction model: accuracy per customer, the calibration-versus-holdout
 * table by frequency, and the period-by-period tracking of expected against actual purchases.
 */
export {
  type HoldoutBucket,
  type HoldoutReport,
  type HoldoutReportOptions,
  holdoutReport,
  safeHoldoutReport,
} from './holdout-report.js';
export {
  type HoldoutTracking,
  type HoldoutTrackingOptions,
  holdoutTracking,
  safeHoldoutTracking,
  type TrackingPeriod,
} from './holdout-tracking.js';
