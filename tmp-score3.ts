import { simulate } from './src/models/pareto-nbd/simulate.js';
import { score } from './src/models/pareto-nbd/score.js';
const N = 1000000;
const prm = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
const sum39 = simulate(prm, { customers: N, T: 39, seed: 42, timeUnit: 'week' });
const a = process.cpuUsage();
for (let k = 0; k < 6; k++) score(prm, sum39, { horizon: 52 });
console.log('cpu per score', (process.cpuUsage(a).user / 6000).toFixed(1));
