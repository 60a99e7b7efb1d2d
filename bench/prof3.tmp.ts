import { simulate } from '../shared/simulation/montecarlo';
import { benchPlan } from './plans/simulation-bench';
const plan = benchPlan();
plan.segments = plan.segments.filter((s) => s.id !== 'consumers');
plan.customers = []; plan.targets = [];
simulate(plan, { trials: 8000 });
