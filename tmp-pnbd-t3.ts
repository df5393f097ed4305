import { cpuMs } from './tmp-cpu.js';
import { cdnowSummaryExactWeeks, syntheticBgNbd100k } from './tests/models/helpers/cdnow.js';
import { summaryColumns } from './src/models/pareto-nbd/summary-input.js';
import { buildPatternIndex } from './src/models/pareto-nbd/pattern-index.js';
import { createWorkspace, evaluateNodes, sumLogLikelihood, sumOut } from './src/models/pareto-nbd/likelihood.js';
for (const [name, s, p] of [['cdnow', cdnowSummaryExactWeeks(), [0.553, 10.578/32, 0.606, 11.669/32]], ['syn', syntheticBgNbd100k(), [0.6, 13.5/32, 0.84, 24.1/32]]] as const) {
  for (let rep=0; rep<2; rep++) { const { columns } = summaryColumns(s, "x"); const a=performance.now(); buildPatternIndex(columns, 32); console.log("index again", (performance.now()-a).toFixed(2)); }
  let t0 = performance.now();
  const { columns } = summaryColumns(s, 'x');
  const t1 = performance.now();
  const idx = buildPatternIndex(columns, 32);
  const t2 = performance.now();
  console.log(name, 'rows', idx.patterns, 'nodes', idx.nodes, 'distinctX', idx.distinctX.length, 'cols', (t1-t0).toFixed(2), 'index', (t2-t1).toFixed(2));
  const ws = createWorkspace(idx);
  for (const grad of [false, true]) {
    const N = 200; 
    for (let k=0;k<100;k++){ evaluateNodes(ws, p[0], p[1], p[2], p[3], grad); sumLogLikelihood(ws, p[0], p[1], p[2], p[3], grad); }
    const a = cpuMs(() => evaluateNodes(ws, p[0], p[1], p[2], p[3], grad), N);
    const b = cpuMs(() => sumLogLikelihood(ws, p[0], p[1], p[2], p[3], grad), N);
    console.log(' grad', grad, 'nodes cpu ms', a.toFixed(3), 'rows cpu ms', b.toFixed(3), sumOut.ll);
  }
}
