// Migration 003: the undo/redo state of each recorded change. A file from
// schema version 2 is brought to version 3 with its recorded edits undoable.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlanFile, MIGRATIONS, openPlanFile } from '../../../electron/store';
import { commitEdits } from '../../../electron/services/edits/commit';
import { demoJson, startApp, tempDir } from '../store-helpers';

const plan = () => demoJson('en');

describe('migration 003 (undo state)', () => {
  it('migration 003 brings a version-2 file to version 3 with its recorded edits undoable', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.salesplan');
    const v2 = MIGRATIONS.filter((m) => m.version <= 2);
    const opts = { appVersion: 'old', migrations: v2 };
    createPlanFile(path, plan(), opts);
    const old = openPlanFile(path, opts);
    const c = plan().customers[1]!;
    commitEdits(old, [{ kind: 'customers', op: 'update', id: c.id, value: { ...c, potential: 7 } }], { actor: 'old-app', method: 'customers.update' });
    expect(old.db.prepare("SELECT count(*) FROM pragma_table_info('changes') WHERE name IN ('undone', 'undo_of')").pluck().get()).toBe(0);
    old.close();

    const t = startApp({ dataDir: dir, openPath: path });
    expect((await t.call('file.current', {}))?.schemaVersion).toBeGreaterThanOrEqual(3);
    expect((await t.call('history.list', {})).entries[0]).toMatchObject({ actor: 'old-app', type: 'edit', undone: false, undoOf: null });
    await t.call('history.undo', {});
    expect((await t.call('plan.get', {})).plan.customers[1]).toEqual(c);
  });
});
