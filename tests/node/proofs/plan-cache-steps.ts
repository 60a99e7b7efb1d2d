// Random edit sequences against the kept plan (electron/services/plan-cache.ts)
// and plan.load's changes since a revision, each step compared with a fresh
// whole read of the file (readPlan): customers created (in the middle too,
// many at once), changed, renamed, deleted and reordered; ids renamed
// elsewhere that customers refer to (their references follow by cascade);
// deletes elsewhere; settings; undo and redo. Shared by
// tests/node/plan-cache-sequences.test.ts (the demo plan) and the bench
// (bench/cases/plan-read.ts, 50,000 customers). A failing sequence replays
// from its seed.
import type { Edit } from '../../../shared/api/contract';
import { decodeCustomers } from '../../../shared/api/customer-columns';
import type { PlanLoad } from '../../../shared/api/methods/plan-load';
import type { ApiResult } from '../../../shared/api/result';
import type { Customer, Plan } from '../../../shared/plan/types';
import { canonicalJson } from '../../../electron/services/edits/types';
import { planOf } from '../../../electron/services/plan-cache';
import { readPlan, type PlanFile } from '../../../electron/store';
import { randInt, seeded } from './rng';

type Dispatch = (method: string, arg: unknown) => Promise<ApiResult<unknown>>;
type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[randInt(rng, list.length)]!;

/** One random step on `plan` (the file as it is); says what it did, and whether the host refused it (nothing changed then). */
async function step(dispatch: Dispatch, rng: Rng, plan: Plan, n: number, afterUndo: boolean): Promise<string> {
  const customers = plan.customers;
  const referenced = new Set(plan.goals.map((g) => g.customerId));
  const free = customers.filter((c) => !referenced.has(c.id));
  const newCustomer = (i: number): Customer => ({ ...pick(rng, customers), id: `new-${n}-${i}`, name: `New ${n}.${i}` });
  const batch = (edits: Edit[]) => dispatch('plan.batch', { edits });
  // Right after an undo, often a redo: else a new edit has emptied the redo stack.
  const r = afterUndo && rng() < 0.5 ? 1 : rng();
  let what: string;
  let res: ApiResult<unknown>;
  if (r < 0.16) {
    // 25 at once: undo puts more than 20 back in the middle by appending and one reorder (services/history/edits.ts).
    const count = rng() < 0.15 ? 25 : 1 + randInt(rng, 3);
    what = `create ${count}`;
    res = await batch(
      Array.from({ length: count }, (_, i) => {
        const e: Edit = { kind: 'customers', op: 'create', value: newCustomer(i) };
        return rng() < 0.7 ? { ...e, index: randInt(rng, customers.length + 1) } : e;
      }),
    );
  } else if (r < 0.3) {
    const ids = new Set(Array.from({ length: Math.min(free.length, 1 + randInt(rng, 3)) }, () => pick(rng, free).id));
    what = `delete ${[...ids].join(', ')}`;
    res = await batch([...ids].map((id) => ({ kind: 'customers', op: 'delete', id }) as Edit));
  } else if (r < 0.42) {
    const c = pick(rng, customers);
    what = `update ${c.id}`;
    res = await dispatch('customers.update', { id: c.id, value: { ...c, name: `${c.name}+`, potential: c.potential + 1 } });
  } else if (r < 0.5) {
    const c = pick(rng, customers);
    what = `rename customer ${c.id}`;
    res = await dispatch('customers.update', { id: c.id, value: { ...c, id: `${c.id}-r${n}` } });
  } else if (r < 0.58) {
    // An id customers refer to: their segmentId, owners, breakthrough phase or relationship plan keys follow it.
    const kind = pick(rng, ['segments', 'people', 'phases'] as const);
    const e = pick(rng, plan[kind] as readonly { id: string }[]);
    what = `rename ${kind} ${e.id}`;
    res = await dispatch(`${kind}.update`, { id: e.id, value: { ...e, id: `${e.id}-r${n}` } });
  } else if (r < 0.64) {
    // Deletes elsewhere: a goal (it refers to a customer), or a person (refused while anything refers to them).
    const goal = plan.goals.length > 0 && rng() < 0.5 ? pick(rng, plan.goals) : null;
    const person = pick(rng, plan.people);
    what = goal ? `delete goal ${goal.id}` : `add a person, delete ${person.id}`;
    res = goal
      ? await dispatch('goals.delete', { id: goal.id })
      : await batch([
          { kind: 'people', op: 'create', value: { id: `person-${n}`, name: `Person ${n}`, role: 'other' } },
          { kind: 'people', op: 'delete', id: rng() < 0.5 ? `person-${n}` : person.id },
        ]);
  } else if (r < 0.7) {
    const ids = customers.map((c) => c.id);
    for (let i = 0; i < 4; i++) {
      const a = randInt(rng, ids.length);
      const b = randInt(rng, ids.length);
      [ids[a], ids[b]] = [ids[b]!, ids[a]!];
    }
    what = 'reorder';
    res = await dispatch('customers.reorder', { ids });
  } else if (r < 0.74) {
    what = 'settings';
    res = await dispatch('plan.updateSettings', { patch: { name: `Plan ${n}` } });
  } else if (r < 0.88) {
    what = 'undo';
    res = await dispatch('history.undo', {});
  } else {
    what = 'redo';
    res = await dispatch('history.redo', {});
  }
  return res.ok ? what : `${what} (refused)`;
}

