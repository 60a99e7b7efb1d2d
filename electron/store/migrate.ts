// The migration runner: PRAGMA user_version is the schema version; each
// migration runs in its own transaction together with the version bump, so a
// crash leaves the file at a whole version. A newer file is refused before
// this runs (see openPlanFile in plan-file.ts); the runner double-checks.
import { ApiError } from '../../shared/api/result';
import { MIGRATIONS, type Migration } from './migrations';
import type { Db } from './sql';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Versions must start at 1 and increase; a gap is allowed (e.g. 1 and 3 while
 * 2 is still being written in parallel work): each file is brought past every
 * version above its own. Caveat: a file migrated by a build with a gap does
 * not get the missing migration later, so released builds list 1…N.
 */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = i === 0 ? 0 : migrations[i - 1]!.version;
    if (!Number.isInteger(m.version) || m.version <= previous || (i === 0 && m.version !== 1))
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i === 0 ? 1 : `more than ${previous}`}`);
  });
}

/** The schema version a list of migrations brings a file to. */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

function assertReferencesResolve(db: Db, m: Migration): void {
  const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (broken.length)
    throw new Error(
      `migration ${m.name} left ${broken.length} broken reference(s), e.g. ${broken[0]!.table} → ${broken[0]!.parent}; the file was not changed`,
    );
}

/** Brings `db` to the last version of `migrations`; returns the versions it went from and to. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  checkMigrationList(migrations);
  const from = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (from > latest)
    throw new ApiError('newer_version', `schema version ${from} is newer than this app knows (${latest})`, { fileVersion: from, appVersion: latest });
  for (const m of migrations.filter((x) => x.version > from)) {
    // A no-op inside an outer transaction (a new file being built: its tables are empty).
    const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.foreignKeysOff) assertReferencesResolve(db, m);
        // The version is an integer from our own list, not user input.
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.foreignKeysOff && keysWereOn) db.pragma('foreign_keys = ON');
    }
  }
  return { from, to: latest };
}
