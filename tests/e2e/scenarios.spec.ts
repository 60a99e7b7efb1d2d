// The Scenarios screen in real Chromium through the HTTP host, in English
// and in Chinese: create, edit (multipliers as percentages, per-stage
// adjustments), duplicate and delete, each checked against what the host
// stored; what a scenario does in words; no serious accessibility violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createTranslator, type Locale } from '../../shared/i18n';
import type { Plan, Scenario } from '../../shared/plan/types';
import { describeScenario } from '../../renderer/stores/scenarios/scenarioText';
import { expect, keepScreenshot, readDemo, test, type RunningHost } from './fixtures';

const LANGS: Locale[] = ['en', 'zh-CN'];

async function scenariosOf(host: RunningHost): Promise<Scenario[]> {
  return (await host.call<{ plan: Plan }>('plan.get')).plan.scenarios;
}

async function openScenarios(lang: Locale, openApp: () => Promise<Page>, host: RunningHost): Promise<Page> {
  const tr = createTranslator(lang);
  if (lang === 'zh-CN') await host.call('file.new', { demo: true, lang: 'zh-CN' });
  const page = await openApp();
  if (lang === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByRole('link', { name: tr.t('nav.scenarios') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr.t('nav.scenarios') })).toBeVisible();
  return page;
}

