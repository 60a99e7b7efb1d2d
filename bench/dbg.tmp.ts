import { compile } from '../shared/simulation/compile';
import { TrialRunner } from '../shared/simulation/trial';
import { benchPlan } from './plans/simulation-bench';
const plan = benchPlan();
plan.segments = plan.segments.filter((s) => s.id !== 'consumers');
const r = new TrialRunner(compile(plan));
for (let t = 0; t < 300; t++) r.run(1, t);
// @ts-ignore
eval('%DebugPrint(r)');
