// Stored simulation runs (the table of migration 002): the newest runs kept per
// scenario and mode, runs of deleted scenarios dropped.
import { describe, expect, it } from 'vitest';
import { insertRun, KEEP_RUNS, latestRun, readRun } from '../../electron/store/simulation-runs';
import { dbAt, runRecord } from './schema-helpers';

describe('stored runs', () => {
  it(`keep the newest ${KEEP_RUNS} per scenario and mode`, () => {
    const db = dbAt(2);
    db.prepare("INSERT INTO plan_settings VALUES (1, 'p', NULL, 'CNY', '2027-01', 12, 1, 100)").run();
    db.prepare("INSERT INTO scenarios (id, position, name) VALUES ('low', 0, 'Low')").run();
    for (let i = 0; i < 7; i++) insertRun(db, runRecord(`mc${i}`, { createdAt: `2027-01-0${i + 1}T00:00:00.000Z` }));
    insertRun(db, runRecord('ev', { mode: 'expected', seed: null, trials: 0 }));
    insertRun(db, runRecord('low', { scenarioId: 'low' }));
    const ids = db.prepare('SELECT id FROM simulation_runs ORDER BY id').pluck().all();
    expect(ids).toEqual(['ev', 'low', 'mc2', 'mc3', 'mc4', 'mc5', 'mc6']);
    expect(latestRun(db, null, 'monte-carlo')!.id).toBe('mc6');
    expect(latestRun(db, null, 'expected')!.id).toBe('ev');
    expect(latestRun(db, 'low', 'monte-carlo')!.id).toBe('low');
    expect(latestRun(db, 'low', 'expected')).toBeNull();
  });

  it('of a scenario that no longer exists are dropped with the next stored run', () => {
    const db = dbAt(2);
    db.prepare("INSERT INTO scenarios (id, position, name) VALUES ('low', 0, 'Low')").run();
    insertRun(db, runRecord('a', { scenarioId: 'low' }));
    db.prepare("DELETE FROM scenarios WHERE id = 'low'").run();
    insertRun(db, runRecord('b'));
    expect(readRun(db, 'a')).toBeNull();
    expect(readRun(db, 'b')).not.toBeNull();
  });
});
