// A whole plan in and out of the schema: writePlan fills an empty file (import,
// new, demo copy); readPlan returns exactly plan-format v2 with its defaults
// made explicit (export, plan.get).
import type { CollectionKind } from '../../shared/api/contract';
import { FORMAT_NAME, FORMAT_VERSION, type Plan } from '../../shared/plan/types';
import { readActuals, writeActuals } from './actuals';
import { CODECS } from './entities';
import { insertEntity, readAllEntities } from './entities/repository';
import { readSettings, writeSettings } from './settings';
import type { Db } from './sql';
import { readTiering, writeTiering } from './tiering';

// The collections in plan order, referenced before referring (CODECS is declared so).
const KINDS = Object.keys(CODECS) as CollectionKind[];

export function writePlan(db: Db, plan: Plan): void {
  writeSettings(db, plan.plan);
  for (const kind of KINDS) {
    const codec = CODECS[kind] as (typeof CODECS)['phases'];
    ((plan[kind] ?? []) as Plan['phases']).forEach((entity, i) => insertEntity(db, codec, entity, i));
  }
  writeTiering(db, plan.tiering ?? null);
  writeActuals(db, plan.actuals ?? []);
}

export function readPlan(db: Db): Plan {
  return readPlanWith(db, null);
}

/**
 * The plan with `customers` taken as given instead of read (the plan cache's
 * customers, brought up to date by id): everything else is small.
 */
export function readPlanWith(db: Db, customers: readonly unknown[] | null): Plan {
  const plan = { format: FORMAT_NAME, formatVersion: FORMAT_VERSION, plan: readSettings(db) } as Plan;
  const out = plan as unknown as Record<string, unknown>;
  for (const kind of KINDS) {
    if (kind === 'decisions') continue;
    out[kind] = kind === 'customers' && customers ? customers : readAllEntities(db, CODECS[kind] as (typeof CODECS)['phases']);
  }
  // Document key order: tiering (when set), decisions, actuals after the v1 collections.
  const tiering = readTiering(db);
  if (tiering) plan.tiering = tiering;
  plan.decisions = readAllEntities(db, CODECS.decisions);
  plan.actuals = readActuals(db);
  return plan;
}
