// Which source column feeds which customer field: the guesses (with their
// reasons) are in guess.ts and header.ts; this is the mapping's shape and its
// checks. The user can change every choice in the mapping step.
import { fieldForHeader, type ImportField } from './fields';
import type { ImportContext } from './context';
import { guessColumns, guessMapping } from './guess';
import { detectHeader } from './header';

export type { ColumnMapping } from './field-list';
import type { ColumnMapping } from './field-list';

export function gridWidth(rows: readonly (readonly string[])[]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}

/** A row alone is a header when at least half of its non-empty cells name a field (detectHeader also reads the rows below). */
export function looksLikeHeader(row: readonly string[] | undefined): boolean {
  return row ? detectHeader([row]).hasHeader : false;
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

export interface AutoMapping {
  hasHeader: boolean;
  mapping: ColumnMapping;
}

/** The first guess shown in the mapping step (with reasons: guessMapping in guess.ts). */
export function autoMap(rows: readonly (readonly string[])[], ctx: ImportContext): AutoMapping {
  const { hasHeader, mapping } = guessMapping(rows, gridWidth(rows), ctx);
  return { hasHeader, mapping };
}

/** The mapping for a header choice (used again when the user toggles the header row). */
export function mapFor(rows: readonly (readonly string[])[], hasHeader: boolean, width: number, ctx: ImportContext): ColumnMapping {
  return guessColumns(rows, hasHeader, width, ctx).map((g) => g.field);
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
