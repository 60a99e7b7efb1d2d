// Runs the real CLI in its own process, as users and scripts do: the built
// bundle (out/cli/main.js), which `npm test` builds before the tests
// (`npm run build` when running test files alone after changing the code).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(import.meta.dirname, '../..');
export const CLI_MAIN = join(ROOT, 'out/cli/main.js');

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
  return node(cwd, [CLI_MAIN, ...args], env);
}

const LOG_LOADS = join(import.meta.dirname, 'log-loads.mjs');

/** Runs the CLI and lists the files of the built CLI (out/cli) it loaded, with what it printed. */
export async function cliLoads(cwd: string, ...args: string[]): Promise<Run & { loaded: string[] }> {
  const r = await node(cwd, ['--import', LOG_LOADS, CLI_MAIN, ...args]);
  const loaded = [...r.stderr.matchAll(/^loaded: (file:.*)$/gm)].map((m) => fileURLToPath(m[1]!)).filter((f) => f.startsWith(join(ROOT, 'out/cli')));
  return { ...r, stderr: r.stderr.replace(/^loaded: .*\n/gm, ''), loaded };
}

function node(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  if (!existsSync(CLI_MAIN)) throw new Error(`${CLI_MAIN} is missing: run "npm run build" before the CLI tests`);
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
