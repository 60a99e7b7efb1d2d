// The one window factory and the session hardening. Every web-preference
// that matters for security is spelled out, not left to a default that a
// future Electron could change. The decisions themselves live in security.ts.
import { app, BrowserWindow, protocol, session, type Session, type WebContents, type WebPreferences } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './scheme';
import { isAllowedRequest, isAppUrl, rendererRootUrl, withCsp } from './security';

/**
 * The bundled files, relative to `appRoot`: the folder holding out/ (the
 * project in dev, app.asar when packaged). index.ts derives it from the main
 * bundle's own URL, not app.getAppPath(), which is out/main when Electron is
 * started on the script (`electron out/main/index.js`, as the e2e test does).
 * The page itself is always app://planner/index.html, served from rendererDir.
 */
export function appPaths(appRoot: string) {
  return {
    rendererDir: join(appRoot, 'out', 'renderer'),
    indexUrl: APP_INDEX_URL,
    preload: join(appRoot, 'out', 'preload', 'index.cjs'),
  };
}

/** Must run before the app is ready: app:// becomes a standard, secure origin (scheme.ts). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/**
 * What every window of ours has; each window adds only what sets it apart.
 * contextIsolation is the one exception, written in each window itself:
 * Electronegativity reads only the literal object and would report it missing
 * (HIGH) behind a spread (electronegativity.test.ts).
 */
const SECURE_PREFERENCES = {
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;

export interface MainWindowOptions {
  appRoot: string;
  title: string;
}

export function createMainWindow({ appRoot, title }: MainWindowOptions): BrowserWindow {
  const paths = appPaths(appRoot);
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title,
    show: false,
    webPreferences: {
      ...SECURE_PREFERENCES,
      contextIsolation: true,
      preload: paths.preload,
      safeDialogs: true,
    },
  });
  lockDown(win.webContents, paths.indexUrl);
  // The title is the plan's name (set by index.ts), not the page's <title>.
  win.on('page-title-updated', (e) => e.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(paths.indexUrl);
  return win;
}

/**
 * A hidden window that only prints one report file to PDF: no script, no
 * preload, and a session of its own (in memory) that loads nothing but that
 * file — the report is self-contained, and plan text must not reach out.
 */
export function createPrintWindow(fileUrl: string): BrowserWindow {
  const ses = printSession();
  printable.add(fileUrl);
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      ...SECURE_PREFERENCES,
      contextIsolation: true,
      session: ses,
      javascript: false,
    },
  });
  const stay = (e: { preventDefault(): void }, url: string) => {
    if (url !== fileUrl) e.preventDefault();
  };
  win.webContents.on('will-navigate', stay);
  win.webContents.on('will-redirect', stay);
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.on('closed', () => printable.delete(fileUrl));
  return win;
}

/** The report files being printed: the only URLs (besides inline data) the print session loads. */
const printable = new Set<string>();
let printSessionReady: Session | null = null;

/** One in-memory session for print windows (no "persist:" prefix), locked down once. */
function printSession(): Session {
  if (printSessionReady) return printSessionReady;
  const ses = session.fromPartition('report-print');
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printable.has(details.url) && !details.url.startsWith('data:') }));
  printSessionReady = ses;
  return ses;
}

/** No navigation away from the app page, no popups, no <webview>. */
function lockDown(wc: WebContents, indexUrl: string): void {
  const stayHome = (e: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, indexUrl)) e.preventDefault();
  };
  wc.on('will-navigate', stayHome);
  wc.on('will-redirect', stayHome);
  wc.on('will-frame-navigate', (e) => {
    if (!isAppUrl(e.url, indexUrl)) e.preventDefault();
  });
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  wc.on('will-attach-webview', (e) => e.preventDefault());
}

/**
 * Applies to every webContents, including any created other than through
 * createMainWindow: no popups and no <webview>, whatever created it.
 */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_e, wc) => {
    wc.setWindowOpenHandler(() => ({ action: 'deny' }));
    wc.on('will-attach-webview', (e) => e.preventDefault());
  });
}

/**
 * Serves app:// from the bundled renderer folder; no permission is ever
 * granted (camera, notifications, geolocation, …), no request leaves the app
 * origin, and app pages get a strict CSP.
 */
export function hardenSession(ses: Session, rendererDir: string, indexUrl: string = APP_INDEX_URL): void {
  ses.protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir, (path) => readFile(path)));
  const root = rendererRootUrl(indexUrl);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, root) }));
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withCsp(details.url, details.responseHeaders) }),
  );
}
