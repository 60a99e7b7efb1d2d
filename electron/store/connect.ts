// Opening SQLite connections on plan files with our pragmas.
//
// One writer: a plan is opened with locking_mode=EXCLUSIVE and the lock is
// taken at once (BEGIN EXCLUSIVE; COMMIT), so while one window (or the CLI)
// has the file open, every other process gets SQLITE_BUSY and is told the
// file is open elsewhere — two windows can never overwrite each other's edits.
// The lock is released when the connection closes or the process dies.
// journal_mode=DELETE (a rollback journal, never WAL) and synchronous=FULL:
// the .salesplan file alone is complete after every commit and can be copied
// or e-mailed while open. (In exclusive mode SQLite keeps an emptied
// "-journal" beside the file until it closes; that file is never needed.)
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { ApiError } from '../../shared/api/result';
import { fileError, sqliteCode } from './errors';
import type { Db } from './sql';

export interface ConnectOptions {
  /** better-sqlite3 .node build to load (Electron passes its own ABI build). */
  nativeBinding?: string;
}

/** How long to wait for a lock another process holds before saying the file is busy. */
const BUSY_TIMEOUT_MS = 250;

interface Mode {
  readonly: boolean;
  /** false: create the file (only for a new plan's temporary file). */
  mustExist: boolean;
  timeout?: number;
}

/** The one place a better-sqlite3 connection is made. */
function connect(path: string, opts: ConnectOptions, mode: Mode): Db {
  let db: Db;
  try {
    db = new Database(path, {
      readonly: mode.readonly,
      fileMustExist: mode.mustExist,
      timeout: mode.timeout ?? BUSY_TIMEOUT_MS,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    throw fileError(path, e);
  }
  // A plan file may come from anyone: functions with side effects may not run
  // from its schema (views, triggers, defaults, checks), only from our code.
  db.pragma('trusted_schema = OFF');
  return db;
}

/** An empty in-memory database (to build the expected schema of a version). */
export function connectMemory(opts: ConnectOptions): Db {
  const db = new Database(':memory:', opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  db.pragma('trusted_schema = OFF');
  return db;
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** A connection on a new file (a plan being built in its temporary file); no lock kept. */
export function connectNew(path: string, opts: ConnectOptions): Db {
  const db = connect(path, opts, { readonly: false, mustExist: false });
  applyPragmas(db);
  return db;
}

/** A read-write connection holding the file's exclusive lock. */
export function connectExclusive(path: string, opts: ConnectOptions): Db {
  const db = connect(path, opts, { readonly: false, mustExist: true });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    applyPragmas(db);
    // Takes the lock now (and rolls back a hot journal a crash left behind).
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return db;
  } catch (e) {
    db.close();
    throw fileError(path, e);
  }
}

export type IntegrityResult = 'ok' | 'needs-recovery';

/**
 * Checks the file without writing to it. 'needs-recovery': a crash left a hot
 * journal, which only a writable connection may roll back — check again there.
 */
export function checkReadOnly(path: string, opts: ConnectOptions, full = false): IntegrityResult {
  const db = connect(path, opts, { readonly: true, mustExist: true });
  try {
    checkIntegrity(db, path, full);
    return 'ok';
  } catch (e) {
    if (sqliteCode(e) === 'SQLITE_READONLY_ROLLBACK') return 'needs-recovery';
    throw fileError(path, e);
  } finally {
    db.close();
  }
}

/** quick_check (or the slower integrity_check) must say "ok"; anything else is corruption. */
export function checkIntegrity(db: Db, path: string, full = false): void {
  const rows = db.pragma(full ? 'integrity_check' : 'quick_check') as Record<string, string>[];
  const findings = rows.map((r) => Object.values(r)[0]);
  if (findings.length !== 1 || findings[0] !== 'ok')
    throw new ApiError('corrupt', `${path} is damaged (${findings.slice(0, 3).join('; ')}); open a backup copy instead`, {
      path,
      findings: findings.slice(0, 20),
    });
}

/** Flushes a file (or, where the OS allows, a folder's entry list) to disk. */
export function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Folders cannot be fsynced on Windows; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** True when another process holds the SQLite lock of `path` (e.g. a window has it open). */
export function isLockedElsewhere(path: string, opts: ConnectOptions): boolean {
  let db: Db | undefined;
  try {
    db = connect(path, opts, { readonly: true, mustExist: true, timeout: 0 });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return false;
  } catch (e) {
    return (e instanceof ApiError && (e.details as { reason?: string } | undefined)?.reason === 'locked') || sqliteCode(e).startsWith('SQLITE_BUSY');
  } finally {
    db?.close();
  }
}
