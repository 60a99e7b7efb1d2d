// The Customers screen in real Chromium through the HTTP host, in English and
// Chinese (on the demo plan of that language): sorting by a header, filters,
// grouping, the tier pyramid, the detail panel with readiness and the radar,
// and the paste hook of the import.
import { formatMoney, formatNumber } from '../../shared/i18n';
import type { Customer } from '../../shared/plan/types';
import { readiness } from '../../shared/simulation';
import { expect, keepScreenshot, test } from './fixtures';
import { cellOf, openCustomers, shownIds } from './customers-helpers';
import { expectNoSeriousAxeViolations, LANGS } from './planning-helpers';

const readinessText = (c: Pick<Customer, 'relationship' | 'factors'>, locale: string) =>
  `×${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(readiness(c))}`;

for (const lang of LANGS) {
  test(`sorts by clicking a column header (${lang})`, async ({ openApp, host }, testInfo) => {
    const { page, tr, demo, grid } = await openCustomers(openApp, host, lang);
    const potential = grid.getByRole('columnheader', { name: tr.t('customers.col.potential') });
    await expect(potential).toHaveAttribute('aria-sort', 'none');
    await potential.getByRole('button').click();
    await expect(potential).toHaveAttribute('aria-sort', 'ascending');
    const asc = [...demo.customers].sort((a, b) => a.potential - b.potential).map((c) => c.id);
    expect(await shownIds(grid, 8)).toEqual(asc.slice(0, 8));
    await potential.getByRole('button').click();
    await expect(potential).toHaveAttribute('aria-sort', 'descending');
    const desc = [...demo.customers].sort((a, b) => b.potential - a.potential).map((c) => c.id);
    expect(await shownIds(grid, 8)).toEqual(desc.slice(0, 8));

    // Names in the language's own order (pinyin in Chinese); the other header goes back to none.
    const name = grid.getByRole('columnheader', { name: tr.t('customers.col.name') });
    await name.getByRole('button').click();
    await expect(name).toHaveAttribute('aria-sort', 'ascending');
    await expect(potential).toHaveAttribute('aria-sort', 'none');
    const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
    const byName = [...demo.customers].sort((a, b) => collator.compare(a.name, b.name)).map((c) => c.id);
    expect(await shownIds(grid, 10)).toEqual(byName.slice(0, 10));
    await keepScreenshot(page, testInfo, `customers-sorted-${lang}`);
  });

  test(`filters by tier and text, and groups by tier with the demo's counts (${lang})`, async ({ openApp, host }) => {
    const { page, tr, demo, grid } = await openCustomers(openApp, host, lang);
    const total = demo.customers.length;
    const count = page.getByRole('status').filter({ hasText: tr.t('customers.count', { shown: total, total }) });
    await expect(count).toBeVisible();

    await page.getByLabel(tr.t('customers.col.tier'), { exact: true }).selectOption('S');
    const s = demo.customers.filter((c) => c.tier === 'S');
    await expect(page.getByText(tr.t('customers.count', { shown: s.length, total }))).toBeVisible();
    expect(await shownIds(grid, 50)).toEqual(s.map((c) => c.id));
    const chips = page.getByRole('list', { name: tr.t('customers.filters.label') });
    await expect(chips).toContainText(tr.t('tier.S'));

    // Text search over name, id, region and industry, on top of the tier.
    const word = s[0]!.region!;
    await page.getByLabel(tr.t('customers.search.label')).fill(word);
    const both = s.filter((c) => [c.id, c.name, c.region, c.industry].some((v) => v?.toLowerCase().includes(word.toLowerCase())));
    await expect(page.getByText(tr.t('customers.count', { shown: both.length, total }))).toBeVisible();
    expect(await shownIds(grid, 50)).toEqual(both.map((c) => c.id));

    await page.getByRole('button', { name: tr.t('customers.filter.clearAll') }).click();
    await expect(count).toBeVisible();

    await page.getByLabel(tr.t('customers.group.label')).selectOption('tier');
    const currency = demo.plan.currency;
    for (const tier of ['S', 'A', 'B', 'C'] as const) {
      const members = demo.customers.filter((c) => c.tier === tier);
      const header = grid.getByRole('button', { name: new RegExp(`^${tr.t(`tier.${tier}`)}`) });
      await expect(header).toContainText(tr.tn('customers.group.count', members.length));
      await expect(header).toContainText(formatMoney(members.reduce((sum, c) => sum + c.potential, 0), currency, lang));
      await expect(grid.getByRole('gridcell', { name: members[0]!.id, exact: true })).toBeVisible();
      // Folding the group hides its rows (and brings the next group into view).
      await header.click();
      await expect(header).toHaveAttribute('aria-expanded', 'false');
      await expect(grid.getByRole('gridcell', { name: members[0]!.id, exact: true })).toHaveCount(0);
    }
  });

  test(`the detail panel shows readiness and the radar; a relationship layer changes readiness (${lang})`, async ({
    openApp,
    host,
  }, testInfo) => {
    const { page, tr, demo, grid } = await openCustomers(openApp, host, lang);
    const c = demo.customers[0]!;
    await grid.getByRole('button', { name: tr.t('customers.details.openFor', { name: c.name }) }).click();
    const dialog = page.getByRole('dialog', { name: tr.t('customers.detail.heading', { name: c.name, id: c.id }) });
    await expect(dialog).toBeVisible();
    const ready = dialog.getByRole('region', { name: tr.t('customers.readiness.title') });
    await expect(ready).toContainText(readinessText(c, lang));
    await expect(dialog.getByRole('img', { name: tr.t('customers.radar.label', { name: c.name }) })).toBeVisible();
    await expect(dialog.locator('svg path').first()).toBeVisible();
    await expect(dialog.getByLabel(tr.t('role.AR'))).toHaveValue(c.owners.AR ?? '');

    await dialog.getByLabel(tr.t('layer.key'), { exact: true }).selectOption('4');
    const stronger = { ...c, relationship: { ...c.relationship, key: 4 } };
    await expect(ready).toContainText(readinessText(stronger, lang));
    expect(readinessText(stronger, lang)).not.toBe(readinessText(c, lang));
    // The same number in the grid, and the change is in the plan.
    await expect(cellOf(grid, c.id, 'readiness')).toHaveText(readinessText(stronger, lang));
    const { plan } = await host.call<{ plan: { customers: Customer[] } }>('plan.get');
    expect(plan.customers.find((x) => x.id === c.id)!.relationship.key).toBe(4);

    // An unscored factor counts as neutral.
    await dialog.getByLabel(tr.t('factor.salesSkill')).selectOption('');
    const unscored = structuredClone(stronger);
    delete unscored.factors!.salesSkill;
    await expect(ready).toContainText(readinessText(unscored, lang));

    await keepScreenshot(page, testInfo, `customers-detail-${lang}`);
    await expectNoSeriousAxeViolations(page, `customers with details open (${lang})`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test(`clicking a tier in the pyramid filters the table, and the chip clears it (${lang})`, async ({ openApp, host }) => {
    const { page, tr, demo } = await openCustomers(openApp, host, lang);
    const pyramid = page.getByRole('img', { name: tr.t('customers.pyramid.chartLabel') });
    await expect(pyramid.locator('svg')).toBeVisible();
    const box = (await pyramid.boundingBox())!;
    // Four levels stacked from the top (S) to the base (C) between 8 px margins.
    const level = (i: number) => box.y + 8 + ((box.height - 16) / 4) * (i + 0.5);
    await page.mouse.click(box.x + box.width / 2, level(1));
    const a = demo.customers.filter((c) => c.tier === 'A');
    const total = demo.customers.length;
    await expect(page.getByText(tr.t('customers.count', { shown: a.length, total }))).toBeVisible();
    const chip = tr.t('customers.chip', { name: tr.t('customers.col.tier'), value: tr.t('tier.A') });
    await page.getByRole('button', { name: tr.t('customers.chip.remove', { label: chip }) }).click();
    await expect(page.getByText(tr.t('customers.count', { shown: total, total }))).toBeVisible();
    // The list beside the pyramid does the same from the keyboard, with the figures.
    const sButton = page.getByRole('button', { name: new RegExp(`^${tr.t('tier.S')}`) });
    await expect(sButton).toContainText(formatNumber(demo.customers.filter((c) => c.tier === 'S').length, lang));
    await sButton.press('Enter');
    await expect(sButton).toHaveAttribute('aria-pressed', 'true');
  });
}

test('pasting rows onto the grid opens the import with the pasted text', async ({ openApp, host }) => {
  const { page, tr, grid } = await openCustomers(openApp, host, 'en');
  await grid.focus();
  await grid.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Name\tTier\nPasted Bank\tA\n');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('dialog', { name: tr.t('import.title') })).toBeVisible();
});

test('the screen, its charts and the detail panel run without console errors (strict CSP included)', async ({ openApp, host, consoleErrors }) => {
  const { page, tr, demo, grid } = await openCustomers(openApp, host, 'en');
  const scatter = page.getByRole('img', { name: tr.t('customers.scatter.chartLabel') });
  const box = (await scatter.boundingBox())!;
  // Hovering shows a tooltip (styled through the CSSOM, which the CSP allows).
  for (let i = 1; i < 10; i++) await page.mouse.move(box.x + (box.width * i) / 10, box.y + box.height / 2);
  await grid.getByRole('button', { name: tr.t('customers.details.openFor', { name: demo.customers[0]!.name }) }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  expect(consoleErrors).toEqual([]);
});

test('a customer’s details open from the address, and the address follows the open details', async ({ openApp, host }) => {
  const { page, tr, demo } = await openCustomers(openApp, host, 'en');
  const c = demo.customers[2]!;
  await page.evaluate((id) => (location.hash = `#/customers/${id}`), c.id);
  const dialog = page.getByRole('dialog', { name: tr.t('customers.detail.heading', { name: c.name, id: c.id }) });
  await expect(dialog).toBeVisible();
  await page.reload();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: tr.t('dialog.close') }).last().click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/customers$/);
  await page.getByRole('link', { name: tr.t('nav.overview') }).click();
  await expect(page).toHaveURL(/#\/overview$/);
});
