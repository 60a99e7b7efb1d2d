// Rolling backups of plan files, kept in the app's data folder (never beside
// the file: a plan on a network drive or a USB stick should not fill it, and
// a lost drive should not take its backups with it). Each plan has its own
// folder, named after the file and a hash of its full path, holding the last
// BACKUPS_KEPT copies: each one taken with SQLite's online backup API (in
// steps, so the event loop keeps running), checked with quick_check, and only
// then renamed into place.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api/result';
import { commitTemp, removeTemp, tempPathNear } from './backup';
import { checkReadOnly, isLockedElsewhere, type ConnectOptions } from './connect';
import { fileError, lockedError } from './errors';
import type { Db } from './sql';

/** How many backups of one plan are kept; older ones are removed when a new one is taken. */
export const BACKUPS_KEPT = 10;
/** Pages copied per step of the backup API before the event loop gets a turn (4 KB pages: 4 MB). */
const PAGES_PER_STEP = 1000;

export interface BackupEntry {
  /** 1 = the newest. */
  n: number;
  path: string;
  /** ISO time the backup was taken. */
  takenAt: string;
  sizeBytes: number;
  /** Why it was taken: 'auto' (while editing) or 'before-restore' (the file a restore replaced). */
  kind: 'auto' | 'before-restore';
}

/** The folder holding the backups of `planPath` under the backups root. */
export function backupFolder(root: string, planPath: string): string {
  const abs = resolve(planPath);
  const stem = basename(abs, extname(abs)).replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60) || 'plan';
  const hash = createHash('sha256').update(abs).digest('hex').slice(0, 12);
  return join(root, `${stem}-${hash}`);
}

// 2026-12-07T14-29-12-345Z-auto.salesplan: sorts by time as text.
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(auto|before-restore)(?:-[0-9a-f]{4})?\.salesplan$/;

function stampName(kind: BackupEntry['kind']): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${kind}-${randomBytes(2).toString('hex')}.salesplan`;
}

function isoOf(stamp: string): string {
  const [date, time] = stamp.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

/** The backups of `planPath`, newest first, numbered from 1. */
export function listBackups(root: string, planPath: string): BackupEntry[] {
  const folder = backupFolder(root, planPath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => (a.name < b.name ? 1 : -1))
    .map(({ name, m }, i) => {
      const path = join(folder, name);
      return { n: i + 1, path, takenAt: isoOf(m[1]!), sizeBytes: statSync(path).size, kind: m[2] as BackupEntry['kind'] };
    });
}

function prune(root: string, planPath: string, keep: number): void {
  for (const old of listBackups(root, planPath).slice(keep)) rmSync(old.path, { force: true });
}

/**
 * Takes a backup of the open database `db` (the plan at `planPath`) with the
 * online backup API, verifies it and keeps the last `keep`. Resolves to the
 * backup's path; rejects (leaving nothing behind) if any step fails,
 * including the plan being closed meanwhile.
 */
export async function takeBackup(db: Db, root: string, planPath: string, opts: ConnectOptions, keep = BACKUPS_KEPT): Promise<string> {
  const folder = backupFolder(root, planPath);
  mkdirSync(folder, { recursive: true });
  const target = join(folder, stampName('auto'));
  const temp = tempPathNear(target);
  try {
    await db.backup(temp, { progress: () => PAGES_PER_STEP });
    checkReadOnly(temp, opts);
    commitTemp(temp, target);
  } catch (e) {
    removeTemp(temp);
    throw e;
  }
  prune(root, planPath, keep);
  return target;
}

/**
 * Replaces the plan file at `planPath` with its backup number `n` (1 = the
 * newest), after checking the backup in full. The file it replaces is kept
 * as a 'before-restore' backup, so a restore can itself be undone. The file
 * must not be open anywhere (the caller closes its own connection first).
 */
export function restoreBackup(root: string, planPath: string, n: number, opts: ConnectOptions): BackupEntry {
  const abs = resolve(planPath);
  const entry = listBackups(root, abs).find((b) => b.n === n);
  if (!entry) throw new ApiError('not_found', `${abs} has no backup number ${n}`, { path: abs, n });
  checkReadOnly(entry.path, opts, true);
  if (existsSync(abs)) {
    if (isLockedElsewhere(abs, opts)) throw lockedError(abs);
    copyFileSync(abs, join(backupFolder(root, abs), stampName('before-restore')));
  }
  const temp = tempPathNear(abs);
  try {
    copyFileSync(entry.path, temp);
    // A journal left by a crash belongs to the file being replaced: applied to the backup, it would damage it.
    rmSync(`${abs}-journal`, { force: true });
    commitTemp(temp, abs);
  } catch (e) {
    removeTemp(temp);
    throw fileError(abs, e);
  }
  prune(root, abs, BACKUPS_KEPT + 1);
  return entry;
}
