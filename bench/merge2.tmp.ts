import { simulateChunks, mergeChunks, chunkCount } from '../shared/simulation/montecarlo';
import { benchPlan } from './plans/simulation-bench';
const plan = benchPlan();
const opts = { trials: 10000 };
const chunks = simulateChunks(plan, opts, 0, chunkCount(10000));
for (let i = 0; i < 20; i++) mergeChunks(plan, opts, chunks);
