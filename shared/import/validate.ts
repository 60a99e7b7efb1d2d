// Checks every cell of every data row against the open plan and builds the
// customer each valid row stands for. Each problem names its row, its source
// column and a message key; nothing is written here.
//
// Defaults for a new customer (shown in the preview as "default"): id from the
// name (see ids.ts), potential 0, relationship layers 0, owners none, status
// and, when chosen in the mapping step, segment and tier. A row that updates
// an existing customer keeps that customer's value wherever its cell is empty.
import { customerSchema, idSchema, NAME_MAX } from '../plan/schema';
import type { Customer, Factors, Range } from '../plan/types';
import type { ImportContext } from './context';
import { factorOf, layerOf, ownerRoleOf, type ImportField } from './fields';
import { IdAllocator } from './ids';
import type { CellProblem, ImportSettings, RowOutcome, SourceRow, ValidationSummary } from './types';
import { cleanCell, looksLikeFormula, parseAmount, parseAmountOrRange, parseWholeNumber, type ValueResult } from './values';

/** The data rows of a grid: the header row and blank rows left out, line numbers kept. */
export function dataRows(grid: readonly (readonly string[])[], hasHeader: boolean): SourceRow[] {
  const out: SourceRow[] = [];
  for (let i = hasHeader ? 1 : 0; i < grid.length; i++) {
    const cells = grid[i]!;
    if (cells.some((c) => c.trim() !== '')) out.push({ line: i + 1, cells });
  }
  return out;
}

type Problem = Omit<CellProblem, 'row'>;

interface RowDraft {
  customer: Partial<Customer> & { factors?: Factors };
  problems: Problem[];
  defaulted: ImportField[];
  explicitId: string | null;
  op: 'create' | 'update' | 'skip';
}

