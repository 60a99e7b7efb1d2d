// Heavy file work off the main thread: quick_check when a plan is opened,
// JSON import (up to 50 MB to parse, validate and write), and the check,
// fsync and rename of a saved copy. Each job gets a worker thread of its own that ends with it, so
// the main process (the Electron UI, the HTTP host) keeps answering. The
// built app starts out/main/file-worker.cjs (scripts/worker-bundle.mjs); from
// TypeScript sources, worker-dev.mjs.
import { Worker } from 'node:worker_threads';
import { ApiError, type ErrorCode } from '../../../shared/api/result';
import { runFileJob } from './jobs';
import type { FileJob, FileJobResults, FileWorkReply } from './protocol';

export interface FileWork {
  run<J extends FileJob>(job: J): Promise<FileJobResults[J['kind']]>;
}

/** Where the worker's code is, as in simulation/pool.ts: beside the main bundle, or the dev entry beside this file. */
export function defaultFileWorkerUrl(moduleUrl: string = import.meta.url): URL {
  if (/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) return new URL('./worker-dev.mjs', moduleUrl);
  return new URL('./file-worker.cjs', moduleUrl);
}

/** Jobs run in a worker thread each. */
export function workerFileWork(workerUrl: URL = defaultFileWorkerUrl()): FileWork {
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(workerUrl, { workerData: job, name: `file-${job.kind}` });
        let answered = false;
        worker.once('message', (reply: FileWorkReply) => {
          answered = true;
          if (reply.ok) resolve(reply.value as never);
          else {
            const { code, message, details, name } = reply.error;
            reject(code ? new ApiError(code as ErrorCode, message, details) : Object.assign(new Error(message), { name }));
          }
        });
        worker.once('error', (e) => {
          answered = true;
          reject(e);
        });
        worker.once('exit', (code) => {
          if (!answered) reject(new Error(`The file worker stopped (exit code ${code}) before answering`));
        });
      }),
  };
}

/** Jobs run on the calling thread (the CLI: one command, nothing else waiting). */
export const inlineFileWork: FileWork = {
  run: (job) => runFileJob(job),
};
