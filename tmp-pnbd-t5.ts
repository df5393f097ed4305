import { cdnowSummaryExactWeeks } from './tests/models/helpers/cdnow.js';
import { fitParetoNbd as fit } from './src/models/pareto-nbd/fit.js';
const s = cdnowSummaryExactWeeks();
for (const opt of [{}, { gradientTolerance: 1e-6 }, { gradientTolerance: 1e-7 }, { gradientTolerance: 1e-8 }, { relativeTolerance: 1e-10 }]) {
  const f = fit(s, { optimizer: opt });
  console.log(JSON.stringify(opt), f.params.r.toFixed(6), f.params.alpha.toFixed(5), f.params.s.toFixed(6), f.params.beta.toFixed(5), f.logLikelihood.toFixed(6), f.diagnostics.iterations, f.diagnostics.functionEvaluations, f.diagnostics.gradientEvaluations, f.diagnostics.reason);
}
