import { requiredLeads, sensitivity } from '../shared/simulation';
import { benchPlan } from './plans/simulation-bench';
const plan = benchPlan();
for (const id of ['t1', 't3', 't5', 't4']) {
  const t = performance.now();
  let n = 0;
  const r = requiredLeads(plan, { targetId: id, hooks: { onProgress: () => n++ } });
  console.log(id, JSON.stringify(r), n, 'evals', (performance.now() - t).toFixed(0), 'ms');
}
let t = performance.now();
const s = sensitivity(plan, { trials: 1000 });
console.log((performance.now() - t).toFixed(0), 'ms', s.base, s.items.slice(0, 6).map((i) => JSON.stringify(i)));
t = performance.now();
const s2 = sensitivity(plan, { trials: 1000, phaseId: 'p2', metric: 'wins' });
console.log((performance.now() - t).toFixed(0), 'ms', s2.base, s2.items.slice(0, 4).map((i) => JSON.stringify(i)));
