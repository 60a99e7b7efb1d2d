// Schema version 2: stored simulation runs, so reopening a plan shows its last
// result (marked stale when the inputs changed since). Runs are app data, not
// plan content: plan-format JSON export and import leave them out, and they
// are not edits (no `changes` row, no revision bump).
// - scenario_id has no foreign key: a run is a record of what was simulated,
//   and a scenario deleted or rewritten later must not silently take it
//   along; the service prunes runs of scenarios that no longer exist.
// - result is the engine's JSON (SimulationResult or ExpectedResult) as text.
import type { Migration } from './types';

const SCHEMA = `
CREATE TABLE simulation_runs (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('monte-carlo', 'expected')),
  scenario_id TEXT,
  seed INTEGER CHECK (seed IS NULL OR seed BETWEEN 0 AND 4294967295),
  trials INTEGER NOT NULL CHECK (trials BETWEEN 0 AND 1000000),
  fingerprint TEXT NOT NULL,
  elapsed_ms REAL NOT NULL CHECK (elapsed_ms >= 0),
  result TEXT NOT NULL CHECK (json_valid(result))
) STRICT;
CREATE INDEX simulation_runs_latest ON simulation_runs(scenario_id, mode, created_at);
`;

export const migration002: Migration = {
  version: 2,
  name: 'simulation runs',
  up: (db) => db.exec(SCHEMA),
};
