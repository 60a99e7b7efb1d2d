// Rolling backups: taken by the app in its data folder (never beside the
// file) with SQLite's backup API, verified, the last ten kept; restored from
// the API (the open plan, or a file that failed to open as damaged) and from
// the CLI (`backups FILE`, `restore FILE --from N`).
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backupFolder, listBackups, openPlanFile, takeBackup } from '../../electron/store';
import { cliWithEnv } from './cli-helpers';
import { appWithPlan, sha256, smallPlan, startApp, tempDir } from './store-helpers';

/** Overwrites a page in the middle of the file with noise, as a failing disk would. */
function damage(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
  } finally {
    closeSync(fd);
  }
}

describe('automatic backups', () => {
  it('the app backs a plan up when it opens it, into its data folder, and the backup is a sound plan', async () => {
    const t = await appWithPlan();
    await t.app.backupsIdle();
    const list = await t.call('backups.list', {});
    expect(list.path).toBe(t.path);
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]).toMatchObject({ n: 1, kind: 'auto' });
    const [entry] = listBackups(join(t.dataDir, 'backups'), t.path);
    expect(dirname(entry!.path)).toBe(backupFolder(join(t.dataDir, 'backups'), t.path));
    expect(readdirSync(dirname(t.path)).filter((n) => n.includes('backup'))).toEqual(['backups']);
    const db = new Database(entry!.path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(smallPlan().customers.length);
    db.close();
  });

  it(`keeps the last ${BACKUPS_KEPT}`, async () => {
    const dir = tempDir();
    const t = await appWithPlan();
    await t.app.backupsIdle();
    const file = openPlanFile(await t.call('file.saveCopy', { path: join(dir, 'x.salesplan') }).then((f) => f.path), { appVersion: 't' });
    try {
      for (let i = 0; i < BACKUPS_KEPT + 3; i++) await takeBackup(file.db, join(dir, 'backups'), file.path, {});
    } finally {
      file.close();
    }
    const list = listBackups(join(dir, 'backups'), file.path);
    expect(list).toHaveLength(BACKUPS_KEPT);
    expect(list.map((b) => b.n)).toEqual(Array.from({ length: BACKUPS_KEPT }, (_, i) => i + 1));
    expect(list[0]!.takenAt > list[BACKUPS_KEPT - 1]!.takenAt).toBe(true);
  });
});

describe('restoring', () => {
  it('restores the open plan from a backup; the replaced file is kept as a backup too', async () => {
    const t = await appWithPlan();
    await t.app.backupsIdle();
    const before = (await t.call('plan.get', {})).plan;
    const edited = await t.call('plan.updateSettings', { patch: { name: 'Edited after the backup' } });
    const file = await t.call('backups.restore', { n: 1 });
    expect(file.path).toBe(t.path);
    const now = await t.call('plan.get', {});
    expect(now.plan.plan.name).toBe(before.plan.name);
    // The revision goes on from the replaced file's, so views take the restored plan as newer.
    expect(now.revision).toBeGreaterThan(edited.revision);
    const list = await t.call('backups.list', {});
    expect(list.backups.map((b) => b.kind)).toContain('before-restore');
  });

  it('a damaged file at open offers the newest backup, which restores it', async () => {
    const dataDir = tempDir();
    const first = startApp({ dataDir });
    const path = join(dataDir, 'team.salesplan');
    await first.call('file.importJson', { json: JSON.stringify(smallPlan()), path });
    await first.app.backupsIdle();
    first.app.close();
    damage(path);
    const damagedHash = sha256(path);

    const t = startApp({ dataDir: tempDir() });
    const t2 = startApp({ dataDir });
    const err = await t2.fail('file.open', { path });
    expect(err.code).toBe('corrupt');
    expect(err.details).toMatchObject({ backups: 1, newestBackup: expect.any(String) });
    expect(err.message).toContain('can be restored');
    expect(sha256(path)).toBe(damagedHash);
    const list = await t2.call('backups.list', { of: 'damaged' });
    expect(list).toMatchObject({ path, backups: [{ n: 1, kind: 'auto' }] });
    const restored = await t2.call('backups.restore', { of: 'damaged', n: 1 });
    expect(restored.path).toBe(path);
    expect((await t2.call('plan.get', {})).plan.customers).toHaveLength(smallPlan().customers.length);
    // Another app's data folder knows nothing of it.
    expect((await t.call('backups.list', { of: 'damaged' })).backups).toEqual([]);
  });

  it('the CLI lists and restores backups from the app data folder, and refuses while the app has the file open', async () => {
    const t = await appWithPlan();
    await t.app.backupsIdle();
    const env = { SALESPLAN_HOME: t.dataDir };
    const cwd = dirname(t.path);
    const listed = await cliWithEnv(cwd, env, 'backups', t.path);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/ {2}1 {2}\d{4}-\d\d-\d\dT.*auto/);

    // Hashed by another process: reading the file here would drop this process's SQLite lock (POSIX locks end at any close).
    const hashOutside = () => execFileSync('sha256sum', [t.path], { encoding: 'utf8' }).split(' ')[0];
    const hash = hashOutside();
    const locked = await cliWithEnv(cwd, env, 'restore', t.path, '--from', '1');
    expect(locked.code, locked.stdout + locked.stderr).not.toBe(0);
    expect(locked.stderr).toContain('open in another window or program');
    expect(hashOutside()).toBe(hash);

    await t.call('plan.updateSettings', { patch: { name: 'Changed' } });
    t.app.close();
    const restored = await cliWithEnv(cwd, env, 'restore', t.path, '--from', '1');
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('restored');
    const again = startApp({ dataDir: tempDir(), openPath: t.path });
    expect((await again.call('plan.get', {})).plan.plan.name).toBe(smallPlan().plan.name);
    expect(existsSync(`${t.path}-journal`)).toBe(false);

    const usage = await cliWithEnv(cwd, env, 'restore', t.path);
    expect(usage.code).toBe(2);
  });
});

describe('opening an unchanged plan again', () => {
  it('takes no new backup, so repeated opens do not push older backups out', async () => {
    const dataDir = tempDir();
    const path = join(dataDir, 'same.salesplan');
    const first = startApp({ dataDir });
    await first.call('file.importJson', { json: JSON.stringify(smallPlan()), path });
    await first.app.backupsIdle();
    first.app.close();
    for (let i = 0; i < 3; i++) {
      const again = startApp({ dataDir, openPath: path });
      await again.app.backupsIdle();
      again.app.close();
    }
    expect(listBackups(join(dataDir, 'backups'), path)).toHaveLength(1);
    // An edit changes the file; the first edit after an open is backed up.
    const editor = startApp({ dataDir, openPath: path });
    await editor.call('plan.updateSettings', { patch: { name: 'Changed' } });
    await editor.app.backupsIdle();
    editor.app.close();
    const last = startApp({ dataDir, openPath: path });
    await last.app.backupsIdle();
    expect(listBackups(join(dataDir, 'backups'), path)).toHaveLength(2);
  });
});
