// Which source column feeds which customer field. With a header row, columns
// map by their header words (English or Chinese); without one, by what their
// values look like (tiers, statuses, known segments, people, phases, amounts),
// the remaining text columns becoming name, region and industry in order.
// The user can change every choice in the mapping step.
import { fieldForHeader, type ImportField } from './fields';
import type { ImportContext } from './context';
import { parseAmount } from './values';

export type ColumnMapping = (ImportField | null)[];

export function gridWidth(rows: readonly (readonly string[])[]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}

/** A first row is a header when at least half of its non-empty cells name a field. */
export function looksLikeHeader(row: readonly string[] | undefined): boolean {
  if (!row) return false;
  const cells = row.filter((c) => c.trim() !== '');
  if (cells.length === 0) return false;
  const named = cells.filter((c) => fieldForHeader(c) !== null).length;
  return named > 0 && named * 2 >= cells.length;
}

/** Maps each header cell to its field; a field named twice maps only its first column. */
export function mapByHeader(header: readonly string[], width: number): ColumnMapping {
  const used = new Set<ImportField>();
  const out: ColumnMapping = [];
  for (let c = 0; c < width; c++) {
    const field = fieldForHeader(header[c] ?? '');
    if (field && !used.has(field)) {
      used.add(field);
      out.push(field);
    } else out.push(null);
  }
  return out;
}

const SAMPLE_ROWS = 200;

/** Guesses a mapping for headerless rows from the values in each column. */
export function mapByContent(rows: readonly (readonly string[])[], width: number, ctx: ImportContext): ColumnMapping {
  const sample = rows.slice(0, SAMPLE_ROWS);
  const out: ColumnMapping = new Array<ImportField | null>(width).fill(null);
  const used = new Set<ImportField>();
  const assign = (c: number, field: ImportField) => {
    out[c] = field;
    used.add(field);
  };
  const textColumns: number[] = [];
  for (let c = 0; c < width; c++) {
    const values = sample.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    const all = (test: (v: string) => boolean) => values.every(test);
    const one = (ids: string[]) => ids.length === 1;
    if (!used.has('tier') && all((v) => ctx.tier(v) !== null)) assign(c, 'tier');
    else if (!used.has('status') && all((v) => ctx.status(v) !== null)) assign(c, 'status');
    else if (!used.has('segment') && all((v) => one(ctx.segment(v)))) assign(c, 'segment');
    else if (!used.has('breakthroughPhase') && all((v) => one(ctx.phase(v)))) assign(c, 'breakthroughPhase');
    else if (!used.has('id') && all((v) => ctx.existing.has(v))) assign(c, 'id');
    else if (all((v) => one(ctx.person(v)))) {
      const owner = (['owners.AR', 'owners.SR', 'owners.FR'] as const).find((f) => !used.has(f));
      if (owner) assign(c, owner);
    } else if (!used.has('potential') && all((v) => parseAmount(v, { currency: ctx.currency }).ok) && values.some((v) => /\d{3}|[万亿kKmMbB]/.test(v)))
      assign(c, 'potential');
    else if (all((v) => !/^[\d.,\s%+-]+$/.test(v))) textColumns.push(c);
  }
  const textFields: ImportField[] = ['name', 'region', 'industry'];
  for (const c of textColumns) {
    const field = textFields.find((f) => !used.has(f));
    if (!field) break;
    assign(c, field);
  }
  return out;
}

export interface AutoMapping {
  hasHeader: boolean;
  mapping: ColumnMapping;
}

/** The first guess shown in the mapping step. */
export function autoMap(rows: readonly (readonly string[])[], ctx: ImportContext): AutoMapping {
  const width = gridWidth(rows);
  const hasHeader = looksLikeHeader(rows[0]);
  return { hasHeader, mapping: mapFor(rows, hasHeader, width, ctx) };
}

/** The mapping for a header choice (used again when the user toggles the header row). */
export function mapFor(rows: readonly (readonly string[])[], hasHeader: boolean, width: number, ctx: ImportContext): ColumnMapping {
  return hasHeader ? mapByHeader(rows[0] ?? [], width) : mapByContent(rows, width, ctx);
}

/** Fields mapped by more than one column (a mapping problem shown before the preview). */
export function duplicateFields(mapping: ColumnMapping): ImportField[] {
  const seen = new Set<ImportField>();
  const dup = new Set<ImportField>();
  for (const f of mapping) {
    if (!f) continue;
    if (seen.has(f)) dup.add(f);
    seen.add(f);
  }
  return [...dup];
}
