// Reading the history (tables `changes` and `change_items`) for the history
// list and for undo/redo, and keeping the undo state (columns `undone` and
// `undo_of`, schema version 3). Which edit undo and redo act on:
// - undo: the newest edit (not an undo/redo entry) that is not undone;
// - redo: the target of the most recent undo recorded after the newest edit,
//   if that target is still undone. A new edit is newer than every undo, so
//   it empties the redo stack without touching any row; redoing an edit makes
//   the undo before it the next candidate (LIFO on both sides).
import type { HistoryEffect, HistoryEntity, HistoryEntry, HistoryKind } from '../../shared/api/methods/history';
import type { ChangeItem, ChangeOp } from './changes';
import { stmt, type Db, type Row } from './sql';

export const UNDO_METHOD = 'history.undo';
export const REDO_METHOD = 'history.redo';

export interface HistoryQuery {
  limit: number;
  /** Only entries with a smaller id (the previous page's last). */
  before?: number;
  kind?: HistoryKind;
  actor?: string;
}

const parse = (v: unknown): unknown => (v === null || v === undefined ? null : JSON.parse(v as string));

function entityOf(r: Row): HistoryEntity {
  const op = r.op as ChangeOp;
  const kind = r.kind as HistoryKind;
  if (op === 'reorder') return { kind, op, id: null, before: null, after: null };
  const before = parse(r.before);
  const after = parse(r.after);
  const id = ((after ?? before) as { id?: string } | null)?.id ?? null;
  return { kind, op, id: kind === 'plan' ? null : id, before, after };
}

/** Entities of the undo/redo target sent along with the entry: enough to word it. */
const TARGET_ENTITIES = 3;

function effectOf(db: Db, id: number, maxEntities: number): HistoryEffect {
  const items = stmt(db, 'SELECT kind, op, before, after FROM change_items WHERE change_id = ? ORDER BY seq LIMIT ?').all(id, maxEntities) as Row[];
  const tally = stmt(db, 'SELECT kind, op, count(*) AS count FROM change_items WHERE change_id = ? GROUP BY kind, op ORDER BY min(seq)').all(
    id,
  ) as HistoryEntry['tally'];
  return { entities: items.map(entityOf), tally, entityCount: tally.reduce((n, t) => n + t.count, 0) };
}

function entryOf(db: Db, r: Row, maxEntities: number): HistoryEntry {
  const id = r.id as number;
  const { entities, tally, entityCount } = effectOf(db, id, maxEntities);
  const undoOf = (r.undo_of as number | null) ?? null;
  return {
    id,
    revision: r.revision as number,
    at: r.at as string,
    actor: r.actor as string,
    method: r.method as string,
    summary: r.summary as string,
    type: undoOf === null ? 'edit' : r.method === REDO_METHOD ? 'redo' : 'undo',
    undoOf,
    undone: r.undone === 1,
    entities,
    entityCount,
    tally,
    ...(undoOf !== null ? { target: effectOf(db, undoOf, TARGET_ENTITIES) } : {}),
  };
}

const COLUMNS = 'id, revision, at, actor, method, summary, undo_of, undone';

export function readHistoryEntry(db: Db, id: number, maxEntities: number): HistoryEntry | null {
  const row = stmt(db, `SELECT ${COLUMNS} FROM changes WHERE id = ?`).get(id) as Row | undefined;
  return row ? entryOf(db, row, maxEntities) : null;
}

/** Newest first; `more` says whether older entries match too. */
export function listHistory(db: Db, q: HistoryQuery, maxEntities: number): { entries: HistoryEntry[]; more: boolean } {
  const rows = stmt(
    db,
    `SELECT ${COLUMNS} FROM changes c
      WHERE (@before IS NULL OR c.id < @before)
        AND (@actor IS NULL OR c.actor = @actor)
        AND (@kind IS NULL OR EXISTS (SELECT 1 FROM change_items i WHERE i.change_id = c.id AND i.kind = @kind))
      ORDER BY c.id DESC LIMIT @limit`,
  ).all({ before: q.before ?? null, actor: q.actor ?? null, kind: q.kind ?? null, limit: q.limit + 1 }) as Row[];
  const more = rows.length > q.limit;
  return { entries: rows.slice(0, q.limit).map((r) => entryOf(db, r, maxEntities)), more };
}

export function historyActors(db: Db): string[] {
  return stmt(db, 'SELECT DISTINCT actor FROM changes ORDER BY actor').pluck().all() as string[];
}

/** Every item of a change, in the order applied (what undo and redo need in full). */
export function readChangeItems(db: Db, id: number): ChangeItem[] {
  const rows = stmt(db, 'SELECT kind, op, entity_id, prev_id, before, after FROM change_items WHERE change_id = ? ORDER BY seq').all(id) as Row[];
  return rows.map((i) => ({
    kind: i.kind as ChangeItem['kind'],
    op: i.op as ChangeOp,
    entityId: i.entity_id as string | null,
    prevId: i.prev_id as string | null,
    before: parse(i.before),
    after: parse(i.after),
  }));
}

/** The edit undo would take back, or null. */
export function undoTarget(db: Db): number | null {
  return (stmt(db, 'SELECT id FROM changes WHERE undo_of IS NULL AND undone = 0 ORDER BY id DESC LIMIT 1').pluck().get() ?? null) as
    | number
    | null;
}

/** The edit redo would put back, or null (see the top of this file). */
export function redoTarget(db: Db): number | null {
  return (stmt(
    db,
    `SELECT u.undo_of FROM changes u JOIN changes t ON t.id = u.undo_of
      WHERE u.method = '${UNDO_METHOD}' AND t.undone = 1
        AND u.id > coalesce((SELECT max(id) FROM changes WHERE undo_of IS NULL), 0)
      ORDER BY u.id DESC LIMIT 1`,
  )
    .pluck()
    .get() ?? null) as number | null;
}

/** Marks `target` undone (or in effect again) and links the entry that recorded it, if any. */
export function markUndone(db: Db, target: number, undone: boolean, recordedRevision: number | null): void {
  stmt(db, 'UPDATE changes SET undone = ? WHERE id = ?').run(undone ? 1 : 0, target);
  if (recordedRevision !== null) stmt(db, 'UPDATE changes SET undo_of = ? WHERE revision = ?').run(target, recordedRevision);
}

export function changeIdAtRevision(db: Db, revision: number): number | null {
  return (stmt(db, 'SELECT id FROM changes WHERE revision = ?').pluck().get(revision) ?? null) as number | null;
}
