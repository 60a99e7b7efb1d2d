// Scenarios side by side on a 50,000-customer plan (issue #11, "bad input"):
// four scenarios through the renderer's CompareStore over the real
// dispatcher and worker pool — the batch's time, the host main thread's
// longest stall meanwhile (it only starts runs, relays progress and stores
// results; the work is in the pool), and how soon Cancel ends a long batch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createPlannerApp } from '../../electron/services/app';
import { RootStore } from '../../renderer/stores/RootStore';
import { createClient } from '../../shared/api';
import { customers50kPlan } from '../plans/customers-50k';
import type { BenchCase } from './types';

async function withCompare<T>(fn: (store: RootStore) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-compare-'));
  const app = createPlannerApp({ dataDir: dir, actor: 'bench' });
  try {
    const opened = await app.dispatch('file.importJson', { json: JSON.stringify(customers50kPlan()), path: join(dir, 'big.salesplan') });
    if (!opened.ok) throw new Error(opened.error.message);
    let listener: (e: never) => void = () => {};
    const store = new RootStore({
      client: createClient((method, arg) => app.dispatch(method, arg ?? {})),
      subscribe: (l) => ((listener = l as never), () => {}),
      transport: 'http',
      storage: null,
    });
    app.subscribe((e) => listener(e as never));
    await store.start();
    await store.plan.create('scenarios', { id: 'flat', name: 'Flat', adjust: {} });
    store.simulation.compare.pickOnly([null, 'pessimistic', 'optimistic', 'flat']);
    return await fn(store);
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

let stall = 0;

const batch: BenchCase = {
  name: 'Compare 4 scenarios, 50,000-customer plan, 1,000 trials each (pool)',
  unit: 'ms',
  budget: null,
  run: () =>
    withCompare(async (store) => {
      store.simulation.setTrialsText('1000');
      const h = monitorEventLoopDelay({ resolution: 10 });
      h.enable();
      const t = performance.now();
      await store.simulation.compare.run();
      const ms = performance.now() - t;
      h.disable();
      stall = h.max / 1e6;
      if (store.simulation.compare.comparison?.columns.length !== 4) throw new Error(`no comparison: ${JSON.stringify(store.simulation.compare.note)}`);
      return ms;
    }),
};

const batchStall: BenchCase = {
  name: '  host main thread, longest event-loop stall during that batch',
  unit: 'ms',
  budget: null,
  run: () => stall,
};

const cancel: BenchCase = {
  name: 'Cancel a 4 × 100,000-trial comparison on that plan: Cancel → batch ended',
  unit: 'ms',
  budget: 1000,
  run: () =>
    withCompare(async (store) => {
      const c = store.simulation.compare;
      store.simulation.setTrialsText('100000');
      const running = c.run();
      // Cancel once the first run reports progress.
      await new Promise<void>((resolve) => {
        const check = () => ((c.batch?.done ?? 0) > 0 ? resolve() : setTimeout(check, 5));
        check();
      });
      const t = performance.now();
      await c.cancel();
      await running;
      if (c.note?.kind !== 'cancelled') throw new Error(`not cancelled: ${JSON.stringify(c.note)}`);
      return performance.now() - t;
    }),
};

export const workshopCompareCases: BenchCase[] = [batch, batchStall, cancel];
