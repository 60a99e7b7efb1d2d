// Parts of a plan for plan.load's answer to a window that already shows it:
// the plan without its customers (every other collection is small) and the
// customers that changed, by id — without reading 50,000 customers for one.
// readPlanWithoutCustomers has readPlan's shape and key order (plan-io.ts),
// with `customers` empty.
import type { CollectionKind } from '../../shared/api/contract';
import { FORMAT_NAME, FORMAT_VERSION, type Customer, type Plan } from '../../shared/plan/types';
import { readActuals } from './actuals';
import { CODECS } from './entities';
import { orderedIds, readAllEntities, readEntitiesById } from './entities/repository';
import { readSettings } from './settings';
import type { Db } from './sql';
import { readTiering } from './tiering';

const KINDS = Object.keys(CODECS) as CollectionKind[];

export function readPlanWithoutCustomers(db: Db): Plan {
  const plan = { format: FORMAT_NAME, formatVersion: FORMAT_VERSION, plan: readSettings(db) } as Plan;
  const out = plan as unknown as Record<string, unknown>;
  for (const kind of KINDS)
    if (kind === 'customers') out[kind] = [];
    else if (kind !== 'decisions') out[kind] = readAllEntities(db, CODECS[kind] as (typeof CODECS)['phases']);
  const tiering = readTiering(db);
  if (tiering) plan.tiering = tiering;
  plan.decisions = readAllEntities(db, CODECS.decisions);
  plan.actuals = readActuals(db);
  return plan;
}

/** The customers with these ids that exist, in the plan's order. */
export function readCustomersById(db: Db, ids: Iterable<string>): Customer[] {
  return readEntitiesById(db, CODECS.customers, ids).map((p) => p.value);
}

/** Every customer's id, in the plan's order. */
export function customerIds(db: Db): string[] {
  return orderedIds(db, CODECS.customers.table);
}
