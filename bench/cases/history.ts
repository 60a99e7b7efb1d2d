// Undo/redo figures (issue #4 item 9) on a 50,000-customer plan, real file,
// through the app's dispatcher: taking back a 5,000-customer bulk edit, and
// putting back 5,000 customers deleted from all over the list (each where it
// stood). Budget: the same 2 s a 5,000-row paste has to commit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlannerApp } from '../../electron/services/app';
import type { Edit } from '../../shared/api/contract';
import type { Customer, Plan } from '../../shared/plan/types';
import { customers50kPlan } from '../plans/customers-50k';
import { call } from './app-session';
import type { BenchCase } from './types';

const BATCH = 5_000;

/** A fresh app with the 50,000-customer plan open; `edits` picks the batch to commit; returns the time of its undo. */
async function undoOf(edits: (plan: Plan) => Edit[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'history-bench-'));
  const app = createPlannerApp({ dataDir: dir, actor: 'bench' });
  try {
    const plan = customers50kPlan();
    await call(app, 'file.importJson', { json: JSON.stringify(plan), path: join(dir, 'big.salesplan') });
    await call(app, 'plan.batch', { edits: edits(plan) });
    const t = performance.now();
    await call(app, 'history.undo', {});
    return performance.now() - t;
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every tenth generated customer no goal refers to, up to BATCH. */
function spread(plan: Plan): Customer[] {
  const referred = new Set(plan.goals.map((g) => g.customerId));
  return plan.customers.filter((c, i) => i % 10 === 5 && !referred.has(c.id)).slice(0, BATCH);
}

export const historyCases: BenchCase[] = [
  {
    name: `Undo a ${BATCH.toLocaleString('en')}-customer bulk edit (50,000 customers)`,
    unit: 'ms',
    budget: 2000,
    run: () => undoOf((plan) => spread(plan).map((c) => ({ kind: 'customers', op: 'update', id: c.id, value: { ...c, tier: c.tier === 'C' ? 'B' : 'C' } }))),
  },
  {
    name: `Undo deleting ${BATCH.toLocaleString('en')} customers spread over 50,000 (each put back in place)`,
    unit: 'ms',
    budget: 2000,
    run: () => undoOf((plan) => spread(plan).map((c) => ({ kind: 'customers', op: 'delete', id: c.id }))),
  },
];
