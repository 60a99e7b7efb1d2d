// The meta table: which app version created and last wrote the file, and the
// revision counter (bumped by every committed edit).
import { stmt, type Db } from './sql';

export type MetaKey = 'created_by' | 'created_at' | 'last_written_by' | 'revision';

export function getMeta(db: Db, key: MetaKey): unknown {
  return stmt(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(key);
}

export function setMeta(db: Db, key: MetaKey, value: string | number): void {
  stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function readRevision(db: Db): number {
  return (getMeta(db, 'revision') as number | undefined) ?? 0;
}

/**
 * Moves the revision past `floor` (a restored backup continues the numbering
 * of the file it replaced, so views that drop answers older than the last
 * revision they saw take the restored plan).
 */
export function continueRevision(db: Db, floor: number): void {
  if (readRevision(db) > floor) return;
  db.transaction(() => setMeta(db, 'revision', floor + 1))();
}
