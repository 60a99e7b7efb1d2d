import { simulate } from '../shared/simulation/montecarlo';
import { benchPlan } from './plans/simulation-bench';
for (const keep of [['fin', 'mfg'], ['consumers'], ['fin'], ['mfg']]) {
  const plan = benchPlan();
  plan.segments = plan.segments.filter((s) => keep.includes(s.id));
  plan.customers = [];
  plan.targets = [];
  simulate(plan, { trials: 500 });
  const t = performance.now();
  simulate(plan, { trials: 4000 });
  console.log(keep.join(','), performance.now() - t);
}
