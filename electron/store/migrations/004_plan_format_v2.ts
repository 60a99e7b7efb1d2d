// Schema version 4: everything plan-format v2 adds (shared/docs/plan-format.md,
// "Version 2"), with the conventions of 001_initial.ts.
// - people and targets are rebuilt: SQLite cannot widen a CHECK in place
//   (role 'platform'; metrics salesCycleDays, deliveryCycleDays). The
//   rebuild follows SQLite's documented procedure with foreign keys off
//   (`foreignKeysOff`, see migrate.ts), and the runner's foreign_key_check
//   proves every reference still resolves before the version is committed.
// - v1's target metric cycleDays is stored as salesCycleDays (the import
//   upgrade rule of plan-format.md).
// - Goal status and per-person customer limits lived in the app-only meta
//   table (team.customerLimit:<id>, goal.status:<id>); they become columns
//   and the meta rows go. Only values the v2 format accepts are moved (a
//   limit is a whole number 0…10,000, larger ones become 10,000; a status is
//   one of the four); rows of deleted people or goals are dropped.
// - References written before what they refer to on import (a phase's focus
//   segments and exit-check targets, a stage's owner) are DEFERRABLE
//   INITIALLY DEFERRED: checked at commit, like every other edit's.
// - tiering is a one-row table (absent: no row); actuals keep their array
//   order in `position`.
// - As in 001, rules across fields or rows (a target scoped by funnel or
//   segment, not both; one actual per month, metric and segment) are the
//   services' (checked in the edit's transaction, refused with a JSON path).
import type { Migration } from './types';

const layer = (col: string) => `${col} INTEGER NOT NULL CHECK (${col} BETWEEN 0 AND 4)`;
const deferred = (col: string, table: string, notNull = false) =>
  `${col} TEXT${notNull ? ' NOT NULL' : ''} REFERENCES ${table}(id) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED`;
const ref = (col: string, table: string, notNull = false) =>
  `${col} TEXT${notNull ? ' NOT NULL' : ''} REFERENCES ${table}(id) ON UPDATE CASCADE`;
const owned = (col: string, table: string) => `${col} TEXT NOT NULL REFERENCES ${table}(id) ON UPDATE CASCADE ON DELETE CASCADE`;
const unit = (col: string) => `${col} REAL CHECK (${col} IS NULL OR ${col} BETWEEN 0 AND 1)`;

const PEOPLE = `
CREATE TABLE people_v4 (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('AR', 'SR', 'FR', 'platform', 'other')),
  customer_limit INTEGER CHECK (customer_limit IS NULL OR customer_limit BETWEEN 0 AND 10000)
) STRICT;
INSERT INTO people_v4 (id, position, name, role, customer_limit)
  SELECT p.id, p.position, p.name, p.role,
         (SELECT min(CAST(m.value AS INTEGER), 10000) FROM meta m
           -- The old build bound JavaScript numbers, which SQLite keeps as REAL in an ANY column: 3.0 is a whole number.
           WHERE m.key = 'team.customerLimit:' || p.id AND typeof(m.value) IN ('integer', 'real')
             AND m.value >= 0 AND m.value = CAST(m.value AS INTEGER))
    FROM people p;
DROP TABLE people;
ALTER TABLE people_v4 RENAME TO people;
CREATE INDEX people_position ON people(position);
`;

const TARGETS = `
CREATE TABLE targets_v4 (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  ${ref('phase_id', 'phases', true)},
  metric TEXT NOT NULL CHECK (metric IN ('leads', 'opportunities', 'wins', 'bookings', 'revenue', 'cash',
    'newKeyCustomers', 'winRate', 'conversion', 'salesCycleDays', 'deliveryCycleDays', 'cashCycleDays')),
  value REAL NOT NULL CHECK (value >= 0),
  ${ref('owner_id', 'people')},
  ${ref('funnel_id', 'funnels')},
  ${ref('segment_id', 'segments')}
) STRICT;
INSERT INTO targets_v4 (id, position, phase_id, metric, value, owner_id)
  SELECT id, position, phase_id, CASE metric WHEN 'cycleDays' THEN 'salesCycleDays' ELSE metric END, value, owner_id FROM targets;
DROP TABLE targets;
ALTER TABLE targets_v4 RENAME TO targets;
CREATE INDEX targets_position ON targets(position);
CREATE INDEX targets_phase ON targets(phase_id);
CREATE INDEX targets_owner ON targets(owner_id);
CREATE INDEX targets_funnel ON targets(funnel_id);
CREATE INDEX targets_segment ON targets(segment_id);
`;

