// Migration 003: the undo/redo state of each recorded change. A file from
// schema version 2 is brought to version 3 with its recorded edits undoable.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordChange } from '../../../electron/store';
import { setMeta } from '../../../electron/store/meta';
import { asV1, createLegacyFile } from './legacy-plan';
import { demoJson, startApp, tempDir } from '../store-helpers';

const plan = () => demoJson('en');

describe('migration 003 (undo state)', () => {
  it('migration 003 brings a version-2 file to version 3 with its recorded edits undoable', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.salesplan');
    const c = asV1(plan()).customers[1]!;
    // The file as a version-2 build left it after one edit (its own SQL: today's store writes the newest schema).
    createLegacyFile(path, asV1(plan()), 2, (db) => {
      db.prepare('UPDATE customers SET potential = 7 WHERE id = ?').run(c.id);
      recordChange(db, {
        revision: 1, at: '2027-01-02T00:00:00.000Z', actor: 'old-app', method: 'customers.update', summary: `Changed customer "${c.name}"`,
        items: [{ kind: 'customers', op: 'update', entityId: c.id, prevId: null, before: c, after: { ...c, potential: 7 } }],
      });
      setMeta(db, 'revision', 1);
      expect(db.prepare("SELECT count(*) FROM pragma_table_info('changes') WHERE name IN ('undone', 'undo_of')").pluck().get()).toBe(0);
    });

    const t = startApp({ dataDir: dir, openPath: path });
    expect((await t.call('file.current', {}))?.schemaVersion).toBeGreaterThanOrEqual(3);
    expect((await t.call('history.list', {})).entries[0]).toMatchObject({ actor: 'old-app', type: 'edit', undone: false, undoOf: null });
    await t.call('history.undo', {});
    expect((await t.call('plan.get', {})).plan.customers[1]).toEqual(c);
  });
});
