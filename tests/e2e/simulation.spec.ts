// The Simulation screen in real Chromium against a real host: run with
// progress, results that survive a reload, the stale banner after an input
// edit, cancel (nothing stored), the live what-if, and the two analyses —
// in English and Chinese, with no serious accessibility violations.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import { createTranslator, formatMoney, formatPercent } from '../../shared/i18n';
import type { Funnel } from '../../shared/plan/types';
import type { ExpectedResult, SimulationResult } from '../../shared/simulation/types';
import { expect, keepScreenshot, readDemo, test } from './fixtures';

const demo = readDemo('en');
const en = createTranslator('en');
const zh = createTranslator('zh-CN');
const CNY = demo.plan.currency;

async function openSimulation(page: Page, t = en): Promise<void> {
  await page.getByRole('navigation', { name: t.t('nav.label') }).getByRole('link', { name: t.t('nav.simulation') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.t('nav.simulation') })).toBeVisible();
}

async function runFromScreen(page: Page, trials: string, t = en): Promise<void> {
  await page.getByRole('textbox', { name: t.t('simulation.trials') }).fill(trials);
  await page.getByRole('button', { name: t.t('simulation.run'), exact: true }).click();
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('runs a simulation with progress, shows the results, keeps them over a reload, and flags them stale after an input edit', async ({
  openApp,
  host,
  consoleErrors,
}, testInfo) => {
  const page = await openApp();
  await openSimulation(page);
  await expect(page.getByText(en.t('simulation.none'))).toBeVisible();

  await runFromScreen(page, '500');
  // Progress first (the workers start and report per 250 trials), then the results.
  await expect(page.getByRole('progressbar', { name: en.t('simulation.progressLabel') })).toBeVisible();
  const totals = page.getByRole('table', { name: en.t('simulation.totals.title') });
  await expect(totals).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  // What the screen shows is what the host stored.
  const stored = (await host.call<StoredRunView>('simulation.latest', {})).run;
  const result = stored.result as SimulationResult;
  expect(stored).toMatchObject({ trials: 500, seed: demo.plan.seed, mode: 'monte-carlo' });
  const p1 = result.phases[0]!;
  const bookingsRow = totals.locator('tr[data-phase="p1"][data-metric="bookings"]');
  await expect(bookingsRow.getByRole('cell')).toHaveText(
    (['mean', 'p10', 'p50', 'p90'] as const).map((s) => formatMoney(p1.totals.bookings[s], CNY, 'en', { compact: true })),
  );
  await expect(totals.locator('tbody tr')).toHaveCount(demo.phases.length * 5);
  const attainment = page.getByRole('table', { name: en.t('simulation.attainment.title') });
  const target = p1.targets.find((t) => t.id === 't-p1-bookings')!;
  await expect(attainment.locator('tr[data-target="t-p1-bookings"]')).toContainText(formatPercent(target.probability, 'en', 0));
  await expect(attainment.locator('tbody tr')).toHaveCount(demo.targets.length);
  // KPIs per funnel and pooled; the pooled ratios are flagged.
  const pooled = result.scopes[0]!;
  await expect(page.locator('[data-scope="all"] [data-kpi="winRate"] dd').first()).toHaveText(formatPercent(pooled.kpis.winRate.mean!, 'en', 1));
  if (pooled.pooled) await expect(page.locator('[data-scope="all"] h3')).toContainText(en.t('simulation.pooled'));
  for (const f of demo.funnels) {
    const own = result.scopes.find((s) => s.kind === 'funnel' && s.id === f.id)!;
    await expect(page.locator(`[data-scope="${f.id}"] h3`)).toContainText(f.name);
    await expect(page.locator(`[data-scope="${f.id}"] [data-kpi="conversion"] dd`).first()).toHaveText(formatPercent(own.kpis.conversion.mean!, 'en', 1));
  }
  await expect(page.getByRole('img', { name: new RegExp(en.t('simulation.fan.title')) })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: en.t('simulation.stale') })).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'simulation-en');
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: en.t('nav.simulation') })).toBeVisible();
  await expect(page.getByRole('table', { name: en.t('simulation.totals.title') }).locator('tr[data-phase="p1"][data-metric="bookings"]')).toContainText(
    formatMoney(p1.totals.bookings.p50, CNY, 'en', { compact: true }),
  );

  // An input changes elsewhere (here: through the API, as another window would): the result is now stale.
  const snapshot = await host.call<{ plan: { funnels: Funnel[] } }>('plan.get');
  const ltc = snapshot.plan.funnels.find((f) => f.id === 'ltc')!;
  const stages = ltc.stages.map((s, i) => (i === 0 ? { ...s, conversion: 0.6 } : s));
  await host.call('funnels.update', { id: 'ltc', value: { ...ltc, stages } });
  const banner = page.getByRole('status').filter({ hasText: en.t('simulation.stale') });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: en.t('simulation.rerun') }).click();
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  expect((await host.call<StoredRunView>('simulation.latest', {})).stale).toBe(false);
  expect(consoleErrors).toEqual([]);
});

