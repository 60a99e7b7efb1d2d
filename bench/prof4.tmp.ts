import { compile } from '../shared/simulation/compile';
import { TrialRunner } from '../shared/simulation/trial';
import { benchPlan } from './plans/simulation-bench';
for (const keep of [['fin', 'mfg'], ['consumers'], ['fin', 'mfg', 'consumers']]) {
  const plan = benchPlan();
  plan.segments = plan.segments.filter((s) => keep.includes(s.id));
  plan.customers = []; plan.targets = [];
  const model = compile(plan);
  const r = new TrialRunner(model);
  for (let t = 0; t < 500; t++) r.run(1, t);
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let t = 0; t < 4000; t++) r.run(1, t);
  console.log(keep.join(","), ((performance.now() - t0) / 4000 * 1000).toFixed(1), "us/trial wall", (process.cpuUsage(c0).user / 4000).toFixed(1), "cpu");
}
