// A CRM opportunities export (one row per deal, a header row first) → deals.
// The user maps columns (by header text, column letter or 1-based number)
// and the file's own outcome values to won / lost / open; every problem
// names its column and rows. Nothing here touches the plan.
import { SPREADSHEET_LIMITS } from '../api/methods/import';
import type { GridLimits } from '../import/delimited';
import { normalizeLabel } from '../import/fields';
import { parseAmount } from '../import/values';
import { readDateColumn, type DateOrder } from './dates';
import { ProblemCollector, type CalibrationProblem } from './problems';

export type Outcome = 'won' | 'lost' | 'open';
export const DEAL_COLUMNS = ['id', 'created', 'closed', 'outcome', 'value', 'stage', 'segment', 'owner'] as const;
export type DealColumn = (typeof DEAL_COLUMNS)[number];
export const REQUIRED_DEAL_COLUMNS: readonly DealColumn[] = ['created', 'closed', 'outcome', 'value'];

/** Above this many data rows a history file is refused before reading its cells. */
export const MAX_DEALS = 500_000;
/** How a CSV history is read: a CRM export's header row and up to MAX_DEALS deals (a
 * customer list's 100,000 rows would refuse a 100,000-deal history, issue #12's figure). */
export const DEAL_HISTORY_LIMITS: GridLimits = { ...SPREADSHEET_LIMITS, rows: MAX_DEALS + 1 };
/** A history file larger than this is refused before it is read (CSV; XLSX has the import's 20 MB). */
export const MAX_HISTORY_BYTES = 100 * 1024 * 1024;

export interface Deal {
  line: number;
  id: string;
  /** Days since 1970-01-01. */
  created: number;
  closed: number | null;
  outcome: Outcome;
  /** null: no value given (allowed for lost and open deals). */
  value: number | null;
  stage: string | null;
  segment: string | null;
  owner: string | null;
}

export interface DealReadOptions {
  /** Source column index per mapped field. */
  columns: Partial<Record<DealColumn, number>>;
  /** The file's own outcome values, in addition to the words every CRM uses (OUTCOME_WORDS). */
  outcomes?: Readonly<Record<string, Outcome>>;
  /** How to read slash dates when the column does not say (d/m or m/d). */
  dateOrder?: DateOrder | null;
  currency: string;
  decimalComma?: boolean;
  /** Outcome values that are a funnel stage's name or key count as open deals (Salesforce's Stage column). */
  isStage?: (text: string) => boolean;
}

export interface DealReadResult {
  deals: Deal[];
  problems: CalibrationProblem[];
  /** The header text of each mapped column, for messages and evidence. */
  columnNames: Partial<Record<DealColumn, string>>;
  /** How each date column was read ("m/d/yyyy", …), for the screen to show. */
  dateFormats: { created: string | null; closed: string | null };
  /** The slash dates fit both m/d and d/m: the user must choose. */
  ambiguousDates: boolean;
  ok: boolean;
}

// What Salesforce (StageName, IsWon), HubSpot (dealstage), Dynamics 365
// (statecode), Zoho, Odoo and the Chinese CRMs (纷享销客, 销售易, 钉钉) write.
export const OUTCOME_WORDS: Readonly<Record<Outcome, readonly string[]>> = {
  won: ['won', 'win', 'closed won', 'closedwon', 'closed - won', 'deal won', 'signed', 'booked', '赢单', '赢', '已赢单', '成交', '已成交', '签约', '已签约', '赢得', '成功'],
  lost: ['lost', 'loss', 'lose', 'closed lost', 'closedlost', 'closed - lost', 'deal lost', 'disqualified', '输单', '丢单', '已丢单', '丢失', '失败', '输', '已输单', '流失'],
  open: ['open', 'in progress', 'active', 'pending', 'ongoing', '进行中', '跟进中', '未关闭', '开放', '商机中'],
};

function outcomeTable(extra: Readonly<Record<string, Outcome>> | undefined): Map<string, Outcome> {
  const map = new Map<string, Outcome>();
  for (const o of ['won', 'lost', 'open'] as const) for (const w of OUTCOME_WORDS[o]) map.set(normalizeLabel(w), o);
  // The user's own mapping wins over the built-in words.
  for (const [w, o] of Object.entries(extra ?? {})) map.set(normalizeLabel(w), o);
  return map;
}

/**
 * A column given as its header text (any case, spacing or width), a letter
 * (A, AB) or a 1-based number; null when the header has no such column.
 */
export function resolveColumn(header: readonly string[], spec: string): number | null {
  const key = normalizeLabel(spec);
  const byName = header.findIndex((h) => normalizeLabel(h) === key);
  if (byName !== -1 && key !== '') return byName;
  const t = spec.trim();
  if (/^\d+$/.test(t)) {
    const i = Number(t) - 1;
    return i >= 0 && i < header.length ? i : null;
  }
  if (/^[A-Za-z]{1,2}$/.test(t)) {
    let i = 0;
    for (const ch of t.toUpperCase()) i = i * 26 + (ch.charCodeAt(0) - 64);
    return i - 1 < header.length ? i - 1 : null;
  }
  return null;
}

