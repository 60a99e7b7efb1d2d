// A whole plan in and out of the schema: writePlan fills an empty file (import,
// new, demo copy); readPlan returns exactly plan-format v1 (export, plan.get).
import type { CollectionKind } from '../../shared/api/contract';
import { FORMAT_NAME, FORMAT_VERSION, type Plan } from '../../shared/plan/types';
import { CODECS } from './entities';
import { insertEntity, readAllEntities } from './entities/repository';
import { readSettings, writeSettings } from './settings';
import type { Db } from './sql';

// The collections in plan order, referenced before referring (CODECS is declared so).
const KINDS = Object.keys(CODECS) as CollectionKind[];

export function writePlan(db: Db, plan: Plan): void {
  writeSettings(db, plan.plan);
  for (const kind of KINDS) {
    const codec = CODECS[kind] as (typeof CODECS)['phases'];
    (plan[kind] as Plan['phases']).forEach((entity, i) => insertEntity(db, codec, entity, i));
  }
}

export function readPlan(db: Db): Plan {
  const plan = { format: FORMAT_NAME, formatVersion: FORMAT_VERSION, plan: readSettings(db) } as Plan;
  for (const kind of KINDS) (plan as unknown as Record<string, unknown>)[kind] = readAllEntities(db, CODECS[kind] as (typeof CODECS)['phases']);
  return plan;
}
