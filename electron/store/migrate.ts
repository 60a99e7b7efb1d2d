// The migration runner: PRAGMA user_version is the schema version; each
// migration runs in its own transaction together with the version bump, so a
// crash leaves the file at a whole version. A newer file is refused before
// this runs (see open.ts); the runner double-checks.
import { ApiError } from '../../shared/api/result';
import { MIGRATIONS, type Migration } from './migrations';
import type { Db } from './sql';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

/** Brings `db` to the last version of `migrations`; returns the versions it went from and to. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  checkMigrationList(migrations);
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest)
    throw new ApiError('newer_version', `schema version ${from} is newer than this app knows (${latest})`, { fileVersion: from, appVersion: latest });
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      m.up(db);
      // The version is an integer from our own list, not user input.
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest };
}
