// An .xlsx workbook → one text grid per worksheet (exceljs).
//
// What a cell becomes is what the user saw in Excel, as plain text the import
// can parse: numbers without grouping, rounded to 15 significant digits as
// Excel shows them ("0.1+0.2" → "0.3"); dates "YYYY-MM-DD"; booleans
// "TRUE"/"FALSE"; rich text and hyperlinks their text; errors "#N/A" etc.
// A formula is never evaluated here: its cell gives the result Excel cached
// when the file was saved; a formula without a cached result (a file written
// by a tool that does not calculate) gives the formula text "=…", which the
// import then refuses in number columns and keeps as text elsewhere.
import type { CellValue, Workbook } from 'exceljs';
import type { SpreadsheetSheet } from '../../shared/api/methods/import';

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  // exceljs reads Excel's serial dates as UTC midnight.
  return d.toISOString().slice(0, 10);
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return String(value.error);
    if ('formula' in value || 'sharedFormula' in value) {
      const v = value as { formula?: string; sharedFormula?: string; result?: unknown };
      if (v.result !== undefined && v.result !== null) return cellText(v.result as CellValue);
      return `=${v.formula ?? v.sharedFormula ?? ''}`;
    }
    if ('text' in value) return cellText((value as { text: CellValue }).text);
  }
  return String(value);
}

function trimRows(rows: string[][]): string[][] {
  for (const r of rows) while (r.length > 0 && r[r.length - 1]!.trim() === '') r.pop();
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

/**
 * The grids of a workbook. Call only after checkWorkbookLimits, and only in
 * the worker (readWorkbookIsolated): exceljs builds the whole workbook in
 * memory. Only cells that exist are visited; the gaps between them become ''
 * up to the row's last cell, which the limits bound.
 */
export async function readWorkbook(bytes: Buffer): Promise<SpreadsheetSheet[]> {
  // Loaded on first use: exceljs is large and only this needs it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: SpreadsheetSheet[] = [];
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell((cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({ name: sheet.name, rows: trimRows(rows) });
  });
  return sheets;
}
