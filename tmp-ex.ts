import { paretoNbd } from './src/models/pareto-nbd/index.js';
import { rfmSummaryFromRows } from './src/data/index.js';
const summary = rfmSummaryFromRows([{ frequency: 2, recency: 30.43, T: 38.86 }, { frequency: 0, recency: 0, T: 38.86 }], { timeUnit: 'week' });
console.log(paretoNbd.logLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, summary).toFixed(4));
