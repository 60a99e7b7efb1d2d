// Checks every cell of every data row against the open plan and builds the
// customer each valid row stands for. Each problem names its row, its source
// column and a message key; nothing is written here.
//
// Defaults for a new customer (shown in the preview as "default"): id from the
// name (see ids.ts), potential 0, relationship layers 0, owners none, status
// and, when chosen in the mapping step, segment and tier. A row that updates
// an existing customer keeps that customer's value wherever its cell is empty.
import { idSchema, NAME_MAX } from '../plan/schema';
import type { Customer, Factors, Range } from '../plan/types';
import type { ImportContext } from './context';
import { factorOf, layerOf, ownerRoleOf, type ImportField } from './fields';
import { IdAllocator } from './ids';
import type { CellProblem, ImportSettings, RowOutcome, SourceRow, ValidationSummary } from './types';
import type { ValueMap } from './value-map';
import { cleanCell, looksLikeFormula, parseAmount, parseAmountOrRange, parseWholeNumber, type ValueResult } from './values';

/** The data rows of a grid: the header row and blank rows left out, line numbers kept. */
/**
 * A text cell written as "'=…" is a formula escaped by a CSV export (this
 * app's, papaparse's escapeFormulae, Excel's text prefix): the apostrophe is
 * not part of the text, so a customers CSV imports back as the same names.
 */
export function unescapeFormulaText(v: string): string {
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}

export function dataRows(grid: readonly (readonly string[])[], hasHeader: boolean): SourceRow[] {
  const out: SourceRow[] = [];
  for (let i = hasHeader ? 1 : 0; i < grid.length; i++) {
    const cells = grid[i]!;
    if (cells.some((c) => c.trim() !== '')) out.push({ line: i + 1, cells });
  }
  return out;
}

type Problem = Omit<CellProblem, 'row'>;

/** needs (客户需求) is plan-format v2; written here before the v2 Customer type lands in shared/plan. */
export const NEEDS_MAX = 10_000;

interface RowDraft {
  customer: Partial<Customer> & { factors?: Factors; needs?: string };
  problems: Problem[];
  defaulted: ImportField[];
  explicitId: string | null;
  op: 'create' | 'update' | 'skip';
}

const FORMULA = /^[=@]/;

/**
 * Reads one row at a time into a draft customer. A class rather than
 * closures per row: 5,000 rows should not mean 40,000 short-lived functions.
 */
class RowReader {
  private row: SourceRow = { line: 0, cells: [] };
  private problems: Problem[] = [];
  private defaulted: ImportField[] = [];
  private base: Customer | undefined;
  private c: RowDraft['customer'] = {};
  private readonly amountOpts;

  private readonly valueMaps: Map<ImportField, ValueMap>;

  constructor(
    private readonly settings: ImportSettings,
    private readonly ctx: ImportContext,
    private readonly columnOf: Map<ImportField, number>,
  ) {
    this.amountOpts = { currency: ctx.currency, decimalComma: settings.decimalComma };
    this.valueMaps = new Map((settings.valueMaps ?? []).map((m) => [m.field, m]));
  }

  private raw(f: ImportField): string {
    const map = this.valueMaps.get(f);
    if (map) {
      // A value without a target stays as written: the field's own check then names it.
      const v = (this.row.cells[map.column] ?? '').trim();
      return v === '' ? '' : (map.values[v] ?? v);
    }
    const c = this.columnOf.get(f);
    return c === undefined ? '' : (this.row.cells[c] ?? '').trim();
  }

  private error(field: ImportField, key: Problem['key'], params: Problem['params'] = {}): void {
    this.problems.push({ field, column: this.columnOf.get(field) ?? null, severity: 'error', key, params });
  }

  private check<T>(field: ImportField, r: ValueResult<T>): T | undefined {
    if (r.ok) return r.value;
    this.error(field, r.key, r.params);
    return undefined;
  }

  /** Empty cell: keep the existing value (update), take `fallback` (create), or report it missing. */
  private empty(field: ImportField, fallback: (() => void) | null): void {
    if (this.base) return;
    if (fallback) {
      fallback();
      this.defaulted.push(field);
    } else this.error(field, 'import.problem.required');
  }

