// A real CRM account export brought in in one pass, in English and Chinese,
// through the real host and Chromium: the header found and each column guessed
// with its reason → the sector values mapped to segments (the import waits
// while one is left) → potential from revenue × a factor → tiers by rule with
// its preview (shares over 100 % named, nothing applied) → one batch → one
// undo. And "Tier by rule" on the Customers screen, one undoable edit, the
// rule kept in the plan (plan-format v2 `tiering`, in JSON export).
import { createTranslator, type Translator } from '../../shared/i18n';
import type { Customer, Tier } from '../../shared/plan/types';
import { gotoCustomers, storedCustomers } from './customers-helpers';
import { expect, keepScreenshot, test } from './fixtures';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');

const SECTORS = { en: ['Retail', 'Software', 'Banking', 'Government'], 'zh-CN': ['零售', '软件', '银行', '政府'] } as const;
const SEGMENT_OF = ['smb', 'smb', 'fin', 'gov'] as const;

/** A Salesforce (en) or 纷享销客 (zh) account export: 40 accounts, revenue all different. */
function crmCsv(tr: Translator): { csv: string; header: string[] } {
  const header = tr.locale === 'en'
    ? ['Account Name', 'Industry', 'Annual Revenue', 'Billing City', 'Employees']
    : ['客户名称', '所属行业', '年营收', '省份', '员工人数'];
  const sectors = SECTORS[tr.locale];
  const lines = [header.join(',')];
  for (let i = 1; i <= 40; i++) {
    const name = tr.locale === 'en' ? `Northwind ${i} Co` : `华北${i}号公司`;
    const revenue = tr.locale === 'en' ? `"${(i * 250_000).toLocaleString('en-US')}"` : `${i * 25}万`;
    lines.push([name, sectors[i % 4], revenue, tr.locale === 'en' ? 'Suzhou' : '江苏', String(100 + i)].join(','));
  }
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, header };
}

const counts = (list: Customer[]) => {
  const out: Record<Tier, number> = { S: 0, A: 0, B: 0, C: 0 };
  for (const c of list) out[c.tier]++;
  return out;
};

for (const tr of [en, zh]) {
  test(`${tr.locale}: a CRM export → guesses with reasons → values map → tiering preview → import → one undo`, async ({ openApp, host, consoleErrors }, testInfo) => {
    const page = await openApp();
    await gotoCustomers(page, tr);
    const before = await storedCustomers(host);
    await page.getByRole('toolbar', { name: tr.t('customers.toolbar') }).getByRole('button', { name: tr.t('customers.import.button') }).click();
    const dialog = page.getByRole('dialog', { name: tr.t('import.title') });
    const { csv, header } = crmCsv(tr);
    await dialog.getByLabel(tr.t('import.source.fileLabel')).setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await expect(dialog.getByRole('status').filter({ hasText: 'accounts.csv' })).toBeVisible();
    await dialog.getByRole('button', { name: tr.t('import.next') }).click();

    // Columns: the header with its reason, each guess with its reason.
    const headerBox = dialog.getByRole('checkbox', { name: tr.t('import.mapping.headerToggle') });
    await expect(headerBox).toBeChecked();
    await expect(headerBox).toHaveAccessibleDescription(new RegExp(tr.t('import.mapping.headerReason', { reason: '' }).trim()));
    const select = (i: number) => dialog.getByRole('combobox', { name: tr.t('import.mapping.selectLabel', { column: `${'ABCDE'[i]} · ${header[i]}` }) });
    await expect(select(0)).toHaveValue('name');
    await expect(select(1)).toHaveValue('industry');
    await expect(select(2)).toHaveValue('potentialBase');
    await expect(select(3)).toHaveValue('region');
    await expect(dialog.getByTestId('reason-1')).toHaveText(tr.t('import.reason.header', { header: header[1]!, field: tr.t('import.field.industry') }));
    await expect(dialog.getByTestId('reason-2')).toHaveText(tr.t('import.reason.header', { header: header[2]!, field: tr.t('import.field.potentialBase') }));
    await dialog.getByLabel(tr.t('import.mapping.factorLabel')).fill('3 %');
    await keepScreenshot(page, testInfo, `customer-import-crm-columns-${tr.locale}`);
    await dialog.getByRole('button', { name: tr.t('import.next') }).click();

    // Values: the sector column's values to segments; the import waits while one is left.
    await dialog.getByRole('button', { name: tr.t('import.values.add') }).click();
    await dialog.getByLabel(tr.t('import.values.column')).selectOption({ label: `B · ${header[1]}` });
    await dialog.getByLabel(tr.t('import.values.field')).selectOption('segment');
    const next = dialog.getByRole('button', { name: tr.t('import.next') });
    const sectors = SECTORS[tr.locale];
    for (let k = 0; k < 3; k++) await dialog.getByRole('combobox', { name: tr.t('import.values.targetLabel', { value: sectors[k]! }) }).selectOption(SEGMENT_OF[k]!);
    await expect(dialog.getByRole('alert')).toContainText(tr.t('import.valueMap.unmapped', { value: sectors[3]!, count: 10, line: 4, field: tr.t('import.field.segment') }));
    await expect(next).toBeDisabled();
    await keepScreenshot(page, testInfo, `customer-import-crm-values-${tr.locale}`);
    await dialog.getByRole('combobox', { name: tr.t('import.values.targetLabel', { value: sectors[3]! }) }).selectOption(SEGMENT_OF[3]);
    await expect(dialog.getByText(tr.t('import.values.allMapped'))).toBeVisible();
    await next.click();

    // Tiers by rule: shares over 100 % are named and nothing goes on; then the preview.
    await dialog.getByRole('checkbox', { name: tr.t('import.tiering.toggle') }).check();
    await dialog.getByLabel(tr.t('tiering.form.share', { tier: 'S' })).fill('60');
    await dialog.getByLabel(tr.t('tiering.form.share', { tier: 'A' })).fill('50');
    await expect(dialog.getByRole('alert')).toHaveText(tr.t('tiering.problem.sharesOver', { sum: '140%' }));
    await expect(next).toBeDisabled();
    await dialog.getByLabel(tr.t('tiering.form.share', { tier: 'S' })).fill('10');
    await dialog.getByLabel(tr.t('tiering.form.share', { tier: 'A' })).fill('20');
    const totals = dialog.getByRole('table', { name: tr.t('tiering.preview.caption') });
    // 40 rows: S = round(4) = 4, A up to round(12) = 12, B up to round(24) = 24, the rest C.
    for (const [tier, n] of [['S', 4], ['A', 8], ['B', 12], ['C', 16]] as const)
      await expect(totals.getByRole('row', { name: new RegExp(`^${tr.t(`tier.${tier}`)} ${n} `) })).toBeVisible();
    await keepScreenshot(page, testInfo, `customer-import-crm-tiering-${tr.locale}`);
    await next.click();

    // Check and import: one batch.
    await expect(dialog.getByText(tr.t('import.preview.tiered', { S: 4, A: 8, B: 12, C: 16 }))).toBeVisible();
    await dialog.getByRole('button', { name: tr.tn('import.submit', 40) }).click();
    await expect(dialog).toBeHidden();
    const after = await storedCustomers(host);
    const imported = after.filter((c) => !before.some((b) => b.id === c.id));
    expect(imported).toHaveLength(40);
    expect(counts(imported)).toEqual({ S: 4, A: 8, B: 12, C: 16 });
    const top = imported.find((c) => c.name === (tr.locale === 'en' ? 'Northwind 40 Co' : '华北40号公司'))!;
    expect(top).toMatchObject({ tier: 'S', segmentId: 'smb', potential: 300_000 });
    expect(imported.filter((c) => c.segmentId === 'smb')).toHaveLength(20);

    // One undo takes the whole import back.
    await page.getByRole('banner').getByRole('button', { name: new RegExp(`^${tr.t('history.undo')}`) }).click();
    await expect.poll(async () => (await storedCustomers(host)).length).toBe(before.length);
    expect(await storedCustomers(host)).toEqual(before);
    expect(consoleErrors).toEqual([]);
  });
}

