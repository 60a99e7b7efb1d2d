// Simulation runs as the app does them (issue #3 item 5): the 10,000-trial
// benchmark plan through the worker pool — fresh workers each time, so the
// wall time includes starting them, the split, the merge (in a worker) and
// storing the result in the plan file — and how long the main thread's event
// loop was ever blocked meanwhile (perf_hooks.monitorEventLoopDelay).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApiEvent } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatch';
import { handlers } from '../../electron/services/handlers';
import { PlannerSession } from '../../electron/services/session';
import { defaultPoolSize, defaultWorkerUrl, SimulationPool } from '../../electron/services/simulation/pool';
import { attachSimulationPool } from '../../electron/services/simulation/runs';
import { createPlanFile, openPlanFile } from '../../electron/store';
import { insertRun } from '../../electron/store/simulation-runs';
import { simulate } from '../../shared/simulation';
import { benchPlan } from '../plans/simulation-bench';
import type { BenchCase } from './types';
import { median } from '../median';

const TRIALS = 10_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The worker the built app starts (electron-vite); the TypeScript one (tsx) when out/ was not built. */
const BUILT = join(ROOT, 'out/main/simulation-worker.cjs');


interface Measured {
  wallMs: number;
  maxLoopDelayMs: number;
}

/** One run through `simulation.run` on a fresh pool; resolves when the result is stored. */
async function oneRun(workerUrl: URL): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sim-'));
  const session = new PlannerSession({ lang: 'en', actor: 'bench', appVersion: 'bench' });
  const dispatch = createDispatcher(handlers);
  const pool = new SimulationPool({ size: defaultPoolSize(), workerUrl });
  try {
    const imported = await dispatch('file.importJson', { json: JSON.stringify(benchPlan()), path: join(dir, 'bench.salesplan') }, session);
    if (!imported.ok) throw new Error(imported.error.message);
    attachSimulationPool(session, pool);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    const ended = new Promise<ApiEvent>((resolve) => session.subscribe((e) => e.type === 'simulation-finished' && resolve(e)));
    loop.enable();
    const t0 = performance.now();
    const started = await dispatch('simulation.run', { trials: TRIALS }, session);
    if (!started.ok) throw new Error(started.error.message);
    const end = await ended;
    const wallMs = performance.now() - t0;
    loop.disable();
    if (end.type !== 'simulation-finished' || end.outcome !== 'completed') throw new Error(`run ended ${JSON.stringify(end)}`);
    return { wallMs, maxLoopDelayMs: loop.max / 1e6 };
  } finally {
    await pool.close();
    session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

let measured: Measured[] = [];

const builtPool: BenchCase = {
  name: `Simulation run through the worker pool (${defaultPoolSize()} workers, ${existsSync(BUILT) ? 'built worker' : 'tsx worker: out/ not built'}), ${TRIALS.toLocaleString('en')} trials, incl. worker start, merge and storing (median of 3)`,
  unit: 'ms',
  budget: 1000,
  async run() {
    const url = existsSync(BUILT) ? pathToFileURL(BUILT) : defaultWorkerUrl();
    measured = [];
    for (let i = 0; i < 3; i++) measured.push(await oneRun(url));
    return median(measured.map((m) => m.wallMs));
  },
};

const loopDelay: BenchCase = {
  name: 'Main-thread event-loop delay during those runs (max over 3 runs)',
  unit: 'ms',
  budget: 50,
  run() {
    if (measured.length === 0) throw new Error('runs after the pool case');
    return Math.max(...measured.map((m) => m.maxLoopDelayMs));
  },
};

// For reading the figure above: as many workers as the pool, spinning on
// plain arithmetic for as long as one run — no engine, no messages, nothing
// on the main thread. What this shows is the OS sharing the cores between
// the busy workers and the main thread (and other jobs on the machine); the
// difference to the figure above is what the run itself costs the main thread.
const spinLoopDelay: BenchCase = {
  name: `Main-thread event-loop delay while ${defaultPoolSize()} workers only spin, as long as one run (control)`,
  unit: 'ms',
  budget: null,
  async run() {
    const ms = Math.round(measured.length ? median(measured.map((m) => m.wallMs)) : 1000);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const code = `const t = Date.now(); let x = 0; while (Date.now() - t < ${ms}) x += Math.sqrt(x + 1); require('node:worker_threads').parentPort.postMessage(x);`;
    const workers = Array.from({ length: defaultPoolSize() }, () => new Worker(code, { eval: true }));
    await Promise.all(workers.map((w) => new Promise((r) => w.once('message', r))));
    loop.disable();
    await Promise.all(workers.map((w) => w.terminate()));
    return loop.max / 1e6;
  },
};

const sourcePool: BenchCase = {
  name: `Same run from TypeScript sources (tsx worker, as in tests and npm run web), ${TRIALS.toLocaleString('en')} trials (median of 3)`,
  unit: 'ms',
  budget: null,
  async run() {
    const runs: Measured[] = [];
    for (let i = 0; i < 3; i++) runs.push(await oneRun(defaultWorkerUrl(pathToFileURL(join(ROOT, 'electron/services/simulation/pool.ts')).href)));
    return median(runs.map((m) => m.wallMs));
  },
};

const coldExpected: BenchCase = {
  name: 'Expected-value mode inline on the main thread, first call in a fresh process (cold JIT)',
  unit: 'ms',
  budget: null,
  run() {
    const child = fileURLToPath(new URL('./ev-cold-child.ts', import.meta.url));
    return Number(execFileSync(process.execPath, [...process.execArgv, child], { encoding: 'utf8' }).trim());
  },
};

// The one piece of a run that must be on the main thread: the plan file's
// connection lives there. A commit waits for the disk (synchronous=FULL), like
// every plan edit does; this is most of the event-loop delay figure above.
const storeResult: BenchCase = {
  name: 'Storing a run result in the plan file (one commit, synchronous=FULL; median of 5)',
  unit: 'ms',
  budget: null,
  run() {
    const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
    const file = openPlanFile(createPlanFile(join(dir, 'b.salesplan'), benchPlan(), { appVersion: 'bench' }), { appVersion: 'bench' });
    try {
      const result = simulate(benchPlan(), { trials: 500 });
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        insertRun(file.db, {
          id: `r${i}`,
          createdAt: new Date().toISOString(),
          actor: 'bench',
          mode: 'monte-carlo',
          scenarioId: null,
          seed: result.seed,
          trials: result.trials,
          elapsedMs: result.elapsedMs,
          fingerprint: 'bench',
          result,
        });
        times.push(performance.now() - t);
      }
      return median(times);
    } finally {
      file.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const simulationRunCases: BenchCase[] = [builtPool, loopDelay, spinLoopDelay, storeResult, sourcePool, coldExpected];
