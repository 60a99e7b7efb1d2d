// The file paths the browser page may name through the HTTP host: only inside
// the data folder, only .salesplan when written, never replacing what is not
// a plan of ours, and one answer for every path outside (no probing the disk).
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256, startApp, tempDir } from './store-helpers';

function browserApp() {
  const t = startApp();
  const api = t.app.forCaller('browser');
  return {
    ...t,
    call: async (method: string, arg: unknown) => {
      const res = await api.dispatch(method, arg);
      if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
      return res.value as { path: string };
    },
    fail: async (method: string, arg: unknown) => {
      const res = await api.dispatch(method, arg);
      if (res.ok) throw new Error(`${method} should have failed`);
      return res.error;
    },
  };
}

describe('paths from the browser page', () => {
  it('opening outside the data folder gets one answer whether or not the file exists', async () => {
    const t = browserApp();
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.salesplan'), 'not a plan');
    const existing = await t.fail('file.open', { path: join(outside, 'secret.salesplan') });
    const missing = await t.fail('file.open', { path: join(outside, 'nothing-here.salesplan') });
    expect(existing).toMatchObject({ code: 'unauthorized', details: { reason: 'outside-data-folder' } });
    expect(missing).toEqual(existing);
    expect(await t.fail('file.open', { path: '../../../etc/passwd' })).toEqual(existing);
  });

  it('a save-copy may not replace a file that is not a plan, nor leave the folder, nor drop the extension', async () => {
    const t = browserApp();
    const notes = join(t.dataDir, 'plans', 'notes.salesplan');
    mkdirSync(join(t.dataDir, 'plans'), { recursive: true });
    writeFileSync(notes, 'my notes, not a plan');
    const before = sha256(notes);
    expect(await t.fail('file.saveCopy', { path: notes })).toMatchObject({ code: 'file_error', details: { reason: 'not-a-plan' } });
    expect(sha256(notes)).toBe(before);
    expect(await t.fail('file.saveCopy', { path: join(t.dataDir, 'recent.json') })).toMatchObject({ details: { reason: 'extension' } });
    const victim = join(tempDir(), 'victim.salesplan');
    writeFileSync(victim, 'text');
    expect(await t.fail('file.saveCopy', { path: victim })).toMatchObject({ code: 'unauthorized' });
    expect(readFileSync(victim, 'utf8')).toBe('text');
    expect(await t.fail('file.saveCopy', { path: join(t.dataDir, 'backups', 'x.salesplan') })).toMatchObject({ code: 'unauthorized' });
  });

  it('a symbolic link inside the data folder that points outside is refused', async () => {
    const t = browserApp();
    const outside = tempDir();
    mkdirSync(join(t.dataDir, 'plans'), { recursive: true });
    symlinkSync(outside, join(t.dataDir, 'plans', 'escape'));
    expect(await t.fail('file.saveCopy', { path: join(t.dataDir, 'plans', 'escape', 'x.salesplan') })).toMatchObject({ code: 'unauthorized' });
  });

  it('a relative name is a file in the plans folder; a copy there can replace an older copy and be opened', async () => {
    const t = browserApp();
    const first = await t.call('file.saveCopy', { path: 'copy.salesplan' });
    expect(first.path).toBe(join(t.dataDir, 'plans', 'copy.salesplan'));
    await t.call('file.saveCopy', { path: 'copy.salesplan' });
    expect((await t.call('file.open', { path: 'copy.salesplan' })).path).toBe(first.path);
  });

  it('a recent file outside the folder (opened from the command line) may be reopened', async () => {
    const outside = tempDir();
    const seed = startApp();
    const plan = join(outside, 'team.salesplan');
    await seed.call('file.saveCopy', { path: plan });
    const t = startApp({ dataDir: tempDir(), openPath: plan });
    await t.call('file.new', { demo: true });
    const res = await t.app.forCaller('browser').dispatch('file.open', { path: plan });
    expect(res).toMatchObject({ ok: true, value: { path: plan } });
  });
});
