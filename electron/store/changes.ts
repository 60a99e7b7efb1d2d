// The history of committed edits (tables `changes` and `change_items`). Each
// item holds the before/after plan-format JSON of one entity, so undo/redo
// (history.ts) can invert an edit: create ↔ delete (re-inserted after
// prev_id), update ↔ update (an id rename is undone by renaming back, and the
// references follow again by ON UPDATE CASCADE), reorder ↔ reorder.
import type { CollectionKind } from '../../shared/api/contract';
import { customerRefs, customersReferring, type CustomerRefs } from './customer-refs';
import { CODECS } from './entities';
import { stmt, type Db, type Row } from './sql';

export type ChangeOp = 'create' | 'update' | 'delete' | 'reorder';

export interface ChangeItem {
  /** The collection, or 'plan' for the plan settings, 'tiering' / 'actuals' for those parts written whole. */
  kind: CollectionKind | 'plan' | 'tiering' | 'actuals';
  op: ChangeOp;
  /** The entity's id before the edit (after, for a create); null for reorder and settings. */
  entityId: string | null;
  /** The id just before the entity in its collection (where it was or went); null at the start. */
  prevId: string | null;
  before: unknown;
  after: unknown;
}

export interface ChangeRecord {
  revision: number;
  at: string;
  actor: string;
  method: string;
  summary: string;
  items: ChangeItem[];
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const parse = (v: unknown) => (v === null ? null : JSON.parse(v as string));

export function recordChange(db: Db, change: ChangeRecord): void {
  const { lastInsertRowid } = stmt(db, 'INSERT INTO changes (revision, at, actor, method, summary) VALUES (?, ?, ?, ?, ?)').run(
    change.revision,
    change.at,
    change.actor,
    change.method,
    change.summary,
  );
  const insert = stmt(
    db,
    'INSERT INTO change_items (change_id, seq, kind, op, entity_id, prev_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  change.items.forEach((it, seq) => insert.run(lastInsertRowid, seq, it.kind, it.op, it.entityId, it.prevId, json(it.before), json(it.after)));
}

/** The most recent changes first. */
export function listChanges(db: Db, limit = 100): ChangeRecord[] {
  const rows = stmt(db, 'SELECT * FROM changes ORDER BY revision DESC LIMIT ?').all(limit) as Row[];
  const items = stmt(db, 'SELECT * FROM change_items WHERE change_id = ? ORDER BY seq');
  return rows.map((r) => ({
    revision: r.revision as number,
    at: r.at as string,
    actor: r.actor as string,
    method: r.method as string,
    summary: r.summary as string,
    items: (items.all(r.id) as Row[]).map((i) => ({
      kind: i.kind as ChangeItem['kind'],
      op: i.op as ChangeOp,
      entityId: i.entity_id as string | null,
      prevId: i.prev_id as string | null,
      before: parse(i.before),
      after: parse(i.after),
    })),
  }));
}

/** What an item of the log names: its kind, op, and the entity's ids before and after. */
export interface ChangeTouch {
  kind: ChangeItem['kind'];
  op: ChangeOp;
  entityId: string | null;
  /** The id after the edit (a rename changes it); null for deletes, reorders and whole parts. */
  afterId: string | null;
}

/**
 * The items of every change after `revision` up to `upTo`, without their
 * JSON; null when the log does not hold each of those revisions (history
 * pruned, or a revision moved without an entry), so the caller reads whole.
 */
export function touchedSince(db: Db, revision: number, upTo: number): ChangeTouch[] | null {
  const logged = stmt(db, 'SELECT count(*) FROM changes WHERE revision > ? AND revision <= ?').pluck().get(revision, upTo) as number;
  if (logged !== upTo - revision) return null;
  const rows = stmt(
    db,
    `SELECT i.kind, i.op, i.entity_id, json_extract(i.after, '$.id') AS after_id
       FROM changes c JOIN change_items i ON i.change_id = c.id
      WHERE c.revision > ? AND c.revision <= ? ORDER BY c.revision, i.seq`,
  ).all(revision, upTo) as Row[];
  return rows.map((r) => ({
    kind: r.kind as ChangeItem['kind'],
    op: r.op as ChangeOp,
    entityId: r.entity_id as string | null,
    afterId: typeof r.after_id === 'string' ? r.after_id : null,
  }));
}

/** What log items did to the customers (customerChanges). */
export interface CustomerChanges {
  /**
   * The customers that may differ: those the items name (ids before and
   * after a rename, created and deleted ones too) and those an id renamed
   * elsewhere reached by cascade (found by the new id).
   */
  ids: Set<string>;
  /** Whether the id order may differ: a customer created, renamed or reordered (a delete only drops ids). */
  reordered: boolean;
  /** Whether any customer's position may have moved: reordered, or a customer deleted. */
  moved: boolean;
}

/**
 * What the items did to the customers, for the readers that bring a kept
 * customers array up to date (services/plan-cache.ts, plan.load's changes
 * since). Run in the read transaction of the revision the items end at: the
 * customers an id rename in another collection reached are those that refer
 * to the new id now (customer-refs.ts). Null when an item may have changed
 * customers in a way neither names nor lets find them (a reference the
 * schema would set to NULL, say), or an unknown kind.
 */
export function customerChanges(db: Db, items: readonly ChangeTouch[]): CustomerChanges | null {
  const ids = new Set<string>();
  let reordered = false;
  let moved = false;
  let refs: CustomerRefs | null = null;
  for (const t of items) {
    const renamed = t.op === 'update' && t.afterId !== null && t.afterId !== t.entityId;
    if (t.kind !== 'customers') {
      if (t.kind === 'plan' || t.kind === 'tiering' || t.kind === 'actuals') continue;
      if (t.op !== 'delete' && !renamed) continue;
      const table = (CODECS as Partial<Record<string, { table: string }>>)[t.kind]?.table;
      if (table === undefined) return null;
      refs ??= customerRefs(db);
      if (t.op === 'delete') {
        if (refs.deleteUnknown.has(table)) return null;
        continue;
      }
      if (refs.renameUnknown.has(table)) return null;
      for (const id of customersReferring(db, refs, table, t.afterId!)) ids.add(id);
      continue;
    }
    if (t.op === 'reorder' || t.op === 'create' || renamed || (t.op !== 'delete' && t.entityId === null)) reordered = true;
    if (reordered || t.op === 'delete') moved = true;
    if (t.entityId !== null) ids.add(t.entityId);
    if (t.afterId !== null) ids.add(t.afterId);
  }
  return { ids, reordered, moved };
}
