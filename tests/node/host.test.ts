// The HTTP host's security layer and static serving, against a recording app
// built on the real dispatcher (so argument validation is the contract's),
// plus the real PlannerApp for events after an edit (host-app.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type ApiEvent, type Handlers } from '../../shared/api';
import { startHost, type Host, type HostedApp } from '../../electron/host/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/host/security';
import { api, raw, readEvents } from './host-helpers';

let dir: string;
let rendererDir: string;
let host: Host;
const calls: { method: string; arg: unknown }[] = [];
const listeners = new Set<(e: ApiEvent) => void>();

// Every handler answers with the method name and the parsed argument.
const handlers = new Proxy({} as Handlers<null>, {
  get: (_t, method: string) => (arg: unknown) => {
    calls.push({ method, arg });
    return { method, arg };
  },
});
const dispatch = createDispatcher(handlers);
const app: HostedApp = {
  dispatch: (method, arg) => dispatch(method, arg, null),
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'host-test-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>planner</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(rendererDir, '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  host = await startHost({ app, port: 0, rendererDir, maxBodyBytes: 1024 * 1024 });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  calls.length = 0;
});

describe('startHost', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a 64-hex-digit token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('makes a new token for every launch', async () => {
    const other = await startHost({ app, rendererDir });
    try {
      expect(other.token).not.toBe(host.token);
      expect(other.port).not.toBe(host.port);
    } finally {
      await other.close();
    }
  });
});

