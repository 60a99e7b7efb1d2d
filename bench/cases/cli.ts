// The CLI as a user starts it (issue #14): the whole process of
// `npm run cli -- info FILE` and of `npm run cli -- simulate FILE` on the
// benchmark plan (10,000 trials, the worker pool), npm's own start-up
// included. The CLI is built first (scripts/cli-bundle.mjs), as
// `npm run build` would, so the figures are today's code.
//
// The machine is shared, and wall times follow its load: each figure also
// has its CPU time (every process and thread of the run, from the kernel's
// count of waited-for children; Linux only), which load changes far less,
// and a floor row, npm starting a script that is a bare `node -e 0`: what no
// change to the CLI can win back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCliBundle } from '../../scripts/cli-bundle.mjs';
import { benchPlan } from '../plans/simulation-bench';
import type { BenchCase, Measurement } from './types';

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

/**
 * CPU time (user + system, ms) of this process's finished children, their
 * threads included: /proc/self/stat's cutime + cstime, in clock ticks of
 * 10 ms (summed over the runs). null where there is no /proc.
 */
function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

interface Timed {
  wall: number[];
  /** Mean CPU time of one run (ms); null without /proc. */
  cpu: number | null;
}

async function timeRuns(run: () => void): Promise<Timed> {
  run(); // warm the file cache
  const wall: number[] = [];
  const cpu0 = childrenCpuMs();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    run();
    wall.push(performance.now() - t);
  }
  const cpu1 = childrenCpuMs();
  return { wall, cpu: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / RUNS };
}

/** Two figures from the same runs: the whole process's wall time (against the budget) and its CPU time. */
function wallAndCpu(name: string, budget: number | null, measure: () => Promise<Timed>): BenchCase[] {
  let timed: Promise<Timed> | null = null;
  const once = () => (timed ??= measure());
  return [
    { name, unit: 'ms', budget, run: async (): Promise<Measurement> => ({ runs: (await once()).wall }) },
    {
      name: `${name} — its CPU time per run`,
      unit: 'ms',
      budget: null,
      run: async (): Promise<Measurement> => {
        const { cpu } = await once();
        if (cpu === null) throw new Error('CPU time of child processes needs /proc (Linux)');
        return cpu;
      },
    },
  ];
}

const info = wallAndCpu('`npm run cli -- info FILE`, blank plan, whole process', 400, async () => {
  const file = await blankPlanFile();
  return timeRuns(() => npmCli('info', file));
});

const simulateCli = wallAndCpu('`npm run cli -- simulate FILE --json`, bench plan, 10,000 trials, whole process', 600, async () => {
  const file = await benchPlanFile();
  return timeRuns(() => npmCli('simulate', file, '--json'));
});

const npmFloor = wallAndCpu('floor of `npm run cli`: npm running a script that is `node -e 0`', null, async () => {
  const dir = await prepare();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-npm-floor', private: true, scripts: { floor: 'node -e 0' } }));
  return timeRuns(() => execFileSync('npm', ['run', '--silent', 'floor'], { cwd: dir }));
});

export const cliCases: BenchCase[] = [...npmFloor, ...info, ...simulateCli];
