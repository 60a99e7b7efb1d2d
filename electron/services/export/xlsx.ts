// The XLSX workbook: a sheet per entity (typed cells, frozen header,
// filters, number formats in the plan currency), a simulation summary and
// the live funnel model. Written with exceljs's streaming writer, row by row
// to disk, so 50,000 customers never sit in memory as cell objects. Plan
// text is always written as a string value, never as a formula, so a name
// starting with "=" stays text in Excel and LibreOffice.
import ExcelJS from 'exceljs';
import type { Plan } from '../../../shared/plan/types';
import { createTranslator, type Translator } from '../../../shared/i18n/translate';
import { buildFunnelModel } from '../../../shared/report/funnel-model';
import type { ReportModel, SectionOf } from '../../../shared/report/model';
import { planTables, type PlanTable } from '../../../shared/report/tables';
import { moneyFormat, numberFormatOf } from './xlsx-formats';
import { colName, writeModelSheet } from './xlsx-model';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
/** Excel's limit on sheet names, and characters it refuses in them. */
const MAX_SHEET_NAME = 31;
export function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, MAX_SHEET_NAME) || 'Sheet';
}

function writeTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, table: PlanTable, currency: string, tr: Translator): void {
  const ws = wb.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.columns.map((c) => ({ width: c.width ?? Math.max(10, c.header.length + 2), style: { numFmt: numberFormatOf(c.type, currency, tr.locale) } as Partial<ExcelJS.Style> }));
  const head = ws.addRow(table.columns.map((c) => c.header));
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  head.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rowCount, column: table.columns.length } };
  for (const row of table.rows()) ws.addRow(row).commit();
  ws.commit();
}

function writeSimulation(wb: ExcelJS.stream.xlsx.WorkbookWriter, report: ReportModel, money: string, tr: Translator): void {
  const t = tr.t.bind(tr);
  const ws = wb.addWorksheet(sheetName(t('report.sheet.simulation')), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 28 }, { width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }];
  const head = ws.addRow([t('report.col.phase'), t('report.col.metric'), t('report.col.target'), t('report.col.expected'), t('report.col.p10'), t('report.col.p50'), t('report.col.p90'), t('report.col.probability')]);
  head.font = { bold: true };
  head.commit();
  const targets = report.sections.find((s): s is SectionOf<'targets'> => s.kind === 'targets')?.targets ?? [];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + targets.length, column: 8 } };
  for (const o of targets) {
    const row = ws.addRow([o.phaseName, t(`metric.${o.metric}`), o.value, o.outcome?.mean ?? null, o.outcome?.p10 ?? null, o.outcome?.p50 ?? null, o.outcome?.p90 ?? null, o.probability]);
    const fmt = o.metric === 'bookings' || o.metric === 'revenue' || o.metric === 'cash' ? money : '#,##0.##';
    for (let c = 3; c <= 7; c++) row.getCell(c).numFmt = fmt;
    row.getCell(8).numFmt = '0%';
    row.commit();
  }
  ws.commit();
}

export async function writeXlsx(path: string, report: ReportModel, plan: Plan, progress: (done: number, total: number) => void): Promise<void> {
  const tr = createTranslator(report.lang);
  const currency = report.cover.currency;
  const money = moneyFormat(currency, tr.locale);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'Sales Strategy Planner';
  wb.title = plan.plan.name;
  const tables = planTables(plan, tr);
  const total = tables.length + 2;
  let done = 0;
  for (const table of tables) {
    writeTable(wb, table, currency, tr);
    progress(++done, total);
  }
  writeSimulation(wb, report, money, tr);
  progress(++done, total);
  let model = null;
  try {
    model = buildFunnelModel(plan, report.cover.scenarioId);
  } catch {
    // A plan that cannot be simulated yet has no model sheet; the entity sheets still go out.
  }
  if (model) {
    const ws = wb.addWorksheet(sheetName(tr.t('report.sheet.model')), { views: [{ state: 'frozen', xSplit: 1 }] });
    writeModelSheet(ws, model, money, tr);
    ws.commit();
  }
  progress(done + 1, total);
  await wb.commit();
}

export { colName };
