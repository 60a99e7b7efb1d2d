import { expectedValue } from '../shared/simulation/expected';
import { compile } from '../shared/simulation/compile';
import { benchPlan } from './plans/simulation-bench';
const plan = benchPlan();
for (let i = 0; i < 100; i++) expectedValue(plan);
let t = performance.now(); for (let i = 0; i < 300; i++) expectedValue(plan); console.log('ev', (performance.now() - t) / 300);
t = performance.now(); for (let i = 0; i < 300; i++) compile(plan); console.log('compile', (performance.now() - t) / 300);
const m = compile(plan);
for (const f of m.funnels) console.log(f.id, f.h, f.dayGrids.map(g => g.p.length), f.entry.map(e => e.p.length));
