// Start-up decisions of the shell that need no Electron: which plan a command
// line asks for, which language a first-launch demo gets, which
// better-sqlite3 build to load, what the window title says.
import { basename, extname, join } from 'node:path';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { appFolder, defaultDataDir } from '../services/app';

export const PLAN_EXTENSION = '.salesplan';

/** node:path for this OS, or path.win32 / path.posix (tests check Windows rules on Linux). */
export type PathApi = Pick<typeof nodePath, 'isAbsolute' | 'resolve' | 'sep'>;

/**
 * A file: URL as a path, or undefined when `arg` is not one (or is a file URL
 * of another machine that the OS cannot open by path). Linux file managers
 * pass `file:///home/li/My%20Plan.salesplan` for the .desktop file's `%U`.
 */
function filePathFromUrl(arg: string, paths: PathApi): string | undefined {
  if (!/^file:/i.test(arg)) return undefined;
  try {
    return fileURLToPath(arg, { windows: paths.sep === '\\' });
  } catch {
    // file://server/share on POSIX, a malformed URL: not a plan we can open.
    return undefined;
  }
}

/**
 * The plan file named on a command line: a path (relative ones resolved
 * against `cwd`) or a file: URL; the last one wins. argv[0] is the
 * executable; options (`--foo`, Chromium's switches, macOS's `-psn_…`) are
 * skipped, and so is the app folder in dev (`electron .`) because only
 * `.salesplan` files count.
 */
export function planPathFromArgv(argv: readonly string[], cwd: string, paths: PathApi = nodePath): string | undefined {
  let found: string | undefined;
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const fromUrl = filePathFromUrl(arg, paths);
    if (/^file:/i.test(arg) && fromUrl === undefined) continue;
    const path = fromUrl ?? arg;
    if (!path.toLowerCase().endsWith(PLAN_EXTENSION)) continue;
    found = paths.isAbsolute(path) ? path : paths.resolve(cwd, path);
  }
  return found;
}

/** The visible folder in the user's documents where new plans go unless the user picks another. */
export const PLANS_FOLDER_NAME = 'Sales Strategy Planner';

export interface ShellFolders {
  /** Electron's userData (Chromium's caches and storage): the folder the CLI and host use too. */
  userData: string;
  /** Our files (recent.json, backups/): a subfolder of it, the CLI's and host's data folder. */
  dataDir: string;
  /** Plans created without a save dialog (the first-launch demo copy): in the user's documents, not hidden in app data. */
  plansDir: string;
}

/**
 * One name for app, CLI and host: <app-data>/sales-strategy-planner (not the
 * product name Electron would use), our data in its data/ subfolder. With
 * $SALESPLAN_HOME (tests, portable use) everything stays inside that folder.
 */
export function shellFolders(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, documentsDir: string): ShellFolders {
  const dataDir = defaultDataDir(env, platform);
  const plansDir = env.SALESPLAN_HOME ? join(dataDir, 'plans') : join(documentsDir, PLANS_FOLDER_NAME);
  return { userData: userDataFolder(env, platform), dataDir, plansDir };
}

/** Electron's userData, set before anything uses it (the single-instance lock lives there). */
export function userDataFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  return env.SALESPLAN_HOME ? join(defaultDataDir(env, platform), 'electron') : appFolder(env, platform);
}

/** The language of a first-launch demo copy, from the OS locale. */
export function langFromLocale(locale: string): 'en' | 'zh-CN' {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export interface NativeBindingEnv {
  /** process.resourcesPath: where extraResources land in a packaged app. */
  resourcesPath: string;
  /** The folder holding out/: the project in dev (app.asar when packaged). */
  appRoot: string;
  arch: string;
  exists: (path: string) => boolean;
}

/**
 * The Electron-ABI better-sqlite3 build, if one is present: shipped in the
 * packaged app's resources, or built into the project's native/ folder on a
 * developer's machine. Undefined → better-sqlite3's default lookup, which in
 * node_modules finds the Node-ABI build (right for tests, wrong for Electron).
 */
export function electronNativeBinding(env: NativeBindingEnv): string | undefined {
  const relative = join('native', `electron-${env.arch}`, 'better_sqlite3.node');
  const candidates = [join(env.resourcesPath, relative), join(env.appRoot, relative)];
  return candidates.find((p) => env.exists(p));
}

/**
 * The start-up error to show: when no Electron binding was found, the likely
 * cause (node_modules holds the Node build) and the command that fixes it,
 * before the error itself.
 */
export function startupErrorText(error: unknown, nativeBinding: string | undefined, arch: string): string {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (nativeBinding !== undefined) return text;
  return (
    `The SQLite binding for Electron (native/electron-${arch}/better_sqlite3.node) was not found. ` +
    `Run "npm start", which builds it, or "node scripts/electron-binding.mjs --arch ${arch}".\n\n${text}`
  );
}

/** The name a plan file is shown by: its file name without the extension. */
export function planDisplayName(planPath: string): string {
  const name = basename(planPath);
  return extname(name).toLowerCase() === PLAN_EXTENSION ? name.slice(0, -PLAN_EXTENSION.length) : name;
}

/** "Q3 East — Sales Strategy Planner", or the app name alone with no plan open. */
export function windowTitle(planPath: string | null | undefined, appName: string): string {
  return planPath ? `${planDisplayName(planPath)} — ${appName}` : appName;
}
