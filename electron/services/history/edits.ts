// The edits that take a recorded change back (undo) or put it back (redo),
// built from its items (change_items): create ↔ delete, update ↔ update (an
// id rename is undone by renaming back: references follow by ON UPDATE
// CASCADE), reorder ↔ reorder, settings replaced whole. Undo inverts the
// items last to first; redo replays them first to last. A re-created entity
// goes right after the id recorded before it (prev_id): a few such creates
// get an index each; many (a batch of thousands) are appended and the order
// is set once by a reorder, since each insert in the middle shifts every
// position after it.
import type { CollectionKind } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/result';
import type { PlanSettings } from '../../../shared/plan/types';
import { CODECS, readActuals, readSettings, readTiering, type ChangeItem, type Db } from '../../store';
import type { EntityCodec } from '../../store/entities';
import { orderedIds, readEntitiesById } from '../../store/entities/repository';
import { canonicalJson, displayName, isSingletonKind, type PlanEdit } from '../edits/types';
import { OrderSim } from './order';

export type Direction = 'undo' | 'redo';

/** Creates in the middle of a collection given an index each; above this, appended and then reordered once. */
export const MAX_INDEXED_CREATES = 20;

interface Step {
  edit: PlanEdit;
  /** For a create: the id it goes after (null: first). */
  after?: string | null;
}

const idOf = (v: unknown) => (v as { id: string }).id;

function undoStep(item: ChangeItem): Step {
  if (item.kind === 'plan') return { edit: { kind: 'plan', op: 'update', patch: item.before as PlanSettings, replace: true } };
  if (isSingletonKind(item.kind)) return { edit: { kind: item.kind, op: 'update', value: item.before } as PlanEdit };
  const kind = item.kind;
  switch (item.op) {
    case 'create':
      return { edit: { kind, op: 'delete', id: idOf(item.after) } };
    case 'update':
      return { edit: { kind, op: 'update', id: idOf(item.after), value: item.before } as PlanEdit };
    case 'delete':
      return { edit: { kind, op: 'create', value: item.before } as PlanEdit, after: item.prevId };
    case 'reorder':
      return { edit: { kind, op: 'reorder', ids: item.before as string[] } };
    default: {
      const never: never = item.op;
      throw new Error(`unknown change op ${String(never)}`);
    }
  }
}

function redoStep(item: ChangeItem): Step {
  if (item.kind === 'plan') return { edit: { kind: 'plan', op: 'update', patch: item.after as PlanSettings, replace: true } };
  if (isSingletonKind(item.kind)) return { edit: { kind: item.kind, op: 'update', value: item.after } as PlanEdit };
  const kind = item.kind;
  switch (item.op) {
    case 'create':
      return { edit: { kind, op: 'create', value: item.after } as PlanEdit, after: item.prevId };
    case 'update':
      return { edit: { kind, op: 'update', id: idOf(item.before), value: item.after } as PlanEdit };
    case 'delete':
      return { edit: { kind, op: 'delete', id: idOf(item.before) } };
    case 'reorder':
      return { edit: { kind, op: 'reorder', ids: item.after as string[] } };
    default: {
      const never: never = item.op;
      throw new Error(`unknown change op ${String(never)}`);
    }
  }
}

export function mismatch(message: string, details: Record<string, unknown> = {}): ApiError {
  return new ApiError('conflict', `The plan no longer matches this history entry: ${message}`, { reason: 'history-mismatch', ...details });
}

/**
 * Refuses when the plan is not in the state the change left it in (undo) or
 * found it in (redo) — history and data out of step must never be "fixed" by
 * overwriting. Each entity is compared where it is first met in the order
 * the edits will run. A change with an id rename is not compared entity by
 * entity: the rename rewrote references in entities its items do not record.
 */
