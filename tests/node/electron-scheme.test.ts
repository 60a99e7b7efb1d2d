// The app:// handler (electron/main/scheme.ts) in Node: which file a URL
// names, what is refused, and the response the renderer gets. Real files in
// a temp renderer folder, real fetch Response objects.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, contentType, rendererFilePath, serveAppRequest } from '../../electron/main/scheme';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

const base = mkdtempSync(join(tmpdir(), 'app-scheme-'));
const dir = join(base, 'Sales Strategy Planner %20', 'out', 'renderer');
mkdirSync(join(dir, 'assets'), { recursive: true });
writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
writeFileSync(join(dir, 'assets', 'index.js'), 'console.log("app")');
writeFileSync(join(dir, 'assets', 'a b.css'), 'body{}');
writeFileSync(join(base, 'Sales Strategy Planner %20', 'secret.txt'), 'not for the page');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, dir, (p) => readFile(p));

describe('rendererFilePath', () => {
  it('maps the app origin onto the renderer folder; "/" is index.html; query and hash are ignored', () => {
    expect(rendererFilePath(APP_INDEX_URL, dir)).toBe(join(dir, 'index.html'));
    expect(rendererFilePath('app://planner/', dir)).toBe(join(dir, 'index.html'));
    expect(rendererFilePath('app://planner/assets/index.js?v=1#x', dir)).toBe(join(dir, 'assets', 'index.js'));
    expect(rendererFilePath('app://planner/assets/a%20b.css', dir)).toBe(join(dir, 'assets', 'a b.css'));
  });

  it('refuses other hosts, schemes and anything that would leave the folder', () => {
    expect(rendererFilePath('app://evil/index.html', dir)).toBeNull();
    expect(rendererFilePath('file:///etc/passwd', dir)).toBeNull();
    expect(rendererFilePath('app://planner/../secret.txt', dir)).toBe(join(dir, 'secret.txt')); // URL parsing resolves '..' first: still inside
    expect(rendererFilePath('app://planner/%2e%2e/secret.txt', dir)).toBe(join(dir, 'secret.txt'));
    expect(rendererFilePath('app://planner/assets%2f..%2f..%2fsecret.txt', dir)).toBeNull();
    expect(rendererFilePath('app://planner/..%5csecret.txt', dir)).toBeNull();
    expect(rendererFilePath('app://planner/%00index.html', dir)).toBeNull();
    expect(rendererFilePath('app://planner/%E0%A4%A', dir)).toBeNull();
    expect(rendererFilePath('not a url', dir)).toBeNull();
  });

  it('knows the types a Vite build produces', () => {
    expect(contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(contentType(win32.join('C:\\app', 'assets', 'index-3F.JS'))).toBe('text/javascript; charset=utf-8');
    expect(contentType('x.woff2')).toBe('font/woff2');
    expect(contentType('x.unknown')).toBe('application/octet-stream');
  });
});

describe('serveAppRequest', () => {
  it('answers the page with its type, our CSP as a header and nosniff', async () => {
    const r = await get(APP_INDEX_URL);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toBe(readFileSync(join(dir, 'index.html'), 'utf8'));
    // The script the page names resolves against the app origin and is served too.
    const script = await get(new URL('./assets/index.js', APP_INDEX_URL).href);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');
  });

  it('is 404 for missing files and for URLs outside the folder, 405 for writes', async () => {
    expect((await get('app://planner/assets/missing.js')).status).toBe(404);
    expect((await get('app://planner/assets%2f..%2f..%2fsecret.txt')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
