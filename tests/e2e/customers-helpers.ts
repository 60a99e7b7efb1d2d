// Shared by the Customers specs: open the screen in a language on the demo
// plan of that language, find rows and cells of the grid, read what the host has.
import type { Locator, Page } from '@playwright/test';
import { createTranslator, type Locale, type Translator } from '../../shared/i18n';
import type { Customer, Plan } from '../../shared/plan/types';
import { expect, readDemo, type RunningHost } from './fixtures';

export interface CustomersScreen {
  page: Page;
  tr: Translator;
  demo: Plan;
  grid: Locator;
}

export async function openCustomers(openApp: () => Promise<Page>, host: RunningHost, lang: Locale): Promise<CustomersScreen> {
  if (lang === 'zh-CN') await host.call('file.new', { demo: true, lang: 'zh-CN' });
  const demo = readDemo(lang);
  const page = await openApp();
  const tr = createTranslator(lang);
  if (lang === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { level: 2, name: demo.plan.name })).toBeVisible();
  await page.getByRole('navigation', { name: tr.t('nav.label') }).getByRole('link', { name: tr.t('nav.customers') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr.t('nav.customers') })).toBeVisible();
  const grid = page.getByRole('grid', { name: tr.t('customers.grid.label') });
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  return { page, tr, demo, grid };
}

/** The ID column of the first `n` data rows as shown (rows in view are in display order). */
export async function shownIds(grid: Locator, n: number): Promise<string[]> {
  return grid.getByRole('row').evaluateAll(
    (rows, n) => rows.slice(1, 1 + n).map((r) => r.querySelectorAll('[role=gridcell]')[1]?.textContent ?? ''),
    n,
  );
}

/** The data row of customer `id`. */
export function rowOf(grid: Locator, id: string): Locator {
  return grid.getByRole('row').filter({ has: grid.page().getByRole('gridcell', { name: id, exact: true }) });
}

/** A cell of a customer's row, by the column's position in the grid. */
export const COLUMN = { select: 0, id: 1, name: 2, details: 3, tier: 4, segment: 5, region: 6, industry: 7, potential: 8, readiness: 9, phase: 10, status: 11 } as const;

export function cellOf(grid: Locator, id: string, column: keyof typeof COLUMN): Locator {
  return rowOf(grid, id).getByRole('gridcell').nth(COLUMN[column]);
}

/** The customers the host has now. */
export async function storedCustomers(host: RunningHost): Promise<Customer[]> {
  return (await host.call<{ plan: { customers: Customer[] } }>('plan.get')).plan.customers;
}

/** On an open page: switch to the language of `tr` and go to the Customers screen (the import specs start there). */
export async function gotoCustomers(page: Page, tr: Translator) {
  if (tr.locale === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByRole('link', { name: tr.t('nav.customers') }).click();
  await expect(page.getByRole('grid', { name: tr.t('customers.grid.label') })).toBeVisible();
}

export async function storedCustomer(host: RunningHost, id: string): Promise<Customer | undefined> {
  const { plan } = await host.call<{ plan: Plan }>('plan.get');
  return plan.customers.find((c) => c.id === id);
}
