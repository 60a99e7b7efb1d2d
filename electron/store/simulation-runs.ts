// Stored simulation runs (migration 002): one row per completed run, the
// engine's result as JSON text. Only the latest KEEP_RUNS per scenario and
// mode are kept, and runs of scenarios that no longer exist are dropped when
// the next run is stored (a scenario id reused later must not inherit them).
import type { SimulationMode, SimulationRun } from '../../shared/api/methods/simulation';
import { stmt, type Db } from './sql';

export const KEEP_RUNS = 5;

export interface RunRecord extends SimulationRun {
  /** inputsFingerprint of the plan the run simulated; compared with the current plan's to tell staleness. */
  fingerprint: string;
}

interface Row {
  id: string;
  created_at: string;
  actor: string;
  mode: SimulationMode;
  scenario_id: string | null;
  seed: number | null;
  trials: number;
  fingerprint: string;
  elapsed_ms: number;
  result: string;
}

function toRecord(r: Row): RunRecord {
  return {
    id: r.id,
    createdAt: r.created_at,
    actor: r.actor,
    mode: r.mode,
    scenarioId: r.scenario_id,
    seed: r.seed,
    trials: r.trials,
    elapsedMs: r.elapsed_ms,
    fingerprint: r.fingerprint,
    result: JSON.parse(r.result) as SimulationRun['result'],
  };
}

/** Stores a completed run and prunes older runs of the same scenario and mode, in one transaction. */
export function insertRun(db: Db, run: RunRecord, keep = KEEP_RUNS): void {
  db.transaction(() => {
    stmt(
      db,
      `INSERT INTO simulation_runs (id, created_at, actor, mode, scenario_id, seed, trials, fingerprint, elapsed_ms, result)
       VALUES (@id, @createdAt, @actor, @mode, @scenarioId, @seed, @trials, @fingerprint, @elapsedMs, @result)`,
    ).run({ ...run, result: JSON.stringify(run.result) });
    stmt(
      db,
      `DELETE FROM simulation_runs WHERE mode = @mode AND scenario_id IS @scenarioId AND rowid NOT IN (
         SELECT rowid FROM simulation_runs WHERE mode = @mode AND scenario_id IS @scenarioId
          ORDER BY created_at DESC, rowid DESC LIMIT @keep)`,
    ).run({ mode: run.mode, scenarioId: run.scenarioId, keep });
    stmt(db, 'DELETE FROM simulation_runs WHERE scenario_id IS NOT NULL AND scenario_id NOT IN (SELECT id FROM scenarios)').run();
  })();
}

export function readRun(db: Db, id: string): RunRecord | null {
  const row = stmt(db, 'SELECT * FROM simulation_runs WHERE id = ?').get(id) as Row | undefined;
  return row ? toRecord(row) : null;
}

/** The newest stored run of a scenario (null: the plan as entered) in a mode. */
export function latestRun(db: Db, scenarioId: string | null, mode: SimulationMode): RunRecord | null {
  const row = stmt(
    db,
    `SELECT * FROM simulation_runs WHERE mode = ? AND scenario_id IS ?
      ORDER BY created_at DESC, rowid DESC LIMIT 1`,
  ).get(mode, scenarioId) as Row | undefined;
  return row ? toRecord(row) : null;
}
