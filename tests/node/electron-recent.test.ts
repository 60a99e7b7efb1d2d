// The recent-files list (electron/services/recent.ts): the same file once,
// by each platform's rules, and existence checks that cannot hang the menu.
// Real recent.json files in a temp folder; the platform is a parameter, so
// Windows and macOS rules run here too.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupe, existsWithin, MAX_RECENT, readRecent, readStored, rememberRecent, samePath } from '../../electron/services/recent';
import { tempDir } from './store-helpers';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));

describe('the same file, per platform', () => {
  it('Windows ignores case and separator style', () => {
    expect(samePath('C:\\Plans\\East.salesplan', 'c:/plans/EAST.SALESPLAN', 'win32')).toBe(true);
    expect(samePath('\\\\server\\Sales\\East.salesplan', '\\\\SERVER\\sales\\east.salesplan', 'win32')).toBe(true);
    expect(samePath('C:\\Plans\\East.salesplan', 'D:\\Plans\\East.salesplan', 'win32')).toBe(false);
  });

  it('macOS ignores case and Unicode composition', () => {
    expect(samePath('/Users/li/Plans/East.salesplan', '/users/li/plans/east.salesplan', 'darwin')).toBe(true);
    expect(samePath('/Users/li/Caf\u00e9.salesplan', '/Users/li/Cafe\u0301.salesplan', 'darwin')).toBe(true);
  });

  it('Linux compares exactly', () => {
    expect(samePath('/home/li/East.salesplan', '/home/li/east.salesplan', 'linux')).toBe(false);
    expect(samePath('/home/li/./East.salesplan', '/home/li/East.salesplan', 'linux')).toBe(true);
  });

  it('keeps the most recent spelling when de-duplicating', () => {
    const list = [{ path: 'C:\\Plans\\East.salesplan' }, { path: 'c:\\plans\\east.salesplan' }, { path: 'C:\\Plans\\West.salesplan' }];
    expect(dedupe(list, 'win32').map((e) => e.path)).toEqual(['C:\\Plans\\East.salesplan', 'C:\\Plans\\West.salesplan']);
    expect(dedupe(list, 'linux')).toHaveLength(3);
  });
});

describe('remembering a file', () => {
  it('moves a file opened again under another letter case to the top on Windows and macOS, not on Linux', () => {
    for (const [platform, expected] of [
      ['darwin', 2],
      ['win32', 2],
      ['linux', 3],
    ] as const) {
      const dir = tempDir('recent-');
      rememberRecent(dir, '/plans/East.salesplan', at(1), platform);
      rememberRecent(dir, '/plans/West.salesplan', at(2), platform);
      rememberRecent(dir, '/plans/EAST.salesplan', at(3), platform);
      const stored = readStored(dir, platform);
      expect(stored.map((e) => e.path), platform).toHaveLength(expected);
      expect(stored[0]!.path).toBe('/plans/EAST.salesplan');
    }
  });

  it('keeps at most ten, newest first, and treats a damaged list as empty', () => {
    const dir = tempDir('recent-');
    for (let i = 0; i < MAX_RECENT + 3; i++) rememberRecent(dir, `/plans/p${i}.salesplan`, at(i), 'linux');
    const stored = readStored(dir, 'linux');
    expect(stored).toHaveLength(MAX_RECENT);
    expect(stored[0]!.path).toBe(`/plans/p${MAX_RECENT + 2}.salesplan`);
    writeFileSync(join(dir, 'recent.json'), '{ not json');
    expect(readStored(dir, 'linux')).toEqual([]);
  });

  it('reads an older list with duplicates once per file', () => {
    const dir = tempDir('recent-');
    const e = (path: string, m: number) => ({ path, openedAt: at(m).toISOString() });
    writeFileSync(join(dir, 'recent.json'), JSON.stringify([e('C:\\A.salesplan', 3), e('c:\\a.salesplan', 2), e('C:\\B.salesplan', 1)]));
    expect(readStored(dir, 'win32').map((x) => x.path)).toEqual(['C:\\A.salesplan', 'C:\\B.salesplan']);
  });
});

describe('existence checks', () => {
  it('ask about every file at once and give up on one that does not answer in time', async () => {
    const dir = tempDir('recent-');
    rememberRecent(dir, '/share/offline.salesplan', at(1), 'linux');
    rememberRecent(dir, '/home/li/gone.salesplan', at(2), 'linux');
    rememberRecent(dir, '/home/li/here.salesplan', at(3), 'linux');
    const asked: string[] = [];
    const exists = (path: string) => {
      asked.push(path);
      if (path.startsWith('/share/')) return new Promise<boolean>(() => {}); // a hung network share
      return Promise.resolve(path.endsWith('here.salesplan'));
    };
    const started = Date.now();
    const list = await readRecent(dir, { platform: 'linux', timeoutMs: 50, exists });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(asked).toHaveLength(3);
    expect(list.map((r) => [r.name, r.exists])).toEqual([
      ['here', true],
      ['gone', false],
      ['offline', false],
    ]);
  });

  it('use the real file system by default', async () => {
    const dir = tempDir('recent-');
    const real = join(dir, 'real.salesplan');
    writeFileSync(real, 'x');
    rememberRecent(dir, join(dir, 'missing.salesplan'), at(1));
    rememberRecent(dir, real, at(2));
    expect((await readRecent(dir)).map((r) => r.exists)).toEqual([true, false]);
    expect(await existsWithin(real, 1000)).toBe(true);
    expect(await existsWithin(real, 1000, () => Promise.reject(new Error('EACCES')))).toBe(false);
  });
});
