// The Funnels screen in real Chromium through the HTTP host, in English and
// in Chinese (the Chinese run opens the Chinese demo plan): ranges edited and
// stored as fractions, invalid ranges and incomplete payment schedules kept
// from the store, stages added and reordered, lead volume per phase, a funnel
// in use refused with the reason, and no serious accessibility violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createTranslator, formatPercent, type Locale } from '../../shared/i18n';
import type { Plan } from '../../shared/plan/types';
import { expect, keepScreenshot, readDemo, test, type RunningHost } from './fixtures';

const LANGS: Locale[] = ['en', 'zh-CN'];

async function planOf(host: RunningHost): Promise<Plan> {
  return (await host.call<{ plan: Plan }>('plan.get')).plan;
}

/** Opens the demo plan of `lang` with the UI in `lang`, on the Funnels screen. */
async function openFunnels(lang: Locale, openApp: () => Promise<Page>, host: RunningHost): Promise<Page> {
  const tr = createTranslator(lang);
  if (lang === 'zh-CN') await host.call('file.new', { demo: true, lang: 'zh-CN' });
  const page = await openApp();
  if (lang === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByRole('link', { name: tr.t('nav.funnels') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr.t('nav.funnels') })).toBeVisible();
  return page;
}

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

for (const lang of LANGS) {
  const tr = createTranslator(lang);
  const demo = readDemo(lang);
  const ltc = demo.funnels.find((f) => f.id === 'ltc')!;
  const stageName = (key: string) => ltc.stages.find((s) => s.key === key)!.name;

  test.describe(`Funnels (${lang})`, () => {
    test('a stage conversion edited as a range is stored as fractions and survives a reload', async ({ openApp, host }, testInfo) => {
      const page = await openFunnels(lang, openApp, host);
      // The demo's "guide" stage has a fixed 70 % conversion.
      expect(ltc.stages[2]!.conversion).toBe(0.7);
      const group = page.getByRole('group', { name: tr.t('funnels.stage.conversionOf', { stage: stageName('guide') }) });
      await expect(group.getByRole('textbox', { name: tr.t('funnels.range.value') })).toHaveValue('70');
      await group.getByRole('radio', { name: tr.t('funnels.range.range') }).check();
      await group.getByRole('textbox', { name: tr.t('funnels.range.min') }).fill('60');
      await group.getByRole('textbox', { name: tr.t('funnels.range.max') }).fill('85');
      await expect(group).toContainText(tr.t('funnels.range.mean', { value: '71.7%' }));
      await group.getByRole('textbox', { name: tr.t('funnels.range.max') }).press('Enter');

      await expect.poll(async () => (await planOf(host)).funnels[0]!.stages[2]!.conversion).toEqual({ min: 0.6, mode: 0.7, max: 0.85 });
      await keepScreenshot(page, testInfo, `funnels-${lang}`);

      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: tr.t('nav.funnels') })).toBeVisible();
      const after = page.getByRole('group', { name: tr.t('funnels.stage.conversionOf', { stage: stageName('guide') }) });
      await expect(after.getByRole('radio', { name: tr.t('funnels.range.range') })).toBeChecked();
      await expect(after.getByRole('textbox', { name: tr.t('funnels.range.min') })).toHaveValue('60');
      await expect(after.getByRole('textbox', { name: tr.t('funnels.range.mode') })).toHaveValue('70');
      await expect(after.getByRole('textbox', { name: tr.t('funnels.range.max') })).toHaveValue('85');
    });

    test('the summary names conversion, win rate and the three cycles as the method does', async ({ openApp, host }) => {
      const page = await openFunnels(lang, openApp, host);
      const summary = page.getByRole('region', { name: tr.t('funnels.summary') });
      const labels = ['funnels.conversion', 'funnels.winRate', 'funnels.cycle', 'funnels.deliveryCycle', 'funnels.cashCycle'] as const;
      await expect(summary.locator('dt')).toHaveText(labels.map((k) => tr.t(k)));
      // 转化率 (lead to contract) is not 成功率 (of decided opportunities).
      const mean = (r: Plan['funnels'][number]['stages'][number]['conversion']) => (typeof r === 'number' ? r : (r.min + r.mode + r.max) / 3);
      const pct = (x: number) => formatPercent(x, lang, 2);
      const conversion = ltc.stages.reduce((p, s) => p * mean(s.conversion), 1);
      const winRate = ltc.stages.slice(1).reduce((p, s) => p * mean(s.conversion), 1);
      await expect(summary.locator('[data-kpi="conversion"] dd')).toHaveText(pct(conversion));
      await expect(summary.locator('[data-kpi="winRate"] dd')).toHaveText(pct(winRate));
      if (lang === 'zh-CN') {
        for (const word of ['转化率', '成功率', '销售周期', '交付周期', '资金占用周期']) await expect(summary).toContainText(word);
      }
    });

    test('a range with min above max shows the error inline and saves nothing; Esc restores', async ({ openApp, host }) => {
      const page = await openFunnels(lang, openApp, host);
      const before = (await planOf(host)).funnels[0]!.stages[0]!.conversion;
      expect(before).toEqual(ltc.stages[0]!.conversion);
      const group = page.getByRole('group', { name: tr.t('funnels.stage.conversionOf', { stage: stageName('lead') }) });
      const min = group.getByRole('textbox', { name: tr.t('funnels.range.min') });
      await min.fill('90');
      await expect(group.getByText(tr.t('funnels.range.err.order'))).toBeVisible();
      await expect(min).toHaveAttribute('aria-invalid', 'true');
      // The message is what describes the invalid input to assistive technology.
      const describedBy = await min.getAttribute('aria-describedby');
      await expect(page.locator(`[id="${describedBy}"]`)).toContainText(tr.t('funnels.range.err.order'));
      // Leaving the field (and pressing Enter) does not save an invalid range.
      await min.press('Enter');
      await page.getByRole('heading', { level: 1 }).click();
      await expect(group.getByText(tr.t('funnels.range.err.order'))).toBeVisible();
      expect((await planOf(host)).funnels[0]!.stages[0]!.conversion).toEqual(before);
      // Out of bounds: a conversion cannot exceed 100 %.
      await min.fill('130');
      await expect(group).toContainText(tr.t('funnels.range.err.aboveHigh', { field: tr.t('funnels.range.min'), bound: '100%' }));
      await min.press('Escape');
      await expect(min).toHaveValue(String(Math.round((before as { min: number }).min * 100)));
      await expect(min).not.toHaveAttribute('aria-invalid', 'true');
      expect((await planOf(host)).funnels[0]!.stages[0]!.conversion).toEqual(before);
    });

    test('payment shares that do not total 100 % block saving, with the total shown', async ({ openApp, host }) => {
      const page = await openFunnels(lang, openApp, host);
      const save = page.getByRole('button', { name: tr.t('funnels.payment.save') });
      await expect(save).toBeDisabled();
      const share1 = page.getByRole('textbox', { name: tr.t('funnels.payment.shareOf', { n: 1 }) });
      const share2 = page.getByRole('textbox', { name: tr.t('funnels.payment.shareOf', { n: 2 }) });
      await expect(share1).toHaveValue('30');
      await share1.fill('20');
      await expect(page.getByText(tr.t('funnels.payment.totalOff', { total: '90%' }))).toBeVisible();
      await expect(save).toBeDisabled();
      await share1.press('Enter');
      expect((await planOf(host)).funnels[0]!.payments.map((p) => p.share)).toEqual(ltc.payments.map((p) => p.share));

      await share2.fill('70');
      await expect(page.getByText(tr.t('funnels.payment.total', { total: '100%' }))).toBeVisible();
      await expect(save).toBeEnabled();
      await save.click();
      await expect(page.getByText(tr.t('funnels.payment.saved'))).toBeVisible();
      const stored = (await planOf(host)).funnels[0]!.payments;
      expect(stored.map((p) => p.share)).toEqual([0.2, 0.7, 0.1]);
      expect(stored.map((p) => p.days)).toEqual(ltc.payments.map((p) => p.days));
      await expect(save).toBeDisabled();
    });

    test('a stage is added, keyed uniquely and moved up; the order persists', async ({ openApp, host }) => {
      const page = await openFunnels(lang, openApp, host);
      const table = page.getByRole('table', { name: tr.t('funnels.stages') });
      await expect(table.locator('tbody tr')).toHaveCount(ltc.stages.length);
      await page.getByRole('button', { name: tr.t('funnels.stage.add') }).click();
      await expect(table.locator('tbody tr')).toHaveCount(ltc.stages.length + 1);
      const newName = tr.t('funnels.stage.newName');
      await expect.poll(async () => (await planOf(host)).funnels[0]!.stages.map((s) => s.name).at(-1)).toBe(newName);
      const added = (await planOf(host)).funnels[0]!.stages.at(-1)!;
      expect(added.key).toBe(`stage-${ltc.stages.length + 1}`);

      // A key another stage has is refused inline, and not saved.
      const key = page.getByRole('textbox', { name: tr.t('funnels.stage.keyOf', { n: ltc.stages.length + 1 }) });
      await key.fill('lead');
      await expect(table).toContainText(tr.t('funnels.stage.keyDuplicate', { key: 'lead' }));
      await key.press('Enter');
      expect((await planOf(host)).funnels[0]!.stages.at(-1)!.key).toBe(added.key);
      await key.fill('negotiate');
      await key.press('Enter');
      await expect.poll(async () => (await planOf(host)).funnels[0]!.stages.at(-1)!.key).toBe('negotiate');

      await page.getByRole('button', { name: tr.t('funnels.stage.up', { stage: newName }) }).click();
      await expect
        .poll(async () => (await planOf(host)).funnels[0]!.stages.map((s) => s.key))
        .toEqual([...ltc.stages.slice(0, -1).map((s) => s.key), 'negotiate', ltc.stages.at(-1)!.key]);
      await expect(page.getByRole('textbox', { name: tr.t('funnels.stage.keyOf', { n: ltc.stages.length }) })).toHaveValue('negotiate');
      // The first stage cannot move up, the last cannot move down.
      await expect(page.getByRole('button', { name: tr.t('funnels.stage.up', { stage: stageName('lead') }) })).toBeDisabled();
      await expect(page.getByRole('button', { name: tr.t('funnels.stage.down', { stage: stageName('bid') }) })).toBeDisabled();
    });

    test('an edit the store refuses comes back as stored, with the reason next to the field', async ({ openApp, host }) => {
      const page = await openFunnels(lang, openApp, host);
      // The pessimistic scenario adjusts the "bid" stage, so its key cannot change.
      expect(demo.scenarios.some((s) => s.adjust.stages?.some((a) => a.stageKey === 'bid'))).toBe(true);
      const n = ltc.stages.findIndex((s) => s.key === 'bid') + 1;
      const key = page.getByRole('textbox', { name: tr.t('funnels.stage.keyOf', { n }) });
      await key.fill('contract');
      await key.press('Enter');
      await expect(key).toHaveValue('bid');
      await expect(key).toHaveAttribute('aria-invalid', 'true');
      const reason = page.locator(`[id="${await key.getAttribute('aria-describedby')}"]`);
      await expect(reason).toContainText(tr.t('funnels.reject.invalid', { issues: '' }).trim());
      await expect(reason).toContainText('bid');
      expect((await planOf(host)).funnels[0]!.stages.map((s) => s.key)).toEqual(ltc.stages.map((s) => s.key));
    });

    test('a segment’s lead volume per phase is edited, removed and added back', async ({ openApp, host }, testInfo) => {
      const page = await openFunnels(lang, openApp, host);
      await page.getByRole('tab', { name: tr.t('funnels.tab.segments') }).click();
      const fin = demo.segments.find((s) => s.id === 'fin')!;
      const p4 = demo.phases.find((p) => p.id === 'p4')!;
      const entryOf = async (phaseId: string) => (await planOf(host)).segments.find((s) => s.id === 'fin')!.leads.find((e) => e.phaseId === phaseId);
      expect(fin.leads.find((e) => e.phaseId === 'p4')!.perMonth).toBe(32);

      const group = page.getByRole('group', { name: tr.t('funnels.segment.leadsOf', { segment: fin.name, phase: p4.name }) });
      await group.getByRole('radio', { name: tr.t('funnels.range.range') }).check();
      await group.getByRole('textbox', { name: tr.t('funnels.range.min') }).fill('30');
      await group.getByRole('textbox', { name: tr.t('funnels.range.mode') }).fill('36');
      await group.getByRole('textbox', { name: tr.t('funnels.range.max') }).fill('48');
      await group.getByRole('textbox', { name: tr.t('funnels.range.max') }).blur();
      await expect.poll(async () => (await entryOf('p4'))?.perMonth).toEqual({ min: 30, mode: 36, max: 48 });
      // The table across phases shows the new mean (30 + 36 + 48) / 3 = 38.
      const row = page.getByRole('table', { name: tr.t('funnels.leadsTable') }).getByRole('row', { name: new RegExp(fin.name) });
      await expect(row.getByRole('cell').last()).toHaveText('38');
      await keepScreenshot(page, testInfo, `segments-${lang}`);

      // Without its own entry, the phase falls back to the default.
      await page.getByRole('button', { name: tr.t('funnels.segment.removeEntry', { phase: p4.name, segment: fin.name }) }).click();
      await expect.poll(() => entryOf('p4')).toBeUndefined();
      const fallback = fin.leads.find((e) => e.phaseId === undefined)!.perMonth as number;
      await expect(row.getByRole('cell').last()).toContainText(String(fallback));
      await expect(row.getByRole('cell').last()).toContainText(tr.t('funnels.leadsTable.fromDefault'));

      const card = page.getByRole('region', { name: fin.name });
      await card.getByRole('combobox', { name: tr.t('funnels.segment.addEntryFor') }).selectOption({ label: p4.name });
      await card.getByRole('button', { name: tr.t('funnels.segment.addEntry') }).click();
      await expect.poll(async () => (await entryOf('p4'))?.perMonth).toBe(fallback);
    });

    test('a segment with customers is not deleted, with the reason; a new one is added and deleted', async ({ openApp, host }) => {
      const page = await openFunnels(lang, openApp, host);
      await page.getByRole('tab', { name: tr.t('funnels.tab.segments') }).click();
      const fin = demo.segments.find((s) => s.id === 'fin')!;
      const customers = demo.customers.filter((c) => c.segmentId === 'fin').length;
      expect(customers).toBeGreaterThan(0);
      await page.getByRole('button', { name: tr.t('funnels.segment.delete', { name: fin.name }) }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: tr.t('funnels.delete') }).click();
      await expect(dialog.getByRole('alert')).toContainText(
        tr.tn('planning.refs.customers', customers),
      );
      await dialog.getByRole('button', { name: tr.t('dialog.close') }).click();
      expect((await planOf(host)).segments.map((s) => s.id)).toContain('fin');

      await page.getByRole('button', { name: tr.t('funnels.segment.add') }).click();
      const name = tr.t('funnels.segment.newName');
      await expect(page.getByRole('region', { name })).toBeVisible();
      await expect.poll(async () => (await planOf(host)).segments.find((s) => s.id === 'segment')?.name).toBe(name);
      await page.getByRole('button', { name: tr.t('funnels.segment.delete', { name }) }).click();
      await page.getByRole('dialog').getByRole('button', { name: tr.t('funnels.delete') }).click();
      await expect(page.getByRole('region', { name })).toHaveCount(0);
      expect((await planOf(host)).segments.map((s) => s.id)).toEqual(demo.segments.map((s) => s.id));
    });

    test('a funnel in use is not deleted, with the reason; a copy is; a new one starts from the method', async ({ openApp, host }, testInfo) => {
      const page = await openFunnels(lang, openApp, host);
      await page.getByRole('button', { name: tr.t('funnels.deleteNamed', { name: ltc.name }) }).click();
      const dialog = page.getByRole('dialog', { name: tr.t('funnels.deleteNamed', { name: ltc.name }) });
      await dialog.getByRole('button', { name: tr.t('funnels.delete') }).click();
      const segments = demo.segments.filter((s) => s.funnelId === 'ltc').length;
      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText(tr.tn('planning.refs.segments', segments));
      await expect(alert).toContainText(tr.tn('planning.refs.scenarios', 1));
      await keepScreenshot(page, testInfo, `funnels-in-use-${lang}`);
      await dialog.getByRole('button', { name: tr.t('dialog.close') }).click();
      expect((await planOf(host)).funnels.map((f) => f.id)).toEqual(demo.funnels.map((f) => f.id));

      // A copy nobody uses can be deleted.
      await page.getByRole('button', { name: tr.t('funnels.duplicateNamed', { name: ltc.name }) }).click();
      const copyName = tr.t('funnels.copyName', { name: ltc.name });
      await expect(page.getByRole('heading', { level: 2, name: copyName })).toBeVisible();
      expect((await planOf(host)).funnels.map((f) => f.id)).toContain('ltc-copy');
      await page.getByRole('button', { name: tr.t('funnels.deleteNamed', { name: copyName }) }).click();
      await page.getByRole('dialog').getByRole('button', { name: tr.t('funnels.delete') }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      expect((await planOf(host)).funnels.map((f) => f.id)).toEqual(demo.funnels.map((f) => f.id));

      // A new MTC funnel starts from the method's stages, under a free id.
      await page.getByRole('button', { name: tr.t('funnels.addMtc') }).click();
      await expect(page.getByRole('heading', { level: 2, name: tr.t('funnels.newMtcName') })).toBeVisible();
      const added = (await planOf(host)).funnels.at(-1)!;
      expect(added.id).toBe('mtc-2');
      expect(added.process).toBe('mtc');
      expect(added.stages.map((s) => s.name)).toEqual(
        (['trend', 'intent', 'visit', 'compare', 'purchase'] as const).map((k) => tr.t(`funnels.mtcStage.${k}`)),
      );
    });

    test('both tabs have no serious accessibility violations', async ({ openApp, host }) => {
      // axe walks every input of the stage, payment and lead tables: slow on a busy machine.
      test.setTimeout(180_000);
      const page = await openFunnels(lang, openApp, host);
      await expect(page.getByRole('table', { name: tr.t('funnels.stages') })).toBeVisible();
      await expectNoSeriousViolations(page, `funnels ${lang}`);
      await page.getByRole('tab', { name: tr.t('funnels.tab.segments') }).click();
      await expect(page.getByRole('table', { name: tr.t('funnels.leadsTable') })).toBeVisible();
      await expectNoSeriousViolations(page, `segments ${lang}`);
    });
  });
}
