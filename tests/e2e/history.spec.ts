// Undo/redo and the History screen in real Chromium through the HTTP host, in
// English and Chinese: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y take an edit back and
// forth in the UI and in plan.get; text fields and dialogs keep their own
// keys; the undo survives a reload and a host restart on the same data
// folder; the History screen lists the edit with old → new; axe finds no
// serious or critical issue there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { FOCUS_PROBE } from '../../electron/main/edit-target';
import { createTranslator, formatMoney, type Locale, type Translator } from '../../shared/i18n';
import type { Customer, Plan, Tier } from '../../shared/plan/types';
import { expect, keepScreenshot, readDemo, startHostProcess, stop, test } from './fixtures';
import { expectNoSeriousAxeViolations, LANGS } from './planning-helpers';

type Snapshot = { revision: number; plan: Plan };

function caller(request: APIRequestContext, url: string) {
  const { origin, searchParams } = new URL(url);
  return async <T,>(method: string, arg: unknown = {}): Promise<T> => {
    const res = await request.post(`${origin}/api/${method}`, { data: arg, headers: { 'X-Planner-Token': searchParams.get('token')! } });
    const body = await res.json();
    if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
    return body.value as T;
  };
}

/** "Changed {fields} of customer “name”" as the app words it, from the catalog. */
function changedText(tr: Translator, field: 'tier' | 'potential', name: string): string {
  return tr.t('history.what.update', { fields: tr.t(`history.field.${field}`), kind: tr.t('history.kind.customers'), name });
}

