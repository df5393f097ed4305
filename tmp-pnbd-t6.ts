import { readFileSync } from 'node:fs';
import * as P from './src/models/pareto-nbd/predict.js';
import { probabilityOfPurchases } from './src/models/pareto-nbd/pmf.js';
const v = JSON.parse(readFileSync('tests/models/pareto-nbd/vectors/pareto-nbd.json', 'utf8'));
const P4 = (a: number[]) => ({ r: a[0]!, alpha: a[1]!, s: a[2]!, beta: a[3]! });
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
let w = 0;
for (const c of v.probabilityAlive) { const x = P.probabilityAlive(P4(c.params), { frequency: c.x, recency: c.tx, T: c.T }); w = Math.max(w, rel(x, c.pAlive)); console.log('palive', c.name, x, c.pAlive); }
for (const c of v.probabilityAliveFuture) { const x = P.probabilityAlive(P4(c.params), { frequency: c.x, recency: c.tx, T: c.T }, c.t); w = Math.max(w, rel(x, c.pAlive)); }
for (const c of [...v.expectedPurchases, ...v.frequencyParadox, ...v.heavyBuyers]) { const x = P.expectedPurchases(P4(c.params), { frequency: c.x, recency: c.tx, T: c.T }, c.t); w = Math.max(w, rel(x, c.expected)); }
for (const c of v.expectedPurchasesNewCustomer) { w = Math.max(w, rel(P.expectedPurchasesNewCustomer(P4(c.params), c.t), c.expected)); }
w = Math.max(w, rel(P.expectedPurchasesNewCustomer(P4(v.expectedPurchasesNewCustomerS1.params), 52), v.expectedPurchasesNewCustomerS1.expected));
const d = Math.expm1(0.0027);
for (const c of [...v.dert.customers, ...v.dert.isoValueSmallTx, ...v.dert.isoValueLargeTx]) { const x = P.dert(P4(v.dert.params), { frequency: c.x, recency: c.tx, T: 77.86 }, d); w = Math.max(w, rel(x, c.dert)); }
w = Math.max(w, rel(P.dertNewCustomer(P4(v.det.params), d), v.det.det));
w = Math.max(w, rel(P.dertNewCustomer(P4(v.detMle.params), Math.expm1(v.detMle.delta)), v.detMle.det));
console.log('worst closed-form rel', w);
let wp = 0;
for (const c of v.pmf) c.pmf.forEach((p: number, n: number) => { wp = Math.max(wp, rel(probabilityOfPurchases(P4(c.params), n, c.t), p)); });
for (const c of v.pmfTail) wp = Math.max(wp, rel(probabilityOfPurchases(P4(c.params), c.n, c.t), c.p));
console.log('worst pmf rel', wp);
const pr = P4(v.params.mle);
let tot = 0, mean = 0; const t0 = performance.now();
for (let n = 0; n < 400; n++) { const p = probabilityOfPurchases(pr, n, 52); tot += p; mean += n * p; }
console.log('sum', tot, 'mean', mean, P.expectedPurchasesNewCustomer(pr, 52), (performance.now() - t0).toFixed(1), 'ms');
