// What a file job does, the same code in a worker thread (worker.ts) and
// inline (the CLI, where nothing waits on the event loop).
import { parsePlanText } from '../../../shared/plan/parse';
import { ApiError } from '../../../shared/api/result';
import { checkPlanFile, commitCopy, createPlanFile } from '../../store';
import { invalidPlanError } from '../edits/check';
import { uniquePlanPath } from '../file-names';
import type { FileJob, FileJobResults } from './protocol';

export function runFileJob<J extends FileJob>(job: J): FileJobResults[J['kind']] {
  switch (job.kind) {
    case 'check':
      return checkPlanFile(job.path, job.store) as FileJobResults[J['kind']];
    case 'commitCopy':
      commitCopy(job.temp, job.target, job.store);
      return null as FileJobResults[J['kind']];
    case 'importJson': {
      const parsed = parsePlanText(job.json);
      if (!parsed.ok) throw invalidPlanError(parsed.issues, 'The plan was not imported; nothing was written');
      const target = job.target ?? (job.plansDir ? uniquePlanPath(job.plansDir, parsed.plan.plan.name) : undefined);
      if (!target) throw new ApiError('invalid_argument', 'A file path is needed (there is no app data folder)');
      const path = createPlanFile(target, parsed.plan, { ...job.store, overwrite: job.overwrite });
      return { path } as FileJobResults[J['kind']];
    }
  }
}
