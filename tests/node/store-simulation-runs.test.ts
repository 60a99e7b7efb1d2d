// Stored simulation runs (the table of migration 002): the newest runs kept per
// scenario and mode, runs of deleted scenarios dropped.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type Db } from '../../electron/store';
import { insertRun, KEEP_RUNS, latestRun, readRun, type RunRecord } from '../../electron/store/simulation-runs';

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version);

function db002(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, upTo(2));
  return db;
}

function record(id: string, over: Partial<RunRecord> = {}): RunRecord {
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

describe('stored runs', () => {
  it(`keep the newest ${KEEP_RUNS} per scenario and mode`, () => {
    const db = db002();
    db.prepare("INSERT INTO plan_settings VALUES (1, 'p', NULL, 'CNY', '2027-01', 12, 1, 100)").run();
    db.prepare("INSERT INTO scenarios (id, position, name) VALUES ('low', 0, 'Low')").run();
    for (let i = 0; i < 7; i++) insertRun(db, record(`mc${i}`, { createdAt: `2027-01-0${i + 1}T00:00:00.000Z` }));
    insertRun(db, record('ev', { mode: 'expected', seed: null, trials: 0 }));
    insertRun(db, record('low', { scenarioId: 'low' }));
    const ids = db.prepare('SELECT id FROM simulation_runs ORDER BY id').pluck().all();
    expect(ids).toEqual(['ev', 'low', 'mc2', 'mc3', 'mc4', 'mc5', 'mc6']);
    expect(latestRun(db, null, 'monte-carlo')!.id).toBe('mc6');
    expect(latestRun(db, null, 'expected')!.id).toBe('ev');
    expect(latestRun(db, 'low', 'monte-carlo')!.id).toBe('low');
    expect(latestRun(db, 'low', 'expected')).toBeNull();
  });

  it('of a scenario that no longer exists are dropped with the next stored run', () => {
    const db = db002();
    db.prepare("INSERT INTO scenarios (id, position, name) VALUES ('low', 0, 'Low')").run();
    insertRun(db, record('a', { scenarioId: 'low' }));
    db.prepare("DELETE FROM scenarios WHERE id = 'low'").run();
    insertRun(db, record('b'));
    expect(readRun(db, 'a')).toBeNull();
    expect(readRun(db, 'b')).not.toBeNull();
  });
});
