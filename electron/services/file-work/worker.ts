// A file-work worker thread: runs one job (jobs.ts) and posts the answer.
// Started per job by runner.ts, so a crash or a hang costs one job only.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/result';
import { runFileJob } from './jobs';
import type { FileJob, FileWorkReply, FlatError } from './protocol';

function flatten(e: unknown): FlatError {
  if (e instanceof ApiError) return { name: e.name, message: e.message, code: e.code, ...(e.details === undefined ? {} : { details: e.details }) };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

const port = parentPort;
if (!port) throw new Error('electron/services/file-work/worker.ts must run in a worker thread');
runFileJob(workerData as FileJob).then(
  (value) => port.postMessage({ ok: true, value } satisfies FileWorkReply),
  (e: unknown) => port.postMessage({ ok: false, error: flatten(e) } satisfies FileWorkReply),
);
