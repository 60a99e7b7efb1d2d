import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronNativeBinding,
  langFromLocale,
  planDisplayName,
  planPathFromArgv,
  windowTitle,
} from '../../electron/main/launch';

describe('planPathFromArgv', () => {
  it('finds the plan of a packaged launch and of a dev launch, resolving relative paths', () => {
    expect(planPathFromArgv(['/opt/planner/sales-strategy-planner', '/home/li/east.salesplan'], '/tmp')).toBe(
      '/home/li/east.salesplan',
    );
    expect(planPathFromArgv(['/usr/bin/electron', '.', 'plans/East Region.SALESPLAN'], '/home/li')).toBe(
      '/home/li/plans/East Region.SALESPLAN',
    );
  });

  it('skips Chromium switches, macOS process serials and non-plan arguments', () => {
    const argv = [
      'C:/Program Files/Planner/planner.exe',
      '--allow-file-access-from-files',
      '-psn_0_12345',
      '--original-process-start-time=13380000000000000',
      'notes.txt',
      '/home/li/b.salesplan',
    ];
    expect(planPathFromArgv(argv, '/')).toBe('/home/li/b.salesplan');
    expect(planPathFromArgv(['/opt/planner/app', '--inspect'], '/')).toBeUndefined();
    // argv[0] itself never counts, even if someone named the executable oddly.
    expect(planPathFromArgv(['/opt/x.salesplan'], '/')).toBeUndefined();
  });
});

describe('langFromLocale', () => {
  it('gives Simplified Chinese to any Chinese locale and English otherwise', () => {
    expect(langFromLocale('zh-CN')).toBe('zh-CN');
    expect(langFromLocale('zh-TW')).toBe('zh-CN');
    expect(langFromLocale('zh')).toBe('zh-CN');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('de')).toBe('en');
    expect(langFromLocale('')).toBe('en');
  });
});

describe('electronNativeBinding', () => {
  const env = (present: string[]) => ({
    resourcesPath: '/opt/planner/resources',
    appRoot: '/home/dev/planner',
    arch: 'x64',
    exists: (p: string) => present.includes(p),
  });
  const shipped = join('/opt/planner/resources', 'native', 'electron-x64', 'better_sqlite3.node');
  const local = join('/home/dev/planner', 'native', 'electron-x64', 'better_sqlite3.node');

  it('prefers the build shipped in resources, then a local dev build', () => {
    expect(electronNativeBinding(env([shipped, local]))).toBe(shipped);
    expect(electronNativeBinding(env([local]))).toBe(local);
  });

  it('falls back to the default lookup when no Electron build exists', () => {
    expect(electronNativeBinding(env([]))).toBeUndefined();
    // Another architecture's build is never picked.
    expect(electronNativeBinding(env([shipped.replace('x64', 'arm64')]))).toBeUndefined();
  });
});

describe('window title', () => {
  it('shows the plan name without its extension, then the app name', () => {
    expect(planDisplayName('/home/li/East Region.salesplan')).toBe('East Region');
    expect(planDisplayName('/home/li/old.SalesPlan')).toBe('old');
    expect(planDisplayName('/home/li/readme.txt')).toBe('readme.txt');
    expect(windowTitle('/home/li/East Region.salesplan', '销售战略规划')).toBe('East Region — 销售战略规划');
    expect(windowTitle(null, 'Sales Strategy Planner')).toBe('Sales Strategy Planner');
  });
});
