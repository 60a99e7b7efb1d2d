// The workbook's live funnel model sheet (see shared/report/funnel-model.ts
// for the arithmetic). Inputs are yellow cells; every series cell is a
// formula over them with its cached result, so Excel and LibreOffice show
// numbers at once and recompute when a reader edits an input.
import type ExcelJS from 'exceljs';
import type { Translator } from '../../../shared/i18n/translate';
import { formatMonth } from '../../../shared/i18n/format';
import type { FunnelModel, ModelMetric, ModelSeries } from '../../../shared/report/funnel-model';
import { MODEL_METRICS, reachOf, segmentSeries } from '../../../shared/report/funnel-model';

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2A8' } };
/** Month columns start here (A: label, B: per-row factor). */
const FIRST_MONTH_COL = 3;

export function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const monthCol = (m: number) => colName(FIRST_MONTH_COL + m);

/** Sheet layout facts the tests read back (row numbers of the totals and inputs). */
export interface ModelLayout {
  leadInput: { segment: number; entry: number; cell: string }[];
  conversionInput: { funnel: number; stage: number; cell: string }[];
  dealSizeInput: { funnel: number; cell: string }[];
  totalRow: Record<ModelMetric, number>;
  phaseRows: { name: string; row: number; col: Record<ModelMetric, string> }[];
}