async function useLanguage(page: Page, lang: Locale, demo: Plan): Promise<void> {
  if (lang === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
}

function tierCount(page: Page, tr: Translator, tier: Tier) {
  return page
    .getByRole('table', { name: tr.t('overview.tiersHeading') })
    .getByRole('row', { name: new RegExp(`^${tr.t(`tier.${tier}`)}`) })
    .getByRole('cell')
    .nth(0);
}

for (const lang of LANGS) {
  test(`[${lang}] Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y take an edit back and forth; text fields and dialogs keep their keys`, async ({
    openApp,
    host,
  }, testInfo) => {
    if (lang === 'zh-CN') await host.call('file.new', { demo: true, lang: 'zh-CN' });
    const demo = readDemo(lang);
    const tr = createTranslator(lang);
    const page = await openApp();
    await useLanguage(page, lang, demo);
    const jn = demo.customers.find((c) => c.id === 'jn-bank')!;
    const sCount = demo.customers.filter((c) => c.tier === 'S').length;
    const undoButton = page.getByRole('banner').getByRole('button', { name: new RegExp(`^${tr.t('history.undo')}`) });
    await expect(undoButton).toHaveAttribute('aria-disabled', 'true');

    // An edit made elsewhere (another window, the CLI), then a reload.
    await host.call('customers.update', { id: jn.id, value: { ...jn, tier: 'A' } satisfies Customer });
    await page.reload();
    await expect(tierCount(page, tr, 'S')).toHaveText(String(sCount - 1));
    await expect(undoButton).toHaveAccessibleName(tr.t('history.undoLabel', { what: changedText(tr, 'tier', jn.name) }));
    const tierNow = async () => (await host.call<Snapshot>('plan.get')).plan.customers.find((c) => c.id === jn.id)!.tier;

    await page.getByRole('heading', { level: 1 }).click();
    expect(await page.evaluate(FOCUS_PROBE)).toBe('app');
    await page.keyboard.press('Control+z');
    await expect(tierCount(page, tr, 'S')).toHaveText(String(sCount));
    expect(await tierNow()).toBe('S');
    await expect(page.getByRole('status').filter({ hasText: tr.t('history.undone', { what: changedText(tr, 'tier', jn.name) }) })).toBeVisible();

    await page.keyboard.press('Control+Shift+Z');
    await expect(tierCount(page, tr, 'S')).toHaveText(String(sCount - 1));
    expect(await tierNow()).toBe('A');
    await page.keyboard.press('Control+z');
    await expect(tierCount(page, tr, 'S')).toHaveText(String(sCount));
    await page.keyboard.press('Control+y');
    await expect(tierCount(page, tr, 'S')).toHaveText(String(sCount - 1));
    expect(await tierNow()).toBe('A');

    // In a text field of a dialog the keys are the browser's: the plan stays as it is.
    const revision = (await host.call<Snapshot>('plan.get')).revision;
    await page.getByRole('button', { name: tr.t('file.menu') }).click();
    await page.getByRole('menuitem', { name: tr.t('file.open') }).click();
    const dialog = page.getByRole('dialog', { name: tr.t('open.title') });
    const field = dialog.getByRole('textbox', { name: tr.t('open.pathLabel') });
    await field.fill('/tmp/some.salesplan');
    expect(await page.evaluate(FOCUS_PROBE)).toBe('text');
    await field.press('Control+z');
    await field.press('Control+Shift+Z');
    await dialog.getByRole('button', { name: tr.t('dialog.cancel') }).focus();
    expect(await page.evaluate(FOCUS_PROBE)).toBe('dialog');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect((await host.call<Snapshot>('plan.get')).revision).toBe(revision);
    expect(await tierNow()).toBe('A');
    await keepScreenshot(page, testInfo, `history-keys-${lang}`);
  });

  test(`[${lang}] the undo survives a reload and a host restart; the History screen shows old → new`, async ({ page, request }, testInfo) => {
    // Two host start-ups (each compiles the host with tsx) on a loaded two-core machine.
    test.setTimeout(120_000);
    const dataDir = mkdtempSync(join(tmpdir(), 'planner-e2e-history-'));
    const log: string[] = [];
    const tr = createTranslator(lang);
    let running = await startHostProcess(dataDir, log);
    try {
      let call = caller(request, running.url);
      if (lang === 'zh-CN') await call('file.new', { demo: true, lang: 'zh-CN' });
      const demo = readDemo(lang);
      const jn = demo.customers.find((c) => c.id === 'jn-bank')!;
      await page.goto(running.url);
      await useLanguage(page, lang, demo);
      await call('customers.update', { id: jn.id, value: { ...jn, potential: 65_000_000 } satisfies Customer });
      const what = changedText(tr, 'potential', jn.name);
      const undoName = tr.t('history.undoLabel', { what });
      await page.reload();
      await expect(page.getByRole('button', { name: undoName })).toBeVisible();

      // Close the host and start it again on the same data folder: it reopens the same plan file.
      await stop(running.child);
      running = await startHostProcess(dataDir, log);
      call = caller(request, running.url);
      await page.goto(running.url);
      await useLanguage(page, lang, demo);
      await expect(page.getByRole('button', { name: undoName })).toBeVisible();

      await page.getByRole('navigation', { name: tr.t('nav.label') }).getByRole('link', { name: tr.t('nav.history') }).click();
      await expect(page.getByRole('heading', { level: 1, name: tr.t('history.title') })).toBeVisible();
      const table = page.getByRole('table', { name: tr.t('history.tableLabel') });
      const row = table.getByRole('row').filter({ hasText: what });
      await expect(row).toHaveCount(1);
      await row.getByRole('button', { name: new RegExp(tr.t('history.showChanges')) }).click();
      const title = tr.t('history.entityTitle', { kind: tr.t('history.kind.customers'), name: jn.name });
      const heading = title.charAt(0).toLocaleUpperCase(lang) + title.slice(1);
      const fields = page.getByRole('table', { name: tr.t('history.changesOf', { what: heading }) });
      await expect(fields.getByRole('row', { name: tr.t('history.field.potential') })).toHaveText(
        [tr.t('history.field.potential'), formatMoney(jn.potential, demo.plan.currency, lang), formatMoney(65_000_000, demo.plan.currency, lang)].join(''),
      );
      await keepScreenshot(page, testInfo, `history-screen-${lang}`);
      await expectNoSeriousAxeViolations(page, `history ${lang}`);

      // Undo from the header: the plan goes back, the list shows the undo and marks the edit undone.
      const edit = table.locator(`tr[data-entry="${await row.getAttribute('data-entry')}"]`);
      await page.getByRole('button', { name: undoName }).click();
      await expect(table.getByRole('row').filter({ hasText: tr.t('history.undoLabel', { what }) })).toHaveCount(1);
      await expect(edit).toContainText(tr.t('history.badge.undone'));
      const snapshot = await call<Snapshot>('plan.get');
      expect(snapshot.plan.customers.find((c) => c.id === jn.id)!.potential).toBe(jn.potential);
      await expect(page.getByRole('button', { name: tr.t('history.redoLabel', { what }) })).toBeVisible();
      await keepScreenshot(page, testInfo, `history-undone-${lang}`);
      await expectNoSeriousAxeViolations(page, `history after undo ${lang}`);
    } finally {
      await stop(running.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
