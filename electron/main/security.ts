// The security decisions of the Electron shell as pure functions, so they can
// be unit-tested in Node without the Electron binary. window.ts and ipc.ts
// wire them to Electron's hooks. The app's page is app://planner/index.html
// (scheme.ts): one origin on every machine, compared as parsed URLs.
import { CONTENT_SECURITY_POLICY } from '../host/security';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME } from './scheme';

/**
 * The app pages' Content-Security-Policy: the HTTP host's, so the renderer
 * runs under one policy in both transports (renderer/index.html repeats it as
 * a meta tag). Sent as a header by the app:// handler too, as defence in
 * depth and for frame-ancestors, which only works as a header.
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
 * True when `url` is the app's own page: same scheme, host and path as
 * `appIndexUrl` (app://planner/index.html; query and hash may differ: the UI
 * routes by hash). `new URL` resolves `..` segments, so a path that climbs
 * out and back is a different path. Nothing on file: is ever the app.
 */
export function isAppUrl(url: string, appIndexUrl: string = APP_INDEX_URL): boolean {
  const u = parse(url);
  const app = parse(appIndexUrl);
  if (!u || !app || app.protocol !== `${APP_SCHEME}:`) return false;
  return u.protocol === app.protocol && u.host === app.host && u.pathname === app.pathname;
}

/**
 * Whether an IPC message may reach the API: only the top frame of a window
 * showing the app's own page. A subframe, or a window that somehow shows
 * anything else (a local file, a web page, about:blank), is refused.
 */
export function isTrustedSender(frameUrl: string, isTopFrame: boolean, appIndexUrl: string = APP_INDEX_URL): boolean {
  return isTopFrame && isAppUrl(frameUrl, appIndexUrl);
}

/** The origin root ('app://planner/') of the page at `appIndexUrl`. */
export function rendererRootUrl(appIndexUrl: string = APP_INDEX_URL): string {
  return new URL('/', appIndexUrl).href;
}

/**
 * The network filter: the app loads nothing remote and no local file. Allowed
 * are its own origin (served from the bundled renderer folder by the app://
 * handler), DevTools' own pages, and data:/blob: URLs the page creates itself.
 */
export function isAllowedRequest(url: string, rootUrl: string = rendererRootUrl()): boolean {
  const u = parse(url);
  const root = parse(rootUrl);
  if (!u || !root) return false;
  switch (u.protocol) {
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case `${APP_SCHEME}:`:
      return u.protocol === root.protocol && u.host === root.host;
    default:
      return false;
  }
}

export type ResponseHeaders = Record<string, string | string[]>;

function isAppOrigin(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * `headers` with our CSP for app:// responses (replacing any policy header in
 * any letter case); other responses (DevTools) keep their own headers.
 */
export function withCsp(url: string, headers: ResponseHeaders | undefined): ResponseHeaders {
  const ours = isAppOrigin(url);
  const out: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (ours && name.toLowerCase() === 'content-security-policy') continue;
    out[name] = value;
  }
  if (ours) out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
