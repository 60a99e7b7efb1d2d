// First launch in a fresh data directory opens a copy of the demo plan; the
// Overview shows its real content, in English and in Chinese.
import AxeBuilder from '@axe-core/playwright';
import { createTranslator, formatMoney, formatMonthRange } from '../../shared/i18n';
import { TIERS as PLAN_TIERS } from '../../shared/plan/types';
import { expect, keepScreenshot, readDemo, test } from './fixtures';

const demo = readDemo('en');
const en = createTranslator('en');
const zh = createTranslator('zh-CN');

test('first launch shows the demo plan on the Overview, computed from the demo file', async ({ openApp, host }, testInfo) => {
  const page = await openApp();
  // The token left the address bar for session storage.
  expect(page.url()).not.toContain('token=');
  await expect(page.getByRole('heading', { level: 1, name: en.t('overview.title') })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(demo.plan.name);
  await expect(page).toHaveTitle(new RegExp(demo.plan.name.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  const summary = page.getByRole('region', { name: demo.plan.name });
  await expect(summary).toContainText(demo.plan.currency);
  await expect(summary).toContainText(en.tn('overview.months', demo.plan.horizonMonths));
  const total = demo.customers.reduce((s, c) => s + c.potential, 0);
  await expect(summary).toContainText(formatMoney(total, demo.plan.currency, 'en', { compact: true }));

  const phases = page.getByRole('table', { name: en.t('overview.phasesHeading') });
  const phaseRows = phases.locator('tbody tr');
  await expect(phaseRows).toHaveCount(demo.phases.length);
  for (const [i, p] of demo.phases.entries()) {
    await expect(phaseRows.nth(i)).toContainText(p.name);
    await expect(phaseRows.nth(i)).toContainText(en.t(`stage.${p.stage}`));
    await expect(phaseRows.nth(i)).toContainText(formatMonthRange(p.start, p.end, 'en'));
  }

  const tiers = page.getByRole('table', { name: en.t('overview.tiersHeading') });
  for (const tier of PLAN_TIERS) {
    const inTier = demo.customers.filter((c) => c.tier === tier);
    const row = tiers.getByRole('row', { name: new RegExp(`^${en.t(`tier.${tier}`)}`) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(String(inTier.length));
    await expect(row.getByRole('cell').nth(1)).toHaveText(
      formatMoney(inTier.reduce((s, c) => s + c.potential, 0), demo.plan.currency, 'en'),
    );
  }

  const contents = page.getByRole('region', { name: en.t('overview.contentsHeading') });
  for (const kind of ['customers', 'segments', 'funnels', 'people', 'goals', 'targets', 'scenarios'] as const)
    await expect(contents.locator(`[data-kind="${kind}"] dd`)).toHaveText(String(demo[kind].length));

  // What the page shows is what the host has.
  const snapshot = await host.call<{ plan: { customers: unknown[] } }>('plan.get');
  expect(snapshot.plan.customers).toHaveLength(demo.customers.length);
  await keepScreenshot(page, testInfo, 'overview-en');
});

test('switching to Chinese changes every label and html lang, and survives a reload', async ({ openApp }, testInfo) => {
  const page = await openApp();
  const nav = page.getByRole('navigation', { name: en.t('nav.label') });
  await expect(nav.getByRole('link', { name: en.t('nav.overview') })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const zhNav = page.getByRole('navigation', { name: zh.t('nav.label') });
  for (const key of ['nav.overview', 'nav.phases', 'nav.customers', 'nav.goals', 'nav.funnels', 'nav.simulation', 'nav.export'] as const)
    await expect(zhNav.getByRole('link', { name: zh.t(key) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: zh.t('overview.title') })).toBeVisible();
  await expect(page.getByRole('heading', { name: zh.t('overview.tiersHeading') })).toBeVisible();
  for (const tier of PLAN_TIERS) await expect(page.getByRole('rowheader', { name: zh.t(`tier.${tier}`) })).toBeVisible();
  await expect(page.getByRole('button', { name: zh.t('file.menu') })).toBeVisible();
  // Money reads in 万/亿 in Chinese.
  const total = demo.customers.reduce((s, c) => s + c.potential, 0);
  await expect(page.getByRole('region', { name: demo.plan.name })).toContainText(
    formatMoney(total, demo.plan.currency, 'zh-CN', { compact: true }),
  );
  // No English label is left behind in the frame.
  await expect(page.getByRole('navigation')).not.toContainText(en.t('nav.overview'));
  await keepScreenshot(page, testInfo, 'overview-zh-CN');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: zh.t('overview.title') })).toBeVisible();
  await expect(page.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('link', { name: zh.t('nav.customers') }).click();
  await expect(page.getByRole('heading', { level: 1, name: zh.t('nav.customers') })).toBeVisible();
  await expect(page.getByRole('grid', { name: zh.t('customers.grid.label') })).toBeVisible();
  await keepScreenshot(page, testInfo, 'customers-zh-CN');
});


test('loads without console errors, warnings or failed requests', async ({ openApp, consoleErrors }) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByRole('link', { name: zh.t('nav.funnels') }).click();
  await expect(page.getByRole('heading', { level: 1, name: zh.t('nav.funnels') })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('has no serious accessibility violations in either language', async ({ openApp }) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  for (const lang of ['English', '简体中文']) {
    await page.getByRole('button', { name: lang }).click();
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), lang).toEqual([]);
  }
});

test('a page opened without the token explains how to get in and reaches no API', async ({ page, host, consoleErrors }) => {
  await page.goto(`${host.origin}/`);
  await expect(page.getByRole('alert')).toContainText(en.t('app.noToken'));
  expect(consoleErrors).toEqual([]);
});

test('an edit made elsewhere shows up without a reload (server-sent events)', async ({ openApp, host }) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  await host.call('plan.updateSettings', { patch: { name: 'Renamed from another window', horizonMonths: 48 } });
  await expect(page.getByRole('heading', { level: 2, name: 'Renamed from another window' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Renamed from another window');
  await expect(page.getByRole('region', { name: 'Renamed from another window' })).toContainText(en.tn('overview.months', 48));
});
