// What the bench cases that drive the app share: calling the services
// in-process, the built renderer, and a real HTTP host with the renderer in
// Chromium (/usr/bin/chromium) over a temporary data folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startHost, type Host } from '../../electron/host/server';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';

const ROOT = resolve(import.meta.dirname, '../..');

/** One API call through the services, as a transport would make it; a refusal throws with its message. */
export async function call<T = unknown>(app: PlannerApp, method: string, arg: unknown): Promise<T> {
  const res = await app.dispatch(method, arg);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.value as T;
}

/** The built renderer (built first when missing). BENCH_RENDERER_DIR: measure another build of it (development aid). */
export function rendererDir(): string {
  const dir = process.env.BENCH_RENDERER_DIR ?? join(ROOT, 'out/renderer');
  if (!existsSync(join(dir, 'index.html')))
    execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
  return dir;
}

/** The app's services and HTTP host over a fresh data folder, and a page in headless Chromium (not yet navigated). */
export interface AppSession {
  app: PlannerApp;
  host: Host;
  browser: Browser;
  page: Page;
  dir: string;
}

export async function openAppSession(folderPrefix: string): Promise<AppSession> {
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  const app = createPlannerApp({ dataDir: dir, actor: 'bench', lang: 'en' });
  const host = await startHost({ app, rendererDir: rendererDir(), onError: () => {} });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  return { app, host, browser, page, dir };
}

export async function closeAppSession(s: AppSession): Promise<void> {
  await s.browser.close();
  await s.host.close();
  s.app.close();
  rmSync(s.dir, { recursive: true, force: true });
}

/** One session for several cases: opened by the first that asks, closed by the bench's `cleanup` hook. */
export function sharedSession(open: () => Promise<AppSession>): { get(): Promise<AppSession>; close(): Promise<void> } {
  let current: Promise<AppSession> | null = null;
  return {
    get: () => (current ??= open()),
    async close() {
      if (!current) return;
      const s = await current;
      current = null;
      await closeAppSession(s);
    },
  };
}
