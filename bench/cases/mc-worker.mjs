// Worker thread for the parallel Monte-Carlo figure: loads the bundled engine
// (bench/engine-bundle.mjs, as the app's simulation worker runs it),
// runs a chunk range of the simulation and posts the chunk results back
// (buffers transferred).

import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const { simulateChunks } = createRequire(import.meta.url)(workerData.engine);

parentPort.on('message', (job) => {
  const chunks = simulateChunks(job.plan, job.opts, job.from, job.to);
  const buffers = chunks.flatMap((c) => [c.sums.buffer, c.counts.buffer, c.hits.buffer, c.lo.buffer, c.hi.buffer, ...(c.values ? [c.values.buffer] : [])]);
  parentPort.postMessage(chunks, buffers);
});
