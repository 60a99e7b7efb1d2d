// Editing on the Customers screen, in real Chromium through the HTTP host:
// inline edits with the keyboard that survive a reload, refused edits that
// show the reason and the stored value, bulk edit, add, delete and undo.
import { formatMoney } from '../../shared/i18n';
import { expect, test } from './fixtures';
import { cellOf, openCustomers, rowOf, storedCustomer } from './customers-helpers';
import { LANGS } from './planning-helpers';

for (const lang of LANGS) {
  test(`edits cells with the keyboard; the edits survive a reload (${lang})`, async ({ openApp, host }) => {
    const { page, tr, demo, grid } = await openCustomers(openApp, host, lang);
    const c = demo.customers[0]!;
    const currency = demo.plan.currency;

    // Click a cell, Enter edits, Enter saves.
    await cellOf(grid, c.id, 'potential').click();
    await page.keyboard.press('Enter');
    const editor = grid.getByRole('textbox', { name: tr.t('customers.editor', { column: tr.t('customers.col.potential'), name: c.name }) });
    await expect(editor).toHaveValue(String(c.potential));
    await editor.fill('65,000,000');
    await page.keyboard.press('Enter');
    await expect(cellOf(grid, c.id, 'potential')).toHaveText(formatMoney(65_000_000, currency, lang));
    await expect(grid).toBeFocused();

    // Arrows move the active cell; typing starts editing with that character; Tab saves and moves right.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('Wuxi');
    await page.keyboard.press('Tab');
    await expect(cellOf(grid, c.id, 'region')).toHaveText('Wuxi');
    const industryCell = cellOf(grid, c.id, 'industry');
    await expect(grid).toHaveAttribute('aria-activedescendant', (await industryCell.getAttribute('id'))!);

    // Esc throws the typing away.
    await page.keyboard.type('Nothing');
    await page.keyboard.press('Escape');
    await expect(industryCell).toHaveText(c.industry!);

    // A choice column edits with a select.
    await cellOf(grid, c.id, 'tier').click();
    await page.keyboard.press('Enter');
    await grid.getByRole('combobox', { name: tr.t('customers.editor', { column: tr.t('customers.col.tier'), name: c.name }) }).selectOption('B');
    await page.keyboard.press('Enter');
    await expect(cellOf(grid, c.id, 'tier')).toContainText(tr.t('tier.B'));

    expect(await storedCustomer(host, c.id)).toMatchObject({ potential: 65_000_000, region: 'Wuxi', industry: c.industry, tier: 'B' });
    await page.reload();
    await expect(cellOf(grid, c.id, 'potential')).toHaveText(formatMoney(65_000_000, currency, lang));
    await expect(cellOf(grid, c.id, 'region')).toHaveText('Wuxi');
    await expect(cellOf(grid, c.id, 'tier')).toContainText(tr.t('tier.B'));
  });

  test(`a refused edit shows the reason and the stored value (${lang})`, async ({ openApp, host }) => {
    const { page, tr, demo, grid } = await openCustomers(openApp, host, lang);
    const [c, other] = [demo.customers[0]!, demo.customers[1]!];
    const alert = page.getByRole('alert').filter({ hasText: c.name });

    // A taken id: the host refuses.
    await cellOf(grid, c.id, 'id').click();
    await page.keyboard.press('Enter');
    await grid.getByRole('textbox').fill(other.id);
    await page.keyboard.press('Enter');
    await expect(alert).toContainText(tr.t('customers.col.id'));
    await expect(alert).toContainText(`"${other.id}"`);
    await expect(cellOf(grid, c.id, 'id')).toHaveText(c.id);
    await expect(cellOf(grid, c.id, 'id')).toHaveAttribute('aria-invalid', 'true');

    // Not a number: refused before sending.
    await cellOf(grid, c.id, 'potential').click();
    await page.keyboard.press('Enter');
    await grid.getByRole('textbox').fill('lots');
    await page.keyboard.press('Enter');
    await expect(alert).toContainText(tr.t('customers.error.notNumber', { text: 'lots' }));
    await expect(cellOf(grid, c.id, 'potential')).toHaveText(formatMoney(c.potential, demo.plan.currency, lang));

    // A negative amount: the host's schema refuses it, with its reason.
    await page.keyboard.press('Enter');
    await grid.getByRole('textbox').fill('-5');
    await page.keyboard.press('Enter');
    await expect(alert).toContainText('must be ≥ 0');
    await expect(cellOf(grid, c.id, 'potential')).toHaveText(formatMoney(c.potential, demo.plan.currency, lang));
    expect(await storedCustomer(host, c.id)).toEqual(c);

    // Saving the cell clears its mark.
    await page.keyboard.press('Enter');
    await grid.getByRole('textbox').fill('1000');
    await page.keyboard.press('Enter');
    await expect(cellOf(grid, c.id, 'potential')).not.toHaveAttribute('aria-invalid', 'true');
  });
}

