// The spreadsheet import's limits: hostile workbooks and CSV text are refused
// with a message naming the limit, before any grid is built, by a reader that
// runs in a worker (so the app keeps answering meanwhile).
import { describe, expect, it } from 'vitest';
import { SPREADSHEET_LIMITS } from '../../shared/api/methods/import';
import { GridLimitError, parseCsvText } from '../../shared/import';
import { readWorkbookIsolated } from '../../electron/services/spreadsheet-isolated';
import { farColumnXlsx, farRowXlsx, lyingSizeXlsx, longCellXlsx, manyEntriesXlsx, zipBombXlsx } from './hostile-xlsx';
import { startApp } from './store-helpers';

async function refusal(bytes: Buffer, fileName = 'hostile.xlsx') {
  const t = startApp();
  return t.fail('import.readSpreadsheet', { fileName, dataBase64: bytes.toString('base64') });
}

describe('import.readSpreadsheet refuses hostile workbooks, naming the limit', () => {
  it('one cell in column XFD on 200 rows: the column limit, with the sheet name', async () => {
    const err = await refusal(await farColumnXlsx());
    expect(err.code).toBe('invalid_argument');
    expect(err.details).toMatchObject({ reason: 'limit', limit: 'columns', max: SPREADSHEET_LIMITS.columns, found: 16384, sheet: 'Customers' });
    expect(err.message).toContain('hostile.xlsx');
    expect(err.message).toContain('more than 256 columns');
  });

  it('a row past the row limit', async () => {
    const err = await refusal(await farRowXlsx());
    expect(err.details).toMatchObject({ reason: 'limit', limit: 'rows', max: SPREADSHEET_LIMITS.rows });
  });

  it('a cell longer than Excel allows', async () => {
    const err = await refusal(await longCellXlsx());
    expect(err.details).toMatchObject({ reason: 'limit', limit: 'cellChars', max: 32_767 });
  });

  it('a zip bomb (packed more than 200 times)', async () => {
    const err = await refusal(await zipBombXlsx());
    expect(err.details).toMatchObject({ reason: 'limit', limit: 'zipRatio' });
  });

  it('too many parts in the zip', async () => {
    const err = await refusal(await manyEntriesXlsx());
    expect(err.details).toMatchObject({ reason: 'limit', limit: 'zipEntries', found: expect.any(Number) });
  });

  it('a part that unpacks to more than its header declares', async () => {
    const err = await refusal(await lyingSizeXlsx());
    expect(err.details).toMatchObject({ reason: 'limit', limit: 'unpackedBytes' });
  });

  it('a worker that needs more memory than allowed is stopped and named', async () => {
    // A legitimate workbook under a tiny ceiling: the limit, not the app, gives way.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Big');
    for (let r = 0; r < 3000; r++) ws.addRow(Array.from({ length: 20 }, (_, c) => `cell ${r}/${c} with some text`));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(readWorkbookIsolated('big.xlsx', bytes, { memoryMb: 4, seconds: 30 })).rejects.toMatchObject({
      code: 'invalid_argument',
      details: { reason: 'limit', limit: 'memory', max: 4 },
    });
  });
  it('a workbook that takes longer than the time-out is stopped and named', async () => {
    const bytes = await farColumnXlsx(1);
    await expect(readWorkbookIsolated('slow.xlsx', bytes, { memoryMb: 256, seconds: 0.001 })).rejects.toMatchObject({
      details: { reason: 'limit', limit: 'time', max: 0.001 },
    });
  });
});

describe('CSV text is refused past the same limits', () => {
  it('too many columns, with the row', () => {
    const text = `${'a,'.repeat(300)}a\n`;
    expect(() => parseCsvText(text)).toThrow(GridLimitError);
    try {
      parseCsvText(text);
    } catch (e) {
      expect(e).toMatchObject({ limit: 'columns', max: 256, row: 1 });
    }
  });

  it('too many rows', () => {
    expect(() => parseCsvText('a,b\n'.repeat(SPREADSHEET_LIMITS.rows + 1))).toThrow(/rows over 100000 at row 100001/);
  });

  it('a cell too long', () => {
    expect(() => parseCsvText(`name\n"${'x'.repeat(40_000)}"\n`)).toThrow(/cellChars/);
  });

  it('a file at the limits is read whole', () => {
    const { rows } = parseCsvText(`${'a,'.repeat(255)}a\n`.repeat(10));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toHaveLength(256);
  });
});
