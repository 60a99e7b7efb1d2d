import { Session } from 'node:inspector/promises';
import { compile } from '../shared/simulation/compile';
import { TrialRunner } from '../shared/simulation/trial';
import { benchPlan } from './plans/simulation-bench';
async function main() {
  const plan = benchPlan();
  if (process.argv[2] !== 'all') plan.segments = plan.segments.filter((s) => process.argv[2] === 'b2c' ? s.id === 'consumers' : s.id !== 'consumers');
  
  const r = new TrialRunner(compile(plan));
  for (let t = 0; t < 1000; t++) r.run(1, t);
  const s = new Session(); s.connect();
  await s.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true } as any);
  for (let t = 0; t < 2000; t++) r.run(1, t);
  const { profile } = await s.post('HeapProfiler.stopSampling') as any;
  const agg: Record<string, number> = {};
  const walk = (n: any) => { const k = n.callFrame.functionName + ':' + n.callFrame.lineNumber + ':' + n.callFrame.columnNumber; agg[k] = (agg[k] || 0) + n.selfSize; n.children.forEach(walk); };
  walk(profile.head);
  console.log(Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 15));
}
main();
