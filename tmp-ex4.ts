import { paretoNbd } from './src/models/pareto-nbd/index.js';
const truth = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const summary = paretoNbd.simulate(truth, { customers: 5000, T: 39, seed: 11, timeUnit: 'week' });
const t0 = performance.now();
const fitted = paretoNbd.fit(summary);
console.log(performance.now() - t0, fitted.params, fitted.standardErrors, fitted.notes);
console.log(fitted.params.r.toFixed(2), fitted.params.alpha.toFixed(1));