const ADDED = `
ALTER TABLE goals ADD COLUMN status TEXT NOT NULL DEFAULT 'notStarted'
  CHECK (status IN ('notStarted', 'inProgress', 'achieved', 'missed'));
UPDATE goals SET status = (SELECT m.value FROM meta m WHERE m.key = 'goal.status:' || goals.id)
 WHERE (SELECT m.value FROM meta m WHERE m.key = 'goal.status:' || goals.id) IN ('notStarted', 'inProgress', 'achieved', 'missed');
DELETE FROM meta WHERE substr(key, 1, 12) = 'goal.status:' OR substr(key, 1, 19) = 'team.customerLimit:';

ALTER TABLE funnel_stages ADD COLUMN ${deferred('owner_id', 'people')};
CREATE INDEX funnel_stages_owner ON funnel_stages(owner_id);

ALTER TABLE customers ADD COLUMN needs TEXT;
ALTER TABLE customers ADD COLUMN has_relationship_plan INTEGER NOT NULL DEFAULT 0 CHECK (has_relationship_plan IN (0, 1));
CREATE TABLE customer_relationship_plan (
  ${owned('customer_id', 'customers')},
  position INTEGER NOT NULL,
  ${ref('phase_id', 'phases', true)},
  ${layer('rel_key')},
  ${layer('rel_broad')},
  ${layer('rel_organizational')},
  PRIMARY KEY (customer_id, position),
  UNIQUE (customer_id, phase_id)
) STRICT;
CREATE INDEX customer_relationship_plan_phase ON customer_relationship_plan(phase_id);

CREATE TABLE phase_focus_segments (
  ${owned('phase_id', 'phases')},
  position INTEGER NOT NULL,
  ${deferred('segment_id', 'segments', true)},
  PRIMARY KEY (phase_id, position)
) STRICT;
CREATE INDEX phase_focus_segments_segment ON phase_focus_segments(segment_id);

CREATE TABLE phase_exit_checks (
  ${owned('phase_id', 'phases')},
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('target', 'coverage', 'relationship', 'goals')),
  ${deferred('target_id', 'targets')},
  ${unit('probability')},
  tiers TEXT CHECK (tiers IS NULL OR (json_valid(tiers) AND json_type(tiers) = 'array')),
  roles TEXT CHECK (roles IS NULL OR (json_valid(roles) AND json_type(roles) = 'array')),
  layer TEXT CHECK (layer IS NULL OR layer IN ('key', 'broad', 'organizational')),
  level INTEGER CHECK (level IS NULL OR level BETWEEN 0 AND 4),
  ${unit('share')},
  note TEXT,
  PRIMARY KEY (phase_id, position)
) STRICT;
CREATE INDEX phase_exit_checks_target ON phase_exit_checks(target_id);

CREATE TABLE tiering (
  singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
  method TEXT NOT NULL CHECK (method IN ('share', 'threshold')),
  scope TEXT NOT NULL CHECK (scope IN ('all', 'segment')),
  s REAL NOT NULL CHECK (s >= 0),
  a REAL NOT NULL CHECK (a >= 0),
  b REAL NOT NULL CHECK (b >= 0)
) STRICT;

CREATE TABLE decisions (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  at TEXT NOT NULL,
  text TEXT NOT NULL,
  ${ref('phase_id', 'phases')},
  ${ref('by_id', 'people')}
) STRICT;
CREATE INDEX decisions_position ON decisions(position);
CREATE INDEX decisions_phase ON decisions(phase_id);
CREATE INDEX decisions_by ON decisions(by_id);

CREATE TABLE actuals (
  position INTEGER PRIMARY KEY NOT NULL,
  month TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('leads', 'opportunities', 'wins', 'bookings', 'revenue', 'cash')),
  value REAL NOT NULL CHECK (value >= 0),
  ${ref('segment_id', 'segments')}
) STRICT;
CREATE INDEX actuals_month ON actuals(month, metric);
CREATE INDEX actuals_segment ON actuals(segment_id);
`;

export const migration004: Migration = {
  version: 4,
  name: 'plan format v2',
  foreignKeysOff: true,
  up(db) {
    db.exec(PEOPLE);
    db.exec(TARGETS);
    db.exec(ADDED);
  },
};
