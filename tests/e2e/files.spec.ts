// The browser File menu: import shows every problem with its JSON path,
// export downloads exactly the plan the host holds, and the menu works from
// the keyboard.
import { readFile } from 'node:fs/promises';
import { createTranslator } from '../../shared/i18n';
import { parsePlanText } from '../../shared/plan/parse';
import { expect, keepScreenshot, readDemo, test } from './fixtures';

const en = createTranslator('en');
const demo = readDemo('en');

test('importing an invalid plan lists every issue with its JSON path and changes nothing', async ({ openApp, host }, testInfo) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  const broken = structuredClone(demo) as unknown as Record<string, any>;
  broken.customers[2].tier = 'Z';
  broken.customers[5].segmentId = 'no-such-segment';
  broken.phases[1].colour = 'red';
  broken.plan.currency = 'yuan';
  const text = JSON.stringify(broken, null, 2);
  const expected = parsePlanText(text);
  expect(expected.ok).toBe(false);
  const issues = expected.ok ? [] : expected.issues;
  expect(issues.length).toBeGreaterThanOrEqual(3);

  await page.getByRole('button', { name: en.t('file.menu') }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: en.t('file.importJson') }).click();
  await (await chooser).setFiles({ name: 'broken.plan.json', mimeType: 'application/json', buffer: Buffer.from(text) });

  const alert = page.getByRole('alert').filter({ hasText: 'broken.plan.json' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('heading')).toHaveText(en.t('error.importFailed', { fileName: 'broken.plan.json' }));
  await expect(alert).toContainText(en.t('error.code', { code: 'invalid_plan' }));
  const items = alert.getByRole('listitem');
  await expect(items).toHaveCount(issues.length);
  for (const [i, issue] of issues.entries()) {
    await expect(items.nth(i).locator('code')).toHaveText(issue.path || en.t('error.issuePathDocument'));
    await expect(items.nth(i)).toContainText(issue.message);
  }
  await keepScreenshot(page, testInfo, 'import-errors-en');
  // Nothing changed: the same plan is still open.
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  const snapshot = await host.call<{ plan: { plan: { name: string } } }>('plan.get');
  expect(snapshot.plan.plan.name).toBe(demo.plan.name);

  await alert.getByRole('button', { name: en.t('error.dismiss') }).click();
  await expect(alert).toHaveCount(0);
});

test('export downloads the JSON of the open plan, equal to plan.get', async ({ openApp, host }) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  await page.getByRole('button', { name: en.t('file.menu') }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: en.t('file.exportJson') }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  const exported = JSON.parse(await readFile(await file.path(), 'utf8'));
  const snapshot = await host.call<{ plan: unknown }>('plan.get');
  expect(exported).toEqual(snapshot.plan);
  await expect(page.getByRole('status')).toContainText(file.suggestedFilename());
});

test('importing a valid plan opens it', async ({ openApp }) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  const other = structuredClone(demo);
  other.plan.name = 'Imported test plan';
  other.customers = other.customers.filter((c) => c.tier !== 'C');
  other.goals = other.goals.filter((g) => g.customerId === null || other.customers.some((c) => c.id === g.customerId));
  expect(parsePlanText(JSON.stringify(other)).ok).toBe(true);

  await page.getByRole('button', { name: en.t('file.menu') }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: en.t('file.importJson') }).click();
  await (await chooser).setFiles({ name: 'other.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await expect(page.getByRole('heading', { level: 2, name: 'Imported test plan' })).toBeVisible();
  const tiers = page.getByRole('table', { name: en.t('overview.tiersHeading') });
  await expect(tiers.getByRole('row', { name: new RegExp(`^${en.t('tier.C')}`) }).getByRole('cell').first()).toHaveText('0');
});