/** The customers a window shows after applying plan.load's answer to what it showed (as PlanStore.applyLoad does). */
export function applyLoad(shown: readonly Customer[], load: PlanLoad): Customer[] {
  if (load.customers.kind === 'all') return decodeCustomers(load.customers.columns);
  const { upsert, remove, order } = load.customers;
  const byId = new Map(shown.map((c) => [c.id, c]));
  for (const id of remove) byId.delete(id);
  for (const c of upsert) byId.set(c.id, c);
  return order ? order.map((id) => byId.get(id)!) : shown.filter((c) => byId.has(c.id)).map((c) => byId.get(c.id)!);
}

export interface StepsResult {
  /** What each step did, in order. */
  log: string[];
  /** The first step whose kept plan or window customers differ from a fresh read, described; null when none did. */
  mismatch: string | null;
  /** Steps after which the kept plan shares no customer object with the one before (read whole, not patched). */
  readWhole: number;
  /** Steps after which plan.load's changes since gave the whole list. */
  wholeLists: number;
}

const firstDifference = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}: kept …${a.slice(Math.max(0, i - 80), i + 80)}… fresh …${b.slice(Math.max(0, i - 80), i + 80)}…`;
};

/**
 * `steps` random steps on the open plan `file` through `dispatch`, each
 * checked against a fresh read (as JSON: values, key order, order of
 * customers; `check` may compare more strictly, e.g. vitest's toStrictEqual).
 */
export async function planCacheSteps(
  dispatch: Dispatch,
  file: PlanFile,
  seed: number,
  steps: number,
  check?: (kept: unknown, fresh: Plan, where: string) => void,
): Promise<StepsResult> {
  const rng = seeded(seed);
  const call = async <T>(method: string, arg: unknown): Promise<T> => {
    const res = await dispatch(method, arg);
    if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
    return res.value as T;
  };
  const result: StepsResult = { log: [], mismatch: null, readWhole: 0, wholeLists: 0 };
  let kept = planOf(file).plan;
  let load = await call<PlanLoad>('plan.load', {});
  let shown = applyLoad([], load);
  let fresh = readPlan(file.db);
  for (let n = 0; n < steps && result.mismatch === null; n++) {
    result.log.push(await step(dispatch, rng, fresh, n, result.log.at(-1) === 'undo'));
    fresh = readPlan(file.db);
    const where = `seed ${seed}, step ${n + 1} (${result.log.at(-1)})`;
    const cached = planOf(file).plan;
    const [a, b] = [JSON.stringify(cached), JSON.stringify(fresh)];
    if (a !== b) result.mismatch = `${where}: the kept plan ${firstDifference(a, b)}`;
    check?.(cached, fresh, where);
    const before = new Set(kept.customers);
    if (!cached.customers.some((c) => before.has(c))) result.readWhole++;
    kept = cached;

    const next = await call<PlanLoad>('plan.load', { since: { path: file.path, revision: load.revision } });
    if (next.customers.kind === 'all') result.wholeLists++;
    shown = applyLoad(shown, next);
    // The columns a window decodes build customers in their own key order: compared whatever the key order.
    const [w, f] = [canonicalJson(shown), canonicalJson(fresh.customers)];
    if (result.mismatch === null && w !== f) result.mismatch = `${where}: the window's customers ${firstDifference(w, f)}`;
    load = next;
  }
  return result;
}
