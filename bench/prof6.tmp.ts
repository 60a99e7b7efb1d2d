import { simulate } from '../shared/simulation/montecarlo';
import { benchPlan } from './plans/simulation-bench';
const plan = benchPlan();
simulate(plan, { trials: 1000 });
const c = process.cpuUsage();
const t = performance.now();
simulate(plan, { trials: 10000 });
console.log('wall', performance.now() - t, 'cpu', process.cpuUsage(c).user / 1000);
