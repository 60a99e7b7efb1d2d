// The planner as one object: the services behind the API, used by the HTTP
// host, the Electron main process and the CLI. Start-up opens `openPath`
// (an error is thrown if it cannot be opened), else the most recent file that
// still opens, else a fresh copy of the demo plan in `lang`.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiEvent } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatch';
import type { ApiResult } from '../../shared/api/result';
import type { FileWork } from './file-work/runner';
import { handlers } from './handlers';
import { readStored } from './recent';
import { PlannerSession } from './session';
import { osUserName } from './os-user';
import { APP_VERSION } from './version';

export { osUserName };

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
}

export interface PlannerApp {
  /** The generic dispatcher over all handlers. */
  dispatch(method: string, arg: unknown): Promise<ApiResult<unknown>>;
  /** Host events (plan-changed, file-opened); returns the unsubscribe function. */
  subscribe(listener: (e: ApiEvent) => void): () => void;
  close(): void;
}

/** The one folder name of the app, the CLI and the HTTP host under the OS's app-data folder. */
export const APP_FOLDER_NAME = 'sales-strategy-planner';
/** Our own files inside it; beside them Electron keeps Chromium's (caches, local storage). */
export const DATA_SUBFOLDER = 'data';

/**
 * <OS per-user app-data folder>/sales-strategy-planner: %APPDATA% on Windows,
 * ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config on
 * Linux (the folder Electron's app.getPath('appData') names).
 */
export function appFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, APP_FOLDER_NAME);
}

/** $SALESPLAN_HOME, else <appFolder>/data: recent.json and backups/, the same for app, CLI and host. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SALESPLAN_HOME) return resolve(env.SALESPLAN_HOME);
  return join(appFolder(env, platform), DATA_SUBFOLDER);
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
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    openAtStart(session, dataDir, opts.openPath, () => void handlers['file.new']({ demo: true }, session));
  } catch (e) {
    session.close();
    throw e;
  }
  const dispatch = createDispatcher(handlers, (e) => console.error('planner: internal error', e));
  return {
    dispatch: (method, arg) => dispatch(method, arg, session),
    subscribe: (listener) => session.subscribe(listener),
    close: () => session.close(),
  };
}
