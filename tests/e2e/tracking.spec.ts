// The Tracking screen in real Chromium against a real host: three months of
// actuals typed into the grid (one undoable edit each) appear over the fan
// chart here and on the Simulation screen, each month with its place in the
// simulated range; a block pasted from Excel and a sheet imported from CSV
// are one edit each, a bad sheet changes nothing; the reforecast shows the
// odds of every target beside the planned ones — in English and Chinese.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { PlanSnapshot } from '../../shared/api/contract';
import { createTranslator, formatMonth } from '../../shared/i18n';
import { expect, keepScreenshot, readDemo, test } from './fixtures';

const demo = readDemo('en');
const en = createTranslator('en');
const zh = createTranslator('zh-CN');

async function openTracking(page: Page, t = en): Promise<void> {
  await page.getByRole('navigation', { name: t.t('nav.label') }).getByRole('link', { name: t.t('nav.tracking') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.t('nav.tracking') })).toBeVisible();
}

const cell = (page: Page, metric: 'bookings' | 'leads' | 'wins', month: string, t = en) =>
  page.getByRole('textbox', { name: t.t('tracking.grid.cell', { metric: t.t(`metric.${metric}`), month: formatMonth(month, t.locale) }) });

test('three months of actuals typed into the grid show over the fan chart, with their percentiles, and the reforecast beside the plan’s odds', async ({
  openApp,
  host,
  consoleErrors,
}, testInfo) => {
  const { runId } = await host.call<{ runId: string }>('simulation.run', { trials: 500 });
  await host.call('simulation.wait', { runId });
  const page = await openApp();
  await openTracking(page);
  const odds = page.getByRole('table', { name: en.t('tracking.reforecast.title') });
  await expect(odds.locator('tbody tr')).toHaveCount(demo.targets.length, { timeout: 30_000 });

  // The demo records bookings for one segment only: the whole plan has none yet.
  const chart = page.getByRole('img', { name: new RegExp(en.t('simulation.fan.title')) });
  await expect(chart).toBeVisible();
  await expect(page.getByText(/Actuals in \d+ months/)).toHaveCount(0);

  const months = ['2027-01', '2027-02', '2027-03'];
  const values = ['900000', '1,500,000', '40万'];
  for (let i = 0; i < 3; i++) {
    await cell(page, 'bookings', months[i]!).fill(values[i]!);
    await cell(page, 'bookings', months[i]!).press('Enter');
    await expect(cell(page, 'bookings', months[i]!)).toHaveValue(String([900_000, 1_500_000, 400_000][i]));
  }
  const stored = (await host.call<PlanSnapshot>('plan.get', {})).plan.actuals!.filter((a) => a.metric === 'bookings' && a.segmentId === undefined);
  expect(stored).toEqual(months.map((month, i) => ({ month, metric: 'bookings', value: [900_000, 1_500_000, 400_000][i] })));

  // Over the fan chart (its text equivalent counts them), and one row per month with its percentile.
  await expect(page.getByText(/Actuals in 3 months/)).toBeAttached({ timeout: 30_000 });
  const checks = page.locator('table.trk-checks tbody tr');
  await expect(checks).toHaveCount(3);
  await expect(checks.first()).toHaveAttribute('data-month', '2027-01');
  await expect(page.locator('[data-ess]')).toBeVisible();
  await keepScreenshot(page, testInfo, 'tracking-en');

  // Each typed cell was its own edit: undo takes the last one back.
  await page.getByRole('banner').getByRole('button', { name: new RegExp(`^${en.t('history.undo')}`) }).click();
  await expect(cell(page, 'bookings', '2027-03')).toHaveValue('');
  await expect(checks).toHaveCount(2, { timeout: 30_000 });

  // The Simulation screen draws the same actuals over its fan chart.
  await page.getByRole('navigation', { name: en.t('nav.label') }).getByRole('link', { name: en.t('nav.simulation') }).click();
  await expect(page.getByText(/Actuals in 2 months/)).toBeAttached({ timeout: 30_000 });

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a block pasted from Excel is one edit; an imported CSV is one edit; a bad sheet changes nothing (Chinese)', async ({ openApp, host }) => {
  const page = await openApp();
  await page.getByRole('button', { name: '简体中文' }).click();
  const t = zh;
  await openTracking(page, t);
  // Paste two months × two metrics (leads, opportunities) for the whole plan.
  const target = cell(page, 'leads', '2027-04', t);
  await target.focus();
  await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    const data = new DataTransfer();
    data.setData('text/plain', '300\t100\n320\t110\n');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(cell(page, 'leads', '2027-05', t)).toHaveValue('320');
  const plan = async () => (await host.call<PlanSnapshot>('plan.get', {})).plan.actuals!.filter((a) => a.segmentId === undefined);
  expect(await plan()).toEqual([
    { month: '2027-04', metric: 'leads', value: 300 },
    { month: '2027-04', metric: 'opportunities', value: 100 },
    { month: '2027-05', metric: 'leads', value: 320 },
    { month: '2027-05', metric: 'opportunities', value: 110 },
  ]);

  const chooser = page.locator('[data-testid="actuals-file"]');
  await chooser.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('月份,指标,数值\n2027-06,线索,10\n2031-01,线索,10\n') });
  await expect(page.getByRole('alert').filter({ hasText: t.t('tracking.import.failed') })).toContainText('2031-01');
  expect(await plan()).toHaveLength(4);
  await page.getByRole('button', { name: t.t('tracking.import.dismiss') }).click();

  await chooser.setInputFiles({ name: 'june.csv', mimeType: 'text/csv', buffer: Buffer.from('month,metric,value\n2027-06,leads,330\n2027-06,wins,12\n') });
  await expect(page.getByRole('status').filter({ hasText: t.tn('tracking.import.done', 2) })).toBeVisible();
  await expect(cell(page, 'wins', '2027-06', t)).toHaveValue('12');
  expect(await plan()).toHaveLength(6);
});
