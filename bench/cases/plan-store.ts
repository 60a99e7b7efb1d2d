// Plan-file figures (issue: store): opening the demo, one 5,000-customer
// batch commit, importing the 50,000-customer plan. Reading it whole
// (plan.get) is in plan-read.ts. Real files in a temporary folder,
// through the same dispatcher the app uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';
import { demoRepeated } from '../plans/demo-repeated';
import { call } from './app-session';
import type { BenchCase } from './types';
import { median } from '../median';

const CUSTOMERS = 50_000;
const BATCH = 5_000;

/** The copies carry a first-deal range. */
const bigPlan = () => demoRepeated(CUSTOMERS, { firstDeal: { min: 100_000, mode: 200_000, max: 500_000 } });


/** Runs `measure` with a fresh app on a fresh data folder, then cleans up. */
async function withApp<T>(measure: (app: PlannerApp, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-store-bench-'));
  const app = createPlannerApp({ dataDir: dir, actor: 'bench' });
  try {
    return await measure(app, dir);
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export const planStoreCases: BenchCase[] = [
  {
    name: 'Plan file: open the demo plan (checks included, median of 5)',
    unit: 'ms',
    budget: 100,
    run: () =>
      withApp(async (app) => {
        const path = ((await call(app, 'file.current', {})) as { path: string }).path;
        const other = ((await call(app, 'file.new', {})) as { path: string }).path;
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          await call(app, 'file.open', { path: other });
          times.push(await timed(() => call(app, 'file.open', { path })));
        }
        return median(times);
      }),
  },
  {
    name: `Plan file: import a ${CUSTOMERS.toLocaleString('en')}-customer plan from JSON`,
    unit: 'ms',
    budget: null,
    run: () =>
      withApp(async (app, dir) => {
        const json = JSON.stringify(bigPlan());
        return timed(() => call(app, 'file.importJson', { json, path: join(dir, 'big.salesplan') }));
      }),
  },
  {
    name: `Plan file: one batch of ${BATCH.toLocaleString('en')} customer creates on ${CUSTOMERS.toLocaleString('en')}`,
    unit: 'ms',
    budget: 2000,
    run: () =>
      withApp(async (app, dir) => {
        const plan = bigPlan();
        await call(app, 'file.importJson', { json: JSON.stringify(plan), path: join(dir, 'big.salesplan') });
        const template = plan.customers[0]!;
        const edits = Array.from({ length: BATCH }, (_, i) => ({
          kind: 'customers',
          op: 'create',
          value: { ...template, id: `batch-${i}`, name: `Batch customer ${i}` },
        }));
        return timed(() => call(app, 'plan.batch', { edits }));
      }),
  },
];