function validateRow(row: SourceRow, settings: ImportSettings, ctx: ImportContext, columnOf: Map<ImportField, number>): RowDraft {
  const problems: Problem[] = [];
  const defaulted: ImportField[] = [];
  const raw = (f: ImportField): string => {
    const c = columnOf.get(f);
    return c === undefined ? '' : (row.cells[c] ?? '').trim();
  };
  const error = (field: ImportField, key: Problem['key'], params: Problem['params'] = {}) =>
    problems.push({ field, column: columnOf.get(field) ?? null, severity: 'error', key, params });
  const check = <T>(field: ImportField, r: ValueResult<T>): T | undefined => {
    if (r.ok) return r.value;
    error(field, r.key, r.params);
    return undefined;
  };

  // The id decides whether the row creates, updates or is skipped.
  const idText = raw('id');
  let explicitId: string | null = null;
  let base: Customer | undefined;
  let op: RowDraft['op'] = 'create';
  if (idText !== '') {
    if (!idSchema.safeParse(idText).success) error('id', 'import.problem.badId', { value: idText });
    else {
      explicitId = idText;
      const existing = ctx.existing.get(idText);
      if (existing) {
        if (settings.existing === 'skip') return { customer: {}, problems: [], defaulted: [], explicitId, op: 'skip' };
        if (settings.existing === 'update') {
          op = 'update';
          base = existing;
        } else error('id', 'import.problem.duplicateExisting', { value: idText, name: existing.name });
      }
    }
  }
  const c: RowDraft['customer'] = base
    ? { ...base, relationship: { ...base.relationship }, owners: { ...base.owners }, ...(base.factors ? { factors: { ...base.factors } } : {}) }
    : { relationship: { key: 0, broad: 0, organizational: 0 }, owners: { AR: null, SR: null, FR: null } };

  /** Empty cell: keep the existing value (update), take `fallback` (create), or report it missing. */
  const empty = (field: ImportField, fallback: (() => void) | null) => {
    if (base) return;
    if (fallback) {
      fallback();
      defaulted.push(field);
    } else error(field, 'import.problem.required');
  };
  const text = (field: 'name' | 'region' | 'industry', required: boolean) => {
    const v = raw(field);
    if (v === '') {
      if (required) empty(field, null);
      return;
    }
    if (v.length > NAME_MAX) error(field, 'import.problem.tooLong', { max: NAME_MAX, length: v.length });
    else c[field] = v;
    if (looksLikeFormula(v))
      problems.push({ field, column: columnOf.get(field) ?? null, severity: 'note', key: 'import.note.formulaText', params: { value: v } });
  };
  const lookup = (field: ImportField, v: string, find: (t: string) => string[], unknownKey: Problem['key']): string | undefined => {
    if (/^[=@]/.test(cleanCell(v))) return void error(field, 'import.problem.formula', { value: v });
    const ids = find(v);
    if (ids.length === 1) return ids[0];
    if (ids.length === 0) error(field, unknownKey, { value: v });
    else error(field, 'import.problem.ambiguous', { value: v, count: ids.length });
    return undefined;
  };

  text('name', true);

  const seg = raw('segment');
  if (seg !== '') {
    const id = lookup('segment', seg, ctx.segment, 'import.problem.unknownSegment');
    if (id) c.segmentId = id;
  } else {
    const d = settings.defaults.segmentId;
    empty('segment', d ? () => (c.segmentId = d) : null);
  }

  const tierText = raw('tier');
  if (tierText !== '') {
    const t = ctx.tier(tierText);
    if (t) c.tier = t;
    else if (/^[=@]/.test(cleanCell(tierText))) error('tier', 'import.problem.formula', { value: tierText });
    else error('tier', 'import.problem.unknownTier', { value: tierText });
  } else {
    const d = settings.defaults.tier;
    empty('tier', d ? () => (c.tier = d) : null);
  }

  const statusText = raw('status');
  if (statusText !== '') {
    const s = ctx.status(statusText);
    if (s) c.status = s;
    else error('status', /^[=@]/.test(cleanCell(statusText)) ? 'import.problem.formula' : 'import.problem.unknownStatus', { value: statusText });
  } else empty('status', () => (c.status = settings.defaults.status));

  const amountOpts = { currency: ctx.currency, decimalComma: settings.decimalComma };
  const potential = raw('potential');
  if (potential !== '') {
    const v = check('potential', parseAmount(potential, amountOpts));
    if (v !== undefined) c.potential = v;
  } else empty('potential', () => (c.potential = 0));

  text('region', false);
  text('industry', false);

  for (const field of columnOf.keys()) {
    const v = raw(field);
    if (v === '') continue;
    const role = ownerRoleOf(field);
    if (role) {
      const id = lookup(field, v, ctx.person, 'import.problem.unknownPerson');
      if (id) c.owners![role] = id;
      continue;
    }
    const layer = layerOf(field);
    if (layer) {
      const n = check(field, parseWholeNumber(v, 0, 4));
      if (n !== undefined) c.relationship![layer] = n;
      continue;
    }
    const factor = factorOf(field);
    if (factor) {
      const n = check(field, parseWholeNumber(v, 1, 5));
      if (n !== undefined) (c.factors ??= {})[factor] = n;
    }
  }

  const phase = raw('breakthroughPhase');
  if (phase !== '') {
    const id = lookup('breakthroughPhase', phase, ctx.phase, 'import.problem.unknownPhase');
    if (id) c.breakthroughPhaseId = id;
  }

  const stage = raw('entryStage');
  if (stage !== '' && c.segmentId !== undefined) {
    if (/^[=@]/.test(cleanCell(stage))) error('entryStage', 'import.problem.formula', { value: stage });
    else {
      const found = ctx.stage(c.segmentId, stage);
      if (found.index !== null) c.entryStage = found.index;
      else error('entryStage', 'import.problem.unknownStage', { value: stage, last: Math.max(0, found.count - 1) });
    }
  }

  const firstDeal = raw('firstDeal');
  if (firstDeal !== '') {
    const v = check('firstDeal', parseAmountOrRange(firstDeal, amountOpts));
    if (v !== undefined) c.firstDeal = v as Range;
  }
  return { customer: c, problems, defaulted, explicitId, op };
}

/** Maps a schema problem (which should not happen after the checks above) to the field it concerns. */
function schemaField(path: readonly PropertyKey[]): ImportField {
  const [head, sub] = path.map(String);
  switch (head) {
    case 'owners':
    case 'relationship':
    case 'factors':
      return `${head}.${sub}` as ImportField;
    case 'segmentId':
      return 'segment';
    case 'breakthroughPhaseId':
      return 'breakthroughPhase';
    case 'id':
    case 'name':
    case 'tier':
    case 'status':
    case 'potential':
    case 'region':
    case 'industry':
    case 'entryStage':
    case 'firstDeal':
      return head;
    default:
      return 'name';
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
  const drafts = rows.map((r) => validateRow(r, settings, ctx, columnOf));

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
      const parsed = customerSchema.safeParse(draft);
      if (parsed.success) customer = parsed.data as Customer;
      else
        for (const issue of parsed.error.issues) {
          const field = schemaField(issue.path);
          problems.push({ row: i, field, column: columnOf.get(field) ?? null, severity: 'error', key: 'import.problem.schema', params: { message: issue.message } });
        }
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
