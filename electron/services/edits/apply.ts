// Applying one edit inside the open transaction. Only what SQL itself would
// reject mid-transaction is checked here (an unknown id, an id already taken,
// a reorder list that is not the collection); the plan-format rules are
// checked once after all edits (check.ts), so a batch may list its edits in
// any order.
import type { CollectionKind } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/result';
import type { PlanSettings } from '../../../shared/plan/types';
import { readActuals, readTiering, writeActuals, writeTiering } from '../../store';
import { CODECS, readSettings, writeSettings, type Db } from '../../store';
import type { EntityCodec } from '../../store/entities';
import {
  deleteEntity,
  endPosition,
  entityExists,
  idBefore,
  insertEntity,
  normalizePositions,
  openGapAt,
  orderedIds,
  readEntity,
  setPosition,
  updateEntity,
} from '../../store/entities/repository';
import { canonicalJson, displayName, type EditTracker, type PlanEdit, type SingletonEdit } from './types';

type AnyCodec = EntityCodec<{ id: string }>;
const codecOf = (kind: CollectionKind) => CODECS[kind] as unknown as AnyCodec;

export function applyEdit(db: Db, tracker: EditTracker, edit: PlanEdit): void {
  if (edit.kind === 'plan') return applySettings(db, tracker, edit.patch, edit.replace === true);
  if (edit.kind === 'tiering' || edit.kind === 'actuals') return applySingleton(db, tracker, edit);
  switch (edit.op) {
    case 'create':
      return applyCreate(db, tracker, edit.kind, edit.value, edit.index);
    case 'update':
      return applyUpdate(db, tracker, edit.kind, edit.id, edit.value);
    case 'delete':
      return applyDelete(db, tracker, edit.kind, edit.id);
    case 'reorder':
      return applyReorder(db, tracker, edit.kind, edit.ids);
    default: {
      const never: never = edit;
      throw new Error(`unknown edit ${JSON.stringify(never)}`);
    }
  }
}

function duplicateId(kind: CollectionKind, id: string, index: number): ApiError {
  const codec = codecOf(kind);
  return new ApiError('conflict', `There is already a ${codec.singular} with id "${id}"`, {
    issues: [{ path: `${kind}[${index}].id`, message: `duplicate id "${id}"` }],
  });
}

function notFound(kind: CollectionKind, id: string): ApiError {
  return new ApiError('not_found', `There is no ${codecOf(kind).singular} with id "${id}"`, { kind, id });
}

function applyCreate(db: Db, tracker: EditTracker, kind: CollectionKind, value: { id: string }, index?: number): void {
  const codec = codecOf(kind);
  if (index !== undefined && tracker.gaps.delete(kind)) normalizePositions(db, codec.table);
  const end = endPosition(db, codec.table);
  const position = index === undefined || index >= end ? end : index;
  if (entityExists(db, codec.table, value.id)) throw duplicateId(kind, value.id, position);
  if (position < end) openGapAt(db, codec.table, position);
  insertEntity(db, codec, value, position);
  tracker.items.push({ kind, op: 'create', entityId: value.id, prevId: idBefore(db, codec.table, position), before: null, after: value });
  tracker.noteWritten(kind, value.id);
}

function applyUpdate(db: Db, tracker: EditTracker, kind: CollectionKind, id: string, value: { id: string }): void {
  const codec = codecOf(kind);
  const before = readEntity(db, codec, id);
  if (!before) throw notFound(kind, id);
  if (value.id !== id && entityExists(db, codec.table, value.id)) throw duplicateId(kind, value.id, before.position);
  if (canonicalJson(before.value) === canonicalJson(value)) return;
  updateEntity(db, codec, id, value);
  tracker.items.push({ kind, op: 'update', entityId: id, prevId: null, before: before.value, after: value });
  tracker.noteWritten(kind, value.id, id);
}

function applyDelete(db: Db, tracker: EditTracker, kind: CollectionKind, id: string): void {
  const codec = codecOf(kind);
  const before = readEntity(db, codec, id);
  if (!before) throw notFound(kind, id);
  const prevId = idBefore(db, codec.table, before.position);
  deleteEntity(db, codec.table, id);
  tracker.items.push({ kind, op: 'delete', entityId: id, prevId, before: before.value, after: null });
  tracker.noteDeleted(kind, id, displayName(before.value));
}

function applyReorder(db: Db, tracker: EditTracker, kind: CollectionKind, ids: string[]): void {
  const codec = codecOf(kind);
  const current = orderedIds(db, codec.table);
  const known = new Set(current);
  const given = new Set(ids);
  const unknown = ids.filter((id) => !known.has(id));
  const missing = current.filter((id) => !given.has(id));
  if (unknown.length || missing.length || given.size !== ids.length) {
    const parts = [
      unknown.length ? `unknown ${unknown.slice(0, 5).map((i) => `"${i}"`).join(', ')}` : '',
      missing.length ? `missing ${missing.slice(0, 5).map((i) => `"${i}"`).join(', ')}` : '',
      given.size !== ids.length ? 'some listed twice' : '',
    ].filter(Boolean);
    throw new ApiError('conflict', `The new order must list each of the ${current.length} ${codec.plural} exactly once (${parts.join('; ')})`, {
      kind,
      unknown,
      missing,
    });
  }
  if (ids.every((id, i) => current[i] === id)) return;
  ids.forEach((id, i) => setPosition(db, codec.table, id, i));
  tracker.gaps.delete(kind);
  // Order breaks no plan-format rule, so nothing is marked for re-checking.
  tracker.items.push({ kind, op: 'reorder', entityId: null, prevId: null, before: current, after: ids });
}

const SETTINGS_KEYS = ['name', 'description', 'currency', 'startMonth', 'horizonMonths', 'seed', 'trials'] as const;

function applySettings(db: Db, tracker: EditTracker, patch: Partial<PlanSettings>, replace: boolean): void {
  const before = readSettings(db);
  const merged: Record<string, unknown> = {};
  for (const key of SETTINGS_KEYS) {
    const v = patch[key] !== undefined ? patch[key] : replace ? undefined : before[key];
    if (v !== undefined) merged[key] = v;
  }
  const after = merged as unknown as PlanSettings;
  if (canonicalJson(before) === canonicalJson(after)) return;
  writeSettings(db, after);
  tracker.items.push({ kind: 'plan', op: 'update', entityId: null, prevId: null, before, after });
  tracker.smallChanged = true;
}

/** The tiering rule or the list of actuals, written whole; before and after go to the history as they are. */
function applySingleton(db: Db, tracker: EditTracker, edit: SingletonEdit): void {
  const before = edit.kind === 'tiering' ? readTiering(db) : readActuals(db);
  if (canonicalJson(before) === canonicalJson(edit.value)) return;
  if (edit.kind === 'tiering') writeTiering(db, edit.value);
  else writeActuals(db, edit.value);
  tracker.items.push({ kind: edit.kind, op: 'update', entityId: null, prevId: null, before, after: edit.value });
  tracker.smallChanged = true;
}
