// The app:// scheme the renderer is served from (Electron's advice over
// file://): one fixed origin, app://planner, whatever folder the app is
// installed in. A file: URL depends on the install path, and Chromium and
// Node spell the same path differently (drive-letter case, '%' encoding), so
// comparing file: URLs refused the app's own page on some Windows machines.
// Pure: window.ts registers the scheme and hands requests to serveAppRequest.
import { isAbsolute, join, relative, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../host/security';
import { contentTypeOf } from '../host/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'planner';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged: a standard scheme (an origin,
 * relative URLs, localStorage), secure (like https: no mixed content), fetch
 * allowed, code cache. Not bypassCSP, no service workers, no CORS.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** The same content types as the browser host's static files: one table (host/static-files.ts). */
export const contentType = contentTypeOf;

/**
 * The file under `rendererDir` that an app:// URL names, or null when the URL
 * is not ours or would leave that folder (`..`, encoded separators, another
 * host). '/' is index.html; query and hash are ignored.
 */
export function rendererFilePath(url: string, rendererDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // An encoded '/', '\' or NUL would let a name pass the URL parser and then climb on disk.
  if (/[\\\0]/.test(path) || /%2f/i.test(u.pathname)) return null;
  const rel = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  const file = join(rendererDir, ...rel.split('/'));
  const inside = relative(rendererDir, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

function notFound(status = 404): Response {
  return new Response(null, { status, headers: { 'X-Content-Type-Options': 'nosniff' } });
}

/**
 * The answer to one app:// request: the renderer file with its type and our
 * CSP as a header (frame-ancestors works only there), or 404/405. Missing
 * files and unreadable ones are alike 404: the page learns nothing of the disk.
 */
export async function serveAppRequest(req: { url: string; method: string }, rendererDir: string, read: ReadFile): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(405);
  const file = rendererFilePath(req.url, rendererDir);
  if (!file) return notFound();
  let body: Uint8Array;
  try {
    body = await read(file);
  } catch {
    return notFound();
  }
  return new Response(req.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers: {
      'Content-Type': contentType(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}