/** Reads the deals of a grid whose first row is the header. */
export function readDeals(grid: readonly (readonly string[])[], opts: DealReadOptions): DealReadResult {
  const problems = new ProblemCollector();
  const header = grid[0] ?? [];
  const columnNames: Partial<Record<DealColumn, string>> = {};
  for (const f of DEAL_COLUMNS) {
    const c = opts.columns[f];
    if (c !== undefined) columnNames[f] = (header[c] ?? '').trim() || `#${c + 1}`;
  }
  const fail = (): DealReadResult => ({
    deals: [],
    problems: problems.list(),
    columnNames,
    dateFormats: { created: null, closed: null },
    ambiguousDates: false,
    ok: false,
  });
  for (const f of REQUIRED_DEAL_COLUMNS) if (opts.columns[f] === undefined) problems.general('error', 'calibration.problem.columnMissing', { field: f });
  if (problems.hasErrors) return fail();

  // Data rows: blank rows left out, line numbers kept (header = line 1).
  const rows: { line: number; cells: readonly string[] }[] = [];
  for (let i = 1; i < grid.length; i++) {
    const cells = grid[i]!;
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: i + 1, cells });
  }
  if (rows.length > MAX_DEALS) {
    problems.general('error', 'calibration.problem.tooManyRows', { count: rows.length, max: MAX_DEALS });
    return fail();
  }
  if (rows.length === 0) {
    problems.general('error', 'calibration.problem.noRows');
    return fail();
  }
  const cell = (r: { cells: readonly string[] }, f: DealColumn) => {
    const c = opts.columns[f];
    return c === undefined ? '' : (r.cells[c] ?? '').trim();
  };
  const name = (f: DealColumn) => columnNames[f] ?? f;

  const order = opts.dateOrder ?? null;
  const created = readDateColumn(rows.map((r) => ({ line: r.line, text: cell(r, 'created') })), name('created'), order, problems);
  const closed = readDateColumn(rows.map((r) => ({ line: r.line, text: cell(r, 'closed') })), name('closed'), order, problems);

  const outcomes = outcomeTable(opts.outcomes);
  const unknown = new Map<string, number>();
  const amountOpts = { currency: opts.currency, decimalComma: opts.decimalComma ?? false };
  const ids = new Map<string, number>();
  const deals: Deal[] = [];
  rows.forEach((r, i) => {
    const outcomeText = cell(r, 'outcome');
    let outcome = outcomes.get(outcomeText) ?? outcomes.get(normalizeLabel(outcomeText));
    if (outcome === undefined && outcomeText !== '' && opts.isStage?.(outcomeText)) outcome = 'open';
    if (outcome !== undefined) outcomes.set(outcomeText, outcome); // the next row with this text skips normalizing
    if (outcome === undefined) {
      if (outcomeText === '') problems.add('error', 'calibration.problem.missingOutcome', name('outcome'), r.line);
      else {
        unknown.set(outcomeText, (unknown.get(outcomeText) ?? 0) + 1);
        problems.add('error', 'calibration.problem.unknownOutcome', name('outcome'), r.line);
      }
    }
    const c = created.days[i] ?? null;
    if (c === null && cell(r, 'created') === '') problems.add('error', 'calibration.problem.missingCreated', name('created'), r.line);
    const d = closed.days[i] ?? null;
    const decided = outcome === 'won' || outcome === 'lost';
    if (decided && d === null && cell(r, 'closed') === '') problems.add('error', 'calibration.problem.missingClosed', name('closed'), r.line);
    if (c !== null && d !== null && d < c) problems.add('error', 'calibration.problem.closedBeforeCreated', name('closed'), r.line);

    const valueText = cell(r, 'value');
    let value: number | null = null;
    if (valueText !== '') {
      const v = parseAmount(valueText, amountOpts);
      if (v.ok) value = v.value;
      else if (v.key === 'import.problem.negative') problems.add('error', 'calibration.problem.negativeValue', name('value'), r.line, { example: valueText });
      else problems.add('error', 'calibration.problem.badValue', name('value'), r.line, { example: valueText });
    } else if (outcome === 'won') problems.add('warning', 'calibration.problem.wonWithoutValue', name('value'), r.line);

    const id = cell(r, 'id') || `#${r.line}`;
    if (opts.columns.id !== undefined) {
      const first = ids.get(id);
      if (first !== undefined) problems.add('error', 'calibration.problem.duplicateId', name('id'), r.line, { example: id, first });
      else ids.set(id, r.line);
    }
    if (outcome === undefined || c === null) return;
    deals.push({
      line: r.line,
      id,
      created: c,
      closed: decided ? d : null,
      outcome,
      value,
      stage: cell(r, 'stage') || null,
      segment: cell(r, 'segment') || null,
      owner: cell(r, 'owner') || null,
    });
  });
  if (unknown.size > 0) {
    const values = [...unknown.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([v, n]) => `"${v}" (${n})`)
      .join(', ');
    problems.extend('calibration.problem.unknownOutcome', name('outcome'), { values, distinct: unknown.size });
  }
  const list = problems.list();
  return {
    deals,
    problems: list,
    columnNames,
    dateFormats: { created: created.format, closed: closed.format },
    ambiguousDates: created.ambiguous || closed.ambiguous,
    ok: !list.some((p) => p.severity === 'error'),
  };
}

/** The distinct values of the outcome column with their counts and what they map to (the value-map step). */
export function outcomeValues(grid: readonly (readonly string[])[], column: number, extra?: Readonly<Record<string, Outcome>>): { value: string; count: number; outcome: Outcome | null }[] {
  const table = outcomeTable(extra);
  const counts = new Map<string, number>();
  for (let i = 1; i < grid.length; i++) {
    const v = (grid[i]![column] ?? '').trim();
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([value, count]) => ({ value, count, outcome: table.get(normalizeLabel(value)) ?? null }));
}
