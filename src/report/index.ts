/**
 * The CFO briefing and its charts: chart data from pure functions, each with a Vega-Lite spec
 * builder (render them with vega-lite anywhere; the command line renders them to SVG), the briefing
 * assembly, the built-in sample company, and presentation formatting. A leaf: nothing in the
 * library imports it, and it imports no renderer. Guide: docs/guide/briefing.md.
 */

export type { BriefingModelName } from './analysis.js';
export { type BriefingInput, briefing, safeBriefing } from './briefing.js';
export type {
  Briefing,
  BriefingChart,
  BriefingCustomer,
  BriefingFigure,
  BriefingProgress,
  BriefingSection,
  BriefingTable,
} from './briefing-types.js';
export {
  type ClvConcentrationData,
  type ClvConcentrationInput,
  type ClvGroup,
  type ConcentrationPoint,
  clvConcentrationData,
  clvConcentrationSpec,
} from './charts/clv-deciles.js';
export {
  type LayerCakeData,
  type LayerCakePoint,
  layerCakeData,
  layerCakeSpec,
  type RetentionCell,
  type RetentionHeatmapData,
  type RetentionHeatmapOptions,
  retentionHeatmapData,
  retentionHeatmapSpec,
} from './charts/cohort-charts.js';
export {
  type CustomerBasePoint,
  type CustomerFlowBar,
  type CustomerFlowData,
  type CustomerFlowRow,
  customerFlowData,
  customerFlowSpec,
} from './charts/customer-flow.js';
export {
  type EquityWaterfallData,
  type EquityWaterfallOptions,
  equityWaterfallData,
  equityWaterfallSpec,
  type WaterfallStep,
} from './charts/equity-waterfall.js';
export {
  type HoldoutChartData,
  type HoldoutPoint,
  holdoutChartData,
  holdoutChartSpec,
  type ProbabilityAliveCell,
  type ProbabilityAliveGridData,
  type ProbabilityAliveGridOptions,
  probabilityAliveGridData,
  probabilityAliveGridSpec,
} from './charts/model-charts.js';
export {
  type CxDistributionData,
  type CxTornadoChartData,
  cxDistributionData,
  cxDistributionSpec,
  cxTornadoChartData,
  cxTornadoChartSpec,
  DISTRIBUTION_PERCENTILES,
  type RetentionCurveData,
  type RetentionCurvePoint,
  type ReturnBin,
  retentionCurveData,
  retentionCurveSpec,
  type TornadoBar,
} from './charts/roi-charts.js';
export { type ChartOptions, VEGA_LITE_SCHEMA, type VegaLiteSpec } from './charts/spec.js';
export { type CxScenario, CxScenarioSchema, parseCxScenario } from './cx-scenario.js';
export {
  type FormatMoneyOptions,
  formatMoney,
  formatMoneyCompact,
  formatMultiple,
  formatNumber,
  formatPercent,
} from './format.js';
export { type BriefingSample, briefingSample, SAMPLE_CX_SCENARIO, SAMPLE_SEED } from './sample.js';
