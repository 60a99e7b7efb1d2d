// import.readSpreadsheet: a real .xlsx written by exceljs, read back through
// the app's dispatcher (argument schema included) into text grids, and on
// into the customer import.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SPREADSHEET_MAX_BYTES, type SpreadsheetSheet } from '../../shared/api/methods/import';
import { autoMap, createImportContext, dataRows, validateRows } from '../../shared/import';
import { demoJson, startApp } from './store-helpers';

async function workbookBase64(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户名单');
  ws.addRow(['客户名称', '客户分级', '细分市场', '潜力', '签约日期', '在用', '备注']);
  ws.addRow(['江南银行', 'S', 'fin', 1200000, new Date(Date.UTC(2027, 2, 15)), true, { richText: [{ text: '重点' }, { text: '客户', font: { bold: true } }] }]);
  // A formula with the result Excel cached, one whose cached result has float noise, and one without any result.
  ws.addRow(['华东电力', 'A', 'gov', { formula: 'D2*2', result: 2400000 }, null, false, { text: '链接', hyperlink: 'https://example.com' }]);
  ws.addRow(['Noise Ltd', 'B', 'smb', { formula: '0.1+0.2', result: 0.30000000000000004 }]);
  ws.addRow(['No Cache', 'C', 'smb', { formula: 'SUM(D2:D3)' }]);
  ws.addRow([]);
  ws.addRow([]);
  const other = wb.addWorksheet('Other sheet');
  other.getCell('B2').value = 42;
  const buffer = await wb.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}

describe('import.readSpreadsheet', () => {
  it('reads every sheet as display strings: numbers plain, dates ISO, formulas as their cached result', async () => {
    const t = startApp();
    const { sheets } = await t.call('import.readSpreadsheet', { fileName: 'customers.xlsx', dataBase64: await workbookBase64() });
    expect(sheets.map((s: SpreadsheetSheet) => s.name)).toEqual(['客户名单', 'Other sheet']);
    expect(sheets[0]!.rows).toEqual([
      ['客户名称', '客户分级', '细分市场', '潜力', '签约日期', '在用', '备注'],
      ['江南银行', 'S', 'fin', '1200000', '2027-03-15', 'TRUE', '重点客户'],
      ['华东电力', 'A', 'gov', '2400000', '', 'FALSE', '链接'],
      ['Noise Ltd', 'B', 'smb', '0.3'],
      ['No Cache', 'C', 'smb', '=SUM(D2:D3)'],
    ]);
    expect(sheets[1]!.rows).toEqual([[], ['', '42']]);
  });

  it('feeds the customer import: a formula without a cached value is refused, never evaluated', async () => {
    const t = startApp();
    const { sheets } = await t.call('import.readSpreadsheet', { fileName: 'customers.xlsx', dataBase64: await workbookBase64() });
    const plan = demoJson();
    const ctx = createImportContext({ currency: plan.plan.currency, ...plan });
    const grid = sheets[0]!.rows;
    const auto = autoMap(grid, ctx);
    expect(auto.hasHeader).toBe(true);
    const result = validateRows(
      dataRows(grid, true),
      { ...auto, defaults: { segmentId: null, tier: null, status: 'target' }, existing: 'error', decimalComma: false },
      ctx,
    );
    expect(result.rows.map((r) => r.customer?.potential ?? null)).toEqual([1200000, 2400000, 0.3, null]);
    expect(result.rows[3]!.problems).toMatchObject([{ field: 'potential', key: 'import.problem.formula', params: { value: '=SUM(D2:D3)' } }]);
  });

  it('refuses a file over the size limit with a reason the screen can translate', async () => {
    const t = startApp();
    const err = await t.fail('import.readSpreadsheet', {
      fileName: 'huge.xlsx',
      dataBase64: Buffer.alloc(SPREADSHEET_MAX_BYTES + 1).toString('base64'),
    });
    expect(err.code).toBe('invalid_argument');
    expect(err.message).toContain('huge.xlsx');
    expect(err.details).toEqual({ reason: 'too-large', limitMb: 20 });
  });

  it('refuses bytes that are not a workbook, naming the file', async () => {
    const t = startApp();
    const err = await t.fail('import.readSpreadsheet', {
      fileName: 'notes.xlsx',
      dataBase64: Buffer.from('Name,Tier\nAcme,S\n').toString('base64'),
    });
    expect(err.code).toBe('invalid_argument');
    expect(err.message).toContain('notes.xlsx');
    expect(err.details).toEqual({ reason: 'unreadable' });
  });
});
