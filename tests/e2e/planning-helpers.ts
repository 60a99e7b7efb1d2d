// Shared by the planning screens' specs (phases, people, goals): open a
// screen in a language on the demo plan of that language, and check axe.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createTranslator, type Locale, type Translator } from '../../shared/i18n';
import type { Plan } from '../../shared/plan/types';
import { expect, readDemo, type RunningHost } from './fixtures';

export const LANGS: readonly Locale[] = ['en', 'zh-CN'];

export interface Screen {
  page: Page;
  tr: Translator;
  demo: Plan;
}

/** The demo plan in `lang` (a Chinese session works on the Chinese demo), the UI in `lang`, on `view`. */
export async function openScreen(
  openApp: () => Promise<Page>,
  host: RunningHost,
  lang: Locale,
  view: 'phases' | 'people' | 'goals' | 'gate',
): Promise<Screen> {
  if (lang === 'zh-CN') await host.call('file.new', { demo: true, lang: 'zh-CN' });
  const demo = readDemo(lang);
  const page = await openApp();
  const tr = createTranslator(lang);
  if (lang === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  await page.getByRole('navigation', { name: tr.t('nav.label') }).getByRole('link', { name: tr.t(`nav.${view}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr.t(`nav.${view}`) })).toBeVisible();
  return { page, tr, demo };
}

export async function expectNoSeriousAxeViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

export interface PlanGet {
  revision: number;
  plan: Plan;
}
