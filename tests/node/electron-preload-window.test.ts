// The preload and the window factory against a fake 'electron' module: what
// the page can reach, and which security settings every window gets.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const exposed: Record<string, unknown> = {};
  const rendererListeners = new Map<string, Set<Listener>>();
  const invoked: unknown[][] = [];
  const windows: FakeWindow[] = [];
  class Emitter {
    handlers = new Map<string, Listener[]>();
    on(name: string, fn: Listener) {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Listener) {
      return this.on(name, fn);
    }
    /** Fires `name` with a fresh event object; true when a handler called preventDefault. */
    emitPreventable(name: string, ...args: unknown[]) {
      let prevented = false;
      const event = { preventDefault: () => (prevented = true), ...(args[0] as object) };
      for (const fn of this.handlers.get(name) ?? []) fn(event, ...args.slice(1));
      return prevented;
    }
  }
  class FakeWebContents extends Emitter {
    openHandler?: (d: unknown) => unknown;
    setWindowOpenHandler(fn: (d: unknown) => unknown) {
      this.openHandler = fn;
    }
  }
  class FakeWindow extends Emitter {
    webContents = new FakeWebContents();
    loaded?: string;
    constructor(public options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {}
  }
  const privileged: unknown[] = [];
  return {
    exposed,
    rendererListeners,
    invoked,
    windows,
    privileged,
    module: {
      protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => void privileged.push(...schemes) },
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: 'answer' });
        },
        on: (channel: string, fn: Listener) => {
          if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
          rendererListeners.get(channel)!.add(fn);
        },
        removeListener: (channel: string, fn: Listener) => void rendererListeners.get(channel)?.delete(fn),
      },
      BrowserWindow: FakeWindow,
      app: { on: () => {} },
    },
  };
});
vi.mock('electron', () => fake.module);

describe('preload bridge', () => {
  beforeEach(async () => {
    vi.resetModules();
    await import('../../electron/preload/index');
  });

  it('exposes exactly invoke and on under the bridge key', () => {
    expect(Object.keys(fake.exposed)).toEqual([BRIDGE_KEY]);
    expect(Object.keys(fake.exposed[BRIDGE_KEY] as object).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke sends the method and argument on the one API channel', async () => {
    const bridge = fake.exposed[BRIDGE_KEY] as { invoke(m: unknown, a: unknown): Promise<unknown> };
    fake.invoked.length = 0;
    await expect(bridge.invoke('customers.update', { id: 'c1' })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(fake.invoked).toEqual([[IPC_CHANNEL, 'customers.update', { id: 'c1' }]]);
    await expect(bridge.invoke(42, {})).resolves.toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(fake.invoked).toHaveLength(1);
  });

  it('on delivers only the event payload, never the IPC event, and unsubscribes', () => {
    const bridge = fake.exposed[BRIDGE_KEY] as { on(fn: (e: unknown) => void): () => void };
    const got: unknown[][] = [];
    const off = bridge.on((...args) => got.push(args));
    const relays = [...(fake.rendererListeners.get(IPC_EVENT_CHANNEL) ?? [])];
    const ipcEvent = { sender: fake.module.ipcRenderer };
    for (const relay of relays) relay(ipcEvent, { type: 'file-opened', path: '/p.salesplan' });
    expect(got).toEqual([[{ type: 'file-opened', path: '/p.salesplan' }]]);
    off();
    expect(fake.rendererListeners.get(IPC_EVENT_CHANNEL)?.size).toBe(relays.length - 1);
    expect(() => bridge.on('not a function' as never)).toThrow(TypeError);
  });
});

describe('window factory', () => {
  it('creates a sandboxed, isolated window that loads the app page from app://, not file://', async () => {
    const { createMainWindow, appPaths } = await import('../../electron/main/window');
    createMainWindow({ appRoot: '/opt/planner/resources/app.asar', title: 'East — Sales Strategy Planner' });
    const win = fake.windows.at(-1)!;
    expect(win.options.webPreferences).toMatchObject({
      preload: '/opt/planner/resources/app.asar/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      allowRunningInsecureContent: false,
    });
    expect(win.loaded).toBe('app://planner/index.html');
    expect(appPaths('/opt/planner/resources/app.asar').rendererDir).toBe('/opt/planner/resources/app.asar/out/renderer');
  });

  it('denies popups, webviews and navigation away from the app page', async () => {
    const { createMainWindow, appPaths } = await import('../../electron/main/window');
    createMainWindow({ appRoot: '/opt/planner', title: 't' });
    const wc = fake.windows.at(-1)!.webContents;
    const app = appPaths('/opt/planner').indexUrl;
    expect(wc.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(wc.emitPreventable('will-attach-webview', {})).toBe(true);
    expect(wc.emitPreventable('will-navigate', {}, 'https://example.com/phish')).toBe(true);
    expect(wc.emitPreventable('will-navigate', {}, 'file:///home/li/Downloads/x.html')).toBe(true);
    expect(wc.emitPreventable('will-redirect', {}, 'http://127.0.0.1/')).toBe(true);
    expect(wc.emitPreventable('will-frame-navigate', { url: 'about:blank' })).toBe(true);
    expect(wc.emitPreventable('will-navigate', {}, 'file:///opt/planner/out/renderer/index.html')).toBe(true);
    expect(wc.emitPreventable('will-navigate', {}, 'app://elsewhere/index.html')).toBe(true);
    expect(wc.emitPreventable('will-navigate', {}, `${app}#/customers`)).toBe(false);
    // The page's <title> must not replace the plan name in the title bar.
    expect(fake.windows.at(-1)!.emitPreventable('page-title-updated', {})).toBe(true);
  });
});

describe('session hardening', () => {
  it('registers app:// as a standard, secure scheme, serves it from the renderer folder and filters requests', async () => {
    const { registerAppScheme, hardenSession } = await import('../../electron/main/window');
    registerAppScheme();
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);

    const dir = mkdtempSync(join(tmpdir(), 'renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    let handler: ((r: { url: string; method: string }) => Promise<Response>) | undefined;
    let filter: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const answers: unknown[] = [];
    const ses = {
      protocol: { handle: (scheme: string, fn: typeof handler) => scheme === 'app' && (handler = fn) },
      setPermissionRequestHandler: (fn: (wc: unknown, p: string, cb: (ok: boolean) => void) => void) =>
        fn({}, 'media', (ok) => answers.push(ok)),
      setPermissionCheckHandler: (fn: () => boolean) => answers.push(fn()),
      setDevicePermissionHandler: (fn: () => boolean) => answers.push(fn()),
      webRequest: { onBeforeRequest: (fn: typeof filter) => (filter = fn), onHeadersReceived: () => {} },
    };
    hardenSession(ses as never, dir);
    expect(answers).toEqual([false, false, false]);

    const page = await handler!({ url: 'app://planner/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>app</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      filter!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled('app://planner/assets/index.js')).toBe(false);
    expect(cancelled('file:///opt/planner/out/renderer/index.html')).toBe(true);
    expect(cancelled('https://example.com/x.js')).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
