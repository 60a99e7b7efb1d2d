// Worker thread for the parallel Monte-Carlo figure: runs a chunk range of
// the simulation and posts the chunk results back (buffers transferred).

import { parentPort } from 'node:worker_threads';
import { simulateChunks } from '../../shared/simulation';
import type { Plan } from '../../shared/plan/types';
import type { SimulateOptions } from '../../shared/simulation';

interface Job {
  plan: Plan;
  opts: SimulateOptions;
  from: number;
  to: number;
}

parentPort!.on('message', (job: Job) => {
  const chunks = simulateChunks(job.plan, job.opts, job.from, job.to);
  const buffers = chunks.flatMap((c) => [c.sums.buffer, c.counts.buffer, c.hits.buffer, ...(c.values ? [c.values.buffer] : [])]);
  parentPort!.postMessage(chunks, buffers as ArrayBuffer[]);
});
