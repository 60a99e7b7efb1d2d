// Development aid (not a bench figure): where does the 50,000-customer page
// load go? Loads #/customers in Chromium through the real HTTP host with the
// CDP Profiler on, and prints the renderer's self time per function (top 25)
// and the time of each API request. `npx tsx bench/tools/profile-page-load.ts [COUNT]`
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startHost } from '../../electron/host/server';
import { createPlannerApp } from '../../electron/services/app';
import { customers50kPlan } from '../plans/customers-50k';

const count = Number(process.argv[2] ?? 50_000);
const dir = mkdtempSync(join(tmpdir(), 'profile-load-'));
const app = createPlannerApp({ dataDir: dir, actor: 'bench', lang: 'en' });
const host = await startHost({ app, rendererDir: join(import.meta.dirname, '../../out/renderer'), onError: () => {} });
const res = await app.dispatch('file.importJson', { json: JSON.stringify(customers50kPlan(count)), path: join(dir, 'p.salesplan') });
if (!res.ok) throw new Error(res.error.message);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
// The first data row painted, timed in the page (as the bench does).
await page.addInitScript(`
const look = () => {
  if (!document.querySelector('[role=grid] [role=row][aria-rowindex="2"]')) return requestAnimationFrame(look);
  // Seen in a frame's callbacks, before its paint: the next frame's callbacks run after that paint.
    requestAnimationFrame(() => (window.__firstRowsAt = performance.now()));
};
requestAnimationFrame(look);`);
const timeline = () =>
  page.evaluate(() =>
    JSON.stringify(
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((e) => [e.name.replace(/.*\//, ''), Math.round(e.startTime), Math.round(e.responseEnd)])
        .concat([['first rows painted', Math.round((window as unknown as { __firstRowsAt: number }).__firstRowsAt), 0]]),
    ),
  );
const url = `${host.url.split('?')[0]}#/customers`;
await page.goto(host.url);
await page.locator('h1').first().waitFor();
for (let warm = 0; warm < 3; warm++) {
  await page.goto('about:blank');
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __firstRowsAt?: number }).__firstRowsAt, undefined, { timeout: 60_000 });
  console.log(`load ${warm} without profiler: ${(performance.now() - t0).toFixed(0)} ms (Playwright's view) ${await timeline()}`);
}
await page.goto('about:blank');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const requests: string[] = [];
page.on('requestfinished', (r) => {
  const t = r.timing();
  requests.push(`${r.method()} ${r.url().replace(/\?.*/, '').slice(-40)} ${(t.responseEnd).toFixed(0)} ms (wait ${(t.responseStart - t.requestStart).toFixed(0)}) ${r.postData()?.slice(0, 60) ?? ''}`);
});
await cdp.send('Profiler.start');
const t0 = performance.now();
await page.goto(url);
await page.waitForFunction(() => (window as unknown as { __firstRowsAt?: number }).__firstRowsAt, undefined, { timeout: 60_000 });
const total = performance.now() - t0;
console.log(await timeline());
const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; samples: number[]; timeDeltas: number[] } };
writeFileSync('/tmp/page-load.cpuprofile', JSON.stringify(profile));
const byNode = new Map<number, number>();
profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const bySelf = new Map<string, number>();
for (const n of profile.nodes) {
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\//, '')}:${n.callFrame.lineNumber}`;
  bySelf.set(key, (bySelf.get(key) ?? 0) + (byNode.get(n.id) ?? 0));
}
console.log(`load with profiler: ${total.toFixed(0)} ms`);
for (const [k, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(0).padStart(6)} ms  ${k}`);
console.log(requests.join('\n'));
await browser.close();
await host.close();
app.close();
rmSync(dir, { recursive: true, force: true });
