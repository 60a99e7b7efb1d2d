// Migration 002: the simulation_runs table. (What the store does with it is
// in tests/node/store-simulation-runs.test.ts.)
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openPlanFile, readPlan, type Db } from '../../../electron/store';
import { insertRun, readRun, type RunRecord } from '../../../electron/store/simulation-runs';
import { asV1, createLegacyFile } from './legacy-plan';
import { smallPlan, tempDir } from '../store-helpers';
import { dbAt, runRecord, upTo } from '../schema-helpers';

describe('migration 002 (simulation runs)', () => {
  it('adds one STRICT table and changes nothing else', () => {
    const before = new Database(':memory:');
    migrate(before, upTo(1));
    const tables = (d: Db) =>
      d.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    const db = dbAt(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db).filter((t) => !tables(before).some((b) => b.name === t.name))).toEqual([{ name: 'simulation_runs', strict: 1 }]);
  });

  it('refuses rows that are not runs', () => {
    const db = dbAt(2);
    const bad = (over: Partial<RunRecord>) => () => insertRun(db, runRecord(`r${Math.random()}`, over));
    expect(bad({ mode: 'guess' as never })).toThrow(/CHECK constraint/);
    expect(bad({ seed: -1 })).toThrow(/CHECK constraint/);
    expect(bad({ trials: 2_000_000 })).toThrow(/CHECK constraint/);
    expect(bad({ elapsedMs: -1 })).toThrow(/CHECK constraint/);
    expect(() => db.prepare("INSERT INTO simulation_runs VALUES ('x', 'now', 'a', 'expected', NULL, NULL, 0, 'f', 1, 'not json')").run()).toThrow(
      /CHECK constraint/,
    );
    insertRun(db, runRecord('ok', { mode: 'expected', seed: null, trials: 0 }));
    expect(readRun(db, 'ok')).toMatchObject({ id: 'ok', mode: 'expected', seed: null, trials: 0, result: { trials: 100 } });
  });

  it('brings an existing version-1 file along, plan unchanged, runs empty', () => {
    const dir = tempDir();
    const path = join(dir, 'v1.salesplan');
    createLegacyFile(path, asV1(smallPlan()), 1);
    const file = openPlanFile(path, { appVersion: 'test', backupDir: join(dir, 'backups') });
    try {
      expect(file.info().schemaVersion).toBeGreaterThanOrEqual(2);
      expect(file.db.prepare('SELECT count(*) FROM simulation_runs').pluck().get()).toBe(0);
      // Migration 004 makes the v2 defaults explicit; decisions did not exist in version 1.
      expect(readPlan(file.db)).toEqual({ ...smallPlan(), decisions: [] });
      expect(file.backupPath).toMatch(/v1\.schema-v1\./);
    } finally {
      file.close();
    }
  });
});

