// The real main-process wiring (electron/main/index.ts) around the real
// PlannerApp, with only the 'electron' module faked: start-up, the window
// title, the IPC channel and its sender check, event forwarding, a second
// launch handing over its file, the File menu, and shutdown.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import type { ApiResult } from '../../shared/api/result';
import { appPaths } from '../../electron/main/window';
import { createPlanFile } from '../../electron/store';

type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => {
  const state = {
    appHandlers: new Map<string, Listener[]>(),
    ipcHandlers: new Map<string, Listener>(),
    windows: [] as FakeWindow[],
    sent: [] as [string, unknown][],
    recentDocs: [] as string[],
    menus: [] as unknown[],
    messages: [] as unknown[],
    ready: undefined as undefined | (() => void),
    quit: 0,
    schemes: [] as string[],
    setPaths: [] as [string, string][],
    privileged: [] as unknown[],
  };
  class FakeWindow {
    title: string;
    destroyed = false;
    handlers = new Map<string, Listener>();
    webContents = {
      mainFrame: { url: '', parent: null } as { url: string; parent: null },
      on: () => {},
      setWindowOpenHandler: () => {},
      getURL: () => this.webContents.mainFrame.url,
      isDestroyed: () => this.destroyed,
      send: (channel: string, e: unknown) => void state.sent.push([channel, e]),
    };
    constructor(opts: { title: string }) {
      this.title = opts.title;
      state.windows.push(this);
    }
    static getAllWindows() {
      return state.windows.filter((w) => !w.destroyed);
    }
    on(name: string, fn: Listener) {
      this.handlers.set(name, fn);
      return this;
    }
    once(name: string, fn: Listener) {
      return this.on(name, fn);
    }
    loadURL(url: string) {
      // What Chromium would report for the loaded page.
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    setTitle(t: string) {
      this.title = t;
    }
    setRepresentedFilename() {}
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
  }
  const ready = new Promise<void>((resolve) => (state.ready = resolve));
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    enableSandbox: () => {},
    on: (name: string, fn: Listener) => {
      state.appHandlers.set(name, [...(state.appHandlers.get(name) ?? []), fn]);
    },
    whenReady: () => ready,
    getLocale: () => 'zh-CN',
    getPath: (name: string) => `/nonexistent/${name}`,
    setPath: (name: string, value: string) => void state.setPaths.push([name, value]),
    getName: () => 'Sales Strategy Planner',
    addRecentDocument: (p: string) => void state.recentDocs.push(p),
    quit: () => void state.quit++,
    exit: (code: number) => {
      throw new Error(`app.exit(${code})`);
    },
  };
  const session = {
    defaultSession: {
      protocol: { handle: (scheme: string) => void state.schemes.push(scheme) },
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
      setDevicePermissionHandler: () => {},
      webRequest: { onBeforeRequest: () => {}, onHeadersReceived: () => {} },
    },
  };
  return {
    state,
    module: {
      app,
      session,
      protocol: { registerSchemesAsPrivileged: (s: unknown[]) => void state.privileged.push(...s) },
      BrowserWindow: FakeWindow,
      ipcMain: {
        handle: (channel: string, fn: Listener) => void state.ipcHandlers.set(channel, fn),
        removeHandler: (channel: string) => void state.ipcHandlers.delete(channel),
      },
      Menu: {
        buildFromTemplate: (t: unknown) => t,
        setApplicationMenu: (m: unknown) => void state.menus.push(m),
      },
      dialog: {
        showMessageBox: async (...args: unknown[]) => void state.messages.push(args.at(-1)),
        showErrorBox: (...args: unknown[]) => {
          console.error('showErrorBox', ...args); // a start-up failure: show why
          state.messages.push(args);
        },
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showSaveDialog: async () => ({ canceled: true }),
      },
    },
  };
});
vi.mock('electron', () => fake.module);

const root = fileURLToPath(new URL('../..', import.meta.url));
const APP_URL = appPaths(root).indexUrl;
let home: string;
const { state } = fake;

