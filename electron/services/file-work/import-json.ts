// The importJson file job: parse, validate and write plan JSON into a new file (jobs.ts).
import { parsePlanText } from '../../../shared/plan/parse';
import { ApiError } from '../../../shared/api/result';
import { createPlanFile } from '../../store';
import { invalidPlanError } from '../edits/check';
import { uniquePlanPath } from '../file-names';
import type { FileJob, FileJobResults } from './protocol';

export function importJson(job: Extract<FileJob, { kind: 'importJson' }>): FileJobResults['importJson'] {
  const parsed = parsePlanText(job.json);
  if (!parsed.ok) throw invalidPlanError(parsed.issues, 'The plan was not imported; nothing was written');
  const target = job.target ?? (job.plansDir ? uniquePlanPath(job.plansDir, parsed.plan.plan.name) : undefined);
  if (!target) throw new ApiError('invalid_argument', 'A file path is needed (there is no app data folder)');
  const path = createPlanFile(target, parsed.plan, { ...job.store, overwrite: job.overwrite });
  return { path };
}
