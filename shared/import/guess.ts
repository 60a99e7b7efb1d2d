// The first guess of the mapping step, each column with the reason shown
// beside it. With a header row, a column maps by its header words (fields.ts,
// crm-synonyms.ts); a column whose header names nothing may still map by
// what its values are (a column of S/A/B/C, of the plan's segment names, of
// its people). Without a header, by values only, the remaining text columns
// becoming name, region and industry in that order (said so in the reason).
import { catalogs, interpolate, type Locale } from '../i18n';
import type { ImportContext } from './context';
import { fieldForHeader, fieldLabelKey, isImportField, type ImportField } from './fields';
import { detectHeader, type HeaderGuess, type Reason } from './header';
import type { ColumnMapping } from './field-list';
import { parseAmount } from './values';

export interface ColumnGuess {
  column: number;
  field: ImportField | null;
  /** Why the column maps to `field` (or why to nothing). */
  reason: Reason;
}

export interface MappingGuess {
  hasHeader: boolean;
  header: HeaderGuess;
  mapping: ColumnMapping;
  guesses: ColumnGuess[];
}

const SAMPLE_ROWS = 200;

// A reason names its field by key; reasonText shows the label in the reader's language.
const label = (field: ImportField) => field;

/** A header or column reason as text in `locale` ({field} becomes the field's label there). */
export function reasonText(reason: Reason, locale: Locale): string {
  const field = reason.params.field;
  const params = typeof field === 'string' && isImportField(field) ? { ...reason.params, field: catalogs[locale][fieldLabelKey(field)] } : reason.params;
  return interpolate(catalogs[locale][reason.key], params, locale);
}

/** Content guesses for `columns`; `weak` adds amounts and the text-order fallback (headerless only). */
function byContent(
  rows: readonly (readonly string[])[],
  columns: readonly number[],
  ctx: ImportContext,
  used: Set<ImportField>,
  weak: boolean,
  out: Map<number, ColumnGuess>,
): void {
  const sample = rows.slice(0, SAMPLE_ROWS);
  const assign = (column: number, field: ImportField, key: Reason['key'], params: Reason['params'] = {}) => {
    used.add(field);
    out.set(column, { column, field, reason: { key, params } });
  };
  const textColumns: number[] = [];
  for (const c of columns) {
    const values = sample.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    const all = (test: (v: string) => boolean) => values.every(test);
    const one = (ids: string[]) => ids.length === 1;
    const distinct = new Set(values).size;
    if (!used.has('tier') && all((v) => ctx.tier(v) !== null)) assign(c, 'tier', 'import.reason.tiers');
    else if (!used.has('status') && all((v) => ctx.status(v) !== null)) assign(c, 'status', 'import.reason.statuses');
    else if (!used.has('segment') && all((v) => one(ctx.segment(v)))) assign(c, 'segment', 'import.reason.segments', { distinct });
    else if (!used.has('breakthroughPhase') && all((v) => one(ctx.phase(v)))) assign(c, 'breakthroughPhase', 'import.reason.phases');
    else if (!used.has('id') && all((v) => ctx.existing.has(v))) assign(c, 'id', 'import.reason.existingIds');
    else if (all((v) => one(ctx.person(v)))) {
      const owner = (['owners.AR', 'owners.SR', 'owners.FR'] as const).find((f) => !used.has(f));
      if (owner) assign(c, owner, 'import.reason.people');
    } else if (!weak) continue;
    else if (!used.has('potential') && all((v) => parseAmount(v, { currency: ctx.currency }).ok) && values.some((v) => /\d{3}|[万亿kKmMbB]/.test(v)))
      assign(c, 'potential', 'import.reason.amounts');
    else if (all((v) => !/^[\d.,\s%+-]+$/.test(v))) textColumns.push(c);
  }
  const textFields: ImportField[] = ['name', 'region', 'industry'];
  for (const c of textColumns) {
    const field = textFields.find((f) => !used.has(f));
    if (!field) break;
    assign(c, field, 'import.reason.textOrder', { field: label(field) });
  }
}

/** The column guesses for a header choice (used again when the user toggles the header row). */
export function guessColumns(rows: readonly (readonly string[])[], hasHeader: boolean, width: number, ctx: ImportContext): ColumnGuess[] {
  const out = new Map<number, ColumnGuess>();
  const used = new Set<ImportField>();
  const unmatched: number[] = [];
  if (hasHeader) {
    const header = rows[0] ?? [];
    for (let c = 0; c < width; c++) {
      const text = (header[c] ?? '').trim();
      const field = fieldForHeader(text);
      if (field && !used.has(field)) {
        used.add(field);
        out.set(c, { column: c, field, reason: { key: 'import.reason.header', params: { header: text, field: label(field) } } });
      } else if (field) out.set(c, { column: c, field: null, reason: { key: 'import.reason.duplicateHeader', params: { header: text, field: label(field) } } });
      else unmatched.push(c);
    }
    byContent(rows.slice(1), unmatched, ctx, used, false, out);
  } else byContent(rows, Array.from({ length: width }, (_, c) => c), ctx, used, true, out);
  return Array.from({ length: width }, (_, c) => out.get(c) ?? { column: c, field: null, reason: { key: 'import.reason.none', params: {} } });
}

/**
 * The plan's own values as a header test: a column whose values below row 1
 * are all tiers (segments, people…) while its first cell is not one has a
 * header above it ("Class" over S/A/B/C).
 */
function headerAboveKnownValues(rows: readonly (readonly string[])[], width: number, ctx: ImportContext): HeaderGuess | null {
  if (rows.length < 3) return null;
  const columns = Array.from({ length: width }, (_, c) => c);
  const below = new Map<number, ColumnGuess>();
  byContent(rows.slice(1), columns, ctx, new Set(), false, below);
  const withFirst = new Map<number, ColumnGuess>();
  byContent(rows, columns, ctx, new Set(), false, withFirst);
  for (const [c, g] of below) {
    const head = (rows[0]![c] ?? '').trim();
    if (head !== '' && g.field && withFirst.get(c)?.field !== g.field)
      return { hasHeader: true, reason: { key: 'import.header.textAboveKnownValues', params: { header: head, field: label(g.field) } } };
  }
  return null;
}

/** Header detection and column guesses together: what the mapping step opens with. */
export function guessMapping(rows: readonly (readonly string[])[], width: number, ctx: ImportContext, hasHeader?: boolean): MappingGuess {
  let header = detectHeader(rows);
  if (!header.hasHeader && header.reason.key === 'import.header.looksLikeData') header = headerAboveKnownValues(rows, width, ctx) ?? header;
  const useHeader = hasHeader ?? header.hasHeader;
  const guesses = guessColumns(rows, useHeader, width, ctx);
  return { hasHeader: useHeader, header, mapping: guesses.map((g) => g.field), guesses };
}
