// The security decisions of the Electron shell as pure functions, so they can
// be unit-tested in Node without the Electron binary. window.ts and ipc.ts
// wire them to Electron's hooks.
import { CONTENT_SECURITY_POLICY } from '../host/security';

/**
 * The app pages' Content-Security-Policy: the HTTP host's, so the renderer
 * runs under one policy in both transports (renderer/index.html repeats it as
 * a meta tag, the only form file:// is sure to honour). Sent as a header too,
 * as defence in depth and for frame-ancestors, which only works as a header.
 */
export { CONTENT_SECURITY_POLICY };

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own page: a file: URL with the same host and
 * path as `appIndexUrl` (query and hash may differ: the UI may route by hash).
 * `new URL` resolves `..` segments, so a path that climbs out is a different path.
 */
export function isAppUrl(url: string, appIndexUrl: string): boolean {
  const u = parse(url);
  const app = parse(appIndexUrl);
  if (!u || !app || app.protocol !== 'file:') return false;
  return u.protocol === 'file:' && u.host === app.host && u.pathname === app.pathname;
}

/**
 * Whether an IPC message may reach the API: only the top frame of a window
 * showing the app's own page. A subframe, or a window that somehow shows
 * anything else (another local file, a web page, about:blank), is refused.
 */
export function isTrustedSender(frameUrl: string, isTopFrame: boolean, appIndexUrl: string): boolean {
  return isTopFrame && isAppUrl(frameUrl, appIndexUrl);
}

/** The folder URL (ending in '/') that holds `appIndexUrl`. */
export function rendererRootUrl(appIndexUrl: string): string {
  return new URL('.', appIndexUrl).href;
}

/**
 * The network filter: the app loads nothing remote. Allowed are the files of
 * the bundled renderer (not other local files), DevTools' own pages, and
 * inline data:/blob: URLs the page creates itself.
 */
export function isAllowedRequest(url: string, rootUrl: string): boolean {
  const u = parse(url);
  const root = parse(rootUrl);
  if (!u || !root) return false;
  switch (u.protocol) {
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'file:':
      return u.host === root.host && u.pathname.startsWith(root.pathname);
    default:
      return false;
  }
}

export type ResponseHeaders = Record<string, string | string[]>;

/**
 * `headers` with our CSP for file: responses (replacing any policy header in
 * any letter case); other responses (DevTools) keep their own headers.
 */
export function withCsp(url: string, headers: ResponseHeaders | undefined): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy' && url.startsWith('file:')) continue;
    out[name] = value;
  }
  if (url.startsWith('file:')) out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
