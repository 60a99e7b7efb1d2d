// Each test gets its own host process with a fresh data directory (so "first
// launch" really is one), and a page whose console errors are collected.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import type { Plan } from '../../shared/plan/types';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** POST /api/<method> as the page would (for comparing with what it shows). */
  call<T = unknown>(method: string, arg?: unknown): Promise<T>;
}

export function readDemo(lang: 'en' | 'zh-CN' = 'en'): Plan {
  return JSON.parse(readFileSync(join(ROOT, `resources/demo/demo.${lang}.plan.json`), 'utf8')) as Plan;
}

/** Saves a full-page screenshot under test-results/screenshots/ and attaches it to the report. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = join(ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const body = await page.screenshot({ fullPage: true, path: join(dir, `${name}.png`) });
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

export async function startHostProcess(dataDir: string, log: string[]): Promise<{ child: ChildProcess; url: string }> {
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const child = spawn(process.execPath, [tsx, 'electron/host/main.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SALESPLAN_HOME: dataDir },
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => log.push(d));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`host printed no URL in 30 s:\n${log.join('')}`)), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolveUrl(line.trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before printing its URL:\n${log.join('')}`));
    });
  });
  return { child, url };
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ host: RunningHost; consoleErrors: string[]; openApp: () => Promise<Page> }>({
  host: async ({ playwright }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'planner-e2e-'));
    const log: string[] = [];
    const { child, url } = await startHostProcess(dataDir, log);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    const parsed = new URL(url);
    const token = parsed.searchParams.get('token')!;
    const request = await playwright.request.newContext({ baseURL: parsed.origin });
    const call = async <T,>(method: string, arg: unknown = {}): Promise<T> => {
      const res = await request.post(`/api/${method}`, { data: arg, headers: { 'X-Planner-Token': token } });
      const body = await res.json();
      if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
      return body.value as T;
    };
    try {
      await use({ url, origin: parsed.origin, token, dataDir, call });
    } finally {
      await request.dispose();
      await stop(child);
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('host-stderr', { body: log.join(''), contentType: 'text/plain' });
      rmSync(dataDir, { recursive: true, force: true });
    }
  },

  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => {
      // A download's blob URL and an event stream torn down by navigation are not failures.
      if (!r.url().startsWith('blob:') && !r.url().includes('/api/events')) errors.push(`requestfailed: ${r.url()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await use(errors);
  },

  openApp: async ({ page, host, consoleErrors }, use) => {
    void consoleErrors; // start collecting before the first navigation
    await use(async () => {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      return page;
    });
  },
});

export { expect };
