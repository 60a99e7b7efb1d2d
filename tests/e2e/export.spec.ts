// The Export screen in real Chromium through the HTTP host: choose format,
// language and sections, watch the progress, and download the file; the
// downloaded report is the plan's, in the chosen language.
import { readFileSync } from 'node:fs';
import { createTranslator } from '../../shared/i18n';
import { SECTION_KINDS } from '../../shared/report/model';
import { expect, keepScreenshot, readDemo, test } from './fixtures';

const demo = readDemo('en');
const en = createTranslator('en');
const zh = createTranslator('zh-CN');

test('exports a standalone HTML report in Chinese and downloads it', async ({ openApp }, testInfo) => {
  test.setTimeout(180_000);
  const page = await openApp();
  await page.getByRole('navigation', { name: en.t('nav.label') }).getByRole('link', { name: en.t('nav.export') }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.t('nav.export') })).toBeVisible();
  await page.getByLabel(en.t('export.format')).selectOption('html');
  await page.getByLabel(en.t('export.language')).selectOption('zh-CN');
  // Only the summary and the roadmap.
  for (const s of SECTION_KINDS.filter((k) => k !== 'summary' && k !== 'roadmap'))
    await page.getByRole('checkbox', { name: en.t(`report.section.${s}`) }).uncheck();
  await page.getByRole('button', { name: en.t('export.start'), exact: true }).click();
  const done = page.getByRole('button', { name: /^Download / });
  await expect(done).toBeVisible({ timeout: 150_000 });
  await keepScreenshot(page, testInfo, 'export-done');
  const [download] = await Promise.all([page.waitForEvent('download'), done.click()]);
  expect(download.suggestedFilename()).toMatch(/\.html$/);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain(zh.t('report.section.summary'));
  expect(html).toContain(zh.t('report.section.roadmap'));
  expect(html).not.toContain(zh.t('report.section.appendix'));
  expect(html).not.toContain(zh.t('report.section.decisions'));
  // The summary carries each phase's gate status.
  expect(html).toContain(zh.t('report.summary.gates'));
  for (const p of demo.phases) expect(html).toContain(p.name.replace(/&/g, '&amp;'));
});
