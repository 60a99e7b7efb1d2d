// The planner as one object: the services behind the API, used by the HTTP
// host, the Electron main process and the CLI. Start-up opens `openPath`
// (an error is thrown if it cannot be opened), else the most recent file that
// still opens, else a fresh copy of the demo plan in `lang`.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ApiEvent } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatch';
import { ApiError, type ApiResult } from '../../shared/api/result';
import { confinePaths, type Caller } from './caller-paths';
import type { FileWork } from './file-work/runner';
import { handlers } from './handlers';
import { readStored } from './recent';
import { PlannerSession, type PdfPrinter } from './session';
import { osUserName } from './os-user';
import { APP_VERSION } from './version';

// Re-exported: the app's callers import them from here; the CLI imports the small modules directly (it starts without the handlers).
export { osUserName };
export { APP_FOLDER_NAME, appFolder, DATA_SUBFOLDER, defaultDataDir } from './data-dir';

export interface PlannerAppOptions {
  /** App data: recent.json, backups/, and plans/ unless `plansDir` says otherwise. */
  dataDir: string;
  /** Where plans created without a path go (the demo copy at first launch); default <dataDir>/plans. */
  plansDir?: string;
  /** Plan to open at start; else the most recent file that still exists; else a fresh copy of the demo plan in `lang`. */
  openPath?: string;
  /** Language of a first-launch demo copy (default 'en'). */
  lang?: 'en' | 'zh-CN';
  /** Who is editing, recorded in history (default: OS user name). */
  actor?: string;
  /** better-sqlite3 .node path (Electron passes its own ABI build). */
  nativeBinding?: string;
  /** Where heavy file work runs; the Electron app passes workerFileWork() (default: inline). */
  fileWork?: FileWork;
  /** How reports become PDFs in this app (Electron: printToPDF); default the system's Chromium. */
  printPdf?: PdfPrinter;
}

export interface PlannerApp {
  /** The generic dispatcher over all handlers, for trusted callers (the CLI, the Electron main process). */
  dispatch(method: string, arg: unknown): Promise<ApiResult<unknown>>;
  /** The dispatcher as `caller` may use it: file paths refused (renderer) or confined to the data folder (browser); see caller-paths.ts. */
  forCaller(caller: Caller): Pick<PlannerApp, 'dispatch' | 'subscribe'>;
  /** Resolves when no automatic backup is running. */
  backupsIdle(): Promise<void>;
  /** Host events (plan-changed, file-opened); returns the unsubscribe function. */
  subscribe(listener: (e: ApiEvent) => void): () => void;
  close(): void;
}

function openAtStart(session: PlannerSession, dataDir: string, openPath: string | undefined, dispatchNew: () => void): void {
  if (openPath !== undefined) {
    session.open(openPath);
    return;
  }
  // No existence check first (it could hang on an offline share, and open finds out anyway).
  for (const recent of readStored(dataDir)) {
    try {
      session.open(recent.path);
      return;
    } catch {
      // Missing, damaged, newer or open elsewhere: the next candidate. The list keeps it for the user to see.
    }
  }
  dispatchNew();
}

export function createPlannerApp(opts: PlannerAppOptions): PlannerApp {
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const session = new PlannerSession({
    dataDir,
    lang: opts.lang ?? 'en',
    actor: opts.actor ?? osUserName(),
    appVersion: APP_VERSION,
    ...(opts.plansDir ? { plansDir: resolve(opts.plansDir) } : {}),
    ...(opts.fileWork ? { fileWork: opts.fileWork } : {}),
    backupsRoot: join(dataDir, 'backups'),
    autoBackup: true,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.printPdf ? { printPdf: opts.printPdf } : {}),
  });
  try {
    openAtStart(session, dataDir, opts.openPath, () => void handlers['file.new']({ demo: true }, session));
  } catch (e) {
    session.close();
    throw e;
  }
  const dispatch = createDispatcher(handlers, (e) => console.error('planner: internal error', e));
  const subscribe = (listener: (e: ApiEvent) => void) => session.subscribe(listener);
  return {
    dispatch: (method, arg) => dispatch(method, arg, session),
    forCaller: (caller) => ({
      subscribe,
      async dispatch(method, arg) {
        let confined: unknown;
        try {
          confined = confinePaths(caller, method, arg, dataDir, (p) => session.isOpen(p));
        } catch (e) {
          if (e instanceof ApiError) return { ok: false, error: e.toBody() };
          throw e;
        }
        return dispatch(method, confined, session);
      },
    }),
    subscribe,
    backupsIdle: () => session.backupsIdle(),
    close: () => session.close(),
  };
}
