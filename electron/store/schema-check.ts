// A plan file holds exactly the database objects our migrations create, and
// nothing else. A .salesplan from someone else could carry a trigger (run on
// our next write), a view, or a table whose definition differs from ours
// (defaults or checks calling functions); any of these refuses the file
// before anything is written. The expected objects of each schema version
// are built once from the migrations themselves in an in-memory database, so
// a new migration needs no change here.
import { ApiError } from '../../shared/api/result';
import { connectMemory, type ConnectOptions } from './connect';
import type { Migration } from './migrations';
import type { Db } from './sql';

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

/** SQLite's own bookkeeping tables, which it may add to any database. */
const SQLITE_INTERNAL = /^sqlite_(sequence|stat\d)$/;

function objectsOf(db: Db): SchemaObject[] {
  return db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all() as SchemaObject[];
}

function normalise(sql: string | null): string {
  return (sql ?? '').replace(/\s+/g, ' ').trim();
}

const expectedCache = new WeakMap<readonly Migration[], Map<number, Map<string, SchemaObject>>>();

/** What our migrations create up to `version`, by "type name". */
function expectedObjects(migrations: readonly Migration[], version: number, opts: ConnectOptions): Map<string, SchemaObject> {
  let byVersion = expectedCache.get(migrations);
  if (!byVersion) expectedCache.set(migrations, (byVersion = new Map()));
  let objects = byVersion.get(version);
  if (!objects) {
    const db = connectMemory(opts);
    try {
      for (const m of migrations.filter((x) => x.version <= version)) db.transaction(() => m.up(db))();
      objects = new Map(objectsOf(db).map((o) => [`${o.type} ${o.name}`, o]));
    } finally {
      db.close();
    }
    byVersion.set(version, objects);
  }
  return objects;
}

/** Refuses (not_a_plan) a file with any object our migrations up to `version` do not create, or create differently. */
export function verifySchemaObjects(db: Db, path: string, version: number, migrations: readonly Migration[], opts: ConnectOptions): void {
  const expected = expectedObjects(migrations, version, opts);
  for (const o of objectsOf(db)) {
    if (o.type === 'table' && SQLITE_INTERNAL.test(o.name)) continue;
    const ours = expected.get(`${o.type} ${o.name}`);
    if (!ours || normalise(ours.sql) !== normalise(o.sql))
      throw new ApiError(
        'not_a_plan',
        `${path} contains a ${o.type} “${o.name}” that the planner did not create; it was not opened (the file was not changed)`,
        { path, reason: 'foreign-object', object: { type: o.type, name: o.name } },
      );
  }
}
