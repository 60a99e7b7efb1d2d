// The CLI as a user starts it (issue #14): the whole process of
// `npm run cli -- info FILE` and of `npm run cli -- simulate FILE` on the
// benchmark plan (10,000 trials, the worker pool), npm's own start-up
// included. The CLI is built first (scripts/cli-bundle.mjs), as
// `npm run build` would, so the figures are today's code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCliBundle } from '../../scripts/cli-bundle.mjs';
import { benchPlan } from '../plans/simulation-bench';
import type { BenchCase } from './types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 5;

let built: Promise<string> | null = null;
/** Builds the CLI (once) and gives a fresh temporary folder. */
async function prepare(): Promise<string> {
  await (built ??= buildCliBundle(resolve(ROOT, 'out/cli')).then(() => ''));
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A blank plan file (`new`): what info reads, as small as a plan gets, so the figure is start-up. */
async function blankPlanFile(): Promise<string> {
  const file = join(await prepare(), 'blank.salesplan');
  npmCli('new', file);
  return file;
}

/** The benchmark plan imported into a plan file. */
async function benchPlanFile(): Promise<string> {
  const dir = await prepare();
  const json = join(dir, 'bench.json');
  const file = join(dir, 'bench.salesplan');
  writeFileSync(json, JSON.stringify(benchPlan()));
  npmCli('import', json, file);
  return file;
}

function npmCli(...args: string[]): string {
  return execFileSync('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

async function wholeProcess(plan: () => Promise<string>, args: (file: string) => string[]): Promise<{ runs: number[] }> {
  const file = await plan();
  npmCli(...args(file)); // warm the file cache
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    npmCli(...args(file));
    runs.push(performance.now() - t);
  }
  return { runs };
}

const info: BenchCase = {
  name: '`npm run cli -- info FILE`, blank plan, whole process',
  unit: 'ms',
  budget: 400,
  run: () => wholeProcess(blankPlanFile, (file) => ['info', file]),
};

const simulateCli: BenchCase = {
  name: '`npm run cli -- simulate FILE --json`, bench plan, 10,000 trials, whole process',
  unit: 'ms',
  budget: 600,
  run: () => wholeProcess(benchPlanFile, (file) => ['simulate', file, '--json']),
};

export const cliCases: BenchCase[] = [info, simulateCli];
