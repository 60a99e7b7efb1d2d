// plan.load (shared/api/methods/plan-load.ts): the plan for a window, the
// customers in columns, or only what changed since the revision it shows.
import { encodeCustomers, type CustomerColumns } from '../../../shared/api/customer-columns';
import type { Handlers } from '../../../shared/api/dispatch';
import { MAX_LOADED_CUSTOMER_TEXT, MAX_LOADED_CUSTOMERS, type CustomersPart } from '../../../shared/api/methods/plan-load';
import { ApiError } from '../../../shared/api/result';
import type { Customer, Plan } from '../../../shared/plan/types';
import { countCustomers, customerChanges, customerTextChars, readRevision, touchedSince, type Db } from '../../store';
import { planOf, type SharedPlan } from '../plan-cache';
import type { PlannerSession } from '../session';

/** More changed customers than this: the whole list in columns costs less than that many objects. */
const MAX_CHANGED = 5000;

export const planLoadHandlers: Pick<Handlers<PlannerSession>, 'plan.load'> = {
  'plan.load': ({ since }, s) => {
    const file = s.requireFile();
    const info = file.info();
    const db = file.db;
    // A window that shows this file gets what changed since: the log up to the
    // kept plan's revision (plan-cache.ts reads plan and revision together).
    if (since && since.path === info.path) {
      refuseTooMany(countCustomers(db));
      const { revision, plan } = planOf(file);
      // The customers an id renamed elsewhere reached are found as the file is at `revision`: a write since (the CLI's) reads whole.
      const changes = since.revision <= revision ? db.transaction(() => readRevision(db) === revision && changedCustomers(db, plan, since.revision, revision))() : null;
      if (changes) return { file: info, revision, plan: withoutCustomers(plan), customers: changes };
    }
    refuseTooLarge(db);
    const { revision, plan } = planOf(file);
    return { file: info, revision, plan: withoutCustomers(plan), customers: { kind: 'all', columns: columnsOf(plan.customers as readonly Customer[]) } };
  },
};

/** The kept plan with an empty customers array (the part sent as JSON; customers travel apart). */
function withoutCustomers(plan: SharedPlan): Plan {
  return { ...(plan as Plan), customers: [] };
}

// The kept plan (plan-cache.ts) hands out the same customers array until a
// customer changes, and never changes an array it handed out: the columns are
// encoded once per array.
const encoded = new WeakMap<readonly Customer[], CustomerColumns>();
function columnsOf(customers: readonly Customer[]): CustomerColumns {
  let columns = encoded.get(customers);
  if (!columns) encoded.set(customers, (columns = encodeCustomers(customers)));
  return columns;
}

/**
 * The customers the log says changed after `since`, as they are now; null
 * when the log cannot tell (history pruned, an edit whose effect on
 * customers is unknown: store/changes.ts customerChanges), or names so many
 * that the whole list costs less.
 */
function changedCustomers(db: Db, plan: SharedPlan, since: number, revision: number): CustomersPart | null {
  const touched = touchedSince(db, since, revision);
  const changes = touched && customerChanges(db, touched);
  if (!changes || changes.ids.size > MAX_CHANGED) return null;
  const { ids } = changes;
  const customers = plan.customers as readonly Customer[];
  const upsert = ids.size > 0 ? customers.filter((c) => ids.has(c.id)) : [];
  const found = new Set(upsert.map((c) => c.id));
  const remove = [...ids].filter((id) => !found.has(id));
  return changes.reordered ? { kind: 'changes', upsert, remove, order: customers.map((c) => c.id) } : { kind: 'changes', upsert, remove };
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
