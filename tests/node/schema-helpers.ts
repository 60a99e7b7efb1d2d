// Shared by the migration tests and the stored-runs tests: an in-memory plan
// database at an older schema version, and a stored run record to insert.
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS, type Db } from '../../electron/store';
import type { RunRecord } from '../../electron/store/simulation-runs';

/** The migrations up to and including `version`. */
export const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version);

/** An in-memory database migrated to `version` (foreign keys on, as the store opens files). */
export function dbAt(version: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, upTo(version));
  return db;
}

/** A stored Monte-Carlo run of the plan as entered; `over` changes any field. */
export function runRecord(id: string, over: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    createdAt: '2027-01-01T00:00:00.000Z',
    actor: 'tester',
    mode: 'monte-carlo',
    scenarioId: null,
    seed: 7,
    trials: 100,
    elapsedMs: 12.5,
    fingerprint: 'f'.repeat(26),
    result: { trials: 100 } as never,
    ...over,
  };
}
