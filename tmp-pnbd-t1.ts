import { readFileSync } from 'node:fs';
import { buildPatternIndex } from './src/models/pareto-nbd/pattern-index.js';
import { createWorkspace, evaluateNodes, sumLogLikelihood, sumOut } from './src/models/pareto-nbd/likelihood.js';
const vec = JSON.parse(readFileSync('/work/main/tests/models/pareto-nbd/vectors/pareto-nbd.json','utf8'));
function ll1(p:number[], x:number, tx:number, T:number, grad=false){
  const cols = { size:1, frequency:Float64Array.of(x), recency:Float64Array.of(tx), T:Float64Array.of(T), count:Float64Array.of(1)};
  const idx = buildPatternIndex(cols, 1); const ws = createWorkspace(idx);
  evaluateNodes(ws, p[0]!,p[1]!,p[2]!,p[3]!, grad); sumLogLikelihood(ws,p[0]!,p[1]!,p[2]!,p[3]!, grad);
  return {...sumOut};
}
let worst = 0;
for (const c of vec.logLikelihood) {
  const v = ll1(c.params, c.x, c.tx, c.T).ll;
  const err = Math.abs(v - c.ll)/Math.max(1,Math.abs(c.ll));
  worst = Math.max(worst, err);
  console.log(c.params.join(','), c.x, c.tx, c.T, v, c.ll, err.toExponential(2));
}
console.log('worst', worst);
// gradient check
for (const c of vec.logLikelihood) {
  const g = ll1(c.params, c.x, c.tx, c.T, true);
  const fd = c.params.map((_:number, k:number) => { const h = 1e-6*c.params[k]; const p1=[...c.params]; p1[k]+=h; const p2=[...c.params]; p2[k]-=h; return (ll1(p1,c.x,c.tx,c.T).ll-ll1(p2,c.x,c.tx,c.T).ll)/(2*h);});
  const an = [g.dr,g.dalpha,g.ds,g.dbeta];
  const rel = an.map((a,k)=> Math.abs(a-fd[k])/Math.max(1e-3,Math.abs(fd[k])));
  console.log('grad', c.x, c.tx, c.T, rel.map(v=>v.toExponential(1)).join(' '));
}
