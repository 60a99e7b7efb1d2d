// The state behind the handlers: which plan file is open, who is editing, where
// app data lives, and who listens for events. One per app (and per CLI run).
import { realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ApiEvent, FileInfo } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/result';
import type { Plan } from '../../shared/plan/types';
import { createPlanFile, listBackups, openPlanFile, takeBackup, type IntegrityResult, type PlanFile, type StoreOptions } from '../store';
import { inlineFileWork, type FileWork } from './file-work/runner';
import { commitEdits, type CommitResult } from './edits/commit';
import type { PlanEdit } from './edits/types';
import { rememberRecent } from './recent';
import type { PlanLang } from './demo';

function canonical(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function sameFile(a: string, b: string): boolean {
  return resolve(a) === resolve(b) || canonical(a) === canonical(b);
}

export interface SessionOptions {
  /** App data (recent.json, plans/, backups/); without it (the CLI) backups go beside the file and nothing is remembered. */
  dataDir?: string;
  /** Plans created without a path; default <dataDir>/plans (the app passes a folder in the user's documents). */
  plansDir?: string;
  lang: PlanLang;
  actor: string;
  appVersion: string;
  nativeBinding?: string;
  /** Where heavy file work runs (quick_check on open, JSON import, checking a copy): inline unless given. */
  fileWork?: FileWork;
  /**
   * Monte Carlo runs of at most this many trials run on the calling thread,
   * larger ones in the worker pool (simulation/runs.ts). Only the CLI sets
   * it, where nothing else waits on the thread; default 0 (always the pool).
   */
  inlineTrials?: number;
  /** Where rolling backups live (the app: <dataDir>/backups; the CLI: the app's, to list and restore them). */
  backupsRoot?: string;
  /** Take rolling backups: when a plan opens and then at most every BACKUP_INTERVAL_MS while it is edited (the app, not the CLI). */
  autoBackup?: boolean;
  /**
   * Prints a report's HTML to PDF. The Electron app passes its own
   * (printToPDF in a hidden window); without it (CLI, HTTP host) the export
   * worker drives the system's Chromium.
   */
  printPdf?: PdfPrinter;
}

export type PdfPrinter = (html: string, paper: 'A4' | 'Letter') => Promise<Uint8Array>;

/** The least time between two automatic backups of a plan being edited. */
export const BACKUP_INTERVAL_MS = 5 * 60 * 1000;

export class PlannerSession {
  private current: PlanFile | null = null;
  private readonly listeners = new Set<(e: ApiEvent) => void>();
  /** The file the last open refused as damaged, for backups.* { of: 'damaged' }. */
  damagedPath: string | null = null;
  private lastBackupAt = 0;
  private backupRunning: Promise<void> | null = null;
  /** Asked for while one was running (e.g. another plan opened): taken when that one ends. */
  private backupWanted = false;

  constructor(readonly options: SessionOptions) {}

  get file(): PlanFile | null {
    return this.current;
  }

  storeOptions(): StoreOptions {
    const { appVersion, nativeBinding, dataDir } = this.options;
    return { appVersion, ...(nativeBinding ? { nativeBinding } : {}), ...(dataDir ? { backupDir: join(dataDir, 'backups') } : {}) };
  }

  requireFile(): PlanFile {
    if (!this.current) throw new ApiError('no_plan_open', 'No plan is open');
    return this.current;
  }

  /** The folder for plans created without a path, or an error saying a path is needed. */
  plansDir(): string {
    if (this.options.plansDir) return this.options.plansDir;
    if (!this.options.dataDir) throw new ApiError('invalid_argument', 'A file path is needed (there is no app data folder)');
    return join(this.options.dataDir, 'plans');
  }

  /** Whether `path` names the open plan (also through another spelling of the same file). */
  isOpen(path: string): boolean {
    if (this.current === null) return false;
    return sameFile(this.current.path, path);
  }

  get fileWork(): FileWork {
    return this.options.fileWork ?? inlineFileWork;
  }

  /**
   * Opens `path` (closing the plan open before); opening the open plan again
   * is a no-op. `checked`: the header and quick_check were already run (openChecked).
   */
  open(path: string, checked?: IntegrityResult): FileInfo {
    if (this.isOpen(path)) return this.current!.info();
    let next: PlanFile;
    try {
      next = openPlanFile(path, this.storeOptions(), checked);
    } catch (e) {
      throw this.offerBackups(path, e);
    }
    this.current?.close();
    this.current = next;
    this.lastBackupAt = 0;
    if (!this.hasBackupOfThisVersion(next.path)) this.backupSoon();
    if (this.options.dataDir) {
      try {
        rememberRecent(this.options.dataDir, next.path);
      } catch (e) {
        // The plan is open; a recent list that cannot be written is not worth failing for.
        console.error('planner: could not update the recent-files list:', e);
      }
    }
    this.emit({ type: 'file-opened', path: next.path });
    return next.info();
  }

  /** Like open, with the file's checks run by fileWork (a worker thread in the app) first. */
  async openChecked(path: string): Promise<FileInfo> {
    if (this.isOpen(path)) return this.current!.info();
    const abs = resolve(path);
    let checked: IntegrityResult;
    try {
      checked = await this.fileWork.run({ kind: 'check', path: abs, store: this.storeOptions() });
    } catch (e) {
      // A file the check finds damaged gets the same offer of its backups as one open refuses.
      throw this.offerBackups(abs, e);
    }
    return this.open(abs, checked);
  }

  /**
   * Imports plan JSON into a new file through fileWork (parse, validate and
   * write off the main thread in the app) and opens it. Without `path`: a free
   * name in plansDir().
   */
  async importJson(json: string, path: string | undefined): Promise<FileInfo> {
    if (path !== undefined && this.isOpen(path))
      throw new ApiError('conflict', `${resolve(path)} is the plan that is open now; choose another file`, { path: resolve(path) });
    const target = path === undefined ? { plansDir: this.plansDir() } : { target: resolve(path) };
    const created = await this.fileWork.run({ kind: 'importJson', json, ...target, overwrite: path !== undefined, store: this.storeOptions() });
    // Written and verified by this app a moment ago: no second quick_check.
    return this.open(created.path, 'ok');
  }

  /** Writes `plan` to a new file at `path` and opens it. An explicit path may replace a file the user chose to overwrite. */
  createAndOpen(path: string, plan: Plan, overwrite: boolean): FileInfo {
    if (this.isOpen(path))
      throw new ApiError('conflict', `${resolve(path)} is the plan that is open now; choose another file`, { path: resolve(path) });
    createPlanFile(path, plan, { ...this.storeOptions(), overwrite });
    return this.open(path);
  }

  commit(method: string, edits: readonly PlanEdit[], label?: string): CommitResult {
    const file = this.requireFile();
    const result = commitEdits(file, edits, { actor: this.options.actor, method, ...(label ? { label } : {}) });
    if (result.changed) {
      this.emit({ type: 'plan-changed', revision: result.revision, path: file.path });
      if (Date.now() - this.lastBackupAt >= BACKUP_INTERVAL_MS) this.backupSoon();
    }
    return result;
  }

  /** A damaged file's refusal, with how many backups of it there are (details.backups) so the UI can offer the newest. */
  private offerBackups(path: string, e: unknown): unknown {
    if (!(e instanceof ApiError) || e.code !== 'corrupt' || !this.options.backupsRoot) return e;
    this.damagedPath = resolve(path);
    const backups = listBackups(this.options.backupsRoot, this.damagedPath);
    if (backups.length === 0) return e;
    const details = { ...(e.details as object | undefined), backups: backups.length, newestBackup: backups[0]!.takenAt };
    return new ApiError('corrupt', `${e.message}. A backup from ${backups[0]!.takenAt} can be restored.`, details);
  }

  /**
   * Whether the newest backup was taken after the file last changed (opening
   * an unchanged plan again and again must not push its older backups out).
   * stat only: reading the open file would drop its lock (see plan-file.md).
   */
  private hasBackupOfThisVersion(path: string): boolean {
    const root = this.options.backupsRoot;
    if (!root || !this.options.autoBackup) return false;
    const newest = listBackups(root, path)[0];
    return newest !== undefined && Date.parse(newest.takenAt) > statSync(path).mtimeMs;
  }

  /** Starts a rolling backup of the open plan in the background (one at a time); its end is awaited by backupsIdle. */
  backupSoon(): void {
    const file = this.current;
    const root = this.options.backupsRoot;
    if (!file || !root || !this.options.autoBackup) return;
    if (this.backupRunning) {
      this.backupWanted = true;
      return;
    }
    this.backupWanted = false;
    this.lastBackupAt = Date.now();
    this.backupRunning = takeBackup(file.db, root, file.path, this.storeOptions())
      .then(() => undefined)
      .catch((e: unknown) => {
        // Closing the plan mid-backup stops it; anything else is worth a line, not a failed edit.
        if (this.current === file) console.error('planner: automatic backup failed:', e);
      })
      .finally(() => {
        this.backupRunning = null;
        if (this.backupWanted) this.backupSoon();
      });
  }

  /** Resolves when no backup is running (tests, the bench, a clean exit). */
  async backupsIdle(): Promise<void> {
    while (this.backupRunning) await this.backupRunning;
  }

  /** Closes the open plan without opening another (restoring a backup over it). */
  closeFile(): string | null {
    const path = this.current?.path ?? null;
    this.current?.close();
    this.current = null;
    return path;
  }

  subscribe(listener: (e: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends an event to every listener (the session's own, and services' such as simulation runs). */
  emit(e: ApiEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        // A failing listener must not undo or hide a committed edit.
        console.error('planner event listener failed:', err);
      }
    }
  }

  close(): void {
    this.current?.close();
    this.current = null;
    this.listeners.clear();
  }
}
