// plan.load (shared/api/methods/plan-load.ts): the plan for a window, the
// customers in columns, or only what changed since the revision it shows.
import { encodeCustomers, type CustomerColumns } from '../../../shared/api/customer-columns';
import type { Handlers } from '../../../shared/api/dispatch';
import { MAX_LOADED_CUSTOMER_TEXT, MAX_LOADED_CUSTOMERS, type CustomersPart, type PlanLoad } from '../../../shared/api/methods/plan-load';
import { ApiError } from '../../../shared/api/result';
import type { Customer } from '../../../shared/plan/types';
import {
  countCustomers,
  customerIds,
  customerTextChars,
  readCustomersById,
  readPlan,
  readPlanWithoutCustomers,
  readRevision,
  touchedSince,
  type ChangeTouch,
  type Db,
} from '../../store';
import type { PlannerSession } from '../session';

/** More changed customers than this: the whole list in columns costs less than that many objects. */
const MAX_CHANGED = 5000;

export const planLoadHandlers: Pick<Handlers<PlannerSession>, 'plan.load'> = {
  'plan.load': ({ since }, s) => {
    const file = s.requireFile();
    const info = file.info();
    const db = file.db;
    // One read transaction: the revision, the log and the plan always match.
    return db.transaction((): PlanLoad => {
      const revision = readRevision(db);
      const touched = since && since.path === info.path && since.revision <= revision ? touchedSince(db, since.revision, revision) : null;
      const changes = touched && changedCustomers(db, touched);
      if (changes) {
        refuseTooMany(countCustomers(db));
        return { file: info, revision, plan: readPlanWithoutCustomers(db), customers: changes };
      }
      refuseTooLarge(db);
      const { customers, ...rest } = readPlan(db);
      return { file: info, revision, plan: { ...rest, customers: [] }, customers: { kind: 'all', columns: columnsOf(customers, info.path, revision) } };
    })();
  },
};

// A plan read once per revision (a cache of readPlan's answers) hands out the
// same customers array each time: its columns are then encoded once too. Kept
// with the file and revision they were made at, so an array a cache patches in
// place for the next revision is encoded afresh.
const encoded = new WeakMap<readonly Customer[], { path: string; revision: number; columns: CustomerColumns }>();
function columnsOf(customers: readonly Customer[], path: string, revision: number): CustomerColumns {
  const kept = encoded.get(customers);
  if (kept && kept.path === path && kept.revision === revision && kept.columns.count === customers.length) return kept.columns;
  const columns = encodeCustomers(customers);
  encoded.set(customers, { path, revision, columns });
  return columns;
}

/**
 * The customers the log says changed, as they are now; null when the log's
 * items may have changed customers without naming them (a renamed or
 * deleted segment, person or phase: customers' references follow it), or
 * name so many that the whole list costs less.
 */
function changedCustomers(db: Db, touched: readonly ChangeTouch[]): CustomersPart | null {
  const ids = new Set<string>();
  let orderChanged = false;
  for (const t of touched) {
    if (t.kind !== 'customers') {
      if (t.op === 'delete' || (t.op === 'update' && t.afterId !== null && t.afterId !== t.entityId)) return null;
      continue;
    }
    if (t.op === 'reorder' || t.op === 'create' || (t.afterId !== null && t.afterId !== t.entityId)) orderChanged = true;
    if (t.entityId !== null) ids.add(t.entityId);
    if (t.afterId !== null) ids.add(t.afterId);
    if (ids.size > MAX_CHANGED) return null;
  }
  const upsert = ids.size > 0 ? readCustomersById(db, ids) : [];
  const found = new Set(upsert.map((c) => c.id));
  const remove = [...ids].filter((id) => !found.has(id));
  return orderChanged ? { kind: 'changes', upsert, remove, order: customerIds(db) } : { kind: 'changes', upsert, remove };
}

function refuseTooMany(count: number): void {
  if (count > MAX_LOADED_CUSTOMERS)
    throw new ApiError(
      'too_large',
      `The plan has ${count.toLocaleString('en')} customers; a window opens plans of up to ${MAX_LOADED_CUSTOMERS.toLocaleString('en')}.`,
      { what: 'customers', count, limit: MAX_LOADED_CUSTOMERS },
    );
}

/** A window holds every customer in memory: a plan past the limits is refused at once, naming them. */
function refuseTooLarge(db: Db): void {
  refuseTooMany(countCustomers(db));
  const textChars = customerTextChars(db);
  if (textChars > MAX_LOADED_CUSTOMER_TEXT)
    throw new ApiError(
      'too_large',
      `The plan's customers hold ${mb(textChars)} MB of text; a window opens plans of up to ${mb(MAX_LOADED_CUSTOMER_TEXT)} MB.`,
      { what: 'text', count: textChars, limit: MAX_LOADED_CUSTOMER_TEXT },
    );
}

const mb = (chars: number) => Math.ceil(chars / (1024 * 1024));
