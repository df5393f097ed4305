import fc from 'fast-check';
import { paretoNbd } from './src/models/pareto-nbd/index.js';
import { rfmSummaryFromRows } from './src/data/index.js';
const logUniform = (lo: number, hi: number) => fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
const paramsArb = fc.record({ r: logUniform(1e-3, 1e3), alpha: logUniform(1e-3, 1e4), s: logUniform(1e-3, 1e2), beta: logUniform(1e-3, 1e4) });
const customerArb = fc.record({ x: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 100, max: 3000 })), T: fc.oneof(logUniform(1e-6, 1), logUniform(1, 5000)), u: fc.oneof(fc.constant(1), fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })) }).map(({ x, T, u }) => ({ frequency: x, recency: x === 0 ? 0 : u * T, T }));
const samples = fc.sample(fc.tuple(paramsArb, customerArb), 20000);
const counts: Record<string, number> = {};
const t0 = performance.now();
for (const [p, c] of samples) {
  for (const [name, f] of [['ll', () => paretoNbd.logLikelihood(p, rfmSummaryFromRows([c], { timeUnit: 'week' }))], ['pa', () => paretoNbd.probabilityAlive(p, c)], ['ey', () => paretoNbd.expectedPurchases(p, c, 52)], ['dert', () => paretoNbd.dert(p, c, 0.003)]] as const) {
    try { const v = f(); if (!Number.isFinite(v)) counts[name + ':nonfinite'] = (counts[name + ':nonfinite'] ?? 0) + 1; }
    catch (e: any) { const k = name + ':' + (e.code ?? 'UNCODED ' + e.message); counts[k] = (counts[k] ?? 0) + 1; if (!e.code) console.log(p, c, e); }
  }
}
console.log(counts, (performance.now() - t0).toFixed(0), 'ms');
