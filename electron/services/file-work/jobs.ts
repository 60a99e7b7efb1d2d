// What a file job does, the same code in a worker thread (worker.ts) and
// inline (the CLI, where nothing waits on the event loop). The JSON import
// (plan schema, zod) is loaded only by an import: opening a file never needs it.
import { checkPlanFile, commitCopy } from '../../store';
import type { FileJob, FileJobResults } from './protocol';

export async function runFileJob<J extends FileJob>(job: J): Promise<FileJobResults[J['kind']]> {
  switch (job.kind) {
    case 'check':
      return checkPlanFile(job.path, job.store) as FileJobResults[J['kind']];
    case 'commitCopy':
      commitCopy(job.temp, job.target, job.store);
      return null as FileJobResults[J['kind']];
    case 'importJson':
      return (await import('./import-json')).importJson(job) as FileJobResults[J['kind']];
  }
}
