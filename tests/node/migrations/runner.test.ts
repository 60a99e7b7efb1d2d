// The migration runner: one transaction per migration, versions in order,
// refusing a newer file, a verified backup before migrating an existing file.
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPlanFile, LATEST_SCHEMA_VERSION, migrate, MIGRATIONS, openPlanFile, readPlan, type Migration } from '../../../electron/store';
import { checkMigrationList } from '../../../electron/store/migrate';
import { dbAt } from '../schema-helpers';
import { sha256, smallPlan, tempDir } from '../store-helpers';

const opts = { appVersion: 'test' };


// The next schema version, as a future release would add it, to exercise the runner.
const LATEST = LATEST_SCHEMA_VERSION;
const addNotes: Migration = {
  version: LATEST + 1,
  name: 'notes',
  up: (db) => db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT; INSERT INTO notes (text) VALUES ('migrated')"),
};
const failing: Migration = {
  version: LATEST + 1,
  name: 'fails half-way',
  up(db) {
    db.exec('CREATE TABLE half (x INTEGER) STRICT');
    throw new Error('disk on fire');
  },
};

describe('the migration runner', () => {
  it('has a test file per migration (tests/node/migrations/00N.test.ts)', () => {
    const here = readdirSync(fileURLToPath(new URL('.', import.meta.url)));
    const missing = MIGRATIONS.map((m) => `${String(m.version).padStart(3, '0')}.test.ts`).filter((f) => !here.includes(f));
    expect(missing).toEqual([]);
  });


  it('refuses a list out of order, with a repeated version, or not starting at 1', () => {
    expect(() => checkMigrationList([MIGRATIONS[0]!, { ...addNotes, version: 3 }, { ...addNotes, version: 2 }])).toThrow(/more than 3/);
    expect(() => checkMigrationList([MIGRATIONS[0]!, { ...addNotes, version: 1 }])).toThrow(/more than 1/);
    expect(() => checkMigrationList([{ ...addNotes, version: 2 }])).toThrow(/expected 1/);
  });

  it('accepts a gap (parallel work: 1 and 3 while 2 is being written) and brings a file past every version above its own', () => {
    const db = new Database(':memory:');
    const first = MIGRATIONS[0]!;
    expect(migrate(db, [first, { ...addNotes, version: 3 }])).toEqual({ from: 0, to: 3 });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT text FROM notes').pluck().get()).toBe('migrated');
    const second: Migration = { version: 4, name: 'more', up: (d) => d.exec("INSERT INTO notes (text) VALUES ('four')") };
    expect(migrate(db, [first, { ...addNotes, version: 3 }, { ...second, version: 5 }])).toEqual({ from: 3, to: 5 });
    expect(db.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual(['migrated', 'four']);
    // Nothing above the file's version: nothing runs again.
    expect(migrate(db, [first, { ...addNotes, version: 3 }, { ...second, version: 5 }])).toEqual({ from: 5, to: 5 });
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(2);
  });

  it('applies each migration with its version bump in one transaction: a failure leaves the previous version whole', () => {
    const db = dbAt(1);
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow(/disk on fire/);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    expect(migrate(db, [...MIGRATIONS, addNotes])).toEqual({ from: LATEST, to: LATEST + 1 });
    expect(db.prepare('SELECT text FROM notes').pluck().get()).toBe('migrated');
  });

  it('refuses to run on a database newer than its list', () => {
    const db = dbAt(1);
    db.pragma('user_version = 9');
    expect(() => migrate(db)).toThrow(/newer/);
  });

  it('backs up an older file (verified copy) before migrating it on open', () => {
    const dir = tempDir();
    const backups = join(dir, 'backups');
    const path = createPlanFile(join(dir, 'old.salesplan'), smallPlan(), opts);
    const original = sha256(path);
    const file = openPlanFile(path, { ...opts, backupDir: backups, migrations: [...MIGRATIONS, addNotes] });
    try {
      expect(file.info().schemaVersion).toBe(LATEST + 1);
      expect(file.db.prepare('SELECT text FROM notes').pluck().get()).toBe('migrated');
      expect(readPlan(file.db)).toEqual(smallPlan());
      expect(file.backupPath).toBeDefined();
      expect(readdirSync(backups)).toEqual([file.backupPath!.slice(backups.length + 1)]);
      expect(file.backupPath).toMatch(new RegExp(`old\\.schema-v${LATEST}\\..*\\.salesplan$`));
      expect(sha256(file.backupPath!)).toBe(original);
    } finally {
      file.close();
    }
    // The backup is a plan file of the old version that opens on its own.
    const backup = new Database(readdirSync(backups).map((f) => join(backups, f))[0]!, { readonly: true });
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST);
    backup.close();
  });

  it('keeps the file at its old version when a migration fails on open', () => {
    const dir = tempDir();
    const path = createPlanFile(join(dir, 'old.salesplan'), smallPlan(), opts);
    const original = sha256(path);
    expect(() => openPlanFile(path, { ...opts, migrations: [...MIGRATIONS, failing] })).toThrow(/disk on fire/);
    expect(sha256(path)).toBe(original);
    // Backup taken beside the file (no backup folder given); the file still opens with this app.
    expect(readdirSync(dir).filter((f) => f.includes(`schema-v${LATEST}`))).toHaveLength(1);
    openPlanFile(path, opts).close();
  });
});
