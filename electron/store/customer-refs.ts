// What the customers' rows refer to, read from the schema itself (PRAGMA
// foreign_key_list), so that the readers that bring kept customers up to date
// (store/changes.ts customerChanges) know which edits elsewhere can change a
// customer without the change log naming it:
// - an id renamed in a referenced table reaches every customer that refers
//   to it (ON UPDATE CASCADE): those customers are found by the new id;
// - a delete in a referenced table changes no customer while every reference
//   is NO ACTION or RESTRICT: the delete is refused at commit unless the
//   referring customers were changed in the same edit (and so are named).
// Any other action (SET NULL, SET DEFAULT, a CASCADE delete) is reported as
// unknown, and the caller reads the whole plan. Today's schema: customers
// refer to segments, people and phases; their relationship plan to phases.
import { stmt, type Db, type Row } from './sql';

/** One column of a customer-owned table that holds another table's id. */
interface RefColumn {
  /** SQL giving the ids of the customers whose column holds `?`. */
  select: string;
}

export interface CustomerRefs {
  /** Referenced table → the columns that refer to it. */
  byTable: ReadonlyMap<string, readonly RefColumn[]>;
  /** Tables a rename in which may change customers in a way not followable by the new id. */
  renameUnknown: ReadonlySet<string>;
  /** Tables a delete in which may change customers. */
  deleteUnknown: ReadonlySet<string>;
}

/** The customers' own table and the tables they own, each with the column holding the customer's id. */
const CUSTOMER_TABLES: readonly { table: string; customerId: string }[] = [
  { table: 'customers', customerId: 'id' },
  { table: 'customer_relationship_plan', customerId: 'customer_id' },
];

const HARMLESS = new Set(['NO ACTION', 'RESTRICT']);

const cache = new WeakMap<Db, CustomerRefs>();

/** The references of the customers' tables in this file (read once per connection: migrations run before it opens). */
export function customerRefs(db: Db): CustomerRefs {
  let refs = cache.get(db);
  if (refs) return refs;
  const byTable = new Map<string, RefColumn[]>();
  const renameUnknown = new Set<string>();
  const deleteUnknown = new Set<string>();
  for (const { table, customerId } of CUSTOMER_TABLES) {
    for (const fk of db.pragma(`foreign_key_list(${table})`) as Row[]) {
      const target = fk.table as string;
      if (target === 'customers') continue; // the customer's own rows (owned children)
      const onUpdate = String(fk.on_update).toUpperCase();
      const onDelete = String(fk.on_delete).toUpperCase();
      if (!HARMLESS.has(onDelete)) deleteUnknown.add(target);
      if (onUpdate === 'CASCADE') {
        const list = byTable.get(target) ?? [];
        list.push({ select: `SELECT ${customerId} FROM ${table} WHERE ${fk.from as string} = ?` });
        byTable.set(target, list);
      } else if (!HARMLESS.has(onUpdate)) renameUnknown.add(target);
    }
  }
  refs = { byTable, renameUnknown, deleteUnknown };
  cache.set(db, refs);
  return refs;
}

/** The customers whose rows refer to `id` of `table` now. */
export function customersReferring(db: Db, refs: CustomerRefs, table: string, id: string): string[] {
  const out: string[] = [];
  for (const column of refs.byTable.get(table) ?? []) out.push(...(stmt(db, column.select).pluck().all(id) as string[]));
  return out;
}
