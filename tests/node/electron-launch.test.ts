import { join, posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronNativeBinding,
  langFromLocale,
  planDisplayName,
  planPathFromArgv,
  shellFolders,
  startupErrorText,
  windowTitle,
} from '../../electron/main/launch';
import { defaultDataDir } from '../../electron/services/app';

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

describe('planPathFromArgv with file URLs (Linux %U) and Windows paths', () => {
  it('takes a file: URL from a Linux file manager as the path it names, decoded', () => {
    expect(planPathFromArgv(['/opt/Sales Strategy Planner/sales-strategy-planner', 'file:///home/li/My%20Plans/East%20%2350%25.salesplan'], '/tmp', posix)).toBe(
      '/home/li/My Plans/East #50%.salesplan',
    );
    // Never resolved as a relative path against the working folder.
    expect(planPathFromArgv(['/opt/x/app', 'file:///home/li/east.salesplan'], '/home/li/Desktop', posix)).toBe('/home/li/east.salesplan');
    expect(planPathFromArgv(['/opt/x/app', 'FILE:///home/li/East.SALESPLAN'], '/', posix)).toBe('/home/li/East.SALESPLAN');
  });

  it('skips file: URLs that name no local plan', () => {
    expect(planPathFromArgv(['/opt/x/app', 'file://fileserver/share/east.salesplan'], '/', posix)).toBeUndefined();
    expect(planPathFromArgv(['/opt/x/app', 'file:///home/li/notes.txt'], '/', posix)).toBeUndefined();
    expect(planPathFromArgv(['/opt/x/app', 'file:///home/li/a%2Fb.salesplan'], '/', posix)).toBeUndefined();
  });

  it('follows Windows rules with path.win32: drive letters, UNC shares, backslashes, file URLs', () => {
    const exe = 'C:\\Program Files\\Sales Strategy Planner\\Sales Strategy Planner.exe';
    expect(planPathFromArgv([exe, 'c:\\Users\\li\\East.salesplan'], 'D:\\', win32)).toBe('c:\\Users\\li\\East.salesplan');
    expect(planPathFromArgv([exe, 'plans\\East.salesplan'], 'C:\\Users\\li', win32)).toBe('C:\\Users\\li\\plans\\East.salesplan');
    expect(planPathFromArgv([exe, '\\\\fileserver\\sales\\East.salesplan'], 'C:\\', win32)).toBe('\\\\fileserver\\sales\\East.salesplan');
    expect(planPathFromArgv([exe, 'file:///C:/Users/li/100%25%20East.salesplan'], 'D:\\', win32)).toBe('C:\\Users\\li\\100% East.salesplan');
    expect(planPathFromArgv([exe, 'file://fileserver/sales/East.salesplan'], 'C:\\', win32)).toBe('\\\\fileserver\\sales\\East.salesplan');
    // A drive-relative path is resolved on the working folder's drive, as Windows does.
    expect(planPathFromArgv([exe, '--flag', 'East.salesplan'], 'D:\\work', win32)).toBe('D:\\work\\East.salesplan');
  });
});

describe('shellFolders', () => {
  it('uses the folder name of the CLI and host, our data in its data/ subfolder, new plans in the documents', () => {
    const env = { XDG_CONFIG_HOME: '/home/li/.config' };
    const f = shellFolders(env, 'linux', '/home/li/Documents');
    expect(f.userData).toBe('/home/li/.config/sales-strategy-planner');
    expect(f.dataDir).toBe('/home/li/.config/sales-strategy-planner/data');
    // The CLI and the HTTP host read the same recent list and backups.
    expect(f.dataDir).toBe(defaultDataDir(env, 'linux'));
    expect(f.plansDir).toBe('/home/li/Documents/Sales Strategy Planner');
    const win = shellFolders({ APPDATA: 'C:/Users/li/AppData/Roaming' }, 'win32', 'C:/Users/li/Documents');
    expect(win.userData).toMatch(/Roaming.sales-strategy-planner$/);
    expect(win.dataDir).toMatch(/Roaming.sales-strategy-planner.data$/);
  });

  it('keeps everything inside SALESPLAN_HOME when it is set', () => {
    const f = shellFolders({ SALESPLAN_HOME: '/tmp/t1' }, 'linux', '/home/li/Documents');
    expect(f).toEqual({ userData: '/tmp/t1/electron', dataDir: '/tmp/t1', plansDir: '/tmp/t1/plans' });
  });
});

describe('startupErrorText', () => {
  it('names the missing Electron binding and the command that builds it', () => {
    const e = new Error('The module was compiled against a different Node.js version (NODE_MODULE_VERSION 115 vs 150)');
    const text = startupErrorText(e, undefined, 'x64');
    expect(text).toContain('native/electron-x64/better_sqlite3.node');
    expect(text).toContain('node scripts/electron-binding.mjs --arch x64');
    expect(text).toContain('NODE_MODULE_VERSION 115');
    // With a binding found, the error speaks for itself.
    expect(startupErrorText(new Error('disk full'), '/opt/x/native.node', 'x64')).not.toContain('electron-binding');
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
