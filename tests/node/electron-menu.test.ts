// The native menu and its actions with fake dialogs, files and API: what the
// user would see (labels, message boxes) and what reaches the API.
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/result';
import type { RecentFile } from '../../shared/api/contract';
import { MAX_PLAN_BYTES } from '../../shared/plan/parse';
import { buildMenuTemplate, recentLabel, type MenuCommands } from '../../electron/main/menu';
import { createMenuCommands, MAX_LISTED_ISSUES, withExtension, type ShellDialogs } from '../../electron/main/menu-actions';
import { createShellText, MENU_CATALOGS } from '../../electron/main/menu-labels';
import { SHELL_EVENT_SCRIPTS, webContentsPageEvents } from '../../electron/main/page-events';
import { BACKUPS_OPEN_EVENT, DAMAGED_BACKUPS_EVENT, WORKSHOP_ENTER_EVENT, type ShellEvent } from '../../shared/api/shell-events';

// Tests never import 'electron' (lint forbids it: it would try to fetch the binary).
type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

const noop = async () => {};
const commands: MenuCommands = {
  newBlank: noop,
  newDemo: noop,
  open: noop,
  openRecent: noop,
  saveCopy: noop,
  importJson: noop,
  exportJson: noop,
  about: noop,
  undo: noop,
  redo: noop,
  workshop: noop,
  backups: noop,
};

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}
const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

const recent: RecentFile[] = [
  { path: '/home/li/plans/East & West.salesplan', name: 'East & West', openedAt: '2025-01-02T03:04:05Z', exists: true },
  { path: '/mnt/share/gone.salesplan', name: 'gone', openedAt: '2025-01-01T00:00:00Z', exists: false },
];

