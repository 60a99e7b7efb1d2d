// Schema version 1: every part of plan-format v1, the meta table and the edit
// history. Conventions:
// - every table is STRICT; ids are the plan's own string ids;
// - collections keep their array order in a dense `position` column (0…n-1);
// - a Range (number or {min, mode, max}) is JSON text, so a number stays a
//   number and an object stays an object on export;
// - optional fields are NULL when absent; an optional *array* that may be
//   present-but-empty has a has_… flag, so absent and [] both survive a round trip;
// - references are ON UPDATE CASCADE (renaming an id follows everywhere) and
//   NO ACTION on delete (the services refuse deleting what is referenced, with
//   counts); owned children (stages, payments, lead entries, exit criteria,
//   stage adjustments) are ON DELETE CASCADE;
// - the cross-field rules of plan-format.md (overlaps, payment sums, unique
//   stage keys, one lead entry per phase) are checked by the services in the
//   same transaction, so each refusal names a JSON path; SQL checks types,
//   enums and bounds as a safety net.
import { APPLICATION_ID } from '../constants';
import type { Migration } from './types';

const range = (col: string) => `${col} TEXT NOT NULL CHECK (json_valid(${col}) AND json_type(${col}) IN ('integer', 'real', 'object'))`;
const optionalRange = (col: string) =>
  `${col} TEXT CHECK (${col} IS NULL OR (json_valid(${col}) AND json_type(${col}) IN ('integer', 'real', 'object')))`;
const flag = (col: string) => `${col} INTEGER NOT NULL DEFAULT 0 CHECK (${col} IN (0, 1))`;
const factor = (col: string) => `${col} INTEGER CHECK (${col} IS NULL OR ${col} BETWEEN 1 AND 5)`;
const layer = (col: string) => `${col} INTEGER NOT NULL CHECK (${col} BETWEEN 0 AND 4)`;
const ref = (col: string, table: string, notNull = false) =>
  `${col} TEXT${notNull ? ' NOT NULL' : ''} REFERENCES ${table}(id) ON UPDATE CASCADE`;
const owned = (col: string, table: string) => `${col} TEXT NOT NULL REFERENCES ${table}(id) ON UPDATE CASCADE ON DELETE CASCADE`;

const SCHEMA = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY NOT NULL,
  value ANY
) STRICT;

CREATE TABLE plan_settings (
  singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
  name TEXT NOT NULL,
  description TEXT,
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  start_month TEXT NOT NULL,
  horizon_months INTEGER NOT NULL CHECK (horizon_months BETWEEN 1 AND 120),
  seed INTEGER NOT NULL CHECK (seed BETWEEN 0 AND 4294967295),
  trials INTEGER NOT NULL CHECK (trials BETWEEN 100 AND 1000000)
) STRICT;

CREATE TABLE phases (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('entry', 'breakthrough', 'expansion', 'consolidation')),
  start_month TEXT NOT NULL,
  end_month TEXT NOT NULL,
  intent TEXT,
  ${flag('has_exit_criteria')}
) STRICT;
CREATE INDEX phases_position ON phases(position);

CREATE TABLE phase_exit_criteria (
  ${owned('phase_id', 'phases')},
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (phase_id, position)
) STRICT;

CREATE TABLE funnels (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  process TEXT NOT NULL CHECK (process IN ('ltc', 'mtc')),
  ${range('deal_size')},
  ${range('delivery_days')}
) STRICT;
CREATE INDEX funnels_position ON funnels(position);

CREATE TABLE funnel_stages (
  ${owned('funnel_id', 'funnels')},
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  ${range('conversion')},
  ${range('days')},
  PRIMARY KEY (funnel_id, position)
) STRICT;

CREATE TABLE funnel_payments (
  ${owned('funnel_id', 'funnels')},
  position INTEGER NOT NULL,
  share REAL NOT NULL CHECK (share > 0 AND share <= 1),
  ${range('days')},
  PRIMARY KEY (funnel_id, position)
) STRICT;

CREATE TABLE segments (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  ${ref('funnel_id', 'funnels', true)}
) STRICT;
CREATE INDEX segments_position ON segments(position);
CREATE INDEX segments_funnel ON segments(funnel_id);

CREATE TABLE segment_leads (
  ${owned('segment_id', 'segments')},
  position INTEGER NOT NULL,
  ${ref('phase_id', 'phases')},
  ${range('per_month')},
  PRIMARY KEY (segment_id, position)
) STRICT;
CREATE INDEX segment_leads_phase ON segment_leads(phase_id);

