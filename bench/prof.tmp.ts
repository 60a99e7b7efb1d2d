import { simulate } from '../shared/simulation/montecarlo';
import { benchPlan } from './plans/simulation-bench';
const plan = benchPlan();
let t = performance.now();
simulate(plan, { trials: 4000 });
console.log('4000', performance.now() - t);
