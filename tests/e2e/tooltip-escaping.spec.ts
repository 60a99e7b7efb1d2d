// Chart tooltips are HTML in ECharts: plan text in them must show as text. A
// plan whose customers and funnel stages are named like an HTML injection is
// imported; hovering the charts shows the names literally, and no element of
// theirs (nor their onerror handler) ever exists in the page.
import type { Locator, Page } from '@playwright/test';
import { createTranslator } from '../../shared/i18n';
import { expect, readDemo, test } from './fixtures';

const HOSTILE = '<img src=x onerror="window.__xss=1">';

/** Moves the mouse over a grid of points on `chart` until its tooltip (a div ECharts adds inside the chart) holds `text`. */
async function hoverUntil(page: Page, chart: Locator, text: string) {
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const tip = chart.locator('div').filter({ hasText: text, visible: true });
  for (let gy = 1; gy < 24; gy++)
    for (let gx = 1; gx < 40; gx++) {
      await page.mouse.move(box.x + (box.width * gx) / 40, box.y + (box.height * gy) / 24);
      if ((await tip.count()) > 0) return tip.first();
    }
  throw new Error(`no tooltip with ${text} appeared`);
}

test('a customer and a stage named like HTML show as text in chart tooltips', async ({ openApp, host }) => {
  const plan = readDemo('en');
  plan.plan.name = 'Hostile names';
  for (const c of plan.customers) c.name = `${HOSTILE} ${c.id}`;
  for (const f of plan.funnels) for (const s of f.stages) s.name = `${HOSTILE} ${s.key}`;
  await host.call('file.importJson', { json: JSON.stringify(plan) });
  const tr = createTranslator('en');
  const page = await openApp();
  await expect(page.getByRole('heading', { level: 2, name: 'Hostile names' })).toBeVisible();

  await page.getByRole('link', { name: tr.t('nav.customers') }).click();
  const scatter = page.getByRole('img', { name: tr.t('customers.scatter.chartLabel') });
  const tip = await hoverUntil(page, scatter, '<img src=x onerror=');
  await expect(tip).toContainText(HOSTILE);

  await page.getByRole('link', { name: tr.t('nav.funnels') }).click();
  const funnel = page.getByRole('img', { name: tr.t('funnels.chart') }).first();
  const stageTip = await hoverUntil(page, funnel, '<img src=x onerror=');
  await expect(stageTip).toContainText(HOSTILE);

  // As markup, the name would have become an <img> inside the tooltip.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
