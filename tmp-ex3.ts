import { paretoNbd } from './src/models/pareto-nbd/index.js';
import { rfmSummaryFromRows } from './src/data/index.js';
const summary = rfmSummaryFromRows([
  { frequency: 0, recency: 0, T: 38.86, count: 1411 },
  { frequency: 1, recency: 20.1, T: 36.4, count: 439 },
  { frequency: 2, recency: 30.43, T: 38.86, count: 214 },
  { frequency: 4, recency: 33.7, T: 35.1, count: 155 },
  { frequency: 9, recency: 36.6, T: 37.9, count: 138 },
], { timeUnit: 'week' });
const t0 = performance.now();
const f = paretoNbd.fit(summary);
console.log(performance.now() - t0, f.params, f.logLikelihood, f.diagnostics);
