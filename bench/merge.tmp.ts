import { simulateChunks, mergeChunks, chunkCount } from '../shared/simulation/montecarlo';
import { benchPlan } from './plans/simulation-bench';
const plan = benchPlan();
const opts = { trials: 10000 };
let c = process.cpuUsage();
const chunks = simulateChunks(plan, opts, 0, chunkCount(10000));
console.log('chunks cpu', process.cpuUsage(c).user / 1000);
for (let i = 0; i < 3; i++) {
  c = process.cpuUsage();
  mergeChunks(plan, opts, chunks);
  console.log('merge cpu', process.cpuUsage(c).user / 1000);
}