export function checkPlanMatches(db: Db, items: readonly ChangeItem[], direction: Direction): void {
  const ordered = direction === 'undo' ? [...items].reverse() : items;
  if (items.some((i) => i.op === 'update' && i.kind !== 'plan' && !isSingletonKind(i.kind) && idOf(i.before) !== idOf(i.after))) return;
  const seen = new Set<string>();
  const expected = new Map<CollectionKind, Map<string, unknown>>();
  for (const item of ordered) {
    if (item.op === 'reorder') continue;
    const state = direction === 'undo' ? item.after : item.before;
    if (item.kind === 'plan') {
      if (seen.has('plan')) continue;
      seen.add('plan');
      if (canonicalJson(readSettings(db)) !== canonicalJson(state)) throw mismatch('the plan settings were changed since', { kind: 'plan' });
      continue;
    }
    if (isSingletonKind(item.kind)) {
      if (seen.has(item.kind)) continue;
      seen.add(item.kind);
      const now = item.kind === 'tiering' ? readTiering(db) : readActuals(db);
      if (canonicalJson(now) !== canonicalJson(state))
        throw mismatch(item.kind === 'tiering' ? 'the tiering rule was changed since' : 'the actuals were changed since', { kind: item.kind });
      continue;
    }
    const id = idOf(item.before ?? item.after);
    const key = `${item.kind}\u0000${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let byId = expected.get(item.kind);
    if (!byId) expected.set(item.kind, (byId = new Map()));
    byId.set(id, state);
  }
  for (const [kind, byId] of expected) {
    const codec = CODECS[kind] as unknown as EntityCodec<{ id: string }>;
    const found = new Map(readEntitiesById(db, codec, byId.keys()).map((p) => [p.value.id, p.value as unknown]));
    for (const [id, state] of byId) {
      const now = found.get(id);
      if (state === null ? now === undefined : now !== undefined && canonicalJson(now) === canonicalJson(state)) continue;
      const what = `${CODECS[kind].singular} "${displayName(now ?? state)}" (${id})`;
      throw mismatch(state === null ? `${what} exists again` : now === undefined ? `${what} is missing` : `${what} was changed since`, {
        kind,
        id,
      });
    }
  }
}

/** Simulates the steps on the collections' order; calls `visit` for each with the list as it is just before it. */
function walk(steps: Step[], sims: Map<CollectionKind, OrderSim>, visit: (step: Step, sim: OrderSim | undefined) => void): void {
  for (const step of steps) {
    const { edit, after } = step;
    const sim = edit.kind === 'plan' || isSingletonKind(edit.kind) ? undefined : sims.get(edit.kind);
    visit(step, sim);
    if (!sim || edit.kind === 'plan' || isSingletonKind(edit.kind)) continue;
    switch (edit.op) {
      case 'create': {
        const place = after ?? null;
        if (place !== null && !sim.has(place))
          throw mismatch(`${CODECS[edit.kind].singular} "${place}", which "${edit.value.id}" goes after, is missing`, { kind: edit.kind, id: place });
        if (sim.has(edit.value.id)) throw mismatch(`${CODECS[edit.kind].singular} "${edit.value.id}" exists already`, { kind: edit.kind, id: edit.value.id });
        sim.insertAfter(place, edit.value.id);
        break;
      }
      case 'delete':
        if (sim.has(edit.id)) sim.remove(edit.id);
        break;
      case 'update':
        if ('id' in edit && sim.has(edit.id)) sim.rename(edit.id, (edit.value as { id: string }).id);
        break;
      case 'reorder':
        sim.setAll(edit.ids);
        break;
      default: {
        const never: never = edit;
        throw new Error(`unknown edit ${JSON.stringify(never)}`);
      }
    }
  }
}

const isMidCreate = ({ edit, after }: Step, sim: OrderSim | undefined) => edit.op === 'create' && sim !== undefined && (after ?? null) !== sim.last();

/** The edits, in order, that undo or redo `items`; reads the current order of collections that get entities back. */
export function buildEdits(db: Db, items: readonly ChangeItem[], direction: Direction): PlanEdit[] {
  const steps = direction === 'undo' ? [...items].reverse().map(undoStep) : items.map(redoStep);
  const kinds = new Set<CollectionKind>();
  for (const { edit } of steps) if (edit.op === 'create') kinds.add(edit.kind);
  const start = new Map([...kinds].map((kind) => [kind, orderedIds(db, CODECS[kind].table)]));
  const sims = () => new Map([...start].map(([kind, ids]) => [kind, new OrderSim(ids)]));

  // First pass: how many creates go somewhere other than the end, per collection.
  const mid = new Map<CollectionKind, number>();
  walk(steps, sims(), (step, sim) => {
    if (isMidCreate(step, sim)) mid.set(step.edit.kind as CollectionKind, (mid.get(step.edit.kind as CollectionKind) ?? 0) + 1);
  });
  const reordered = new Set([...mid].filter(([, n]) => n > MAX_INDEXED_CREATES).map(([kind]) => kind));

  // Second pass: a few get an index each; where there are many, all are appended and one reorder follows.
  const out: PlanEdit[] = [];
  const final = sims();
  walk(steps, final, (step, sim) => {
    const { edit, after } = step;
    if (edit.op !== 'create' || !sim || reordered.has(edit.kind) || !isMidCreate(step, sim)) {
      out.push(edit.op === 'create' ? ({ kind: edit.kind, op: 'create', value: edit.value } as PlanEdit) : edit);
      return;
    }
    const place = after ?? null;
    out.push({ ...edit, index: place === null ? 0 : sim.indexOf(place) + 1 } as PlanEdit);
  });
  for (const kind of reordered) out.push({ kind, op: 'reorder', ids: final.get(kind)!.toArray() });
  return out;
}
