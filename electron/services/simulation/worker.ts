// A simulation worker thread: runs one engine task at a time for the pool
// (pool.ts) and posts progress and the result back. Cancellation is a flag in
// shared memory that the engine checks between chunks of 250 trials, so a
// cancelled task stops within one chunk and the worker stays warm for the next.
import { parentPort } from 'node:worker_threads';
import { mergeChunks, reforecast, requiredLeads, sensitivity, SimulationCancelled, simulateChunks } from '../../../shared/simulation';
import type { RunHooks } from '../../../shared/simulation';
import { trace } from '../trace';
import { chunkBuffers, claimFrom, type JobMessage, type WorkerError, type WorkerReply } from './protocol';

trace('worker loaded');
const port = parentPort;
if (!port) throw new Error('electron/services/simulation/worker.ts must run in a worker thread');

function flatten(e: unknown): WorkerError {
  if (e instanceof Error) {
    const { code, path } = e as { code?: unknown; path?: unknown };
    return {
      name: e.name,
      message: e.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof path === 'string' || path === null ? { path: path as string | null } : {}),
    };
  }
  return { name: 'Error', message: String(e) };
}

function run({ id, task, cancel }: JobMessage): void {
  trace(`${task.kind} task received`);
  const flag = new Int32Array(cancel);
  const hooks: RunHooks = {
    shouldCancel: () => Atomics.load(flag, 0) !== 0,
    onProgress: (done, total) => port!.postMessage({ id, type: 'progress', done, total } satisfies WorkerReply),
  };
  try {
    switch (task.kind) {
      case 'chunks': {
        const claim = task.counter ? claimFrom(task.counter) : undefined;
        const chunks = simulateChunks(task.plan, { ...task.opts, hooks }, task.from, task.to, claim);
        trace('chunks done');
        port!.postMessage({ id, type: 'done', value: chunks } satisfies WorkerReply, chunkBuffers(chunks));
        return;
      }
      case 'merge': {
        if (hooks.shouldCancel!()) throw new SimulationCancelled();
        const value = mergeChunks(task.plan, task.opts, task.chunks, task.elapsedMs);
        port!.postMessage({ id, type: 'done', value } satisfies WorkerReply);
        return;
      }
      case 'requiredLeads':
        port!.postMessage({ id, type: 'done', value: requiredLeads(task.plan, { ...task.opts, hooks }) } satisfies WorkerReply);
        return;
      case 'sensitivity':
        port!.postMessage({ id, type: 'done', value: sensitivity(task.plan, { ...task.opts, hooks }) } satisfies WorkerReply);
        return;
      case 'reforecast':
        port!.postMessage({ id, type: 'done', value: reforecast(task.plan, { ...task.opts, hooks }) } satisfies WorkerReply);
        return;
      default: {
        const never: never = task;
        throw new Error(`unknown task ${(never as { kind: string }).kind}`);
      }
    }
  } catch (e) {
    port!.postMessage({ id, type: 'error', error: flatten(e) } satisfies WorkerReply);
  }
}

port.on('message', run);
