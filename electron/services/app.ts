// The planner as one object: the services behind the API, used by the HTTP
// host, the Electron main process and the CLI. Start-up opens `openPath`
// (an error is thrown if it cannot be opened), else the most recent file that
// still opens, else a fresh copy of the demo plan in `lang`.
import { mkdirSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiEvent } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatch';
import type { ApiResult } from '../../shared/api/result';
import { handlers } from './handlers';
import { readRecent } from './recent';
import { PlannerSession, type PdfPrinter } from './session';
import { APP_VERSION } from './version';

export interface PlannerAppOptions {
  /** App data: recent.json, plans/ (new and demo copies), backups/. */
  dataDir: string;
  /** Plan to open at start; else the most recent file that still exists; else a fresh copy of the demo plan in `lang`. */
  openPath?: string;
  /** Language of a first-launch demo copy (default 'en'). */
  lang?: 'en' | 'zh-CN';
  /** Who is editing, recorded in history (default: OS user name). */
  actor?: string;
  /** better-sqlite3 .node path (Electron passes its own ABI build). */
  nativeBinding?: string;
  /** How reports become PDFs in this app (Electron: printToPDF); default the system's Chromium. */
  printPdf?: PdfPrinter;
}

export interface PlannerApp {
  /** The generic dispatcher over all handlers. */
  dispatch(method: string, arg: unknown): Promise<ApiResult<unknown>>;
  /** Host events (plan-changed, file-opened); returns the unsubscribe function. */
  subscribe(listener: (e: ApiEvent) => void): () => void;
  close(): void;
}

/** $SALESPLAN_HOME, else the OS's per-user app-data folder + '/sales-strategy-planner'. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SALESPLAN_HOME) return resolve(env.SALESPLAN_HOME);
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, 'sales-strategy-planner');
}

export function osUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function openAtStart(session: PlannerSession, dataDir: string, openPath: string | undefined, dispatchNew: () => void): void {
  if (openPath !== undefined) {
    session.open(openPath);
    return;
  }
  for (const recent of readRecent(dataDir)) {
    if (!recent.exists) continue;
    try {
      session.open(recent.path);
      return;
    } catch {
      // Damaged, newer or open elsewhere: the next candidate. The list keeps it for the user to see.
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
  return {
    dispatch: (method, arg) => dispatch(method, arg, session),
    subscribe: (listener) => session.subscribe(listener),
    close: () => session.close(),
  };
}
