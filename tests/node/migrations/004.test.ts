// Migration 004 (plan format v2): a file of schema version 3, built by the
// migrations 001–003 and filled by an old build's SQL, opened by this build:
// a verified backup first, then the plan comes back as v2 with every value
// kept, cycleDays read as salesCycleDays, and the goal statuses and person
// limits an old build kept in the meta table moved into the plan. A file of
// version 4 opened by the previous reader (001–003) is refused as newer and
// left byte for byte as it was.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/result';
import type { Plan } from '../../../shared/plan/types';
import { validatePlan } from '../../../shared/plan/parse';
import { createPlanFile, openPlanFile, readPlan } from '../../../electron/store';
import { sha256, smallPlan, tempDir } from '../store-helpers';
import { asV1, createLegacyFile, type LegacyPlan } from './legacy-plan';
import { upTo } from '../schema-helpers';

/** The old build's plan: a cycleDays target, an extra person and goal, and app-only values in meta. */
function oldPlan(): LegacyPlan {
  const p = asV1(smallPlan());
  p.people.push({ id: 'li', name: 'Li Na', role: 'other' }, { id: 'he', name: 'He Bo', role: 'FR' });
  p.goals.push({ id: 'g2', phaseId: 'p2', customerId: null, title: 'Reference site', metric: 'custom', target: 1, due: '2027-12', ownerId: null });
  p.targets.push({ id: 't2', phaseId: 'p2', metric: 'cycleDays', value: 45, ownerId: null });
  return p;
}

const META: [string, string | number][] = [
  ['team.customerLimit:wang', 3],
  ['team.customerLimit:zhao', 20000], // above the v2 bound: becomes 10,000
  ['team.customerLimit:li', -2], // never valid: dropped
  ['team.customerLimit:he', 'many'], // never valid: dropped
  ['team.customerLimit:gone', 4], // a deleted person: dropped
  ['goal.status:g1', 'achieved'],
  ['goal.status:g2', 'done'], // not a status: the default applies
  ['goal.status:g9', 'missed'], // a deleted goal: dropped
];

function schema3File(dir: string): string {
  const path = join(dir, 'old.salesplan');
  createLegacyFile(path, oldPlan(), 3, (db) => {
    for (const [key, value] of META) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
  });
  return path;
}

describe('migration 004 (plan format v2)', () => {
  it('backs the file up first, then brings every value of a version-3 file into v2', () => {
    const dir = tempDir();
    const path = schema3File(dir);
    const original = readFileSync(path);
    const file = openPlanFile(path, { appVersion: 'new', backupDir: join(dir, 'backups') });
    try {
      expect(file.info().schemaVersion).toBe(4);
      // The backup is the version-3 file exactly as it was.
      expect(file.backupPath).toMatch(/old\.schema-v3\./);
      expect(readFileSync(file.backupPath!).equals(original)).toBe(true);

      const expected: Plan = { ...smallPlan(), decisions: [] };
      expected.people = [
        { id: 'wang', name: 'Wang Li', role: 'AR', customerLimit: 3 },
        { id: 'zhao', name: 'Zhao Min', role: 'SR', customerLimit: 10000 },
        { id: 'li', name: 'Li Na', role: 'other' },
        { id: 'he', name: 'He Bo', role: 'FR' },
      ];
      expected.goals = [
        { ...expected.goals[0]!, status: 'achieved' },
        { id: 'g2', phaseId: 'p2', customerId: null, title: 'Reference site', metric: 'custom', target: 1, due: '2027-12', ownerId: null, status: 'notStarted' },
      ];
      expected.targets = [...expected.targets, { id: 't2', phaseId: 'p2', metric: 'salesCycleDays', value: 45, ownerId: null }];
      const plan = readPlan(file.db);
      expect(plan).toStrictEqual(expected);
      // What the migration produced is a valid v2 document.
      expect(validatePlan(plan)).toEqual({ ok: true, plan, fromVersion: 2 });

      const leftover = file.db.prepare("SELECT key FROM meta WHERE key LIKE 'team.%' OR key LIKE 'goal.%'").pluck().all();
      expect(leftover).toEqual([]);
      expect(file.db.pragma('foreign_key_check')).toEqual([]);
      expect(file.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(file.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      file.close();
    }
  });

  it('keeps the rebuilt tables referenced: a person and a target stay protected from deletion by their references', () => {
    const dir = tempDir();
    const file = openPlanFile(schema3File(dir), { appVersion: 'new', backupDir: join(dir, 'backups') });
    try {
      // wang owns customer c1 and goal g1: the foreign keys of customers and goals still point at the new people table.
      expect(() => file.db.prepare("DELETE FROM people WHERE id = 'wang'").run()).toThrow(/FOREIGN KEY/);
      file.db.prepare("UPDATE people SET id = 'wang2' WHERE id = 'wang'").run();
      expect(file.db.prepare("SELECT owner_ar FROM customers WHERE id = 'c1'").pluck().get()).toBe('wang2');
      expect(() => file.db.prepare("UPDATE people SET role = 'boss' WHERE id = 'li'").run()).toThrow(/CHECK/);
      file.db.prepare("UPDATE people SET role = 'platform' WHERE id = 'li'").run();
      expect(() => file.db.prepare("UPDATE targets SET metric = 'cycleDays' WHERE id = 't2'").run()).toThrow(/CHECK/);
      expect(() => file.db.prepare("UPDATE targets SET funnel_id = 'nope' WHERE id = 't2'").run()).toThrow(/FOREIGN KEY/);
    } finally {
      file.close();
    }
  });

  it('a version-4 file opened by the previous reader (schema 3) is refused as newer, byte for byte untouched', () => {
    const dir = tempDir();
    const path = createPlanFile(join(dir, 'new.salesplan'), smallPlan(), { appVersion: 'new' });
    expect(new Database(path, { readonly: true }).pragma('user_version', { simple: true })).toBe(4);
    const hash = sha256(path);
    const entries = readdirSync(dir).sort();
    let error: unknown;
    try {
      openPlanFile(path, { appVersion: 'old', migrations: upTo(3) }).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'newer_version', details: { fileVersion: 4, appVersion: 3 } });
    expect((error as ApiError).message).toContain('newer version of the app');
    expect(sha256(path)).toBe(hash);
    expect(readdirSync(dir).sort()).toEqual(entries);
  });
});