async function invoke(method: string, arg: unknown, frameUrl = APP_URL): Promise<ApiResult<unknown>> {
  const handler = state.ipcHandlers.get(IPC_CHANNEL)!;
  const top = { url: frameUrl, parent: null };
  return (await handler({ senderFrame: top, sender: { mainFrame: top } }, method, arg)) as ApiResult<unknown>;
}
async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}
type MenuItem = { label?: string; submenu?: MenuItem[] };
const lastMenu = () => state.menus.at(-1) as MenuItem[];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'shell-wiring-'));
  vi.stubEnv('SALESPLAN_HOME', home);
  // Electron always sets it; here no Electron-ABI binding is found there, as in dev.
  Object.assign(process, { resourcesPath: join(home, 'resources') });
  await import('../../electron/main/index');
  state.ready!();
  await until(() => state.menus.length > 0);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(home, { recursive: true, force: true });
});

describe('Electron main wiring', () => {
  it('starts on a Chinese demo copy in SALESPLAN_HOME and titles the window with its name', async () => {
    const res = await invoke('plan.get', {});
    expect(res.ok).toBe(true);
    const snap = (res as { value: { file: { path: string; name: string } } }).value;
    expect(snap.file.path.startsWith(home)).toBe(true);
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]!.title).toBe(`${snap.file.name} — 销售战略规划`);
    expect(state.recentDocs).toEqual([snap.file.path]);
    // Chromium's files stay inside the test's folder too; the demo copy is in its plans/.
    expect(state.setPaths).toEqual([['userData', join(home, 'electron')]]);
    expect(snap.file.path.startsWith(join(home, 'plans'))).toBe(true);
    expect(lastMenu().map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('serves the renderer from app://planner: the scheme is privileged before ready and handled after', () => {
    expect(state.privileged).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(state.schemes).toEqual(['app']);
    expect(state.windows[0]!.webContents.getURL()).toBe('app://planner/index.html');
  });

  it('refuses IPC from a page that is not the app', async () => {
    for (const url of ['file:///home/li/Downloads/evil.html', `file://${root}out/renderer/index.html`, 'app://evil/index.html']) {
      expect(await invoke('plan.get', {}, url)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('a second launch with a plan on its command line opens it, retitles the window and tells the renderer', async () => {
    const copy = join(home, 'Copy of demo.salesplan');
    // The page names no files (paths come from the main process's dialogs), so the copy is made here.
    expect(await invoke('file.saveCopy', { path: copy })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    createPlanFile(copy, JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/demo.zh-CN.plan.json'), 'utf8')), { appVersion: 'test' });
    state.sent.length = 0;
    for (const fn of state.appHandlers.get('second-instance') ?? [])
      fn({}, ['/opt/planner/planner', '--some-switch', 'Copy of demo.salesplan'], home);
    await until(() => state.windows[0]!.title.startsWith('Copy of demo — '));
    const current = await invoke('file.current', {});
    expect(current).toMatchObject({ ok: true, value: { path: copy } });
    expect(state.sent).toContainEqual([IPC_EVENT_CHANNEL, { type: 'file-opened', path: copy }]);
    expect(state.recentDocs.at(-1)).toBe(copy);
    // The File ▸ Recent files submenu is rebuilt (after the files' asynchronous existence checks) and lists the new file first.
    const firstRecent = () => lastMenu()[0]!.submenu!.find((i) => i.label === '最近的文件')!.submenu![0]!.label ?? '';
    await until(() => firstRecent().includes('Copy of demo.salesplan'));
  });

  it('a file that cannot be opened is reported and the current plan stays open', async () => {
    const before = state.messages.length;
    for (const fn of state.appHandlers.get('second-instance') ?? []) fn({}, ['/x', join(home, 'missing.salesplan')], home);
    await until(() => state.messages.length > before);
    expect(await invoke('file.current', {})).toMatchObject({ ok: true, value: { name: 'Copy of demo' } });
  });

  it('edits reach the renderer as plan-changed events', async () => {
    state.sent.length = 0;
    const res = await invoke('plan.updateSettings', { patch: { name: 'Renamed in a test' } });
    expect(res.ok).toBe(true);
    expect(state.sent.some(([channel, e]) => channel === IPC_EVENT_CHANNEL && (e as { type: string }).type === 'plan-changed')).toBe(true);
  });

  it('closes the plan file on quit', async () => {
    for (const fn of state.appHandlers.get('will-quit') ?? []) fn();
    // The planner is gone: a late IPC call cannot reach a closed database.
    const res = await invoke('plan.get', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'no_plan_open' } });
  });
});
