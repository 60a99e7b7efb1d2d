// Opening and creating plan files. Opening refuses, leaving the file
// byte-for-byte unchanged: a missing file (file_not_found), a file that is not
// SQLite (not_sqlite), SQLite that is not ours (not_a_plan, by
// application_id), a file from a newer app (newer_version: decided from the
// header bytes, so SQLite never touches it), a damaged file (corrupt, by
// quick_check on a read-only connection), a file with a trigger, view or
// table our migrations did not create (not_a_plan, schema-check.ts). An older
// schema is migrated after a verified backup copy. Every connection runs with
// trusted_schema=OFF.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import type { FileInfo } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/result';
import type { Plan } from '../../shared/plan/types';
import { backupTarget, commitBackup, commitTemp, removeTemp, stageCopy, stageSnapshot, tempPathNear, type StagedBackup } from './backup';
import {
  checkIntegrity,
  checkReadOnly,
  connectExclusive,
  connectNew,
  isLockedElsewhere,
  type ConnectOptions,
  type IntegrityResult,
} from './connect';
import { APPLICATION_ID } from './constants';
import { fileError, lockedError } from './errors';
import { readSqliteHeader } from './header';
import { setMeta } from './meta';
import { latestVersion, migrate, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { writePlan } from './plan-io';
import { verifySchemaObjects } from './schema-check';
import type { Db } from './sql';

export interface StoreOptions extends ConnectOptions {
  /** Recorded in the meta table (created_by, last_written_by). */
  appVersion: string;
  /** Where the verified copy taken before a migration goes (default: beside the file). */
  backupDir?: string;
  /** Tests substitute their own list; the app uses MIGRATIONS. */
  migrations?: readonly Migration[];
}

export interface PlanFile {
  readonly path: string;
  readonly db: Db;
  readonly appVersion: string;
  /** The verified backup taken when this open migrated the file. */
  readonly backupPath?: string;
  info(): FileInfo;
  close(): void;
}

export function fileInfo(path: string, version: number): FileInfo {
  const ext = extname(path);
  return { path, name: basename(path, ext), sizeBytes: statSync(path).size, schemaVersion: version };
}

function makePlanFile(path: string, db: Db, appVersion: string, backupPath?: string): PlanFile {
  let closed = false;
  return {
    path,
    db,
    appVersion,
    ...(backupPath ? { backupPath } : {}),
    info: () => fileInfo(path, schemaVersion(db)),
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** Refuses, from the header alone, what is not a plan of a version we can open. */
function inspectHeader(path: string, latest: number): number {
  const header = readSqliteHeader(path);
  if (!header) throw new ApiError('not_sqlite', `${path} is not a plan file (it is not an SQLite database)`, { path });
  if (header.applicationId !== APPLICATION_ID || header.userVersion < 1)
    throw new ApiError('not_a_plan', `${path} is an SQLite database, but not a Sales Strategy Planner plan`, { path });
  if (header.userVersion > latest)
    throw new ApiError(
      'newer_version',
      `${path} was written by a newer version of the app (plan file schema ${header.userVersion}; this app knows up to ${latest}). Update the app to open it; the file was not changed.`,
      { path, fileVersion: header.userVersion, appVersion: latest },
    );
  return header.userVersion;
}

/** The tables every plan has; a file with our marks but without them is damaged. */
function verifyShape(db: Db, path: string): void {
  const ok = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('meta', 'plan_settings', 'changes')").pluck().get() === 3;
  if (!ok || db.prepare('SELECT count(*) FROM plan_settings').pluck().get() !== 1)
    throw new ApiError('corrupt', `${path} is damaged (its plan settings are missing); open a backup copy instead`, { path });
}

/** Refusals decided without SQLite: a folder, not SQLite, not ours, from a newer app. Answers the file's schema version. */
function inspectFile(abs: string, migrations: readonly Migration[]): number {
  try {
    if (!statSync(abs).isFile()) throw new ApiError('file_error', `${abs} is a folder, not a plan file`, { path: abs });
    return inspectHeader(abs, latestVersion(migrations));
  } catch (e) {
    throw fileError(abs, e);
  }
}

/**
 * What openPlanFile checks before it takes the lock, on its own: the header,
 * then quick_check on a read-only connection. The app runs it in a worker
 * thread and passes the result to openPlanFile.
 */
export function checkPlanFile(path: string, opts: StoreOptions): IntegrityResult {
  const abs = resolve(path);
  inspectFile(abs, opts.migrations ?? MIGRATIONS);
  return checkReadOnly(abs, opts);
}

/**
 * `checked`: the result of checkPlanFile when the caller already ran it
 * elsewhere (the app runs it in a worker thread: quick_check reads the whole
 * file and must not block the main process).
 */
export function openPlanFile(path: string, opts: StoreOptions, checked?: IntegrityResult): PlanFile {
  const abs = resolve(path);
  const migrations = opts.migrations ?? MIGRATIONS;
  const version = inspectFile(abs, migrations);
  const state = checked ?? checkReadOnly(abs, opts);
  const backupDir = opts.backupDir ?? dirname(abs);
  // The pre-migration backup is a byte copy taken before the lock (see stageCopy); renamed into place only if the file opens.
  let staged: StagedBackup | undefined =
    version < latestVersion(migrations) && state === 'ok' ? stageCopy(abs, backupTarget(abs, backupDir, `schema-v${version}`), opts) : undefined;
  let db: Db;
  try {
    db = connectExclusive(abs, opts);
  } catch (e) {
    if (staged) removeTemp(staged.temp);
    throw e;
  }
  try {
    if (state === 'needs-recovery') checkIntegrity(db, abs);
    verifyShape(db, abs);
    const from = schemaVersion(db);
    verifySchemaObjects(db, abs, from, migrations, opts);
    let backupPath: string | undefined;
    if (from < latestVersion(migrations)) {
      // A file whose crash journal was just rolled back could not be copied before: snapshot it now.
      staged ??= stageSnapshot(db, backupTarget(abs, backupDir, `schema-v${from}`), opts);
      backupPath = commitBackup(staged);
      staged = undefined;
      migrate(db, migrations);
      db.transaction(() => setMeta(db, 'last_written_by', opts.appVersion))();
    }
    if (staged) removeTemp(staged.temp);
    return makePlanFile(abs, db, opts.appVersion, backupPath);
  } catch (e) {
    db.close();
    if (staged) removeTemp(staged.temp);
    throw fileError(abs, e);
  }
}

export interface CreateOptions extends StoreOptions {
  /** Replace an existing file at the path (never one that is open in another window). */
  overwrite?: boolean;
}

/**
 * Writes `plan` into a new plan file at `path`: built in a temporary file in
 * the same folder in one transaction, renamed into place only when complete,
 * so a failure leaves nothing behind (and an overwritten file untouched).
 */
export function createPlanFile(path: string, plan: Plan, opts: CreateOptions): string {
  const abs = resolve(path);
  assertWritableTarget(abs, opts);
  const temp = tempPathNear(abs);
  let db: Db | undefined;
  try {
    db = connectNew(temp, opts);
    const conn = db;
    conn.transaction(() => {
      migrate(conn, opts.migrations ?? MIGRATIONS);
      setMeta(conn, 'created_by', opts.appVersion);
      setMeta(conn, 'created_at', new Date().toISOString());
      setMeta(conn, 'last_written_by', opts.appVersion);
      setMeta(conn, 'revision', 0);
      writePlan(conn, plan);
    })();
    db.close();
    db = undefined;
    assertWritableTarget(abs, opts);
    commitTemp(temp, abs);
  } catch (e) {
    db?.close();
    removeTemp(temp);
    throw fileError(abs, e);
  }
  return abs;
}

function assertWritableTarget(abs: string, opts: CreateOptions): void {
  if (!existsSync(dirname(abs))) throw new ApiError('file_not_found', `The folder ${dirname(abs)} does not exist`, { path: abs });
  if (!existsSync(abs)) return;
  if (!opts.overwrite) throw new ApiError('file_error', `${abs} already exists; choose another name`, { path: abs, reason: 'exists' });
  if (statSync(abs).isDirectory()) throw new ApiError('file_error', `${abs} is a folder`, { path: abs });
  if (readSqliteHeader(abs) && isLockedElsewhere(abs, opts)) throw lockedError(abs);
}
