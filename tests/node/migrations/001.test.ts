// Migration 001, the initial schema: strict tables, cascading references,
// ranges as JSON. (The runner has its own file, runner.test.ts.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createPlanFile, openPlanFile } from '../../../electron/store';
import { smallPlan, tempDir } from '../store-helpers';
import { dbAt } from '../schema-helpers';

const opts = { appVersion: 'test' };

const PLAN_TABLES = [
  'change_items', 'changes', 'customers', 'funnel_payments', 'funnel_stages', 'funnels', 'goals', 'meta', 'people',
  'phase_exit_criteria', 'phases', 'plan_settings', 'scenario_stage_adjusts', 'scenarios', 'segment_leads', 'segments', 'targets',
];

describe('migration 001 (initial schema)', () => {
  it('creates every table STRICT and marks the file as ours', () => {
    const db = dbAt(1);
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    expect(tables).toEqual(PLAN_TABLES.map((name) => ({ name, strict: 1 })));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });

  it('makes every reference follow an id rename, and owned children go with their owner', () => {
    const db = dbAt(1);
    const fks = PLAN_TABLES.flatMap((t) =>
      (db.pragma(`foreign_key_list(${t})`) as { table: string; from: string; on_update: string; on_delete: string }[]).map((fk) => ({ t, ...fk })),
    );
    expect(fks.length).toBeGreaterThan(15);
    for (const fk of fks.filter((f) => f.t !== 'change_items')) expect(fk.on_update, `${fk.t}.${fk.from}`).toBe('CASCADE');
    const cascadeDelete = fks.filter((f) => f.on_delete === 'CASCADE').map((f) => `${f.t}.${f.from}`).sort();
    expect(cascadeDelete).toEqual([
      'change_items.change_id', 'funnel_payments.funnel_id', 'funnel_stages.funnel_id', 'phase_exit_criteria.phase_id',
      'scenario_stage_adjusts.scenario_id', 'segment_leads.segment_id',
    ]);
  });

  it('stores ranges as JSON that keeps numbers numbers and objects objects, and rejects anything else', () => {
    const file = openPlanFile(createPlanFile(join(tempDir(), 'r.salesplan'), smallPlan(), opts), opts);
    try {
      const rows = file.db.prepare("SELECT key, conversion, json_type(conversion) AS t FROM funnel_stages ORDER BY position").all();
      expect(rows).toEqual([
        { key: 'lead', conversion: '0.5', t: 'real' },
        { key: 'bid', conversion: '{"min":0.2,"mode":0.3,"max":0.5}', t: 'object' },
      ]);
      const bad = (v: string) => () => file.db.prepare('UPDATE funnels SET deal_size = ?').run(v);
      expect(bad('not json')).toThrow(/CHECK constraint/);
      expect(bad('"text"')).toThrow(/CHECK constraint/);
      expect(bad('[1, 2]')).toThrow(/CHECK constraint/);
      // STRICT: a text in an INTEGER column is refused, not silently stored.
      expect(() => file.db.prepare("UPDATE customers SET rel_key = 'high'").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    } finally {
      file.close();
    }
  });
});

