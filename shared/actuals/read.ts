// Monthly actuals from a sheet (CSV, XLSX or text pasted from Excel): one row
// per (month, metric, segment) with columns month, metric, value and an
// optional segment (issue #12, item 2). All or nothing: any problem means no
// actual is kept, and every problem names its column, the first rows and the
// count. The plan-format rules (inside the horizon, one value per month,
// metric and segment) are checked here so that the refusal names sheet rows.
import { ProblemCollector, type CalibrationProblem } from '../calibration/problems';
import { catalogs } from '../i18n';
import { cleanCell, parseAmount } from '../import/values';
import { monthIndex } from '../plan/months';
import { ACTUAL_METRICS, type Actual, type ActualMetric } from '../plan/types';

export const ACTUAL_COLUMNS = ['month', 'metric', 'value', 'segment'] as const;
export type ActualColumn = (typeof ACTUAL_COLUMNS)[number];

/** Header words recognised for each column (lower case), in both languages. */
const HEADER_WORDS: Record<ActualColumn, string[]> = {
  month: ['month', 'period', '月份', '月', '期间'],
  metric: ['metric', 'measure', 'kpi', '指标', '度量'],
  value: ['value', 'actual', 'amount', '数值', '值', '实际', '实际值', '金额'],
  segment: ['segment', 'segment id', '细分市场', '细分'],
};

export interface ActualsContext {
  startMonth: string;
  horizonMonths: number;
  currency: string;
  segments: readonly { id: string; name: string }[];
}

export interface ActualsReadResult {
  actuals: Actual[];
  problems: CalibrationProblem[];
  ok: boolean;
  /** Data rows read (blank rows not counted). */
  rows: number;
}

/** A metric as a sheet may name it: its key, or its label in English or Chinese. */
export function metricOf(text: string): ActualMetric | null {
  const t = text.trim().toLowerCase();
  for (const m of ACTUAL_METRICS) {
    if (t === m.toLowerCase()) return m;
    for (const lang of ['en', 'zh-CN'] as const) if (t === catalogs[lang][`metric.${m}`].toLowerCase()) return m;
  }
  // The English label's first word ("orders (bookings)" → also "orders", "bookings").
  if (t === 'orders') return 'bookings';
  if (t === 'cash collection' || t === 'collections') return 'cash';
  return null;
}

/** "2027-03", "2027-3", "2027/03", "2027.3", "2027年3月", or a date in that month ("2027-03-15"). */
export function monthOf(text: string): string | null {
  const s = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*月)?(?:[-/.]\d{1,2}(?:[ T].*)?|\s*\d{1,2}\s*日)?$/.exec(s);
  if (!m) return null;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}`;
}

/** Column index of each field from the header row, −1 when absent. */
export function actualColumns(header: readonly string[]): Record<ActualColumn, number> {
  const norm = header.map((h) => cleanCell(h).toLowerCase());
  const out = {} as Record<ActualColumn, number>;
  for (const c of ACTUAL_COLUMNS) out[c] = norm.findIndex((h) => HEADER_WORDS[c].includes(h));
  return out;
}

export function readActualsGrid(grid: readonly (readonly string[])[], ctx: ActualsContext): ActualsReadResult {
  const problems = new ProblemCollector();
  const header = grid[0] ?? [];
  const cols = actualColumns(header);
  for (const c of ['month', 'metric', 'value'] as const) {
    if (cols[c] < 0) problems.general('error', 'tracking.problem.columnMissing', { field: c, header: header.join(', ') });
  }
  if (problems.hasErrors) return { actuals: [], problems: problems.list(), ok: false, rows: 0 };
  const name = (c: ActualColumn) => cleanCell(header[cols[c]] ?? c);
  const segById = new Map(ctx.segments.map((s) => [s.id.toLowerCase(), s.id]));
  const segByName = new Map(ctx.segments.map((s) => [s.name.trim().toLowerCase(), s.id]));
  const seen = new Map<string, number>();
  const actuals: Actual[] = [];
  let rows = 0;
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r]!;
    const line = r + 1;
    const cell = (c: ActualColumn) => (cols[c] < 0 ? '' : cleanCell(row[cols[c]] ?? ''));
    if (ACTUAL_COLUMNS.every((c) => cell(c) === '')) continue;
    rows++;
    const month = monthOf(cell('month'));
    if (month === null) problems.add('error', 'tracking.problem.badMonth', name('month'), line, { example: cell('month') });
    else {
      const i = monthIndex(ctx.startMonth, month);
      if (i < 0 || i >= ctx.horizonMonths) problems.add('error', 'tracking.problem.outsideHorizon', name('month'), line, { example: month });
    }
    const metric = metricOf(cell('metric'));
    if (metric === null) problems.add('error', 'tracking.problem.badMetric', name('metric'), line, { example: cell('metric'), metrics: ACTUAL_METRICS.join(', ') });
    const raw = cell('value');
    let value: number | null = null;
    if (raw === '') problems.add('error', 'tracking.problem.noValue', name('value'), line);
    else {
      const v = parseAmount(raw, { currency: ctx.currency });
      if (v.ok) value = v.value;
      else problems.add('error', 'tracking.problem.badValue', name('value'), line, { example: raw });
    }
    let segmentId: string | undefined;
    const seg = cell('segment');
    if (seg !== '') {
      segmentId = segById.get(seg.toLowerCase()) ?? segByName.get(seg.toLowerCase());
      if (segmentId === undefined) problems.add('error', 'tracking.problem.unknownSegment', name('segment'), line, { example: seg });
    }
    if (month === null || metric === null || value === null) continue;
    const key = `${month}|${metric}|${segmentId ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) problems.add('error', 'tracking.problem.duplicate', name('month'), line, { example: `${month} ${metric}${segmentId ? ` ${segmentId}` : ''}`, first });
    else seen.set(key, line);
    actuals.push({ month, metric, value, ...(segmentId !== undefined ? { segmentId } : {}) });
  }
  if (rows === 0) problems.general('error', 'tracking.problem.noRows');
  const ok = !problems.hasErrors;
  return { actuals: ok ? actuals : [], problems: problems.list(), ok, rows };
}
