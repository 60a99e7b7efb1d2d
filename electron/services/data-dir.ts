// Where the app, the CLI and the HTTP host keep their own data (recent.json,
// backups/): a small module, so the CLI finds it without loading the API's handlers.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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
