// The export worker thread: renders one job (render.ts) and reports
// progress, the end, or the error. A 'cancel' message aborts the job
// (closing Chromium for a PDF); the parent then ends the thread.
import { parentPort, workerData } from 'node:worker_threads';
import { renderExport, type RenderJob } from './render';

export type ExportWorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done' }
  | { type: 'error'; code?: string; message: string };

const port = parentPort;
if (!port) throw new Error('electron/services/export/worker.ts must run in a worker thread');

const controller = new AbortController();
port.on('message', (m: { type: 'cancel' }) => {
  if (m.type === 'cancel') controller.abort();
});

async function run(): Promise<void> {
  try {
    await renderExport(workerData as RenderJob, {
      progress: (done, total) => port!.postMessage({ type: 'progress', done, total } satisfies ExportWorkerReply),
      signal: controller.signal,
    });
    port!.postMessage({ type: 'done' } satisfies ExportWorkerReply);
  } catch (e) {
    const err = e as { code?: unknown; message?: unknown };
    port!.postMessage({
      type: 'error',
      ...(typeof err.code === 'string' ? { code: err.code } : {}),
      message: typeof err.message === 'string' ? err.message : String(e),
    } satisfies ExportWorkerReply);
  }
}

// No top-level await: the built worker is a CommonJS file (scripts/worker-bundle.mjs).
void run();
