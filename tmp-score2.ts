import { simulate } from './src/models/pareto-nbd/simulate.js';
import { score } from './src/models/pareto-nbd/score.js';
import { summaryColumns } from './src/models/pareto-nbd/summary-input.js';
import { cpuMs } from './tmp-cpu.js';
const N = 1000000;
const prm = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
const sum39 = simulate(prm, { customers: N, T: 39, seed: 42, timeUnit: 'week' });
for (let k = 0; k < 5; k++) {
  let t0 = performance.now(); summaryColumns(sum39, 'x'); const a = performance.now() - t0;
  t0 = performance.now(); score(prm, sum39, { horizon: 52 }); const b = performance.now() - t0;
  console.log('columns wall', a.toFixed(1), 'score wall', b.toFixed(1));
}
