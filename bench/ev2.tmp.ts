import { expectedValue } from '../shared/simulation/expected';
import { benchPlan } from './plans/simulation-bench';
const plan = benchPlan();
for (let i = 0; i < 2000; i++) expectedValue(plan);
