// The host's read of a big plan (issue #14): plan.get and the live what-if
// (simulation.expected) on a 50,000-customer plan right after an edit (see
// `edit`: which parts are read again) and with the plan unchanged (kept per
// revision, electron/services/plan-cache.ts). One app on one imported plan serves every
// case; the last case closes it (or the end of the process, when a filter left it out).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';
import type { Customer } from '../../shared/plan/types';
import { demoRepeated } from '../plans/demo-repeated';
import { call } from './app-session';
import type { BenchCase } from './types';

const CUSTOMERS = 50_000;
const RUNS = 5;
const N = CUSTOMERS.toLocaleString('en');

interface Fixture {
  app: PlannerApp;
  dir: string;
  customer: Customer;
  edits: number;
  /** Whether the extra customer (created and deleted by turns) is in the plan. */
  extra: boolean;
}

let fixture: Promise<Fixture> | null = null;

function open(): Promise<Fixture> {
  fixture ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-read-bench-'));
    const app = createPlannerApp({ dataDir: dir, actor: 'bench' });
    process.once('beforeExit', () => void close());
    const plan = demoRepeated(CUSTOMERS, { firstDeal: { min: 100_000, mode: 200_000, max: 500_000 } });
    await call(app, 'file.importJson', { json: JSON.stringify(plan), path: join(dir, 'big.salesplan') });
    // A stored run, so that simulation.latest tells its staleness (the inputs fingerprint).
    const { runId } = (await call(app, 'simulation.run', { expected: true })) as { runId: string };
    await call(app, 'simulation.wait', { runId });
    return { app, dir, customer: plan.customers.at(-1)!, edits: 0, extra: false };
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

type Edit = 'create' | 'customer' | 'settings' | null;

/**
 * One small committed edit: a customer created or deleted (positions shift:
 * it is read or dropped and the file's order of ids read), a customer renamed
 * (only it is read again), or the plan renamed (the kept customers are
 * reused, the rest is read).
 */
async function edit(f: Fixture, kind: Edit): Promise<void> {
  if (kind === null) return;
  f.edits++;
  const { id } = f.customer;
  if (kind === 'settings') return void (await call(f.app, 'plan.updateSettings', { patch: { name: `Bench plan ${f.edits}` } }));
  let e: unknown;
  if (kind === 'customer') e = { kind: 'customers', op: 'update', id, value: { ...f.customer, name: `Renamed ${f.edits}` } };
  else {
    f.extra = !f.extra;
    e = f.extra ? { kind: 'customers', op: 'create', value: { ...f.customer, id: 'bench-extra' } } : { kind: 'customers', op: 'delete', id: 'bench-extra' };
  }
  await call(f.app, 'plan.batch', { edits: [e] });
}

type Clock = 'wall' | 'cpu';

/** Wall time, or this process's CPU time (all its threads: the garbage collector's helpers too). */
async function timed(fn: () => Promise<unknown>, clock: Clock): Promise<number> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  await fn();
  if (clock === 'wall') return performance.now() - t;
  const { user, system } = process.cpuUsage(cpu);
  return (user + system) / 1000;
}

/** RUNS timings of `method`, each right after an edit of `kind` (null: the plan unchanged). */
function measure(method: string, arg: (i: number) => unknown, kind: Edit, clock: Clock = 'wall', last = false): () => Promise<{ runs: number[] }> {
  return async () => {
    try {
      const f = await open();
      await call(f.app, method, arg(-1)); // warm-up (and the plan kept)
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await edit(f, kind);
        runs.push(await timed(() => call(f.app, method, arg(i)), clock));
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
    name: `Host plan read: plan.get on ${N} customers after a customer was created or deleted (it and the order of ids read)`,
    unit: 'ms',
    budget: 300,
    run: measure('plan.get', () => ({}), 'create'),
  },
  {
    // The machine is shared: the CPU time of the same call does not wait for other processes.
    name: `Host plan read: plan.get on ${N} customers after a customer was created or deleted, CPU time (it and the order of ids read)`,
    unit: 'ms',
    budget: 300,
    run: measure('plan.get', () => ({}), 'create', 'cpu'),
  },
  {
    name: `Host plan read: plan.get on ${N} customers after a settings edit (customers kept, the rest read)`,
    unit: 'ms',
    budget: 300,
    run: measure('plan.get', () => ({}), 'settings'),
  },
  {
    name: `Host plan read: plan.get on ${N} customers after a customer edit (that customer read again)`,
    unit: 'ms',
    budget: 300,
    run: measure('plan.get', () => ({}), 'customer'),
  },
  {
    name: `Host plan read: plan.get on ${N} customers, plan unchanged (kept per revision)`,
    unit: 'ms',
    budget: 300,
    run: measure('plan.get', () => ({}), null),
  },
  {
    name: `Host plan read: simulation.expected (live what-if) on ${N} customers after a customer was created or deleted`,
    unit: 'ms',
    budget: null,
    run: measure('simulation.expected', whatIf, 'create'),
  },
  {
    // The UI's what-if budget is 16 ms; what remains is the engine's expected-value pass (shared/simulation).
    name: `Host plan read: simulation.expected (live what-if) on ${N} customers, plan kept (UI budget 16 ms)`,
    unit: 'ms',
    budget: null,
    run: measure('simulation.expected', whatIf, null),
  },
  {
    // As the what-if view asks: without the per-customer entries (perCustomer: false).
    name: `Host plan read: simulation.expected (live what-if) on ${N} customers as the what-if view asks (no per-customer entries), plan kept (UI budget 16 ms)`,
    unit: 'ms',
    budget: 16,
    run: measure('simulation.expected', (i) => ({ ...whatIf(i), perCustomer: false }), null),
  },
  {
    // The customers' part (readiness, groups) is computed again for the new customers array.
    name: `Host plan read: simulation.expected (live what-if) on ${N} customers after a customer edit (that customer read again)`,
    unit: 'ms',
    budget: null,
    run: measure('simulation.expected', whatIf, 'customer'),
  },
  {
    // The stored run's staleness: the inputs fingerprint of the plan after the edit (electron/services/simulation/runs.ts).
    name: `Host plan read: simulation.latest (stored run's staleness) on ${N} customers after a customer edit`,
    unit: 'ms',
    budget: null,
    run: measure('simulation.latest', () => ({ expected: true }), 'customer', 'wall', true),
  },
];
