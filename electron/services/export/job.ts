// Runs one export in its own worker thread (off the event loop that serves
// the UI, the HTTP host or the CLI), into a temporary path that is renamed
// onto `out` only when the worker says it is done. Cancel: the worker is
// told to stop (a PDF closes its Chromium), then ended; the temporary file
// goes with it.
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/result';
import type { RenderJob } from './render';
import type { ExportWorkerReply } from './worker';
import { writeAtomically, writeFolderAtomically } from './write';

/** From TypeScript sources the worker is worker-dev.mjs (registers tsx); built, out/main/export-worker.cjs (scripts/worker-bundle.mjs). */
export function exportWorkerUrl(moduleUrl: string = import.meta.url): URL {
  if (/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) return new URL('./worker-dev.mjs', moduleUrl);
  return new URL('./export-worker.cjs', moduleUrl);
}

/** Grace period for a cancelled worker to close Chromium before it is ended. */
const CANCEL_GRACE_MS = 2000;

export interface JobHooks {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

function runInWorker(job: RenderJob, hooks: JobHooks, workerUrl: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    // The built worker is one self-contained file: it needs none of the parent's Node options (a
    // parent run through tsx would otherwise load tsx again in every export worker, ~0.15 s).
    const builtWorker = workerUrl.pathname.endsWith('.cjs');
    const worker = new Worker(workerUrl, { workerData: job, ...(builtWorker ? { execArgv: [] } : {}) });
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' });
      setTimeout(() => finish(new ApiError('cancelled', 'The export was cancelled; no file was written')), CANCEL_GRACE_MS).unref();
      worker.once('exit', () => finish(new ApiError('cancelled', 'The export was cancelled; no file was written')));
    };
    if (hooks.signal?.aborted) return finish(new ApiError('cancelled', 'The export was cancelled; no file was written'));
    hooks.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: ExportWorkerReply) => {
      if (m.type === 'progress') hooks.onProgress?.(m.done, m.total);
      // Cancelled after the last step: the user was told it stopped, so nothing is renamed into place.
      else if (m.type === 'done') finish(hooks.signal?.aborted ? new ApiError('cancelled', 'The export was cancelled; no file was written') : null);
      else if (hooks.signal?.aborted) finish(new ApiError('cancelled', 'The export was cancelled; no file was written'));
      else finish(m.code === 'export_failed' ? new ApiError('export_failed', m.message) : new Error(m.message));
    });
    worker.on('error', (e) => finish(e));
    worker.on('exit', (code) => finish(new Error(`the export worker stopped (exit code ${code})`)));
  });
}

/** Renders `job` (without its temp path) onto `out`, all or nothing. */
export async function runExport(job: Omit<RenderJob, 'temp'>, out: string, hooks: JobHooks = {}, workerUrl = exportWorkerUrl()): Promise<void> {
  const write = job.format === 'csv' ? writeFolderAtomically : writeAtomically;
  await write(out, (temp) => runInWorker({ ...job, temp }, hooks, workerUrl));
}
