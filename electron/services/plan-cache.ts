// The open plan, read once per revision. Every call that needs the whole plan
// (plan.get, file.exportJson, simulation.*, exports, stored runs' staleness)
// takes it from here: on a 50,000-customer plan a read costs about 0.4 s,
// which a live what-if cannot pay at every slider move.
//
// The plan is reused while the file's revision is the one it was read at.
// Every committed write bumps the revision (edits/commit.ts: edits, undo and
// redo, tiering, actuals), and the revision is read in the same read
// transaction as the plan, so a write by any connection, the CLI's included,
// is seen at the next call. Entries belong to one open PlanFile: opening,
// importing, restoring a backup or switching files gives a new PlanFile and
// so a fresh read.
//
// Only the customers are many, so after an edit the kept customers are
// reused: those the changes since the kept revision may have changed (history's
// change_items, store/changes.ts customerChanges, shared with plan.load) are
// read again by id, and the small rest of the plan is read from the file.
// When customers were only changed, each replaces the kept one where it
// stands; when one was created, deleted, renamed or the order changed, the
// file's order of ids is read (positions are dense, so that is readPlan's
// order) and each id takes its customer as read again, else as kept: about
// 40 ms CPU on 50,000 customers against 0.4 s for the whole read. Customers
// an id renamed elsewhere reached by cascade are found by the new id (store/
// customer-refs.ts); deletes elsewhere change no customer (their references
// are NO ACTION: such a delete is refused while customers refer to it). More
// than 5,000 customers (or log items), history not matching the revisions,
// or an effect the schema does not let us follow reads the whole plan.
// tests/node/plan-cache-sequences.test.ts compares with a whole read after
// every step of random edit, undo and redo sequences.
//
// The plan handed out is shared: its type is read-only, and under the tests
// (vitest) it is deeply frozen, so a caller that changes it fails there.
// Freezing costs 80 ms on 50,000 customers, a fifth of the read: not in the app.
import type { Customer, Plan } from '../../shared/plan/types';
import { CODECS, customerChanges, readPlan, readPlanWith, readRevision, touchedSince, type Db, type PlanFile } from '../store';
import { orderedIds, readEntitiesById, type Positioned } from '../store/entities/repository';

type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** A plan shared by every caller: never to be changed (the tests freeze it, so a change throws there). */
export type SharedPlan = DeepReadonly<Plan>;

export interface PlanAtRevision {
  readonly revision: number;
  readonly plan: SharedPlan;
}

const cache = new WeakMap<PlanFile, PlanAtRevision>();

/** More changed customers than this: one read of everything is as quick. */
const PATCH_LIMIT = 5_000;

/** Set by vitest in every test process. */
const FREEZE = process.env.VITEST !== undefined;

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/** The file's plan, reusing the kept customers; null when the log cannot tell which customers changed. */
function patched(db: Db, kept: PlanAtRevision, revision: number): Plan | null {
  const items = touchedSince(db, kept.revision, revision);
  if (!items || items.length > PATCH_LIMIT) return null;
  const changes = customerChanges(db, items);
  if (!changes || changes.ids.size > PATCH_LIMIT) return null;
  const fresh = readEntitiesById(db, CODECS.customers, changes.ids);
  const customers = changes.moved ? inOrder(db, kept.plan.customers as readonly Customer[], fresh) : inPlace(kept.plan.customers as readonly Customer[], fresh);
  return customers && readPlanWith(db, customers);
}

/** Positions unchanged: the customers read again replace the kept ones where they stand. */
function inPlace(kept: readonly Customer[], fresh: readonly Positioned<Customer>[]): Customer[] | null {
  const customers = kept.slice();
  for (const { value, position } of fresh) {
    if (customers[position]?.id !== value.id) return null;
    customers[position] = value;
  }
  return customers;
}

/**
 * Customers created, deleted, renamed or reordered: the file's order of ids
 * (one indexed scan of a column, a fraction of reading the customers) with
 * each id's customer as read again, else as kept.
 */
function inOrder(db: Db, kept: readonly Customer[], fresh: readonly Positioned<Customer>[]): Customer[] | null {
  const byId = new Map<string, Customer>();
  for (const c of kept) byId.set(c.id, c);
  for (const { value } of fresh) byId.set(value.id, value);
  const ids = orderedIds(db, CODECS.customers.table);
  const customers = new Array<Customer>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const c = byId.get(ids[i]!);
    if (c === undefined) return null; // not kept, not named in the log: the log did not tell
    customers[i] = c;
  }
  return customers;
}

/**
 * The plan of `file` and the revision it was read at, read from the file only
 * when the revision changed since the last call.
 */
export function planOf(file: PlanFile): PlanAtRevision {
  const db = file.db;
  // Inside a transaction the plan may hold writes that are later rolled back
  // (under a revision a later edit will use again): read it, keep nothing.
  if (db.inTransaction) return { revision: readRevision(db), plan: readPlan(db) };
  return db.transaction(() => {
    const revision = readRevision(db);
    const kept = cache.get(file);
    if (kept?.revision === revision) return kept;
    const plan = (kept && kept.revision < revision && patched(db, kept, revision)) || readPlan(db);
    if (FREEZE) deepFreeze(plan);
    const entry: PlanAtRevision = { revision, plan };
    cache.set(file, entry);
    return entry;
  })();
}

/**
 * For the engine and the report code, whose signatures take a `Plan`: they
 * only read it (checked: the tests run them on the frozen plan).
 */
export function asPlan(plan: SharedPlan): Plan {
  return plan as Plan;
}