test('in Chinese: money in 万/亿, attainment in words and percent', async ({ openApp, host }, testInfo) => {
  const page = await openApp();
  await page.getByRole('button', { name: '简体中文' }).click();
  await openSimulation(page, zh);
  await runFromScreen(page, '500', zh);
  const totals = page.getByRole('table', { name: zh.t('simulation.totals.title') });
  await expect(totals).toBeVisible({ timeout: 30_000 });
  const result = (await host.call<StoredRunView>('simulation.latest', {})).run.result as SimulationResult;
  const p3 = result.phases.find((p) => p.id === 'p3')!;
  const cell = formatMoney(p3.totals.revenue.p50, CNY, 'zh-CN', { compact: true });
  expect(cell).toMatch(/万|亿/);
  await expect(totals.locator('tr[data-phase="p3"][data-metric="revenue"]')).toContainText(cell);
  await expect(totals).toContainText(zh.t('metric.bookings'));
  await expect(totals).toContainText(zh.t('metric.cash'));
  const attainment = page.getByRole('table', { name: zh.t('simulation.attainment.title') });
  await expect(attainment).toContainText(
    new RegExp(`${zh.t('simulation.attainment.likely')}|${zh.t('simulation.attainment.uncertain')}|${zh.t('simulation.attainment.unlikely')}`),
  );
  await expect(page.getByText(zh.t('simulation.whatIf.honest'))).toBeVisible();
  await expect(page.locator('.simulation-view')).not.toContainText(en.t('simulation.totals.title'));
  await keepScreenshot(page, testInfo, 'simulation-zh-CN');
  await expectNoSeriousA11yViolations(page);
});

test('cancel stops a large run and stores nothing', async ({ openApp, host }) => {
  const page = await openApp();
  await openSimulation(page);
  await runFromScreen(page, '1000000');
  const bar = page.getByRole('progressbar', { name: en.t('simulation.progressLabel') });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: en.t('simulation.cancel') }).click();
  await expect(page.getByText(en.t('simulation.cancelled'))).toBeVisible({ timeout: 20_000 });
  await expect(bar).toHaveCount(0);
  expect(await host.call('simulation.latest', {})).toBeNull();
  expect(await host.call('simulation.active', {})).toEqual([]);
  await expect(page.getByText(en.t('simulation.none'))).toBeVisible();
});

test('the what-if slider changes the expected bookings at once; leads needed and sensitivity answer', async ({ openApp, host }, testInfo) => {
  const page = await openApp();
  await openSimulation(page);
  const table = page.getByRole('table', { name: en.t('simulation.whatIf.table') });
  const cell = table.locator('tr[data-phase="p2"][data-metric="bookings"] [data-testid="what-if-value"]');
  const base = await host.call<ExpectedResult>('simulation.expected', {});
  await expect(cell).toHaveText(formatMoney(base.phases[1]!.totals.bookings.mean, CNY, 'en', { compact: true }));
  await page.getByRole('slider', { name: en.t('simulation.whatIf.leads') }).fill('1.5');
  const more = await host.call<ExpectedResult>('simulation.expected', { adjust: { leads: 1.5 } });
  await expect(cell).toHaveText(formatMoney(more.phases[1]!.totals.bookings.mean, CNY, 'en', { compact: true }));
  expect(more.phases[1]!.totals.bookings.mean).toBeGreaterThan(base.phases[1]!.totals.bookings.mean);
  // Nothing was stored by trying ideas.
  expect(await host.call('simulation.latest', { expected: true })).toBeNull();

  const reverse = page.getByRole('region', { name: en.t('simulation.reverse.title') });
  await reverse.getByRole('button', { name: en.t('simulation.reverse.compute') }).click();
  await expect(reverse.getByText(/Multiply every lead volume by/)).toBeVisible({ timeout: 45_000 });
  await expect(reverse.getByRole('table')).toContainText(demo.segments[0]!.name);

  const tornado = page.getByRole('region', { name: en.t('simulation.sensitivity.title') });
  await tornado.getByRole('combobox', { name: en.t('simulation.sensitivity.phase') }).selectOption('p2');
  await tornado.getByRole('button', { name: en.t('simulation.sensitivity.compute') }).click();
  await expect(tornado.getByRole('img', { name: en.t('simulation.sensitivity.chart', { metric: en.t('metric.bookings') }) })).toBeVisible({
    timeout: 45_000,
  });
  await keepScreenshot(page, testInfo, 'simulation-analyses-en');
  await expectNoSeriousA11yViolations(page);
});
