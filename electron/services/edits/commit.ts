// One committed edit = one SQLite transaction: apply the edits, renumber
// positions, check the rules they could break, record the change, bump the
// revision. Any refusal rolls the whole transaction back: nothing changes.
import { ApiError } from '../../../shared/api/result';
import { CODECS, readRevision, recordChange, type PlanFile } from '../../store';
import { normalizePositions } from '../../store/entities/repository';
import { setMeta } from '../../store/meta';
import { fileError, sqliteCode } from '../../store/errors';
import { applyEdit } from './apply';
import { checkAfterEdits, invalidPlanError } from './check';
import { summarize } from './summary';
import { EditTracker, type PlanEdit } from './types';

export interface CommitOptions {
  actor: string;
  /** The API method, recorded in history. */
  method: string;
  /** A summary the caller chose (plan.batch's label). */
  label?: string;
}

export interface CommitResult {
  revision: number;
  /** False when every edit was a no-op: nothing was recorded. */
  changed: boolean;
}

/** Adds the edit's index to errors from a batch, so the caller knows which edit failed. */
function atEdit(e: unknown, index: number, count: number): unknown {
  if (!(e instanceof ApiError) || count === 1) return e;
  const details = typeof e.details === 'object' && e.details !== null ? e.details : {};
  return new ApiError(e.code, `Edit ${index + 1} of ${count}: ${e.message}`, { ...details, edit: index });
}

export function commitEdits(file: PlanFile, edits: readonly PlanEdit[], opts: CommitOptions): CommitResult {
  const db = file.db;
  const run = db.transaction((): CommitResult => {
    // References are checked at commit, so a batch may create what it refers to after the reference.
    db.pragma('defer_foreign_keys = ON');
    const tracker = new EditTracker();
    edits.forEach((edit, i) => {
      try {
        applyEdit(db, tracker, edit);
      } catch (e) {
        throw atEdit(e, i, edits.length);
      }
    });
    for (const kind of tracker.gaps) normalizePositions(db, CODECS[kind].table);
    checkAfterEdits(db, tracker);
    const current = readRevision(db);
    if (tracker.items.length === 0) return { revision: current, changed: false };
    const revision = current + 1;
    recordChange(db, {
      revision,
      at: new Date().toISOString(),
      actor: opts.actor,
      method: opts.method,
      summary: summarize(tracker.items, opts.label),
      items: tracker.items,
    });
    setMeta(db, 'revision', revision);
    setMeta(db, 'last_written_by', file.appVersion);
    return { revision, changed: true };
  });
  try {
    return run();
  } catch (e) {
    // The rule checks run first; a constraint still failing is a reference they did not foresee.
    const code = sqliteCode(e);
    if (code.startsWith('SQLITE_CONSTRAINT')) throw invalidPlanError([{ path: '', message: (e as Error).message }]);
    // Disk full, read-only media, I/O errors: the transaction rolled back; say so, naming the file.
    if (/^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/.test(code)) throw fileError(file.path, e);
    throw e;
  }
}
