// backups.*: the rolling backups of the open plan, or of the file that last
// failed to open as damaged, and restoring one (electron/store/rolling-backups.ts).
import type { Handlers } from '../../../shared/api/dispatch';
import type { BackupInfo } from '../../../shared/api/methods/backups';
import { ApiError } from '../../../shared/api/result';
import { continueRevision, listBackups, readRevision, restoreBackup, type BackupEntry } from '../../store';
import type { PlannerSession } from '../session';

type BackupHandlers = Pick<Handlers<PlannerSession>, 'backups.list' | 'backups.restore'>;

function root(s: PlannerSession): string {
  const r = s.options.backupsRoot;
  if (!r) throw new ApiError('invalid_argument', 'Backups are kept by the app only (there is no app data folder)');
  return r;
}

function targetOf(of: 'current' | 'damaged' | undefined, s: PlannerSession): string | null {
  return of === 'damaged' ? s.damagedPath : (s.file?.path ?? null);
}

function info(b: BackupEntry): BackupInfo {
  return { n: b.n, takenAt: b.takenAt, sizeBytes: b.sizeBytes, kind: b.kind };
}

export const backupHandlers: BackupHandlers = {
  'backups.list': ({ of }, s) => {
    const path = targetOf(of, s);
    return { path, backups: path ? listBackups(root(s), path).map(info) : [] };
  },

  'backups.restore': ({ of, n }, s) => {
    const path = targetOf(of, s);
    if (!path) throw new ApiError(of === 'damaged' ? 'not_found' : 'no_plan_open', 'There is no plan to restore a backup of');
    const wasOpen = s.isOpen(path);
    const revision = wasOpen ? readRevision(s.requireFile().db) : 0;
    if (wasOpen) {
      // Close only once the backup is known to exist and be sound, so a refusal leaves the plan open.
      const entry = listBackups(root(s), path).find((b) => b.n === n);
      if (!entry) throw new ApiError('not_found', `${path} has no backup number ${n}`, { path, n });
      s.closeFile();
    }
    try {
      restoreBackup(root(s), path, n, s.storeOptions());
    } catch (e) {
      if (wasOpen) s.open(path);
      throw e;
    }
    if (s.damagedPath === path) s.damagedPath = null;
    const info = s.open(path);
    continueRevision(s.requireFile().db, revision);
    return info;
  },
};
