// Runs the real CLI in its own process, as users and scripts do.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'electron/cli/main.ts');
// What `node --import tsx` loads, by absolute URL: the CLI runs from the test's temporary folder.
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(cwd: string, ...args: string[]): Promise<Run> {
  return cliWithEnv(cwd, {}, ...args);
}

/** The CLI with extra environment variables (e.g. SALESPLAN_HOME, the app data folder). */
export function cliWithEnv(cwd: string, env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
