// The first plan.load started before the bundle runs (renderer/public/early-load.js)
// and handed to the window's first plan.load by the transport (renderer/api/early-load.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect } from '../../renderer/api/connect';
import { EARLY_PLAN_LOAD_KEY } from '../../renderer/api/early-load';
import { TOKEN_HEADER } from '../../renderer/api/http';
import { TOKEN_STORAGE_KEY } from '../../renderer/api/token';
import { ApiError, type ApiResult } from '../../shared/api/result';

const EARLY_SCRIPT = readFileSync(resolve(import.meta.dirname, '../../renderer/public/early-load.js'), 'utf8');

interface Sent {
  url: string;
  init: RequestInit;
}

/** A page's window as far as the scripts look: address, storage, history, fetch, maybe the Electron bridge. */
function fakeWindow(href: string, opts: { stored?: string; reply?: () => Response; bridge?: { invoke: (m: string, a: unknown) => Promise<ApiResult<unknown>> } } = {}) {
  const storage = new Map<string, string>(opts.stored ? [[TOKEN_STORAGE_KEY, opts.stored]] : []);
  const sent: Sent[] = [];
  const location = { href };
  const win: Record<string, unknown> = {
    location,
    history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => (location.href = new URL(url, location.href).href) },
    sessionStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => storage.set(k, v),
    },
    fetch: async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return (opts.reply ?? (() => new Response(JSON.stringify({ ok: true, value: { early: true } }))))();
    },
  };
  if (opts.bridge) win.planner = { invoke: opts.bridge.invoke, on: () => () => {} };
  return { win, sent };
}

/** Runs the early script as the page would: a classic script whose global object is the window. */
function runEarlyScript(win: Record<string, unknown>): void {
  win.window = win;
  runInNewContext(EARLY_SCRIPT, Object.assign(win, { URL }));
}

afterEach(() => vi.unstubAllGlobals());

describe('the early plan.load script', () => {
  it('POSTs plan.load with the token from the address, as the transport would', async () => {
    const { win, sent } = fakeWindow('http://127.0.0.1:9/?token=tok1#/customers');
    runEarlyScript(win);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('/api/plan.load');
    expect(sent[0]!.init.method).toBe('POST');
    expect((sent[0]!.init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok1');
    expect(sent[0]!.init.body).toBe('{}');
    expect(win[EARLY_PLAN_LOAD_KEY]).toMatchObject({ kind: 'http', token: 'tok1' });
  });

  it('takes the token the tab stored after a reload, and sends nothing without one', () => {
    const reloaded = fakeWindow('http://127.0.0.1:9/#/customers', { stored: 'tok2' });
    runEarlyScript(reloaded.win);
    expect((reloaded.sent[0]!.init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok2');

    const none = fakeWindow('http://127.0.0.1:9/');
    runEarlyScript(none.win);
    expect(none.sent).toHaveLength(0);
    expect(none.win[EARLY_PLAN_LOAD_KEY]).toBeUndefined();
  });

  it('under Electron asks the preload bridge and sends no HTTP request', () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }) as ApiResult<unknown>);
    const { win, sent } = fakeWindow('app://planner/index.html', { bridge: { invoke } });
    runEarlyScript(win);
    expect(invoke).toHaveBeenCalledWith('plan.load', {});
    expect(sent).toHaveLength(0);
  });
});

describe('the transport takes the early answer', () => {
  it('for the first plan.load only: later loads, and other calls, go to the host', async () => {
    const { win, sent } = fakeWindow('http://127.0.0.1:9/?token=tok1');
    runEarlyScript(win);
    vi.stubGlobal('fetch', win.fetch);
    const conn = connect(win as unknown as Window);
    if (!conn.ok) throw new Error('no connection');
    expect(await conn.client.invoke('plan.load', {})).toEqual({ early: true });
    expect(sent).toHaveLength(1); // the early request, nothing more
    expect(win[EARLY_PLAN_LOAD_KEY]).toBeUndefined();
    await conn.client.invoke('plan.load', {});
    await conn.client.invoke('plan.get', {});
    expect(sent.map((s) => s.url)).toEqual(['/api/plan.load', '/api/plan.load', '/api/plan.get']);
  });

  it('not for a first plan.load that asks something else (since): that one is sent, and the early answer dropped', async () => {
    const { win, sent } = fakeWindow('http://127.0.0.1:9/?token=tok1');
    runEarlyScript(win);
    vi.stubGlobal('fetch', win.fetch);
    const conn = connect(win as unknown as Window);
    if (!conn.ok) throw new Error('no connection');
    await conn.client.invoke('plan.load', { since: { path: '/p.salesplan', revision: 3 } });
    await conn.client.invoke('plan.load', {});
    expect(sent.map((s) => JSON.parse(s.init.body as string))).toEqual([{}, { since: { path: '/p.salesplan', revision: 3 } }, {}]);
  });

  it('a refusal or a failure of the early request surfaces as the same error a call would give', async () => {
    const refusal = { ok: false, error: { code: 'too_large', message: 'Too many customers', details: { what: 'customers', count: 9, limit: 8 } } };
    const refused = fakeWindow('http://127.0.0.1:9/?token=t', { reply: () => new Response(JSON.stringify(refusal)) });
    runEarlyScript(refused.win);
    const conn = connect(refused.win as unknown as Window);
    if (!conn.ok) throw new Error('no connection');
    const error = await conn.client.invoke('plan.load', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'too_large', details: { what: 'customers', count: 9, limit: 8 } });

    const proxy = fakeWindow('http://127.0.0.1:9/?token=t', { reply: () => new Response('<html>bad gateway</html>', { status: 502 }) });
    runEarlyScript(proxy.win);
    const viaProxy = connect(proxy.win as unknown as Window);
    if (!viaProxy.ok) throw new Error('no connection');
    await expect(viaProxy.client.invoke('plan.load', {})).rejects.toMatchObject({ code: 'internal', details: { kind: 'bad-response', status: 502 } });
  });

  it('under Electron, from the bridge, once', async () => {
    const invoke = vi.fn(async (method: string) => ({ ok: true, value: method }) as ApiResult<unknown>);
    const { win } = fakeWindow('app://planner/index.html', { bridge: { invoke } });
    runEarlyScript(win);
    const conn = connect(win as unknown as Window);
    if (!conn.ok) throw new Error('no connection');
    await conn.client.invoke('plan.load', {});
    expect(invoke).toHaveBeenCalledTimes(1);
    await conn.client.invoke('plan.load', {});
    expect(invoke).toHaveBeenCalledTimes(2);
  });
});