  private text(field: 'name' | 'region' | 'industry' | 'needs', required: boolean, max = NAME_MAX): void {
    const v = unescapeFormulaText(this.raw(field));
    if (v === '') {
      if (required) this.empty(field, null);
      return;
    }
    if (v.length > max) this.error(field, 'import.problem.tooLong', { max, length: v.length });
    else this.c[field] = v;
    if (looksLikeFormula(v))
      this.problems.push({ field, column: this.columnOf.get(field) ?? null, severity: 'note', key: 'import.note.formulaText', params: { value: v } });
  }

  private lookup(field: ImportField, v: string, find: (t: string) => string[], unknownKey: Problem['key']): string | undefined {
    if (FORMULA.test(cleanCell(v))) return void this.error(field, 'import.problem.formula', { value: v });
    const ids = find(v);
    if (ids.length === 1) return ids[0];
    if (ids.length === 0) this.error(field, unknownKey, { value: v });
    else this.error(field, 'import.problem.ambiguous', { value: v, count: ids.length });
    return undefined;
  }

  read(row: SourceRow): RowDraft {
    this.row = row;
    this.problems = [];
    this.defaulted = [];
    this.base = undefined;
    const { settings, ctx } = this;

    // The id decides whether the row creates, updates or is skipped.
    const idText = this.raw('id');
    let explicitId: string | null = null;
    let op: RowDraft['op'] = 'create';
    if (idText !== '') {
      if (!idSchema.safeParse(idText).success) this.error('id', 'import.problem.badId', { value: idText });
      else {
        explicitId = idText;
        const existing = ctx.existing.get(idText);
        if (existing) {
          if (settings.existing === 'skip') return { customer: {}, problems: [], defaulted: [], explicitId, op: 'skip' };
          if (settings.existing === 'update') {
            op = 'update';
            this.base = existing;
          } else this.error('id', 'import.problem.duplicateExisting', { value: idText, name: existing.name });
        }
      }
    }
    const base = this.base;
    const c: RowDraft['customer'] = base
      ? { ...base, relationship: { ...base.relationship }, owners: { ...base.owners }, ...(base.factors ? { factors: { ...base.factors } } : {}) }
      : { relationship: { key: 0, broad: 0, organizational: 0 }, owners: { AR: null, SR: null, FR: null } };
    this.c = c;

    this.text('name', true);

    const seg = this.raw('segment');
    if (seg !== '') {
      const id = this.lookup('segment', seg, ctx.segment, 'import.problem.unknownSegment');
      if (id) c.segmentId = id;
    } else {
      const d = settings.defaults.segmentId;
      this.empty('segment', d ? () => (c.segmentId = d) : null);
    }

    const tierText = this.raw('tier');
    if (tierText !== '') {
      const t = ctx.tier(tierText);
      if (t) c.tier = t;
      else this.error('tier', FORMULA.test(cleanCell(tierText)) ? 'import.problem.formula' : 'import.problem.unknownTier', { value: tierText });
    } else {
      const d = settings.defaults.tier;
      this.empty('tier', d ? () => (c.tier = d) : null);
    }

    const statusText = this.raw('status');
    if (statusText !== '') {
      const st = ctx.status(statusText);
      if (st) c.status = st;
      else this.error('status', FORMULA.test(cleanCell(statusText)) ? 'import.problem.formula' : 'import.problem.unknownStatus', { value: statusText });
    } else this.empty('status', () => (c.status = settings.defaults.status));

    const potential = this.raw('potential');
    const baseText = this.raw('potentialBase');
    if (potential !== '') {
      const v = this.check('potential', parseAmount(potential, this.amountOpts));
      if (v !== undefined) c.potential = v;
    } else if (baseText !== '') {
      const v = this.check('potentialBase', parseAmount(baseText, this.amountOpts));
      // Rounded to cents: 3 % of 1,234,567 should not be stored as 37037.009999999995.
      if (v !== undefined) c.potential = Math.round(v * (settings.potentialFactor ?? 1) * 100) / 100;
    } else this.empty('potential', () => (c.potential = 0));

    this.text('region', false);
    this.text('industry', false);
    this.text('needs', false, NEEDS_MAX);

    for (const field of this.columnOf.keys()) {
      const v = this.raw(field);
      if (v === '') continue;
      const role = ownerRoleOf(field);
      if (role) {
        const id = this.lookup(field, v, ctx.person, 'import.problem.unknownPerson');
        if (id) c.owners![role] = id;
        continue;
      }
      const layer = layerOf(field);
      if (layer) {
        const n = this.check(field, parseWholeNumber(v, 0, 4));
        if (n !== undefined) c.relationship![layer] = n;
        continue;
      }
      const factor = factorOf(field);
      if (factor) {
        const n = this.check(field, parseWholeNumber(v, 1, 5));
        if (n !== undefined) (c.factors ??= {})[factor] = n;
      }
    }

    const phase = this.raw('breakthroughPhase');
    if (phase !== '') {
      const id = this.lookup('breakthroughPhase', phase, ctx.phase, 'import.problem.unknownPhase');
      if (id) c.breakthroughPhaseId = id;
    }

    const stage = this.raw('entryStage');
    if (stage !== '' && c.segmentId !== undefined) {
      if (FORMULA.test(cleanCell(stage))) this.error('entryStage', 'import.problem.formula', { value: stage });
      else {
        const found = ctx.stage(c.segmentId, stage);
        if (found.index !== null) c.entryStage = found.index;
        else this.error('entryStage', 'import.problem.unknownStage', { value: stage, last: Math.max(0, found.count - 1) });
      }
    }

    const firstDeal = this.raw('firstDeal');
    if (firstDeal !== '') {
      const v = this.check('firstDeal', parseAmountOrRange(firstDeal, this.amountOpts));
      if (v !== undefined) c.firstDeal = v as Range;
    }
    return { customer: c, problems: this.problems, defaulted: this.defaulted, explicitId, op };
  }
}

