// Backups from the browser File menu: the app backed the plan up when it
// opened; an edit made afterwards is undone by restoring that backup, in
// English and Chinese.
import { createTranslator } from '../../shared/i18n';
import type { Plan } from '../../shared/plan/types';
import { expect, keepScreenshot, readDemo, test } from './fixtures';
import { LANGS } from './planning-helpers';

for (const lang of LANGS) {
  test(`File ▸ Backups lists the automatic backup and restores it (${lang})`, async ({ openApp, host }, testInfo) => {
    const tr = createTranslator(lang);
    const demo = readDemo('en');
    const page = await openApp();
    if (lang === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
    // The backup taken at open is done before the first list (it runs in the background).
    await expect.poll(async () => (await host.call<{ backups: unknown[] }>('backups.list', {})).backups.length).toBeGreaterThan(0);
    await host.call('plan.updateSettings', { patch: { name: 'Renamed after the backup' } });
    await expect(page.getByRole('heading', { level: 2, name: 'Renamed after the backup' })).toBeVisible();

    await page.getByRole('button', { name: tr.t('file.menu') }).click();
    await page.getByRole('menuitem', { name: tr.t('file.backups') }).click();
    const dialog = page.getByRole('dialog', { name: tr.t('backups.title') });
    const items = dialog.getByRole('list', { name: tr.t('backups.listLabel') }).getByRole('listitem');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText(tr.t('backups.kindAuto'));
    await keepScreenshot(page, testInfo, `backups-${lang}`);
    await items.first().getByRole('button', { name: tr.t('backups.restore') }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
    const plan = (await host.call<{ plan: Plan }>('plan.get')).plan;
    expect(plan.plan.name).toBe(demo.plan.name);
  });
}
