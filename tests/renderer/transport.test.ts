import { describe, expect, it } from 'vitest';
import { createHttpTransport, TOKEN_HEADER } from '../../renderer/api/http';
import { takeToken, TOKEN_STORAGE_KEY } from '../../renderer/api/token';

describe('HTTP transport', () => {
  it('POSTs JSON with the token header and returns the envelope as is', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const transport = createHttpTransport('tok123', (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ ok: false, error: { code: 'not_found', message: 'no such customer' } }));
    }) as typeof fetch);
    const res = await transport('customers.delete', { id: 'c1' });
    expect(res).toEqual({ ok: false, error: { code: 'not_found', message: 'no such customer' } });
    expect(seen[0]!.url).toBe('/api/customers.delete');
    expect(seen[0]!.init.method).toBe('POST');
    expect((seen[0]!.init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok123');
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ id: 'c1' });
  });

  it('turns a network failure or a non-envelope answer into an error result', async () => {
    const down = createHttpTransport('t', (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    expect(await down('plan.get', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', details: { kind: 'unreachable', cause: 'Failed to fetch' } },
    });
    const proxy = createHttpTransport('t', (async () => new Response('<html>bad gateway</html>', { status: 502 })) as typeof fetch);
    expect(await proxy('plan.get', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', details: { kind: 'bad-response', status: 502 } },
    });
  });
});

describe('takeToken', () => {
  function fakeWindow(href: string) {
    const storage = new Map<string, string>();
    const state = { href };
    return {
      location: { get href() { return state.href; } } as Location,
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url: string) => (state.href = new URL(url, state.href).href),
      } as unknown as History,
      storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) } as Storage,
      state,
    };
  }

  it('moves the token from the address bar into session storage', () => {
    const w = fakeWindow('http://127.0.0.1:4000/?token=abc&x=1#/customers');
    expect(takeToken(w.location, w.history, w.storage)).toBe('abc');
    expect(w.state.href).toBe('http://127.0.0.1:4000/?x=1#/customers');
    expect(w.storage.getItem(TOKEN_STORAGE_KEY)).toBe('abc');
    // A reload finds it in session storage.
    expect(takeToken(w.location, w.history, w.storage)).toBe('abc');
  });

  it('has no token to give when the page was opened without one', () => {
    const w = fakeWindow('http://127.0.0.1:4000/');
    expect(takeToken(w.location, w.history, w.storage)).toBeNull();
  });
});

describe('Electron bridge transport', () => {
  it('sends plain data that survives structured clone, even when the argument holds MobX observables', async () => {
    const { observable } = await import('mobx');
    const { connect } = await import('../../renderer/api/connect');
    const phase = observable({ id: 'p1', name: 'Entry', exitCriteria: ['3 S-tier customers engaged'] });
    expect(() => structuredClone({ value: { ...phase } })).toThrow(); // what IPC would do without the fix
    const sent: unknown[] = [];
    const bridge = {
      invoke: async (_method: string, arg: unknown) => {
        sent.push(structuredClone(arg)); // Electron's IPC clones like this
        return { ok: true as const, value: null };
      },
      on: () => () => {},
    };
    const conn = connect({ planner: bridge } as unknown as Window);
    if (!conn.ok) throw new Error('expected the bridge transport');
    expect(conn.kind).toBe('bridge');
    await conn.client.invoke('phases.update', { id: 'p1', value: { ...phase } as never });
    expect(sent).toEqual([{ id: 'p1', value: { id: 'p1', name: 'Entry', exitCriteria: ['3 S-tier customers engaged'] } }]);
  });
});