for (const tr of [en, zh]) {
  test(`${tr.locale}: Tier by rule on the Customers screen previews the changes and applies them as one undoable edit`, async ({ openApp, host, consoleErrors }) => {
    const page = await openApp();
    await gotoCustomers(page, tr);
    const before = await storedCustomers(host);
    await page.getByRole('button', { name: tr.t('tiering.dialog.button') }).click();
    const dialog = page.getByRole('dialog', { name: tr.t('tiering.dialog.title') });
    await dialog.getByRole('radio', { name: tr.t('tiering.method.threshold') }).check();
    await dialog.getByLabel(tr.t('tiering.form.threshold', { tier: 'S' })).fill('5000万');
    await dialog.getByLabel(tr.t('tiering.form.threshold', { tier: 'A' })).fill('1000万');
    await dialog.getByLabel(tr.t('tiering.form.threshold', { tier: 'B' })).fill('abc');
    await expect(dialog.getByRole('alert')).toHaveText(tr.t('tiering.problem.thresholdText', { tier: 'B', value: 'abc' }));
    await dialog.getByLabel(tr.t('tiering.form.threshold', { tier: 'B' })).fill('1M');
    const expected = (p: number): Tier => (p >= 5e7 ? 'S' : p >= 1e7 ? 'A' : p >= 1e6 ? 'B' : 'C');
    const changing = before.filter((c) => c.tier !== expected(c.potential));
    await expect(dialog.getByRole('status')).toHaveText(tr.tn('tiering.changed', changing.length));
    await expect(dialog.getByText(tr.t('tiering.preview.change', { name: changing[0]!.name, from: changing[0]!.tier, to: expected(changing[0]!.potential) }))).toBeVisible();
    await dialog.getByRole('checkbox', { name: tr.t('tiering.form.keep') }).check();
    await dialog.getByRole('button', { name: tr.tn('tiering.dialog.apply', changing.length) }).click();
    await expect(dialog).toBeHidden();
    for (const c of await storedCustomers(host)) expect(c.tier).toBe(expected(c.potential));
    // The rule is the plan's now, and travels in JSON export.
    const exported = JSON.parse((await host.call<{ json: string }>('file.exportJson')).json) as { tiering?: unknown };
    expect(exported.tiering).toEqual({ method: 'threshold', scope: 'all', S: 5e7, A: 1e7, B: 1e6 });
    await page.getByRole('banner').getByRole('button', { name: new RegExp(`^${tr.t('history.undo')}`) }).click();
    await expect.poll(async () => JSON.stringify(await storedCustomers(host))).toBe(JSON.stringify(before));
    expect(consoleErrors).toEqual([]);
  });
}
