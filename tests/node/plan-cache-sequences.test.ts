// The kept plan brought up to date from the change log (electron/services/
// plan-cache.ts) and plan.load's changes since a revision, against a fresh
// whole read of the file after every step of random edit sequences on a real
// plan file: customers created (in the middle too, many at once), changed,
// renamed, deleted and reordered; ids renamed elsewhere that customers refer
// to (their references follow by cascade); deletes elsewhere; undo and redo.
// Each step must give exactly what readPlan gives (values, key order,
// customers' order), and the customers no step touched must be reused, not
// read again. A failing sequence replays from its seed.
import { describe, expect, it } from 'vitest';
import { decodeCustomers } from '../../shared/api/customer-columns';
import type { Edit } from '../../shared/api/contract';
import type { PlanLoad } from '../../shared/api/methods/plan-load';
import type { Customer, Plan } from '../../shared/plan/types';
import { planOf } from '../../electron/services/plan-cache';
import { readPlan } from '../../electron/store';
import { demoJson, harness, type Harness } from './store-helpers';
import { randInt, seeded } from './proofs/rng';

const STEPS = 40;
const SEEDS = [1, 2, 3];

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[randInt(rng, list.length)]!;

/** One random step; says what it did, and whether the host refused it (nothing changed then). */
async function step(h: Harness, rng: Rng, plan: Plan, n: number, afterUndo: boolean): Promise<string> {
  const customers = plan.customers;
  const referenced = new Set(plan.goals.map((g) => g.customerId));
  const free = customers.filter((c) => !referenced.has(c.id));
  const newCustomer = (i: number): Customer => ({ ...pick(rng, customers), id: `new-${n}-${i}`, name: `New ${n}.${i}` });
  const batch = (edits: Edit[]) => h.raw('plan.batch', { edits });
  // Right after an undo, often a redo: else a new edit has emptied the redo stack.
  const r = afterUndo && rng() < 0.5 ? 1 : rng();
  let what: string;
  let res: Awaited<ReturnType<Harness['raw']>>;
  if (r < 0.16) {
    const count = rng() < 0.15 ? 25 : 1 + randInt(rng, 3);
    what = `create ${count}`;
    res = await batch(
      Array.from({ length: count }, (_, i) => {
        const e: Edit = { kind: 'customers', op: 'create', value: newCustomer(i) };
        return rng() < 0.7 ? { ...e, index: randInt(rng, customers.length + 1) } : e;
      }),
    );
  } else if (r < 0.3) {
    const count = Math.min(free.length, 1 + randInt(rng, 3));
    what = `delete ${count}`;
    const ids = new Set(Array.from({ length: count }, () => pick(rng, free).id));
    res = await batch([...ids].map((id) => ({ kind: 'customers', op: 'delete', id }) as Edit));
  } else if (r < 0.42) {
    const c = pick(rng, customers);
    what = `update ${c.id}`;
    res = await h.raw('customers.update', { id: c.id, value: { ...c, name: `${c.name}+`, potential: c.potential + 1 } });
  } else if (r < 0.5) {
    const c = pick(rng, customers);
    what = `rename customer ${c.id}`;
    res = await h.raw('customers.update', { id: c.id, value: { ...c, id: `${c.id}-r${n}` } });
  } else if (r < 0.58) {
    // An id customers refer to renamed: their segmentId, owners, breakthrough phase or relationship plan follow.
    const kind = pick(rng, ['segments', 'people', 'phases'] as const);
    const e = pick(rng, plan[kind] as readonly { id: string }[]);
    what = `rename ${kind} ${e.id}`;
    res = await h.raw(`${kind}.update`, { id: e.id, value: { ...e, id: `${e.id}-r${n}` } });
  } else if (r < 0.64) {
    // Deletes elsewhere: a goal (it refers to a customer), a person no one refers to; one still referred to is refused.
    const goal = plan.goals.length > 0 && rng() < 0.5 ? pick(rng, plan.goals) : null;
    what = goal ? `delete goal ${goal.id}` : 'delete a person';
    res = goal
      ? await h.raw('goals.delete', { id: goal.id })
      : await batch([
          { kind: 'people', op: 'create', value: { id: `p-${n}`, name: `Person ${n}`, role: 'other' } },
          ...(rng() < 0.5 ? [] : [{ kind: 'people', op: 'delete', id: pick(rng, plan.people).id } as Edit]),
        ]);
  } else if (r < 0.7) {
    const ids = customers.map((c) => c.id);
    for (let i = 0; i < 4; i++) {
      const a = randInt(rng, ids.length);
      const b = randInt(rng, ids.length);
      [ids[a], ids[b]] = [ids[b]!, ids[a]!];
    }
    what = 'reorder';
    res = await h.raw('customers.reorder', { ids });
  } else if (r < 0.74) {
    what = 'settings';
    res = await h.raw('plan.updateSettings', { patch: { name: `Plan ${n}` } });
  } else if (r < 0.88) {
    what = 'undo';
    res = await h.raw('history.undo', {});
  } else {
    what = 'redo';
    res = await h.raw('history.redo', {});
  }
  return res.ok ? what : `${what} (refused)`;
}

/** The customers a window shows after applying plan.load's answer to what it showed. */
function applyLoad(shown: readonly Customer[], load: PlanLoad): Customer[] {
  if (load.customers.kind === 'all') return decodeCustomers(load.customers.columns);
  const { upsert, remove, order } = load.customers;
  const byId = new Map(shown.map((c) => [c.id, c]));
  for (const id of remove) byId.delete(id);
  for (const c of upsert) byId.set(c.id, c);
  return order ? order.map((id) => byId.get(id)!) : shown.filter((c) => byId.has(c.id)).map((c) => byId.get(c.id)!);
}

describe('the kept plan after random edit sequences', () => {
  for (const seed of SEEDS) {
    it(`equals a fresh whole read after every step, reusing untouched customers (seed ${seed})`, async () => {
      const rng = seeded(seed);
      const h = await harness(demoJson());
      const file = h.session.requireFile();
      let kept = planOf(file).plan;
      let load = (await h.call('plan.load', {})) as PlanLoad;
      let shown = applyLoad([], load);
      const log: string[] = [];
      let whole = 0;
      for (let n = 0; n < STEPS; n++) {
        log.push(await step(h, rng, readPlan(h.db()), n, log.at(-1) === 'undo'));
        const fresh = readPlan(h.db());
        const cached = planOf(file).plan;
        const where = `seed ${seed}, after: ${log.join('; ')}`;
        expect(JSON.stringify(cached), where).toBe(JSON.stringify(fresh));
        expect(cached, where).toStrictEqual(fresh);
        // Untouched customers are the kept objects: the step was patched in, not read whole.
        const before = new Set(kept.customers);
        expect(cached.customers.some((c) => before.has(c)), where).toBe(true);
        kept = cached;

        const next = (await h.call('plan.load', { since: { path: h.path, revision: load.revision } })) as PlanLoad;
        if (next.customers.kind === 'all') whole++;
        shown = applyLoad(shown, next);
        expect(shown, where).toStrictEqual(fresh.customers);
        load = next;
      }
      // Every step's changes fit plan.load's changes since: no whole list.
      expect(whole, log.join("; ")).toBe(0);
    });
  }
});
