import { simulate } from './src/models/pareto-nbd/simulate.js';
import { score } from './src/models/pareto-nbd/score.js';
import * as P from './src/models/pareto-nbd/predict.js';
import { cpuMs } from './tmp-cpu.js';
const N = 1000000;
const Ts = Array.from({ length: N }, (_, i) => 52 + (i % 365) / 7);
const prm = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
const sum = simulate(prm, { customers: N, T: Ts, seed: 42, timeUnit: 'week' });
const sum39 = simulate(prm, { customers: N, T: 39, seed: 42, timeUnit: 'week' });
let sc = score(prm, sum, { horizon: 52 });
for (const i of [0, 1, 2, 3, 77, 9999]) {
  const c = sum.customers[i]!;
  console.log(sc.probabilityAlive[i], P.probabilityAlive(prm, c), sc.expectedPurchases[i], P.expectedPurchases(prm, c, 52));
}
let t0 = performance.now(); sc = score(prm, sum, { horizon: 52 }); console.log('wall', performance.now() - t0);
console.log('score 1M varied T cpu ms', cpuMs(() => { sc = score(prm, sum, { horizon: 52 }); }, 5).toFixed(1));
console.log('score 1M T=39 cpu ms', cpuMs(() => { sc = score(prm, sum39, { horizon: 52 }); }, 5).toFixed(1));
console.log('score 1M dert cpu ms', cpuMs(() => { sc = score(prm, sum, { horizon: 52, discountRate: 0.0027 }); }, 5).toFixed(1));
