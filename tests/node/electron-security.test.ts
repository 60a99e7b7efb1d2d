// The Electron shell's security decisions, run in Node with realistic URLs
// and fake Electron objects (the Electron binary is not needed).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import type { ApiEvent } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import { checkSender, forwardEvents, registerApiHandler } from '../../electron/main/ipc';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  rendererRootUrl,
  withCsp,
} from '../../electron/main/security';

// The page is app://planner/index.html on every machine, wherever the app is installed.
const APP = 'app://planner/index.html';
const ROOT = rendererRootUrl(APP);
// Where the old file:// page would have been, on Linux and on Windows (how Chromium spells it).
const FILE_APP = pathToFileURL('/opt/Sales Strategy Planner/resources/app.asar/out/renderer/index.html').href;
const WIN_FILE_APP = 'file:///C:/Program%20Files/Sales%20Strategy%20Planner/resources/app.asar/out/renderer/index.html';

describe('isTrustedSender', () => {
  it('accepts the top frame of the app page, with or without a route in the hash', () => {
    expect(ROOT).toBe('app://planner/');
    expect(isTrustedSender(APP, true)).toBe(true);
    expect(isTrustedSender(`${APP}#/customers?tier=S`, true, APP)).toBe(true);
    expect(isTrustedSender(`${APP}?lang=zh-CN`, true, APP)).toBe(true);
  });

  it('refuses a subframe even when it shows the app page', () => {
    expect(isTrustedSender(APP, false, APP)).toBe(false);
  });

  it('refuses every file: page, the old app page included, whatever the drive-letter case or encoding', () => {
    expect(isTrustedSender(FILE_APP, true, APP)).toBe(false);
    expect(isTrustedSender(WIN_FILE_APP, true, APP)).toBe(false);
    expect(isTrustedSender(WIN_FILE_APP.replace('C:', 'c:'), true, APP)).toBe(false);
    expect(isTrustedSender('file:///home/li/Downloads/plan-viewer.html', true, APP)).toBe(false);
  });

  it('refuses other pages of the app origin and paths that climb', () => {
    expect(isTrustedSender('app://planner/evil.html', true, APP)).toBe(false);
    expect(isTrustedSender('app://planner/index.html.html', true, APP)).toBe(false);
    expect(isTrustedSender('app://planner/assets/index.html', true, APP)).toBe(false);
    // `..` is resolved before comparing: climbing out and back in names index.html again, which is the app.
    expect(isTrustedSender('app://planner/assets/../index.html', true, APP)).toBe(true);
    expect(isTrustedSender('app://planner/../../etc/index.html', true, APP)).toBe(false);
  });

  it('refuses another host of the scheme and other schemes', () => {
    expect(isTrustedSender('app://evil/index.html', true, APP)).toBe(false);
    expect(isTrustedSender('app://planner.evil/index.html', true, APP)).toBe(false);
    expect(isTrustedSender('apps://planner/index.html', true, APP)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5173/index.html', true, APP)).toBe(false);
    expect(isTrustedSender('https://planner/index.html', true, APP)).toBe(false);
    expect(isTrustedSender('about:blank', true, APP)).toBe(false);
    expect(isTrustedSender('devtools://devtools/bundled/devtools_app.html', true, APP)).toBe(false);
    expect(isTrustedSender('', true, APP)).toBe(false);
    expect(isTrustedSender('not a url', true, APP)).toBe(false);
  });

  it('never trusts anything when the app URL itself is not on the app scheme', () => {
    expect(isAppUrl('http://localhost/', 'http://localhost/')).toBe(false);
    expect(isAppUrl(FILE_APP, FILE_APP)).toBe(false);
  });
});

describe('network filter', () => {
  it('lets the renderer load its own origin and no file from disk', () => {
    expect(isAllowedRequest(APP, ROOT)).toBe(true);
    expect(isAllowedRequest('app://planner/assets/index-3f9a.js', ROOT)).toBe(true);
    expect(isAllowedRequest('app://other/assets/index-3f9a.js', ROOT)).toBe(false);
    expect(isAllowedRequest(FILE_APP, ROOT)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', ROOT)).toBe(false);
    expect(isAllowedRequest('file:///home/li/plans/east.salesplan', ROOT)).toBe(false);
  });

  it('blocks remote content and allows DevTools and inline data', () => {
    expect(isAllowedRequest('https://cdn.example.com/echarts.js', ROOT)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/api/plan.get', ROOT)).toBe(false);
    expect(isAllowedRequest('ws://127.0.0.1:8080/', ROOT)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', ROOT)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', ROOT)).toBe(true);
  });
});

describe('withCsp', () => {
  it('replaces any policy of an app response with ours and keeps other headers', () => {
    const out = withCsp(APP, { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  });

  it('matches the meta policy of renderer/index.html (which cannot carry frame-ancestors)', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const directives = (policy: string) => policy.split(';').map((d) => d.trim()).filter(Boolean).sort();
    expect(meta, 'renderer/index.html has no CSP meta tag').toBeDefined();
    expect(directives(meta!)).toEqual(directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors')));
  });

  it('leaves DevTools responses alone', () => {
    const headers = { 'Content-Security-Policy': ["object-src 'none'"] };
    expect(withCsp('devtools://devtools/bundled/x.html', headers)).toEqual(headers);
  });
});

// Fake Electron objects: a frame tree and an ipcMain that records the handler.
function frame(url: string, parent: object | null = null) {
  return { url, parent } as never;
}
function invokeEvent(senderFrame: unknown, mainFrame: unknown) {
  return { senderFrame, sender: { mainFrame } } as never;
}
function fakeIpc() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<ApiResult<unknown>>>();
  return {
    handlers,
    handle: (channel: string, fn: never) => void handlers.set(channel, fn),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

describe('IPC binding', () => {
  const top = frame(APP);

  it('checkSender refuses a destroyed frame and a subframe of the app window', () => {
    expect(checkSender(invokeEvent(top, top), APP)).toBe(true);
    expect(checkSender(invokeEvent(null, top), APP)).toBe(false);
    const sub = frame(APP, top);
    expect(checkSender(invokeEvent(sub, top), APP)).toBe(false);
  });

  it('dispatches trusted calls and answers untrusted ones with an envelope, without dispatching', async () => {
    const ipc = fakeIpc();
    const calls: [string, unknown][] = [];
    const planner = {
      dispatch: async (method: string, arg: unknown): Promise<ApiResult<unknown>> => {
        calls.push([method, arg]);
        return { ok: true, value: { method } };
      },
    };
    const unbind = registerApiHandler(ipc as never, planner, APP);
    const handler = ipc.handlers.get(IPC_CHANNEL)!;
    expect(handler).toBeTypeOf('function');

    expect(await handler(invokeEvent(top, top), 'plan.get', {})).toEqual({ ok: true, value: { method: 'plan.get' } });
    const fromWeb = await handler(invokeEvent(frame('https://example.com/'), top), 'file.open', { path: '/etc' });
    expect(fromWeb).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const notString = await handler(invokeEvent(top, top), { toString: () => 'plan.get' }, {});
    expect(notString).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(calls).toEqual([['plan.get', {}]]);

    // Even the app's own page names no files: paths come only from the main process's dialogs.
    for (const [method, arg] of [
      ['file.open', { path: '/home/user/.ssh/id_rsa' }],
      ['file.saveCopy', { path: '/home/user/notes.txt' }],
      ['file.new', { path: '/tmp/x.salesplan' }],
      ['file.importJson', { json: '{}', path: '/tmp/x.salesplan' }],
    ] as const) {
      expect(await handler(invokeEvent(top, top), method, arg)).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', details: { reason: 'path-from-renderer' } },
      });
    }
    expect(await handler(invokeEvent(top, top), 'file.new', { demo: true })).toMatchObject({ ok: true });
    expect(calls).toEqual([['plan.get', {}], ['file.new', { demo: true }]]);

    unbind();
    expect(ipc.handlers.has(IPC_CHANNEL)).toBe(false);
  });

  it('forwards planner events to app windows only, and stops when unsubscribed', () => {
    let listener: ((e: ApiEvent) => void) | undefined;
    const planner = {
      subscribe: (fn: (e: ApiEvent) => void) => {
        listener = fn;
        return () => (listener = undefined);
      },
    };
    const sent: [string, string, unknown][] = [];
    const target = (url: string, destroyed = false) => ({
      getURL: () => url,
      isDestroyed: () => destroyed,
      send: (channel: string, e: unknown) => void sent.push([url, channel, e]),
    });
    const windows = [target(APP), target('about:blank'), target(APP, true)];
    const stop = forwardEvents(planner, () => windows, APP);
    const event: ApiEvent = { type: 'plan-changed', revision: 7, path: '/home/li/east.salesplan' };
    listener!(event);
    expect(sent).toEqual([[APP, IPC_EVENT_CHANNEL, event]]);
    stop();
    expect(listener).toBeUndefined();
  });
});