CREATE TABLE people (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('AR', 'SR', 'FR', 'other'))
) STRICT;
CREATE INDEX people_position ON people(position);

CREATE TABLE customers (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  ${ref('segment_id', 'segments', true)},
  tier TEXT NOT NULL CHECK (tier IN ('S', 'A', 'B', 'C')),
  ${layer('rel_key')},
  ${layer('rel_broad')},
  ${layer('rel_organizational')},
  potential REAL NOT NULL CHECK (potential >= 0),
  region TEXT,
  industry TEXT,
  ${ref('owner_ar', 'people')},
  ${ref('owner_sr', 'people')},
  ${ref('owner_fr', 'people')},
  ${flag('has_factors')},
  ${factor('f_transaction_path')},
  ${factor('f_customer_experience')},
  ${factor('f_product_value')},
  ${factor('f_customer_trust')},
  ${factor('f_customer_relationship')},
  ${factor('f_sales_skill')},
  ${factor('f_price_performance')},
  ${ref('breakthrough_phase_id', 'phases')},
  entry_stage INTEGER CHECK (entry_stage IS NULL OR entry_stage BETWEEN 0 AND 11),
  ${optionalRange('first_deal')},
  status TEXT NOT NULL CHECK (status IN ('target', 'engaged', 'won', 'deepening'))
) STRICT;
CREATE INDEX customers_position ON customers(position);
CREATE INDEX customers_segment ON customers(segment_id);
CREATE INDEX customers_owner_ar ON customers(owner_ar);
CREATE INDEX customers_owner_sr ON customers(owner_sr);
CREATE INDEX customers_owner_fr ON customers(owner_fr);
CREATE INDEX customers_breakthrough_phase ON customers(breakthrough_phase_id);

CREATE TABLE goals (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  ${ref('phase_id', 'phases', true)},
  ${ref('customer_id', 'customers')},
  title TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('firstContract', 'relationshipLevel', 'shareOfWallet', 'custom')),
  target REAL NOT NULL,
  due TEXT NOT NULL,
  ${ref('owner_id', 'people')}
) STRICT;
CREATE INDEX goals_position ON goals(position);
CREATE INDEX goals_phase ON goals(phase_id);
CREATE INDEX goals_customer ON goals(customer_id);
CREATE INDEX goals_owner ON goals(owner_id);

CREATE TABLE targets (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  ${ref('phase_id', 'phases', true)},
  metric TEXT NOT NULL CHECK (metric IN ('leads', 'opportunities', 'wins', 'bookings', 'revenue', 'cash',
    'newKeyCustomers', 'winRate', 'conversion', 'cycleDays', 'cashCycleDays')),
  value REAL NOT NULL CHECK (value >= 0),
  ${ref('owner_id', 'people')}
) STRICT;
CREATE INDEX targets_position ON targets(position);
CREATE INDEX targets_phase ON targets(phase_id);
CREATE INDEX targets_owner ON targets(owner_id);

CREATE TABLE scenarios (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  adj_leads REAL CHECK (adj_leads >= 0),
  adj_conversion REAL CHECK (adj_conversion >= 0),
  adj_deal_size REAL CHECK (adj_deal_size >= 0),
  adj_days REAL CHECK (adj_days >= 0),
  ${flag('has_stage_adjusts')}
) STRICT;
CREATE INDEX scenarios_position ON scenarios(position);

CREATE TABLE scenario_stage_adjusts (
  ${owned('scenario_id', 'scenarios')},
  position INTEGER NOT NULL,
  ${ref('funnel_id', 'funnels', true)},
  stage_key TEXT NOT NULL,
  conversion REAL NOT NULL CHECK (conversion >= 0),
  PRIMARY KEY (scenario_id, position)
) STRICT;
CREATE INDEX scenario_stage_adjusts_funnel ON scenario_stage_adjusts(funnel_id);

-- The edit history: one row per committed edit, one item per entity touched.
-- before/after are the entity's plan-format JSON (NULL: did not exist);
-- prev_id is the id just before it in its collection's order (where a
-- deleted entity goes back, where a created one went), so any edit can be
-- inverted. A reorder stores the id lists; settings use kind 'plan'.
CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  revision INTEGER NOT NULL UNIQUE,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  method TEXT NOT NULL,
  summary TEXT NOT NULL
) STRICT;

CREATE TABLE change_items (
  change_id INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'reorder')),
  entity_id TEXT,
  prev_id TEXT,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after)),
  PRIMARY KEY (change_id, seq)
) STRICT;
`;

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(SCHEMA);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  },
};
