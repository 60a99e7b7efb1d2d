// Prepared statements, cached per connection: an edit batch of thousands of
// rows must not re-prepare the same SQL each time. SQL text is always a
// constant (identifiers from our own table descriptors); values are bound.
import type Database from 'better-sqlite3';

export type Db = Database.Database;
export type Row = Record<string, unknown>;

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function stmt(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
