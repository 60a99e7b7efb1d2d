// The window's first plan.load is started by a small script before the app's
// bundle runs (renderer/public/early-load.js) and its answer is the one the
// app shows: one plan.load per page load, on the first visit (token in the
// address) and after a reload (token kept by the tab), under the strict CSP.
import { createTranslator } from '../../shared/i18n';
import { expect, readDemo, test } from './fixtures';

test('a page load asks for the plan once, before the app has started, and shows it', async ({ page, host, consoleErrors }) => {
  const planLoads: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/plan.load') planLoads.push(r.postData() ?? '');
  });
  // Which script sent each plan.load (Chromium's own record of the request's initiator).
  const senders: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    if (new URL(e.request.url).pathname !== '/api/plan.load') return;
    const frame = e.initiator.stack?.callFrames[0];
    senders.push(new URL(frame?.url ?? e.initiator.url ?? 'about:blank').pathname);
  });
  const demo = readDemo('en');
  const tr = createTranslator('en');

  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  expect(planLoads).toEqual(['{}']);
  expect(senders).toEqual(['/early-load.js']);

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  expect(planLoads).toEqual(['{}', '{}']);
  expect(senders).toEqual(['/early-load.js', '/early-load.js']);

  // Later loads are the app's own: an edit elsewhere brings only what changed.
  const first = demo.customers[0]!;
  await host.call('customers.update', { id: first.id, value: { ...first, name: `${first.name} (edited elsewhere)` } });
  await page.getByRole('navigation', { name: tr.t('nav.label') }).getByRole('link', { name: tr.t('nav.customers') }).click();
  await expect(page.getByRole('gridcell', { name: `${first.name} (edited elsewhere)`, exact: true })).toBeVisible();
  expect(planLoads.slice(2).every((body) => JSON.parse(body).since !== undefined)).toBe(true);
  expect(consoleErrors).toEqual([]);
});