export function writeModelSheet(ws: ExcelJS.Worksheet, model: FunnelModel, moneyFmt: string, tr: Translator): ModelLayout {
  const t = tr.t.bind(tr);
  const H = model.months.length;
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = 16;
  for (let i = 0; i < H; i++) ws.getColumn(FIRST_MONTH_COL + i).width = 12;
  let r = 1;
  const put = (row: number, col: number, value: ExcelJS.CellValue, fmt?: string, input = false) => {
    const cell = ws.getCell(row, col);
    cell.value = value;
    if (fmt) cell.numFmt = fmt;
    if (input) cell.fill = INPUT_FILL;
    return cell;
  };
  put(r, 1, t('report.model.title')).font = { bold: true, size: 14 };
  r++;
  put(r, 1, t('report.model.help')).alignment = { wrapText: false };
  r += 2;

  put(r++, 1, t('report.model.inputs')).font = { bold: true };
  const layout: ModelLayout = { leadInput: [], conversionInput: [], dealSizeInput: [], totalRow: {} as never, phaseRows: [] };
  const convCell: string[][] = [];
  const dealCell: string[] = [];
  model.funnels.forEach((f, fi) => {
    put(r++, 1, f.name).font = { bold: true };
    convCell[fi] = [];
    f.stages.forEach((s, si) => {
      put(r, 1, t('report.input.conversion', { funnel: f.name, stage: s.name }));
      put(r, 2, s.conversion, '0.0%', true);
      convCell[fi]![si] = `$B$${r}`;
      layout.conversionInput.push({ funnel: fi, stage: si, cell: `B${r}` });
      r++;
    });
    put(r, 1, t('report.input.dealSize', { funnel: f.name }));
    put(r, 2, f.dealSize, moneyFmt, true);
    dealCell[fi] = `$B$${r}`;
    layout.dealSizeInput.push({ funnel: fi, cell: `B${r}` });
    r++;
  });
  const leadCell: string[][] = [];
  model.segments.forEach((s, si) => {
    leadCell[si] = [];
    s.entries.forEach((e, ei) => {
      put(r, 1, t('report.input.leads', { segment: s.name, phase: e.phase ?? t('report.input.leadsDefault') }));
      put(r, 2, e.leads, '#,##0.0', true);
      leadCell[si]![ei] = `$B$${r}`;
      layout.leadInput.push({ segment: si, entry: ei, cell: `B${r}` });
      r++;
    });
  });
  r++;

  const header = (row: number, label: string) => {
    put(row, 1, label).font = { bold: true };
    model.months.forEach((m, i) => (put(row, FIRST_MONTH_COL + i, formatMonth(m, tr.locale)).font = { bold: true }));
  };
  const seriesRow = (row: number, label: string, formulas: (w: number) => string, results: number[], fmt: string) => {
    put(row, 1, label);
    for (let w = 0; w < H; w++) put(row, FIRST_MONTH_COL + w, { formula: formulas(w), result: results[w]! }, fmt);
  };
  const constRow = (row: number, label: string, values: number[], fmt: string) => {
    put(row, 1, label);
    values.forEach((v, w) => put(row, FIRST_MONTH_COL + w, v, fmt));
  };
  const fmtOf = (m: ModelMetric) => (m === 'bookings' || m === 'cash' ? moneyFmt : '#,##0.00');
  /** Σ_m leads[m]·timing[w − m] as explicit terms (zero timing terms left out). */
  const conv = (leadsRow: number, timingRow: number, timing: number[], w: number) => {
    const terms: string[] = [];
    for (let m = 0; m <= w; m++) if (timing[w - m] !== 0) terms.push(`${monthCol(m)}${leadsRow}*${monthCol(w - m)}$${timingRow}`);
    return terms.length ? `(${terms.join('+')})` : '0';
  };

  const metricRows: Record<ModelMetric, number[]> = { leads: [], opportunities: [], wins: [], bookings: [], cash: [] };
  model.segments.forEach((s, si) => {
    const f = model.funnels[s.funnel]!;
    const series = segmentSeries(model, s);
    header(r++, t('report.model.segment', { name: s.name, funnel: f.name }));
    const k = f.stages.length;
    // Timing rows first: the series formulas refer to them.
    const lagRow = r++;
    put(lagRow, 1, t('report.model.lag'));
    for (let o = 0; o < H; o++) put(lagRow, FIRST_MONTH_COL + o, o);
    const tOpp = s.timingOpp ? r++ : 0;
    if (s.timingOpp) constRow(tOpp, t('report.model.timingOpp'), s.timingOpp, '0.0000');
    const tWin = r++;
    constRow(tWin, t('report.model.timingWin'), s.timingWin, '0.0000');
    const tCash = r++;
    constRow(tCash, t('report.model.timingCash'), s.timingCash, '0.0000');
    const reachOppRow = r++;
    put(reachOppRow, 1, t('report.model.reachOpp'));
    put(reachOppRow, 2, { formula: convCell[s.funnel]![0]!.replace(/\$/g, ''), result: reachOf(f, 1) }, '0.00%');
    const reachWinRow = r++;
    put(reachWinRow, 1, t('report.model.reachWin'));
    put(reachWinRow, 2, { formula: convCell[s.funnel]!.slice(0, k).join('*'), result: reachOf(f, k) }, '0.00%');

    const leadsRow = r++;
    seriesRow(leadsRow, t('metric.leads'), (w) => (s.monthEntry[w]! >= 0 ? leadCell[si]![s.monthEntry[w]!]! : '0'), series.leads, '#,##0.00');
    const oppRow = r++;
    seriesRow(oppRow, t('metric.opportunities'), (w) => (s.timingOpp ? `$B$${reachOppRow}*${conv(leadsRow, tOpp, s.timingOpp, w)}` : '0'), series.opportunities, '#,##0.00');
    const winRow = r++;
    seriesRow(winRow, t('metric.wins'), (w) => `$B$${reachWinRow}*${conv(leadsRow, tWin, s.timingWin, w)}`, series.wins, '#,##0.00');
    const bookRow = r++;
    seriesRow(bookRow, t('metric.bookings'), (w) => `${monthCol(w)}${winRow}*${dealCell[s.funnel]}`, series.bookings, moneyFmt);
    const cashRow = r++;
    seriesRow(cashRow, t('metric.cash'), (w) => `$B$${reachWinRow}*${dealCell[s.funnel]}*${conv(leadsRow, tCash, s.timingCash, w)}`, series.cash, moneyFmt);
    metricRows.leads.push(leadsRow);
    metricRows.opportunities.push(oppRow);
    metricRows.wins.push(winRow);
    metricRows.bookings.push(bookRow);
    metricRows.cash.push(cashRow);
    r++;
  });

  header(r++, t('report.model.named'));
  const namedRow = {} as Record<ModelMetric, number>;
  for (const m of MODEL_METRICS) {
    namedRow[m] = r;
    constRow(r++, t(`metric.${m}`), model.named[m], fmtOf(m));
  }
  r++;

  header(r++, t('report.model.total'));
  const totals: ModelSeries = model.expected;
  for (const m of MODEL_METRICS) {
    const row = r++;
    layout.totalRow[m] = row;
    seriesRow(row, t(`metric.${m}`), (w) => [...metricRows[m], namedRow[m]].map((x) => `${monthCol(w)}${x}`).join('+'), totals[m], fmtOf(m));
  }
  r++;

  put(r, 1, t('report.model.perPhase')).font = { bold: true };
  MODEL_METRICS.forEach((m, i) => (put(r, 2 + i, t(`metric.${m}`)).font = { bold: true }));
  r++;
  for (const p of model.phases) {
    put(r, 1, p.name);
    const col = {} as Record<ModelMetric, string>;
    MODEL_METRICS.forEach((m, i) => {
      const range = p.start <= p.end ? `SUM(${monthCol(p.start)}${layout.totalRow[m]}:${monthCol(p.end)}${layout.totalRow[m]})` : '0';
      const result = p.start <= p.end ? totals[m].slice(p.start, p.end + 1).reduce((a, b) => a + b, 0) : 0;
      put(r, 2 + i, { formula: range, result }, fmtOf(m));
      col[m] = `${colName(2 + i)}${r}`;
    });
    layout.phaseRows.push({ name: p.name, row: r, col });
    r++;
  }
  return layout;
}
