// Opening plan files: the pragmas a plan runs with, the one-writer lock, and
// every refusal — each on a real file whose bytes must be identical afterwards,
// with nothing (no journal) created beside it.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/result';
import { APPLICATION_ID, createPlanFile, LATEST_SCHEMA_VERSION, openPlanFile, type StoreOptions } from '../../electron/store';
import { cli } from './cli-helpers';
import { asV1, createLegacyFile } from './migrations/legacy-plan';
import { demoJson, sha256, smallPlan, tempDir } from './store-helpers';

const opts: StoreOptions = { appVersion: 'test' };

function refusal(path: string): ApiError {
  try {
    openPlanFile(path, opts).close();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error(`${path} was opened but should have been refused`);
}

/** Opens `path`, expects refusal `code`, and checks the folder is exactly as before. */
function expectRefused(path: string, code: string): ApiError {
  const dir = join(path, '..');
  const before = readdirSync(dir).sort();
  const hash = existsSync(path) ? sha256(path) : null;
  const e = refusal(path);
  expect(e.code).toBe(code);
  expect(readdirSync(dir).sort()).toEqual(before);
  if (hash) expect(sha256(path)).toBe(hash);
  return e;
}

function demoFile(dir: string, name = 'demo.salesplan'): string {
  return createPlanFile(join(dir, name), demoJson(), opts);
}

describe('opening a plan file', () => {
  it('runs with a rollback journal, full sync, foreign keys and an exclusive lock', () => {
    const f = openPlanFile(demoFile(tempDir()), opts);
    try {
      expect(f.db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(f.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(f.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(f.db.pragma('locking_mode', { simple: true })).toBe('exclusive');
      expect(f.db.pragma('trusted_schema', { simple: true })).toBe(0);
      expect(f.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(f.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(f.info()).toMatchObject({ name: 'demo', schemaVersion: LATEST_SCHEMA_VERSION });
    } finally {
      f.close();
    }
  });

  it('leaves an unedited file byte-identical and nothing beside it after closing', () => {
    const dir = tempDir();
    const path = demoFile(dir);
    const hash = sha256(path);
    openPlanFile(path, opts).close();
    expect(sha256(path)).toBe(hash);
    expect(readdirSync(dir)).toEqual(['demo.salesplan']);
  });

  it('refuses a second opener while the file is open, saying it is open elsewhere', () => {
    const path = demoFile(tempDir());
    const first = openPlanFile(path, opts);
    try {
      const e = refusal(path);
      expect(e.code).toBe('file_error');
      expect(e.details).toMatchObject({ reason: 'locked' });
      expect(e.message).toMatch(/open in another window/);
      // Not even a reader gets in: copies are made with file.saveCopy from the window that has it.
      const reader = new Database(path, { readonly: true, timeout: 0 });
      expect(() => reader.prepare('SELECT count(*) FROM customers').get()).toThrow(/locked/);
      reader.close();
    } finally {
      first.close();
    }
    openPlanFile(path, opts).close(); // free again once closed
  });
});

describe('opening refuses, leaving the file untouched', () => {
  it('file_not_found: a path with no file, and creates none', () => {
    const dir = tempDir();
    const e = expectRefused(join(dir, 'missing.salesplan'), 'file_not_found');
    expect(e.message).toContain('missing.salesplan');
    expect(existsSync(join(dir, 'missing.salesplan'))).toBe(false);
  });

  it('not_sqlite: a text file', () => {
    const path = join(tempDir(), 'notes.salesplan');
    writeFileSync(path, 'these are my notes, not a plan\n'.repeat(20));
    expect(expectRefused(path, 'not_sqlite').message).toMatch(/not an SQLite database/);
  });

  it('not_sqlite: an empty file', () => {
    const path = join(tempDir(), 'empty.salesplan');
    writeFileSync(path, '');
    expectRefused(path, 'not_sqlite');
  });

  it('not_a_plan: somebody else’s SQLite database', () => {
    const path = join(tempDir(), 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (\'hello\'); PRAGMA user_version = 1;');
    db.close();
    expect(expectRefused(path, 'not_a_plan').message).toMatch(/not a Sales Strategy Planner plan/);
  });

  it('not_a_plan: SQLite with another application_id', () => {
    const path = join(tempDir(), 'other.db');
    const db = new Database(path);
    db.exec('PRAGMA application_id = 1234; PRAGMA user_version = 1; CREATE TABLE t (x);');
    db.close();
    expectRefused(path, 'not_a_plan');
  });

  it('newer_version: a file written by a newer app is never opened by SQLite', () => {
    const path = demoFile(tempDir());
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const e = expectRefused(path, 'newer_version');
    expect(e.message).toContain(`plan file schema ${LATEST_SCHEMA_VERSION + 1}`);
    expect(e.message).toContain(`this app knows up to ${LATEST_SCHEMA_VERSION}`);
    expect(e.details).toMatchObject({ fileVersion: LATEST_SCHEMA_VERSION + 1, appVersion: LATEST_SCHEMA_VERSION });
  });

  it('corrupt: a page of the file overwritten with garbage', () => {
    const path = demoFile(tempDir());
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // Garbage over every page but the header page: whichever b-tree quick_check visits first is broken.
    for (let off = pageSize; off < bytes.length; off += pageSize) bytes.fill(0xa5, off, off + 64);
    writeFileSync(path, bytes);
    expect(expectRefused(path, 'corrupt').message).toMatch(/damaged/);
  });

  it('corrupt: a file cut short', () => {
    const path = demoFile(tempDir());
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefused(path, 'corrupt');
  });

  it('corrupt: our marks but no plan inside', () => {
    const path = join(tempDir(), 'hollow.salesplan');
    const db = new Database(path);
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = 1; CREATE TABLE meta (key TEXT);`);
    db.close();
    expectRefused(path, 'corrupt');
  });

  for (const [what, sql] of [
    ['a trigger', "CREATE TRIGGER spy AFTER UPDATE ON plan_settings BEGIN INSERT INTO meta(key, value) VALUES ('x', 'y'); END"],
    ['a view', 'CREATE VIEW v AS SELECT * FROM customers'],
    ['a table of its own', 'CREATE TABLE extra (x)'],
    ['an index of its own', 'CREATE INDEX extra_idx ON customers(name)'],
  ] as const) {
    it(`not_a_plan: our marks and tables, plus ${what}`, () => {
      const path = demoFile(tempDir());
      const db = new Database(path);
      db.exec(sql);
      db.close();
      const e = expectRefused(path, 'not_a_plan');
      expect(e.message).toContain('did not create');
      expect(e.details).toMatchObject({ reason: 'foreign-object' });
    });
  }

  it('not_a_plan: one of our tables redefined (a default that calls a function)', () => {
    const path = demoFile(tempDir());
    const db = new Database(path);
    db.exec("ALTER TABLE customers ADD COLUMN spy TEXT DEFAULT 'x'");
    db.close();
    expect(expectRefused(path, 'not_a_plan').details).toMatchObject({ object: { type: 'table', name: 'customers' } });
  });

  it('file_error: a folder', () => {
    const dir = tempDir();
    expect(refusal(dir).code).toBe('file_error');
  });
});

describe('creating a plan file', () => {
  it('never replaces an existing file unless asked, and leaves no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'mine.salesplan');
    writeFileSync(path, 'precious');
    expect(() => createPlanFile(path, smallPlan(), opts)).toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    createPlanFile(path, smallPlan(), { ...opts, overwrite: true });
    expect(readdirSync(dir)).toEqual(['mine.salesplan']);
    openPlanFile(path, opts).close();
  });

  it('refuses to replace a plan that another connection holds open', () => {
    const dir = tempDir();
    const path = createPlanFile(join(dir, 'open.salesplan'), smallPlan(), opts);
    const hash = sha256(path);
    const holder = openPlanFile(path, opts);
    try {
      expect(() => createPlanFile(path, demoJson(), { ...opts, overwrite: true })).toThrow(/open in another window/);
    } finally {
      holder.close();
    }
    expect(sha256(path)).toBe(hash);
    expect(readdirSync(dir)).toEqual(['open.salesplan']);
  });

  it('fails cleanly into a folder that does not exist', () => {
    const dir = tempDir();
    expect(() => createPlanFile(join(dir, 'no/such/folder/x.salesplan'), smallPlan(), opts)).toThrow(/does not exist/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the lock across processes', () => {
  it('still holds after opening migrated an older file (its backup copy must not release the lock)', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.salesplan');
    // A schema-1 file as an old build left it (today's store writes the newest schema only).
    createLegacyFile(path, asV1(smallPlan()), 1);
    const file = openPlanFile(path, { ...opts, backupDir: join(dir, 'backups') });
    try {
      expect(file.backupPath).toBeDefined();
      const other = await cli(dir, 'info', path);
      expect(other.code).not.toBe(0);
      expect(other.stderr).toContain('open in another window or program');
    } finally {
      file.close();
    }
  });
});
