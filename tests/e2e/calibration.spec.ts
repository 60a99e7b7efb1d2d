// Calibration from deal history in real Chromium against a real host: a CRM
// export chosen on the Funnels screen, its columns guessed from the header,
// an unknown stage value mapped to "open" by the user, the history's figures
// with n and span, two suggestions accepted as one edit, and one undo that
// takes both back.
import type { PlanSnapshot } from '../../shared/api/contract';
import { createTranslator } from '../../shared/i18n';
import type { Funnel } from '../../shared/plan/types';
import { expect, keepScreenshot, test } from './fixtures';

const en = createTranslator('en');
const DEALS = [
  'Opportunity ID,Created Date,Close Date,Stage,Amount',
  'o1,1/2/2024,3/15/2024,Closed Won,"1,200,000"',
  'o2,1/20/2024,4/25/2024,Closed Won,800000',
  'o3,2/1/2024,,Prospecting,',
  'o4,2/10/2024,5/9/2024,Closed Lost,',
  'o5,3/1/2024,6/30/2024,赢单,90万',
  'o6,3/18/2024,4/1/2024,Closed Lost,',
].join('\n');

test('import a history file, accept two suggestions in one edit, undo takes both back', async ({ openApp, host, consoleErrors }, testInfo) => {
  const ltc = async () => (await host.call<PlanSnapshot>('plan.get', {})).plan.funnels.find((f) => f.id === 'ltc')! as Funnel;
  const before = await ltc();
  const page = await openApp();
  await page.getByRole('navigation', { name: en.t('nav.label') }).getByRole('link', { name: en.t('nav.funnels') }).click();
  await page.getByRole('button', { name: en.t('calibration.ui.open') }).click();
  const dialog = page.getByRole('dialog', { name: en.t('calibration.ui.title') });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(en.t('calibration.ui.segment')).selectOption('fin');
  await page.locator('[data-testid="history-file"]').setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(DEALS) });
  // Columns guessed from the header.
  await expect(dialog.getByLabel(`${en.t('calibration.column.created')} *`)).toHaveValue('1');
  await expect(dialog.getByLabel(`${en.t('calibration.column.value')} *`)).toHaveValue('4');
  // "Prospecting" is not a word CRMs use for an outcome: the history is refused until the user says what it means.
  await expect(dialog.locator('.cal-problems .refused')).not.toHaveCount(0);
  await dialog.getByLabel(en.t('calibration.ui.meansOf', { value: 'Prospecting' })).selectOption('open');
  await expect(dialog.locator('.cal-problems .refused')).toHaveCount(0);
  await expect(dialog.getByRole('region', { name: en.t('calibration.ui.figures') })).toContainText('6 deals (3 won, 2 lost, 1 open)');

  const accept = (id: string) => dialog.locator(`tr[data-suggestion="${id}"] input[type="checkbox"]`);
  await accept('dealSize').check();
  await accept('stages.4.conversion').check();
  await keepScreenshot(page, testInfo, 'calibration-en');
  await dialog.getByRole('button', { name: en.tn('calibration.ui.apply', 2) }).click();
  await expect(dialog).toHaveCount(0);

  const after = await ltc();
  expect(after.dealSize).toEqual({ min: 820_000, mode: 900_000, max: 1_140_000 });
  expect(after.stages[4]!.conversion).not.toEqual(before.stages[4]!.conversion);
  expect(after.stages.slice(0, 4)).toEqual(before.stages.slice(0, 4));

  await page.getByRole('banner').getByRole('button', { name: new RegExp(`^${en.t('history.undo')}`) }).click();
  await expect.poll(async () => JSON.stringify(await ltc())).toBe(JSON.stringify(before));
  expect(consoleErrors).toEqual([]);
});