/**
 * Validates all rows. Excluded rows (by index) are still checked cell by cell,
 * so the user sees why they were left out, but do not take part in the
 * duplicate-id check, get no generated id and are never written.
 */
export function validateRows(
  rows: readonly SourceRow[],
  settings: ImportSettings,
  ctx: ImportContext,
  excluded: ReadonlySet<number> = new Set(),
): ValidationSummary {
  const columnOf = new Map<ImportField, number>();
  settings.mapping.forEach((f, c) => {
    if (f && !columnOf.has(f)) columnOf.set(f, c);
  });
  // A values map feeds its field from its own column (problems point there).
  for (const m of settings.valueMaps ?? []) columnOf.set(m.field, m.column);
  const reader = new RowReader(settings, ctx, columnOf);
  const drafts = rows.map((r) => reader.read(r));

  // Ids given in the rows: each must be unique among the included rows.
  const linesById = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (excluded.has(i) || d.op === 'skip' || d.explicitId === null) return;
    const list = linesById.get(d.explicitId);
    if (list) list.push(i);
    else linesById.set(d.explicitId, [i]);
  });
  for (const [id, indexes] of linesById) {
    if (indexes.length < 2) continue;
    for (const i of indexes) {
      const other = indexes.find((j) => j !== i)!;
      drafts[i]!.problems.push({
        field: 'id',
        column: columnOf.get('id') ?? null,
        severity: 'error',
        key: 'import.problem.duplicateInRows',
        params: { value: id, other: rows[other]!.line },
      });
    }
  }

  const ids = new IdAllocator(ctx.existing.keys(), linesById.keys());
  const out: RowOutcome[] = [];
  let ready = 0, creates = 0, updates = 0, skipped = 0, excludedCount = 0, withErrors = 0, errorCount = 0;
  drafts.forEach((d, i) => {
    const isExcluded = excluded.has(i);
    const problems: CellProblem[] = d.problems.map((p) => ({ ...p, row: i }));
    let generatedId: string | null = null;
    let customer: Customer | null = null;
    const hasError = () => problems.some((p) => p.severity === 'error');
    if (d.op !== 'skip' && !isExcluded && !hasError()) {
      const draft = { ...d.customer };
      if (d.explicitId === null && d.op === 'create') {
        generatedId = ids.fromName(draft.name ?? '');
        draft.id = generatedId;
      } else if (d.explicitId !== null) draft.id = d.explicitId;
      // Every field was checked above against the same bounds as the plan
      // format; the host checks the whole batch again before writing it.
      customer = draft as Customer;
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    if (isExcluded) excludedCount++;
    else if (d.op === 'skip') skipped++;
    else if (errors > 0) {
      withErrors++;
      errorCount += errors;
    } else {
      ready++;
      if (d.op === 'create') creates++;
      else updates++;
    }
    out.push({ line: rows[i]!.line, op: d.op, excluded: isExcluded, customer, problems, defaulted: d.defaulted, generatedId });
  });
  return { rows: out, ready, creates, updates, skipped, excluded: excludedCount, withErrors, errorCount };
}