describe('menu template', () => {
  const state = { recent, hasPlan: true, isMac: false, isDev: false, homeDir: '/home/li' };

  it('has File, Edit, View and Help in Simplified Chinese for a Chinese locale', () => {
    const tpl = buildMenuTemplate({ ...state, text: createShellText('zh-CN') }, commands);
    expect(tpl.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(submenu(tpl[0]))).toEqual([
      '新建空白计划…',
      '从示例计划新建',
      '打开…',
      '最近的文件',
      '另存副本…',
      '备份…',
      '导入 JSON…',
      '导出 JSON…',
      '退出',
    ]);
  });

  it('lists recent files by path, escapes "&", and disables the ones that are gone', () => {
    const tpl = buildMenuTemplate({ ...state, text: createShellText('en') }, commands);
    const rec = submenu(submenu(tpl[0]).find((i) => i.label === 'Recent files'));
    expect(rec.map((i) => [i.label, i.enabled])).toEqual([
      ['~/plans/East && West.salesplan', true],
      ['/mnt/share/gone.salesplan', false],
    ]);
    const none = buildMenuTemplate({ ...state, recent: [], text: createShellText('en') }, commands);
    expect(submenu(submenu(none[0]).find((i) => i.label === 'Recent files'))).toEqual([
      { label: 'No recent files', enabled: false },
    ]);
  });

  it('disables plan actions with no plan open and offers reload/DevTools only in dev', () => {
    const en = createShellText('en');
    const prod = buildMenuTemplate({ ...state, hasPlan: false, text: en }, commands);
    const file = submenu(prod[0]);
    expect(file.find((i) => i.label === 'Save a copy…')?.enabled).toBe(false);
    expect(file.find((i) => i.label === 'Export JSON…')?.enabled).toBe(false);
    expect(submenu(prod[2]).map((i) => i.role)).not.toContain('toggleDevTools');
    const dev = buildMenuTemplate({ ...state, isDev: true, text: en }, commands);
    expect(submenu(dev[2]).map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('View ▸ Workshop mode on F5, in both languages, only with a plan open, runs the workshop command', async () => {
    let entered = 0;
    const withPlan = buildMenuTemplate({ ...state, text: createShellText('en') }, { ...commands, workshop: async () => void entered++ });
    const item = submenu(withPlan[2]).find((i) => i.label === 'Workshop mode')!;
    expect(item).toMatchObject({ accelerator: 'F5', enabled: true });
    (item.click as () => void)();
    expect(entered).toBe(1);
    const zh = buildMenuTemplate({ ...state, hasPlan: false, text: createShellText('zh-CN') }, commands);
    expect(submenu(zh[2]).find((i) => i.label === '研讨会模式')?.enabled).toBe(false);
  });

  it('File ▸ Backups…, in both languages, only with a plan open, runs the backups command', () => {
    let shown = 0;
    const withPlan = buildMenuTemplate({ ...state, text: createShellText('en') }, { ...commands, backups: async () => void shown++ });
    const item = submenu(withPlan[0]).find((i) => i.label === 'Backups…')!;
    expect(item.enabled).toBe(true);
    (item.click as () => void)();
    expect(shown).toBe(1);
    const zh = buildMenuTemplate({ ...state, hasPlan: false, text: createShellText('zh-CN') }, commands);
    expect(submenu(zh[0]).find((i) => i.label === '备份…')?.enabled).toBe(false);
  });

  it('on macOS starts with the application menu and closes the window from File', () => {
    const tpl = buildMenuTemplate({ ...state, isMac: true, text: createShellText('en') }, commands);
    expect(tpl[0]).toEqual({ role: 'appMenu' });
    expect(submenu(tpl[1]).at(-1)).toMatchObject({ role: 'close', label: 'Close Window' });
  });

  it('has every shell-only text in both languages', () => {
    const keys = Object.keys(MENU_CATALOGS.en).sort();
    expect(Object.keys(MENU_CATALOGS['zh-CN']).sort()).toEqual(keys);
    for (const k of keys) expect(MENU_CATALOGS['zh-CN'][k as keyof typeof MENU_CATALOGS.en]).not.toBe('');
  });

  it('recentLabel shortens only a real home-folder prefix', () => {
    expect(recentLabel('/home/lin/x.salesplan', '/home/li', true)).toBe('/home/lin/x.salesplan');
    expect(recentLabel('/home/li/x.salesplan', '/home/li/', true)).toBe('~/x.salesplan');
  });
});

// A scripted world for the actions: dialog answers, files on "disk", API answers.
function world(opts: {
  open?: string[];
  save?: string[];
  files?: Record<string, string>;
  sizes?: Record<string, number>;
  api?: Record<string, ApiResult<unknown>>;
  /** No window: nothing to ask the page. */
  noPage?: boolean;
}) {
  const calls: [string, unknown][] = [];
  const messages: { type: string; message: string; detail?: string }[] = [];
  const sent: ShellEvent[] = [];
  const saveDialogs: { title: string; defaultPath: string }[] = [];
  const written: Record<string, string> = {};
  const opens = [...(opts.open ?? [])];
  const saves = [...(opts.save ?? [])];
  const dialogs: ShellDialogs = {
    openFile: async () => opens.shift(),
    saveFile: async (o) => {
      saveDialogs.push({ title: o.title, defaultPath: o.defaultPath });
      return saves.shift();
    },
    message: async (m) => void messages.push(m),
  };
  const cmd = createMenuCommands({
    dispatch: async (method, arg) => {
      calls.push([method, arg]);
      return opts.api?.[method] ?? { ok: true, value: null };
    },
    dialogs,
    files: {
      size: async (p) => opts.sizes?.[p] ?? (opts.files?.[p] ?? '').length,
      readText: async (p) => {
        if (!(p in (opts.files ?? {}))) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
        return opts.files![p]!;
      },
      writeText: async (p, t) => void (written[p] = t),
    },
    text: createShellText('en'),
    documentsDir: '/home/li/Documents',
    page: opts.noPage ? undefined : { send: async (e) => void sent.push(e) },
  });
  return { cmd, calls, messages, saveDialogs, written, sent };
}

const current = { ok: true as const, value: { path: '/home/li/plans/East.salesplan', name: 'East', sizeBytes: 1, schemaVersion: 1 } };

describe('menu actions', () => {
  it('Import JSON: an invalid plan shows the first 20 issues with their JSON paths and a count of the rest', async () => {
    const issues = Array.from({ length: 25 }, (_, i) => ({ path: `customers[${i}].tier`, message: 'Invalid option' }));
    issues[0] = { path: '', message: 'formatVersion is missing' };
    const w = world({
      open: ['/home/li/in/bad.json'],
      save: ['/home/li/in/bad'],
      files: { '/home/li/in/bad.json': '{"formatVersion":1}' },
      api: { 'file.importJson': { ok: false, error: { code: 'invalid_plan', message: 'x', details: { issues } } } },
    });
    await w.cmd.importJson();
    expect(w.calls).toEqual([['file.importJson', { json: '{"formatVersion":1}', path: '/home/li/in/bad.salesplan' }]]);
    expect(w.saveDialogs[0]?.defaultPath).toBe('/home/li/in/bad.salesplan');
    expect(w.messages).toHaveLength(1);
    const box = w.messages[0]!;
    expect(box.type).toBe('error');
    expect(box.message).toBe('The JSON file “bad.json” was not imported; nothing was changed.');
    const lines = box.detail!.split('\n');
    expect(lines[0]).toBe('25 problems, each with the place in the file where it was found:');
    expect(lines[1]).toBe('(whole document): formatVersion is missing');
    expect(lines[MAX_LISTED_ISSUES]).toBe('customers[19].tier: Invalid option');
    expect(lines).toHaveLength(MAX_LISTED_ISSUES + 2);
    expect(lines.at(-1)).toBe('…and 5 more');
  });

  it('Import JSON: a file over the size limit is refused before it is read or sent', async () => {
    const w = world({ open: ['/big.json'], sizes: { '/big.json': MAX_PLAN_BYTES + 1 } });
    await w.cmd.importJson();
    expect(w.calls).toEqual([]);
    expect(w.messages[0]?.message).toMatch(/Could not read the file “big\.json”: The file is 51 MB; the limit is 50 MB\./);
  });

  it('Import JSON: an unreadable file is reported by name; cancelling changes nothing', async () => {
    const w = world({ open: ['/home/li/missing.json'] });
    await w.cmd.importJson();
    expect(w.messages[0]?.message).toContain('Could not read the file “missing.json”: ENOENT');
    const cancelled = world({});
    await cancelled.cmd.importJson();
    await cancelled.cmd.open();
    expect(cancelled.calls).toEqual([]);
    expect(cancelled.messages).toEqual([]);
  });

  it('New blank plan adds the extension the Linux save dialog leaves off and names the plan after the file', async () => {
    const w = world({ save: ['/home/li/plans/North 2026'], api: { 'file.current': current } });
    await w.cmd.newBlank();
    expect(w.saveDialogs[0]?.defaultPath).toBe('/home/li/plans/New plan.salesplan');
    expect(w.calls.at(-1)).toEqual(['file.new', { path: '/home/li/plans/North 2026.salesplan', name: 'North 2026' }]);
  });

  it('Save a copy proposes a copy name next to the open plan, never the plan itself', async () => {
    const w = world({ save: ['/home/li/plans/East (copy).salesplan'], api: { 'file.current': current } });
    await w.cmd.saveCopy();
    expect(w.saveDialogs[0]?.defaultPath).toBe('/home/li/plans/East (copy).salesplan');
    expect(w.calls.at(-1)).toEqual(['file.saveCopy', { path: '/home/li/plans/East (copy).salesplan' }]);
  });

  it('Export JSON writes what the API exported to the chosen file', async () => {
    const w = world({
      save: ['/home/li/out/east'],
      api: { 'file.current': current, 'file.exportJson': { ok: true, value: { fileName: 'East.json', json: '{"a":1}' } } },
    });
    await w.cmd.exportJson();
    expect(w.saveDialogs[0]?.defaultPath).toBe('/home/li/plans/East.json');
    expect(w.written).toEqual({ '/home/li/out/east.json': '{"a":1}' });
  });

  it('an API failure is shown with its message and code', async () => {
    const w = world({
      api: { 'file.new': { ok: false, error: { code: 'file_error', message: 'EACCES: permission denied' } } },
    });
    await w.cmd.newDemo();
    expect(w.calls).toEqual([['file.new', { demo: true, lang: 'en' }]]);
    expect(w.messages).toEqual([
      { type: 'error', message: 'Something went wrong', detail: 'EACCES: permission denied\nError code: file_error' },
    ]);
  });

  it('a throwing dialog is reported, not left as an unhandled rejection', async () => {
    const w = world({});
    const broken = createMenuCommands({
      dispatch: async () => ({ ok: true, value: null }),
      dialogs: {
        openFile: () => Promise.reject(new Error('portal crashed')),
        saveFile: async () => undefined,
        message: async (m) => void w.messages.push(m),
      },
      files: { size: async () => 0, readText: async () => '', writeText: async () => {} },
      text: createShellText('en'),
      documentsDir: '/',
    });
    await expect(broken.open()).resolves.toBeUndefined();
    expect(w.messages[0]?.detail).toContain('portal crashed');
  });

  it('Workshop mode and Backups ask the page, each with a constant script dispatching the page\'s event', async () => {
    const w = world({});
    await w.cmd.workshop();
    await w.cmd.backups();
    expect(w.sent).toEqual([WORKSHOP_ENTER_EVENT, BACKUPS_OPEN_EVENT]);
    expect(w.calls).toEqual([]);
    const scripts: string[] = [];
    const page = webContentsPageEvents(() => ({ isDestroyed: () => false, executeJavaScript: async (code: string) => void scripts.push(code) }));
    for (const event of [WORKSHOP_ENTER_EVENT, BACKUPS_OPEN_EVENT, DAMAGED_BACKUPS_EVENT] as const) {
      await page.send(event);
      // The script names exactly the event the page listens for (renderer/components/{WorkshopShortcuts,ShellBackups}.tsx).
      const seen: string[] = [];
      new Function('window', 'Event', scripts.at(-1)!)({ dispatchEvent: (e: { type: string }) => seen.push(e.type) }, class {
        constructor(readonly type: string) {}
      });
      expect(seen).toEqual([event]);
    }
    expect(scripts).toEqual(Object.values(SHELL_EVENT_SCRIPTS));
    // No window, or a page gone: nothing happens, nothing throws.
    await webContentsPageEvents(() => undefined).send(BACKUPS_OPEN_EVENT);
    await webContentsPageEvents(() => ({ isDestroyed: () => true, executeJavaScript: async () => scripts.push('x') })).send(BACKUPS_OPEN_EVENT);
    expect(scripts).toHaveLength(3);
  });

  it('Open of a damaged file with backups offers them in the page, not an error box; without backups or a page, the error is shown', async () => {
    const damaged = (backups: number): ApiResult<unknown> => ({ ok: false, error: { code: 'corrupt', message: 'The file is damaged', details: { backups } } });
    const w = world({ open: ['/home/li/plans/East.salesplan'], api: { 'file.open': damaged(3) } });
    await w.cmd.open();
    expect(w.calls).toEqual([['file.open', { path: '/home/li/plans/East.salesplan' }]]);
    expect(w.sent).toEqual([DAMAGED_BACKUPS_EVENT]);
    expect(w.messages).toEqual([]);

    const none = world({ api: { 'file.open': damaged(0) } });
    await none.cmd.openRecent('/home/li/plans/East.salesplan');
    expect(none.sent).toEqual([]);
    expect(none.messages).toEqual([{ type: 'error', message: 'Something went wrong', detail: 'The file is damaged\nError code: corrupt' }]);

    const noWindow = world({ api: { 'file.open': damaged(3) }, noPage: true });
    await noWindow.cmd.openRecent('/home/li/plans/East.salesplan');
    expect(noWindow.messages).toHaveLength(1);
  });

  it('withExtension keeps an existing extension in any case', () => {
    expect(withExtension('/a/b.SalesPlan', '.salesplan')).toBe('/a/b.SalesPlan');
    expect(withExtension('/a/b.json', '.salesplan')).toBe('/a/b.json.salesplan');
  });
});
