import { cdnowSummaryExactWeeks, cdnowSummaryRounded, syntheticBgNbd100k } from './tests/models/helpers/cdnow.js';
import { fitParetoNbd as fit } from './src/models/pareto-nbd/fit.js';
const s = cdnowSummaryExactWeeks();
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  const f = fit(s);
  console.log((performance.now() - t0).toFixed(1), 'ms', f.params, f.logLikelihood, f.diagnostics, f.standardErrors);
}
const f2 = fit(cdnowSummaryRounded()); console.log(f2.params, f2.logLikelihood);
const syn = syntheticBgNbd100k();
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  const f = fit(syn);
  console.log((performance.now() - t0).toFixed(1), 'ms', f.params, f.logLikelihood, f.diagnostics.iterations, f.diagnostics.functionEvaluations, f.diagnostics.reason);
}
