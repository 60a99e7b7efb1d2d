// Reading an .xlsx in a worker thread of its own, with a memory ceiling and a
// time-out: the main process (or the HTTP host) keeps answering while it
// reads, and a workbook that would need more is refused with a message that
// names the limit instead of freezing or killing the app.
import { Worker } from 'node:worker_threads';
import type { SpreadsheetSheet } from '../../shared/api/methods/import';
import { refusalError, WORKER_LIMITS, type RefusalBody } from './spreadsheet-errors';

/** From TypeScript sources the .mjs entry registers tsx; the build has spreadsheet-worker.cjs beside index.js (scripts/worker-bundle.mjs). */
export function spreadsheetWorkerUrl(moduleUrl: string = import.meta.url): URL {
  if (/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) return new URL('./spreadsheet-worker-dev.mjs', moduleUrl);
  return new URL('./spreadsheet-worker.cjs', moduleUrl);
}

type Answer = { ok: true; sheets: SpreadsheetSheet[] } | { ok: false; refusal: RefusalBody };

export interface IsolationLimits {
  memoryMb: number;
  seconds: number;
}

/** The workbook's text grids, or the ApiError naming the limit it passed. */
export function readWorkbookIsolated(fileName: string, bytes: Buffer, limits: IsolationLimits = WORKER_LIMITS): Promise<SpreadsheetSheet[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(spreadsheetWorkerUrl(), {
      workerData: bytes,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (answer.ok) resolve(answer.sheets);
      else reject(refusalError(fileName, answer.refusal));
    };
    const memory = { reason: 'memory', max: limits.memoryMb } as const;
    const timer = setTimeout(() => finish({ ok: false, refusal: { reason: 'time', max: limits.seconds } }), limits.seconds * 1000);
    worker.on('message', (answer: Answer) => finish(answer));
    worker.on('error', (e: Error & { code?: string }) =>
      finish({ ok: false, refusal: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memory : { reason: 'unreadable', detail: e.message } }),
    );
    // An exit without an answer: the worker was killed (out of memory).
    worker.on('exit', () => finish({ ok: false, refusal: memory }));
  });
}
