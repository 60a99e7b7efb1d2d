// Copies of plan files that are known to be good: the backup taken before a
// migration, and "save a copy". Both are written to a temporary name in the
// destination folder, flushed, checked, and only then renamed into place.
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { checkReadOnly, fsyncPath, type ConnectOptions } from './connect';
import { stmt, type Db } from './sql';

export function tempPathNear(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Removes a temporary file and any journal SQLite left beside it. */
export function removeTemp(path: string): void {
  for (const p of [path, `${path}-journal`]) rmSync(p, { force: true });
}

/** Renames a finished temporary file onto `target` and makes the rename durable. */
export function commitTemp(temp: string, target: string): void {
  fsyncPath(temp);
  renameSync(temp, target);
  fsyncPath(dirname(target));
}

/** A verified copy in a temporary file beside `target`, renamed into place by commitBackup. */
export interface StagedBackup {
  temp: string;
  target: string;
}

/** Where the backup of `source` labelled `label` goes in `backupDir`. */
export function backupTarget(source: string, backupDir: string, label: string): string {
  mkdirSync(backupDir, { recursive: true });
  const stem = basename(source, extname(source));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return join(backupDir, `${stem}.${label}.${stamp}${extname(source) || '.salesplan'}`);
}

/**
 * Byte copy of `source` into a temporary file beside `target`, verified with
 * integrity_check. Take it BEFORE this process locks `source`: on POSIX,
 * closing any descriptor of a file releases every lock the process holds on
 * it, SQLite's included.
 */
export function stageCopy(source: string, target: string, opts: ConnectOptions): StagedBackup {
  const temp = tempPathNear(target);
  try {
    copyFileSync(source, temp);
    checkReadOnly(temp, opts, true);
  } catch (e) {
    removeTemp(temp);
    throw e;
  }
  return { temp, target };
}

/** A consistent snapshot of an open database (VACUUM INTO), verified, for when no byte copy could be taken first. */
export function stageSnapshot(db: Db, target: string, opts: ConnectOptions): StagedBackup {
  const temp = tempPathNear(target);
  try {
    stmt(db, 'VACUUM INTO ?').run(temp);
    checkReadOnly(temp, opts, true);
  } catch (e) {
    removeTemp(temp);
    throw e;
  }
  return { temp, target };
}

export function commitBackup(staged: StagedBackup): string {
  commitTemp(staged.temp, staged.target);
  return staged.target;
}

/** A consistent snapshot of the open database written to `target` (VACUUM INTO). */
export function snapshotTo(db: Db, target: string): void {
  const temp = tempPathNear(target);
  try {
    stmt(db, 'VACUUM INTO ?').run(temp);
    commitTemp(temp, target);
  } catch (e) {
    removeTemp(temp);
    throw e;
  }
}

/**
 * Like snapshotTo, without holding the main thread: SQLite's online backup
 * copies the open database into a temporary file beside `target` in steps of
 * `pagesPerStep` pages between turns of the event loop (edits made meanwhile
 * through this connection are included). `finish(temp)` must check the copy
 * and put it in place (commitCopy; the app does both, fsync included, in a
 * worker); the temporary file is removed if anything fails.
 */
export async function snapshotToAsync(
  db: Db,
  target: string,
  finish: (temp: string) => Promise<void>,
  pagesPerStep = 256,
): Promise<void> {
  const temp = tempPathNear(target);
  try {
    await db.backup(temp, { progress: () => pagesPerStep });
    await finish(temp);
  } catch (e) {
    removeTemp(temp);
    throw e;
  }
}

/** The end of snapshotToAsync: quick_check on the finished copy, then fsync and rename onto `target`. */
export function commitCopy(temp: string, target: string, opts: ConnectOptions): void {
  if (checkReadOnly(temp, opts) !== 'ok') throw new Error(`the copy ${temp} was left unfinished`);
  commitTemp(temp, target);
}