test('the File menu works from the keyboard and Escape returns focus', async ({ openApp }, testInfo) => {
  const page = await openApp();
  const button = page.getByRole('button', { name: en.t('file.menu') });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: en.t('file.menuLabel') });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('menuitem', { name: en.t('file.newDemo') })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: en.t('file.newBlank') })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: en.t('file.exportJson') })).toBeFocused();
  // The recent-files group lists the open demo copy.
  await expect(menu.getByRole('group', { name: en.t('file.recent') }).getByRole('menuitem')).toHaveCount(1);
  await keepScreenshot(page, testInfo, 'file-menu-en');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('Save a copy writes the file and it shows in Open', async ({ openApp, host }) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  const copyPath = `${host.dataDir}/copy-of-demo.salesplan`;
  await page.getByRole('button', { name: en.t('file.menu') }).click();
  await page.getByRole('menuitem', { name: en.t('file.saveCopy') }).click();
  const dialog = page.getByRole('dialog', { name: en.t('saveCopy.title') });
  await dialog.getByLabel(en.t('saveCopy.pathLabel')).fill(copyPath);
  await dialog.getByRole('button', { name: en.t('saveCopy.submit') }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText(copyPath);

  await page.getByRole('button', { name: en.t('file.menu') }).click();
  await page.getByRole('menuitem', { name: en.t('file.open') }).click();
  const open = page.getByRole('dialog', { name: en.t('open.title') });
  await open.getByLabel(en.t('open.pathLabel')).fill(copyPath);
  await open.getByRole('button', { name: en.t('open.submit') }).click();
  await expect(open).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('copy-of-demo');
});

test('opening a file that does not exist shows the error with its code, inside the dialog', async ({ openApp, host }, testInfo) => {
  const page = await openApp();
  await page.getByRole('button', { name: en.t('file.menu') }).click();
  await page.getByRole('menuitem', { name: en.t('file.open') }).click();
  const open = page.getByRole('dialog', { name: en.t('open.title') });
  await open.getByLabel(en.t('open.pathLabel')).fill(`${host.dataDir}/nope.salesplan`);
  await open.getByRole('button', { name: en.t('open.submit') }).click();
  // The page behind a modal is inert, so the error shows in the dialog, which keeps the typed path.
  const alert = open.getByRole('alert');
  await expect(alert).toContainText(en.t('error.code', { code: 'file_not_found' }));
  await expect(open.getByLabel(en.t('open.pathLabel'))).toHaveValue(`${host.dataDir}/nope.salesplan`);
  await keepScreenshot(page, testInfo, 'open-error-en');
  await open.getByRole('button', { name: en.t('dialog.cancel') }).click();
  await expect(page.getByRole('alert')).toContainText(en.t('error.code', { code: 'file_not_found' }));
});

test('New from demo follows the UI language; New blank plan takes the typed name', async ({ openApp }, testInfo) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  const zh = createTranslator('zh-CN');
  await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByRole('button', { name: zh.t('file.menu') }).click();
  await page.getByRole('menuitem', { name: zh.t('file.newDemo') }).click();
  const zhDemo = readDemo('zh-CN');
  await expect(page.getByRole('heading', { level: 2, name: zhDemo.plan.name })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(zh.t('toast.created', { name: zhDemo.plan.name }));
  await keepScreenshot(page, testInfo, 'overview-zh-CN-demo');

  await page.getByRole('button', { name: zh.t('file.menu') }).click();
  await page.getByRole('menuitem', { name: zh.t('file.newBlank') }).click();
  const dialog = page.getByRole('dialog', { name: zh.t('newBlank.title') });
  await dialog.getByLabel(zh.t('newBlank.nameLabel')).fill('华南区 2028 空白计划');
  await dialog.getByRole('button', { name: zh.t('newBlank.submit') }).click();
  await expect(page.getByRole('heading', { level: 2, name: '华南区 2028 空白计划' })).toBeVisible();
  const tiers = page.getByRole('table', { name: zh.t('overview.tiersHeading') });
  await expect(tiers.locator('tfoot td').first()).toHaveText('0');
});
