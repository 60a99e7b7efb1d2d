// The host's read of a big plan (issue #14): plan.get and the live what-if
// (simulation.expected) on a 50,000-customer plan, right after an edit (the
// plan is read from the file) and with the plan unchanged (kept per revision,
// electron/services/plan-cache.ts). One app on one imported plan serves every
// case; the last case closes it (or the end of the process, when a filter left it out).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';
import type { Customer } from '../../shared/plan/types';
import { demoRepeated } from '../plans/demo-repeated';
import type { BenchCase } from './types';

const CUSTOMERS = 50_000;
const RUNS = 5;
const N = CUSTOMERS.toLocaleString('en');

interface Fixture {
  app: PlannerApp;
  dir: string;
  customer: Customer;
  edits: number;
}

let fixture: Promise<Fixture> | null = null;

async function call(app: PlannerApp, method: string, arg: unknown): Promise<unknown> {
  const res = await app.dispatch(method, arg);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.value;
}

function open(): Promise<Fixture> {
  fixture ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-read-bench-'));
    const app = createPlannerApp({ dataDir: dir, actor: 'bench' });
    process.once('beforeExit', () => void close());
    const plan = demoRepeated(CUSTOMERS, { firstDeal: { min: 100_000, mode: 200_000, max: 500_000 } });
    await call(app, 'file.importJson', { json: JSON.stringify(plan), path: join(dir, 'big.salesplan') });
    return { app, dir, customer: plan.customers.at(-1)!, edits: 0 };
  })();
  return fixture;
}

async function close(): Promise<void> {
  if (!fixture) return;
  const { app, dir } = await fixture;
  fixture = null;
  await app.backupsIdle();
  app.close();
  rmSync(dir, { recursive: true, force: true });
}

/** One small committed edit (a customer renamed): the next read comes from the file. */
async function edit(f: Fixture): Promise<void> {
  f.edits++;
  await call(f.app, 'plan.batch', { edits: [{ kind: 'customers', op: 'update', id: f.customer.id, value: { ...f.customer, name: `Renamed ${f.edits}` } }] });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** RUNS timings of `method`, each right after an edit or with the plan unchanged. */
function measure(method: string, arg: (i: number) => unknown, afterEdit: boolean, last = false): () => Promise<{ runs: number[] }> {
  return async () => {
    try {
      const f = await open();
      await call(f.app, method, arg(-1)); // warm-up (and the plan kept)
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        if (afterEdit) await edit(f);
        runs.push(await timed(() => call(f.app, method, arg(i))));
      }
      return { runs };
    } finally {
      if (last) await close();
    }
  };
}

// Each what-if call moves the slider: a new lead factor every time.
const whatIf = (i: number) => ({ adjust: { leads: 1 + (i + 2) / 20 } });

export const planReadCases: BenchCase[] = [
  {
    name: `Host plan read: plan.get on ${N} customers, first after an edit (read from the file)`,
    unit: 'ms',
    budget: 300,
    run: measure('plan.get', () => ({}), true),
  },
  {
    name: `Host plan read: plan.get on ${N} customers, plan unchanged (kept per revision)`,
    unit: 'ms',
    budget: 300,
    run: measure('plan.get', () => ({}), false),
  },
  {
    name: `Host plan read: simulation.expected (live what-if) on ${N} customers, first after an edit`,
    unit: 'ms',
    budget: null,
    run: measure('simulation.expected', whatIf, true),
  },
  {
    // The UI's what-if budget is 16 ms; what remains is the engine's expected-value pass (shared/simulation).
    name: `Host plan read: simulation.expected (live what-if) on ${N} customers, plan kept (UI budget 16 ms)`,
    unit: 'ms',
    budget: null,
    run: measure('simulation.expected', whatIf, false, true),
  },
];