describe('API guard', () => {
  it('dispatches a call with the right token', async () => {
    const { status, result } = await api(host.port, host.token, 'file.open', { path: '/tmp/a.salesplan' });
    expect(status).toBe(200);
    expect(result).toEqual({ ok: true, value: { method: 'file.open', arg: { path: '/tmp/a.salesplan' } } });
  });

  it('refuses a missing or wrong token with 403 unauthorized, before any handler runs', async () => {
    const missing = await raw(host.port, '/api/plan.get', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body).error.code).toBe('unauthorized');
    const wrong = await api(host.port, host.token.replace(/.$/, (c) => (c === '0' ? '1' : '0')), 'plan.get');
    expect(wrong.status).toBe(403);
    expect(wrong.result.error.code).toBe('unauthorized');
    expect(calls).toEqual([]);
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    for (const hostHeader of [`evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`]) {
      const res = await raw(host.port, '/api/plan.get', {
        method: 'POST',
        headers: { host: hostHeader, 'content-type': 'application/json', 'x-planner-token': host.token },
        body: '{}',
      });
      expect(res.status, hostHeader).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('unauthorized');
    }
    const page = await raw(host.port, '/', { headers: { host: `evil.example:${host.port}` } });
    expect(page.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('accepts localhost:PORT as Host with the matching Origin', async () => {
    const res = await raw(host.port, '/api/app.info', {
      method: 'POST',
      headers: {
        host: `localhost:${host.port}`,
        origin: `http://localhost:${host.port}`,
        'content-type': 'application/json',
        'x-planner-token': host.token,
      },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).ok).toBe(true);
  });

  it('refuses a foreign Origin, and null, even with the token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`, 'null']) {
      const res = await raw(host.port, '/api/plan.get', {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json', 'x-planner-token': host.token },
        body: '{}',
      });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('unauthorized');
    }
    expect(calls).toEqual([]);
  });

  it('refuses a request the browser labels cross-site (Sec-Fetch-Site), even with the token and no Origin', async () => {
    for (const path of ['/api/plan.get', '/', '/index.html']) {
      const res = await raw(host.port, path, {
        method: path.startsWith('/api/') ? 'POST' : 'GET',
        headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json', 'x-planner-token': host.token },
        body: path.startsWith('/api/') ? '{}' : undefined,
      });
      expect(res.status, path).toBe(403);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'unauthorized', message: 'Refused: cross-site request' });
    }
    // Same-origin and user-typed (none) requests pass.
    for (const site of ['same-origin', 'none']) {
      const res = await raw(host.port, '/api/plan.get', {
        method: 'POST',
        headers: { 'sec-fetch-site': site, 'content-type': 'application/json', 'x-planner-token': host.token },
        body: '{}',
      });
      expect(res.status, site).toBe(200);
    }
    expect(calls.map((c) => c.method)).toEqual(['plan.get', 'plan.get']);
  });

  it('answers a wrongly shaped argument with invalid_argument naming the field', async () => {
    const { status, result } = await api(host.port, host.token, 'file.open', { path: 42 });
    expect(status).toBe(200);
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid_argument');
    expect(result.error.details.issues[0].path).toBe('path');
    const extra = await api(host.port, host.token, 'plan.get', { surprise: true });
    expect(extra.result.error.code).toBe('invalid_argument');
    expect(calls).toEqual([]);
  });

  it('answers an unknown method and a malformed body with a clear error', async () => {
    expect((await api(host.port, host.token, 'plan.dropTables')).result.error.code).toBe('unknown_method');
    const bad = await raw(host.port, '/api/plan.get', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-planner-token': host.token },
      body: '{"oops":',
    });
    const body = JSON.parse(bad.body);
    expect(body.error.code).toBe('invalid_argument');
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it('requires POST with a JSON content type (no simple cross-site form posts)', async () => {
    const get = await raw(host.port, '/api/plan.get', { headers: { 'x-planner-token': host.token } });
    expect(get.status).toBe(405);
    const form = await raw(host.port, '/api/plan.get', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-planner-token': host.token },
      body: '{}',
    });
    expect(form.status).toBe(415);
    expect(calls).toEqual([]);
  });

  it('refuses a body over the limit with 413', async () => {
    const big = JSON.stringify({ json: 'x'.repeat(1024 * 1024 + 10) });
    const res = await raw(host.port, '/api/file.importJson', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-planner-token': host.token },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/larger than 1 MB/);
    expect(calls).toEqual([]);
  });

  it('marks API answers as not cacheable and not sniffable', async () => {
    const res = await raw(host.port, '/api/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-planner-token': host.token },
      body: '{}',
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('static files', () => {
  it('serves index.html at / with a strict CSP and security headers', async () => {
    const res = await raw(host.port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>planner</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'"])
      expect(csp).toContain(d);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content types', async () => {
    const js = await raw(host.port, '/assets/app-1a2b.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("app")');
    expect((await raw(host.port, '/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await raw(host.port, '/assets/style.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('lists no directories and serves no dotfiles', async () => {
    expect((await raw(host.port, '/assets/')).status).toBe(404);
    expect((await raw(host.port, '/assets')).status).toBe(404);
    expect((await raw(host.port, '/.env')).status).toBe(404);
    expect((await raw(host.port, '/missing.js')).status).toBe(404);
  });

  it('makes path traversal impossible, encoded or not', async () => {
    const attempts = [
      '/../secret.txt',
      '/../package.json',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2E%2E/package.json',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/assets/%00.js',
      '/%zz',
      `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
    ];
    for (const path of attempts) {
      const res = await raw(host.port, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('outside the renderer');
    }
  });

  it('refuses other methods on pages', async () => {
    expect((await raw(host.port, '/index.html', { method: 'DELETE' })).status).toBe(405);
  });
});

describe('events', () => {
  it('needs the token', async () => {
    const res = await raw(host.port, '/api/events?token=nope');
    expect(res.status).toBe(403);
  });

  it('streams app events as server-sent events', async () => {
    const stream = readEvents(host.port, host.token, (e) => e.type === 'plan-changed');
    await stream.ready;
    const event: ApiEvent = { type: 'plan-changed', revision: 7, path: '/tmp/x.salesplan' };
    for (const l of listeners) l(event);
    expect(await stream.done).toEqual([event]);
  });
});

describe('body limit through fetch', () => {
  it('answers 413 to a browser-style upload instead of resetting the connection', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/file.importJson`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-planner-token': host.token },
      body: JSON.stringify({ json: 'y'.repeat(3 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_argument');
    expect(calls).toEqual([]);
  });
});

describe('renderer/index.html', () => {
  it('carries the same CSP as the host header (minus frame-ancestors, which a meta tag cannot set)', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta?.split('; ')).toEqual(header);
    expect(html).toContain('<link rel="icon" href="data:,"');
  });
});
