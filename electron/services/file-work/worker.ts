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
let reply: FileWorkReply;
try {
  reply = { ok: true, value: runFileJob(workerData as FileJob) };
} catch (e) {
  reply = { ok: false, error: flatten(e) };
}
port.postMessage(reply);
