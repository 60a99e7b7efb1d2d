// The worker pool on its own: how work is split, where the worker's code is
// found (sources and the electron-vite build), cancellation of queued work,
// and a crashed worker.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate, SimulationCancelled, SimulationInputError } from '../../shared/simulation';
import { simulateInPool } from '../../electron/services/simulation/parallel';
import { CancelFlag, defaultPoolSize, defaultWorkerUrl, SimulationPool } from '../../electron/services/simulation/pool';
import { smallPlan, tempDir } from './store-helpers';

const ROOT = join(import.meta.dirname, '../..');
const BUILT_WORKER = join(ROOT, 'out/main/simulation-worker.cjs');
const pools: SimulationPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));
function pool(size: number, workerUrl?: URL): SimulationPool {
  const p = new SimulationPool({ size, ...(workerUrl ? { workerUrl } : {}) });
  pools.push(p);
  return p;
}
const withoutTime = (r: object) => JSON.stringify({ ...r, elapsedMs: 0 });

describe('sharing a run', () => {
  it('gives every worker the whole range and a shared counter: a worker that comes late takes only what is left', async () => {
    const p = pool(1);
    const plan = smallPlan();
    const counter = new SharedArrayBuffer(4);
    const next = new Int32Array(counter);
    next[0] = 5;
    const rest = await p.run({ kind: 'chunks', plan, opts: { trials: 2000 }, from: 0, to: 8, counter });
    expect(rest.map((c) => c.index)).toEqual([5, 6, 7]);
    expect(next[0]).toBeGreaterThanOrEqual(8);
    expect(await p.run({ kind: 'chunks', plan, opts: { trials: 2000 }, from: 0, to: 8, counter })).toEqual([]);
  });

  it('sizes the pool to the cores, one to four', () => {
    expect(defaultPoolSize()).toBeGreaterThanOrEqual(1);
    expect(defaultPoolSize()).toBeLessThanOrEqual(4);
    expect(new SimulationPool({ size: 0 }).size).toBe(1);
  });
});

describe('the worker code', () => {
  it('is worker-dev.mjs from sources and simulation-worker.cjs beside the main bundle', () => {
    expect(defaultWorkerUrl('file:///app/electron/services/simulation/pool.ts').href).toBe('file:///app/electron/services/simulation/worker-dev.mjs');
    expect(defaultWorkerUrl('file:///opt/app/resources/app.asar/out/main/index.js').href).toBe(
      'file:///opt/app/resources/app.asar/out/main/simulation-worker.cjs',
    );
    expect(existsSync(join(ROOT, 'electron/services/simulation/worker-dev.mjs'))).toBe(true);
  });

  it.skipIf(!existsSync(BUILT_WORKER))('built by electron-vite, gives the same result as the sources', async () => {
    const plan = smallPlan();
    const built = pool(2, defaultWorkerUrl(pathToFileURL(join(ROOT, 'out/main/index.js')).href));
    const r = await simulateInPool(built, plan, { trials: 600, seed: 3 });
    expect(withoutTime(r)).toBe(withoutTime(simulate(plan, { trials: 600, seed: 3 })));
  });
});

describe('jobs', () => {
  it('bring the engine\'s typed errors back across the thread boundary', async () => {
    const p = pool(1);
    const e = await p.run({ kind: 'requiredLeads', plan: smallPlan(), opts: { targetId: 'nope' } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SimulationInputError);
    expect(e).toMatchObject({ code: 'unknownTarget', path: 'targetId', message: 'targetId: unknown target "nope"' });
  });

  it('cancelled while queued never reach a worker; a cancelled run rejects with SimulationCancelled', async () => {
    const p = pool(1);
    const plan = smallPlan();
    const first = p.run({ kind: 'chunks', plan, opts: { trials: 2000 }, from: 0, to: 8 });
    const cancel = new CancelFlag();
    const progress: number[] = [];
    const second = p.run({ kind: 'chunks', plan, opts: { trials: 2000 }, from: 0, to: 8 }, { cancel, onProgress: (d) => progress.push(d) });
    cancel.cancel();
    await expect(second).rejects.toBeInstanceOf(SimulationCancelled);
    expect((await first).map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(progress).toEqual([]);
    await expect(simulateInPool(p, plan, { trials: 500 }, { cancel })).rejects.toBeInstanceOf(SimulationCancelled);
  });

  it('run on workers started beforehand by warm (the CLI), none more, with the same result', async () => {
    const p = pool(2);
    p.warm();
    p.warm();
    expect(p.started).toBe(2);
    const plan = smallPlan();
    const r = await simulateInPool(p, plan, { trials: 600, seed: 5 });
    expect(p.started).toBe(2);
    expect(withoutTime(r)).toBe(withoutTime(simulate(plan, { trials: 600, seed: 5 })));
    await p.close();
    p.warm();
    expect(p.started).toBe(0);
  });

  it('with callerRuns, share a run with the calling thread, which merges: same bytes, progress over every trial, one worker', async () => {
    const p = new SimulationPool({ size: 1, callerRuns: true });
    pools.push(p);
    const plan = smallPlan();
    const seen: number[] = [];
    const r = await simulateInPool(p, plan, { trials: 1750, seed: 9 }, { onProgress: (done, total) => (expect(total).toBe(1750), seen.push(done)) });
    expect(withoutTime(r)).toBe(withoutTime(simulate(plan, { trials: 1750, seed: 9 })));
    expect(p.started).toBe(1);
    expect(seen.at(-1)).toBe(1750);
    // Progress adds up every thread's chunks as each is done, one chunk (250 trials) at a time.
    expect(seen).toEqual([250, 500, 750, 1000, 1250, 1500, 1750]);
    // One chunk: the caller runs and merges it, no worker needed.
    const small = await simulateInPool(p, plan, { trials: 200, seed: 9 });
    expect(withoutTime(small)).toBe(withoutTime(simulate(plan, { trials: 200, seed: 9 })));
  });

  it('with callerRuns, stop at the next chunk when cancelled during the calling thread\'s share, and the worker\'s too', async () => {
    const p = new SimulationPool({ size: 1, callerRuns: true });
    pools.push(p);
    const cancel = new CancelFlag();
    let progress = 0;
    const run = simulateInPool(p, smallPlan(), { trials: 1_000_000 }, { cancel, onProgress: () => (++progress === 2 ? cancel.cancel() : undefined) });
    await expect(run).rejects.toBeInstanceOf(SimulationCancelled);
    expect(progress).toBeLessThan(50);
    // The worker stopped too: its next job runs at once.
    const t0 = performance.now();
    await p.run({ kind: 'chunks', plan: smallPlan(), opts: { trials: 250 }, from: 0, to: 1 });
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('fail when their worker dies, and the pool starts a new worker for the next job', async () => {
    const dir = tempDir();
    const crashing = join(dir, 'crash.mjs');
    writeFileSync(crashing, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const p = pool(1, pathToFileURL(crashing));
    const job = () => p.run({ kind: 'chunks', plan: smallPlan(), opts: {}, from: 0, to: 1 });
    await expect(job()).rejects.toThrow(/stopped unexpectedly \(exit code 3\)/);
    await expect(job()).rejects.toThrow(/exit code 3/);
  });
});