test('bulk-edits the tier of three selected rows (shift-click selects the range)', async ({ openApp, host }) => {
  const { page, tr, demo, grid } = await openCustomers(openApp, host, 'en');
  const three = demo.customers.slice(8, 11);
  await rowOf(grid, three[0]!.id).getByRole('checkbox').click();
  await rowOf(grid, three[2]!.id).getByRole('checkbox').click({ modifiers: ['Shift'] });
  const bar = page.getByRole('region', { name: tr.t('customers.bulk.region') });
  await expect(bar).toContainText(tr.tn('customers.bulk.selected', 3));
  for (const c of three) await expect(rowOf(grid, c.id)).toHaveAttribute('aria-selected', 'true');
  await bar.getByLabel(tr.t('customers.col.tier')).selectOption('S');
  await bar.getByRole('button', { name: tr.t('customers.bulk.apply') }).click();
  await expect(page.getByRole('status').filter({ hasText: tr.tn('customers.bulk.done', three.filter((c) => c.tier !== 'S').length) })).toBeVisible();
  for (const c of three) {
    await expect(cellOf(grid, c.id, 'tier')).toContainText(tr.t('tier.S'));
    expect((await storedCustomer(host, c.id))!.tier).toBe('S');
  }
});

test('adds a customer, deletes it after confirming, and Undo brings it back', async ({ openApp, host }) => {
  const { page, tr, demo, grid } = await openCustomers(openApp, host, 'en');
  await page.getByRole('button', { name: tr.t('customers.add.button') }).click();
  const dialog = page.getByRole('dialog', { name: tr.t('customers.add.title') });
  await dialog.getByRole('button', { name: tr.t('customers.add.submit') }).click();
  await expect(dialog.getByRole('alert')).toHaveText(tr.t('customers.add.required', { field: tr.t('customers.col.id') }));
  await dialog.getByLabel(tr.t('customers.col.name')).fill('Xinhe Cold Chain Logistics');
  await expect(dialog.getByLabel(tr.t('customers.col.id'))).toHaveValue('xinhe-cold-chain-logistics');
  await dialog.getByLabel(tr.t('customers.col.potential')).fill('3,500,000');
  await dialog.getByLabel(tr.t('customers.col.tier')).selectOption('B');
  await dialog.getByRole('button', { name: tr.t('customers.add.submit') }).click();
  await expect(dialog).toBeHidden();
  const added = await storedCustomer(host, 'xinhe-cold-chain-logistics');
  expect(added).toMatchObject({ name: 'Xinhe Cold Chain Logistics', potential: 3_500_000, tier: 'B', segmentId: demo.segments[0]!.id, status: 'target' });

  const total = demo.customers.length + 1;
  expect(demo.customers.some((c) => c.name.toLowerCase().includes('xinhe'))).toBe(false);
  await page.getByLabel(tr.t('customers.search.label')).fill('xinhe');
  await expect(page.getByText(tr.t('customers.count', { shown: 1, total }))).toBeVisible();
  await rowOf(grid, 'xinhe-cold-chain-logistics').getByRole('checkbox').click();
  await page.getByRole('toolbar').getByRole('button', { name: tr.t('customers.delete.button') }).click();
  const confirm = page.getByRole('dialog', { name: tr.tn('customers.delete.title', 1) });
  await expect(confirm).toContainText('“Xinhe Cold Chain Logistics”');
  await confirm.getByRole('button', { name: tr.tn('customers.delete.confirm', 1) }).click();
  await expect(page.getByText(tr.t('customers.count', { shown: 0, total: total - 1 }))).toBeVisible();
  expect(await storedCustomer(host, 'xinhe-cold-chain-logistics')).toBeUndefined();

  // The notice's own Undo (the header has the global one too).
  const notice = page.getByRole('status').filter({ hasText: tr.tn('customers.delete.done', 1) });
  await notice.getByRole('button', { name: tr.t('customers.delete.undo'), exact: true }).click();
  await expect(page.getByText(tr.t('customers.count', { shown: 1, total }))).toBeVisible();
  expect(await storedCustomer(host, 'xinhe-cold-chain-logistics')).toEqual(added);
});