for (const lang of LANGS) {
  const tr = createTranslator(lang);
  const demo = readDemo(lang);
  const pessimistic = demo.scenarios.find((s) => s.id === 'pessimistic')!;
  const ltc = demo.funnels.find((f) => f.id === 'ltc')!;

  test.describe(`Scenarios (${lang})`, () => {
    test('each scenario says what it does, in words', async ({ openApp, host }, testInfo) => {
      const page = await openScenarios(lang, openApp, host);
      const list = page.getByRole('region', { name: tr.t('scenarios.list') });
      for (const s of demo.scenarios) await expect(list.getByRole('button', { name: new RegExp(`^${s.name}`) })).toContainText(describeScenario(s.adjust, tr, demo.funnels));
      // The words name the stage by its name, and the changes as signed percentages.
      const words = describeScenario(pessimistic.adjust, tr, demo.funnels);
      expect(words).toContain(ltc.stages.find((s) => s.key === 'bid')!.name);
      expect(words).toContain('\u221220%');
      await keepScreenshot(page, testInfo, `scenarios-${lang}`);
    });

    test('a new scenario is created and edited: multipliers, unchanged, a stage adjustment', async ({ openApp, host }) => {
      const page = await openScenarios(lang, openApp, host);
      await page.getByRole('button', { name: tr.t('scenarios.add') }).click();
      const newName = tr.t('scenarios.newName');
      await expect(page.getByRole('heading', { level: 2, name: newName })).toBeVisible();
      await expect.poll(async () => (await scenariosOf(host)).find((s) => s.id === 'scenario')).toEqual({ id: 'scenario', name: newName, adjust: {} });
      await expect(page.getByText(tr.t('scenarios.none')).first()).toBeVisible();

      const name = page.getByRole('textbox', { name: tr.t('scenarios.name') });
      await name.fill('Downside 2028');
      await name.press('Enter');
      await expect(page.getByRole('heading', { level: 2, name: 'Downside 2028' })).toBeVisible();

      const leads = page.getByRole('textbox', { name: tr.t('scenarios.leadsLabel') });
      await expect(leads).toHaveAttribute('placeholder', tr.t('scenarios.unchanged'));
      await leads.fill('80');
      await leads.press('Tab');
      const days = page.getByRole('textbox', { name: tr.t('scenarios.daysLabel') });
      await days.fill('120 %');
      await days.press('Enter');
      const stored = async () => (await scenariosOf(host)).find((s) => s.id === 'scenario')!;
      await expect.poll(async () => (await stored()).adjust).toEqual({ leads: 0.8, days: 1.2 });
      const effect = page.getByText(tr.t('scenarios.effect')).locator('..');
      await expect(effect).toContainText(describeScenario({ leads: 0.8, days: 1.2 }, tr, demo.funnels));

      // Not a percentage: shown inline, nothing saved.
      const conversion = page.getByRole('textbox', { name: tr.t('scenarios.conversionLabel') });
      await conversion.fill('lots');
      await conversion.press('Enter');
      await expect(conversion).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText(tr.t('scenarios.badPercent'))).toBeVisible();
      await conversion.press('Escape');
      await expect(conversion).toHaveValue('');

      // Emptied: unchanged again (the multiplier is absent, not 1).
      await leads.fill('');
      await leads.press('Enter');
      await expect.poll(async () => (await stored()).adjust).toEqual({ days: 1.2 });

      await page.getByRole('button', { name: tr.t('scenarios.stageAdd') }).click();
      await expect.poll(async () => (await stored()).adjust.stages).toEqual([{ funnelId: 'ltc', stageKey: ltc.stages[0]!.key, conversion: 1 }]);
      await page.getByRole('combobox', { name: tr.t('scenarios.stageStageOf', { n: 1 }) }).selectOption({ label: ltc.stages.find((s) => s.key === 'solution')!.name });
      const factor = page.getByRole('textbox', { name: tr.t('scenarios.stageFactorOf', { n: 1 }) });
      await factor.fill('75');
      await factor.press('Enter');
      await expect.poll(async () => (await stored()).adjust.stages).toEqual([{ funnelId: 'ltc', stageKey: 'solution', conversion: 0.75 }]);
      await expect(effect).toContainText(describeScenario((await stored()).adjust, tr, demo.funnels));

      await page.getByRole('button', { name: tr.t('scenarios.stageRemove', { n: 1 }) }).click();
      await expect.poll(async () => (await stored()).adjust).toEqual({ days: 1.2 });
    });

    test('a scenario is duplicated under a new id and the copy deleted', async ({ openApp, host }) => {
      const page = await openScenarios(lang, openApp, host);
      const duplicate = page.getByRole('button', { name: tr.t('scenarios.duplicateNamed', { name: pessimistic.name }) });
      await duplicate.click();
      const copyName = tr.t('funnels.copyName', { name: pessimistic.name });
      await expect(page.getByRole('heading', { level: 2, name: copyName })).toBeVisible();
      await expect.poll(async () => (await scenariosOf(host)).map((s) => s.id)).toEqual(['pessimistic', 'pessimistic-copy', ...demo.scenarios.slice(1).map((s) => s.id)]);
      const copy = (await scenariosOf(host)).find((s) => s.id === 'pessimistic-copy')!;
      expect(copy).toEqual({ ...pessimistic, id: 'pessimistic-copy', name: copyName });

      // Duplicating the original again picks the next free id.
      await page.getByRole('region', { name: tr.t('scenarios.list') }).getByRole('button', { name: new RegExp(`^${pessimistic.name}`) }).first().click();
      await duplicate.click();
      await expect.poll(async () => (await scenariosOf(host)).map((s) => s.id)).toContain('pessimistic-copy-2');
      // …and a name of its own, so the two copies can be told apart.
      expect((await scenariosOf(host)).find((s) => s.id === 'pessimistic-copy-2')!.name).toBe(
        tr.t('funnels.copyNameN', { name: pessimistic.name, n: 2 }),
      );

      await page.getByRole('region', { name: tr.t('scenarios.list') }).getByRole('button', { name: new RegExp(`^${escape(copyName)}`) }).first().click();
      await page.getByRole('button', { name: tr.t('scenarios.deleteNamed', { name: copyName }) }).first().click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(tr.t('scenarios.deleteQuestion', { name: copyName }));
      await dialog.getByRole('button', { name: tr.t('funnels.delete') }).click();
      await expect(dialog).toHaveCount(0);
      await expect.poll(async () => (await scenariosOf(host)).map((s) => s.id)).toEqual(['pessimistic', 'pessimistic-copy-2', ...demo.scenarios.slice(1).map((s) => s.id)]);
    });

    test('has no serious accessibility violations', async ({ openApp, host }) => {
      const page = await openScenarios(lang, openApp, host);
      await expect(page.getByRole('table', { name: tr.t('scenarios.stages') })).toBeVisible();
      const result = await new AxeBuilder({ page }).analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
