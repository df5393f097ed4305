import { paretoNbd } from './src/models/pareto-nbd/index.js';
const CDNOW_MLE = { r: 0.553277, alpha: 10.577683, s: 0.60624, beta: 11.668734 };
const T = Array.from({ length: 1_000_000 }, (_, i) => 20 + (58 * Math.floor(i / 1000)) / 999);
const million = paretoNbd.simulate(CDNOW_MLE, { customers: 1_000_000, T, seed: 7, timeUnit: 'week' });
for (let k = 0; k < 3; k++) paretoNbd.score(CDNOW_MLE, million, { horizon: 52 });
const times: number[] = [];
for (let k = 0; k < 7; k++) { const a = process.cpuUsage(); paretoNbd.score(CDNOW_MLE, million, { horizon: 52 }); const b = process.cpuUsage(a); times.push((b.user + b.system) / 1000); }
times.sort((a, b) => a - b); console.log('score cpu median', times[3]);
