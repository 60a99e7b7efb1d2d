// Paste and file import of customers through the real host, in English and
// Chinese: rows pasted on the grid or chosen as CSV/XLSX files, mapped,
// checked cell by cell, and written in one batch — or not at all.
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { createTranslator, type Translator } from '../../shared/i18n';
import { gotoCustomers, storedCustomers } from './customers-helpers';
import { expect, keepScreenshot, readDemo, test } from './fixtures';

const demo = readDemo('en');
const en = createTranslator('en');
const zh = createTranslator('zh-CN');
const tsv = (rows: string[][]) => `${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`;

/** Pastes text on the customers grid the way the browser delivers Ctrl+V from Excel. */
async function pasteOnGrid(page: Page, tr: Translator, text: string) {
  await page.getByRole('grid', { name: tr.t('customers.grid.label') }).evaluate((grid, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByRole('dialog', { name: tr.t('import.title') })).toBeVisible();
}

async function toPreview(page: Page, tr: Translator) {
  const dialog = page.getByRole('dialog', { name: tr.t('import.title') });
  // rows → columns → values → tiers → check
  for (let i = 0; i < 4; i++) await dialog.getByRole('button', { name: tr.t('import.next') }).click();
  await expect(dialog.getByRole('grid', { name: tr.t('import.preview.gridLabel') })).toBeVisible();
  return dialog;
}

async function expectInGrid(page: Page, tr: Translator, name: string) {
  await page.getByLabel(tr.t('customers.search.label')).fill(name);
  await expect(page.getByRole('grid', { name: tr.t('customers.grid.label') }).getByText(name, { exact: true })).toBeVisible();
}

for (const tr of [en, zh]) {
  test(`${tr.locale}: rows pasted from Excel with a header are mapped, checked and imported in one batch`, async ({ openApp, host, consoleErrors }, testInfo) => {
    const page = await openApp();
    await gotoCustomers(page, tr);
    const header = tr.locale === 'en'
      ? ['Customer name', 'Segment', 'Tier', 'Potential', 'AR', 'Region', 'Key relationship']
      : ['客户名称', '细分市场', '客户分级', '潜力', '客户责任人', '区域', '关键客户关系'];
    await pasteOnGrid(page, tr, tsv([
      header,
      ['Acme Bank', 'Banks and financial institutions', 'A', '¥1,200,000', 'Zhou Jian', 'Shanghai', '2'],
      ['华东电力', 'gov', '战略', '1.2亿', 'lin', '南京', '3'],
      ['"Quoted, with tab"', 'smb', 'c', '850K', '', '', ''],
    ]));
    const dialog = page.getByRole('dialog', { name: tr.t('import.title') });
    await dialog.getByRole('button', { name: tr.t('import.next') }).click();
    // Auto-mapped from the header words.
    await expect(dialog.getByRole('checkbox', { name: tr.t('import.mapping.headerToggle') })).toBeChecked();
    const select = (i: number, h: string) => dialog.getByRole('combobox', { name: tr.t('import.mapping.selectLabel', { column: `${'ABCDEFG'[i]} · ${h}` }) });
    await expect(select(0, header[0]!)).toHaveValue('name');
    await expect(select(2, header[2]!)).toHaveValue('tier');
    await expect(select(4, header[4]!)).toHaveValue('owners.AR');
    await expect(select(6, header[6]!)).toHaveValue('relationship.key');
    for (let i = 0; i < 3; i++) await dialog.getByRole('button', { name: tr.t('import.next') }).click(); // values, tiers, check
    await expect(dialog.getByRole('status').filter({ hasText: tr.t('import.preview.summary', { ready: 3, withErrors: 0, excluded: 0, skipped: 0 }) })).toBeVisible();
    await keepScreenshot(page, testInfo, `customer-import-preview-${tr.locale}`);
    const before = (await storedCustomers(host)).length;
    await dialog.getByRole('button', { name: tr.tn('import.submit', 3) }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(tr.t('import.done', { creates: 3, updates: 0 }))).toBeVisible();

    const after = await storedCustomers(host);
    expect(after).toHaveLength(before + 3);
    expect(after.find((c) => c.name === 'Acme Bank')).toMatchObject({ id: 'acme-bank', segmentId: 'fin', tier: 'A', potential: 1_200_000, owners: { AR: 'zhou' }, region: 'Shanghai', relationship: { key: 2 }, status: 'target' });
    expect(after.find((c) => c.name === '华东电力')).toMatchObject({ segmentId: 'gov', tier: 'S', potential: 120_000_000, owners: { AR: 'lin' } });
    expect(after.find((c) => c.name === 'Quoted, with tab')).toMatchObject({ segmentId: 'smb', tier: 'C', potential: 850_000 });
    await expectInGrid(page, tr, 'Acme Bank');
    expect(consoleErrors).toEqual([]);
  });
}

for (const tr of [en, zh]) {
  test(`${tr.locale}: every invalid cell is shown and nothing is written until the rows are fixed or excluded`, async ({ openApp, host }, testInfo) => {
    const page = await openApp();
    await gotoCustomers(page, tr);
    const existing = demo.customers[0]!;
    await pasteOnGrid(page, tr, tsv([
      ['Id', 'Name', 'Segment', 'Tier', 'Potential', 'AR'],
      ['ok-1', 'Good One', 'fin', 'A', '1,000,000', 'zhou'],
      ['bad-tier', 'Bad Tier', 'fin', 'Z', '1', ''],
      ['bad-number', 'Bad Number', 'fin', 'B', 'lots', ''],
      ['bad-owner', 'Bad Owner', 'fin', 'B', '1', 'Nobody'],
      [existing.id, 'Duplicate', 'fin', 'B', '1', ''],
      ['formula', '=HYPERLINK("x")', 'fin', 'C', '=SUM(A1:A3)', ''],
      ['ok-2', 'Good Two', 'gov', 'C', '120万', ''],
    ]));
    const dialog = await toPreview(page, tr);
    const grid = dialog.getByRole('grid', { name: tr.t('import.preview.gridLabel') });
    const invalid = grid.locator('[aria-invalid="true"]');
    await expect(invalid).toHaveCount(5);
    for (const [value, message] of [
      ['Z', tr.t('import.problem.unknownTier', { value: 'Z' })],
      ['lots', tr.t('import.problem.badNumber', { value: 'lots' })],
      ['Nobody', tr.t('import.problem.unknownPerson', { value: 'Nobody' })],
      [existing.id, tr.t('import.problem.duplicateExisting', { value: existing.id, name: existing.name })],
      ['=SUM(A1:A3)', tr.t('import.problem.formula', { value: '=SUM(A1:A3)' })],
    ]) {
      const cell = grid.getByRole('gridcell', { name: value!, exact: true });
      await expect(cell).toHaveAttribute('aria-invalid', 'true');
      await expect(cell).toHaveAccessibleDescription(message!);
      await expect(dialog.getByRole('button', { name: new RegExp(message!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
    }
    // The formula-looking name is kept as text: a note, not an error.
    const formulaName = grid.getByRole('gridcell', { name: '=HYPERLINK("x")', exact: true });
    await expect(formulaName).not.toHaveAttribute('aria-invalid');
    await expect(formulaName).toHaveAccessibleDescription(tr.t('import.note.formulaText', { value: '=HYPERLINK("x")' }));
    const submit = dialog.getByRole('button', { name: tr.tn('import.submit', 2) });
    await expect(submit).toBeDisabled();
    await expect(dialog.getByText(tr.t('import.preview.blocked'))).toBeVisible();
    await keepScreenshot(page, testInfo, `customer-import-errors-${tr.locale}`);
    expect(await storedCustomers(host)).toHaveLength(demo.customers.length);

    // Fix one cell in place: the tier of "Bad Tier".
    await grid.getByRole('gridcell', { name: 'Z', exact: true }).dblclick();
    const editor = grid.getByRole('textbox', { name: tr.t('import.preview.editLabel', { field: tr.t('import.field.tier'), line: 3 }) });
    await editor.fill('B');
    await editor.press('Enter');
    await expect(invalid).toHaveCount(4);
    // Escape leaves an edit without changing the value, and without closing the dialog.
    await grid.getByRole('gridcell', { name: 'lots', exact: true }).press('Enter');
    await page.keyboard.type('999');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: 'lots', exact: true })).toBeFocused();
    // Arrow keys move between cells.
    await page.keyboard.press('ArrowUp');
    await expect(grid.getByRole('gridcell', { name: '1', exact: true }).first()).toBeFocused();
    await expect(dialog.getByRole('button', { name: tr.tn('import.submit', 3) })).toBeDisabled();

    await dialog.getByRole('button', { name: tr.t('import.preview.excludeProblems') }).click();
    await expect(dialog.getByRole('checkbox', { name: tr.t('import.preview.includeRow', { line: 4 }) })).not.toBeChecked();
    await dialog.getByRole('button', { name: tr.tn('import.submit', 3) }).click();
    await expect(dialog).toBeHidden();
    const after = await storedCustomers(host);
    expect(after).toHaveLength(demo.customers.length + 3);
    expect(after.map((c) => c.id)).toEqual(expect.arrayContaining(['ok-1', 'ok-2', 'bad-tier']));
    expect(after.map((c) => c.id)).not.toContain('bad-number');
    expect(after.find((c) => c.id === existing.id)!.name).toBe(existing.name);
  });
}

test('a CSV file (UTF-8 with BOM, semicolons) is imported through the file input', async ({ openApp, host }) => {
  const page = await openApp();
  await gotoCustomers(page, en);
  await page.getByRole('button', { name: en.t('customers.import.button') }).click();
  const dialog = page.getByRole('dialog', { name: en.t('import.title') });
  const csv = '\uFEFFName;Segment;Tier;Potential\r\n"Müller; Söhne";fin;A;1.200.000,50\r\nBeta AG;smb;B;300\r\n';
  await dialog.getByLabel(en.t('import.source.fileLabel')).setInputFiles({ name: 'kunden.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(dialog.getByText(en.t('import.source.fileRead', { fileName: 'kunden.csv', encoding: en.t('import.encoding.utf-8'), count: 3 }))).toBeVisible();
  await dialog.getByRole('button', { name: en.t('import.next') }).click();
  await expect(dialog.getByRole('checkbox', { name: en.t('import.mapping.decimalComma') })).toBeChecked();
  for (let i = 0; i < 3; i++) await dialog.getByRole('button', { name: en.t('import.next') }).click(); // values, tiers, check
  await dialog.getByRole('button', { name: en.tn('import.submit', 2) }).click();
  await expect(dialog).toBeHidden();
  const after = await storedCustomers(host);
  expect(after.find((c) => c.name === 'Müller; Söhne')).toMatchObject({ tier: 'A', potential: 1_200_000.5 });
  expect(after.find((c) => c.name === 'Beta AG')).toMatchObject({ segmentId: 'smb', potential: 300 });
});

test('an XLSX workbook is read by the host, with a worksheet choice, in Chinese', async ({ openApp, host }) => {
  await host.call('file.new', { demo: true, lang: 'zh-CN' }); // segment names in Chinese
  const page = await openApp();
  await gotoCustomers(page, zh);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本工作簿用于导入']);
  const ws = wb.addWorksheet('客户名单');
  ws.addRow(['客户名称', '细分市场', '分级', '潜力']);
  ws.addRow(['苏州银行', '银行及金融机构', 'A 核心', 5000000]);
  ws.addRow(['合肥政务', 'gov', '成长', { formula: 'D2*2', result: 10000000 }]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await page.getByRole('button', { name: zh.t('customers.import.button') }).click();
  const dialog = page.getByRole('dialog', { name: zh.t('import.title') });
  await dialog.getByLabel(zh.t('import.source.fileLabel')).setInputFiles({ name: '客户.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  const sheet = dialog.getByLabel(zh.t('import.source.sheetLabel'));
  await expect(sheet).toBeVisible();
  await sheet.selectOption({ label: '客户名单' });
  await expect(dialog.getByText(zh.t('import.source.fileRead', { fileName: '客户.xlsx', encoding: zh.t('import.encoding.xlsx'), count: 3 }))).toBeVisible();
  await toPreview(page, zh);
  await dialog.getByRole('button', { name: zh.tn('import.submit', 2) }).click();
  await expect(dialog).toBeHidden();
  const after = await storedCustomers(host);
  expect(after.find((c) => c.name === '苏州银行')).toMatchObject({ segmentId: 'fin', tier: 'A', potential: 5_000_000 });
  expect(after.find((c) => c.name === '合肥政务')).toMatchObject({ segmentId: 'gov', tier: 'B', potential: 10_000_000 });
});

test('the import dialog has no serious accessibility violations in either language', async ({ openApp }) => {
  const page = await openApp();
  for (const tr of [en, zh]) {
    await gotoCustomers(page, tr);
    await pasteOnGrid(page, tr, tsv([['Name', 'Segment', 'Tier', 'Potential'], ['Acme', 'fin', 'Z', 'lots'], ['Beta', 'gov', 'A', '5']]));
    const dialog = page.getByRole('dialog', { name: tr.t('import.title') });
    for (const step of ['source', 'mapping', 'values', 'tiering', 'preview'] as const) {
      const result = await new AxeBuilder({ page }).include('dialog').analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${tr.locale} ${step}`).toEqual([]);
      if (step !== 'preview') await dialog.getByRole('button', { name: tr.t('import.next') }).click();
    }
    await dialog.getByRole('button', { name: tr.t('dialog.cancel') }).click();
    await expect(dialog).toBeHidden();
  }
});
