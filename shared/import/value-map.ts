// Values to fields: the distinct values of one column mapped to a segment, a
// tier, a status or an owner (sector "retail" and "software" → the SMB
// segment). The step lists every distinct value with its count; values
// already meaning something (a segment's name, "S", a person's name) are
// filled in; the import waits while a value is left unmapped (unmappedValues).
// A recipe keeps the choices for the next file with the same header.
import type { ImportContext } from './context';
import { normalizeLabel, type ImportField } from './fields';
import type { ColumnMapping } from './field-list';
import type { SourceRow, ValueMap, ValueMapField } from './types';

export { VALUE_MAP_FIELDS, type ValueMapField, type ValueMap } from './types';

export interface DistinctValue {
  value: string;
  count: number;
  /** The first source lines that hold it (at most 5). */
  lines: number[];
}

/** The distinct non-empty values of a column, most frequent first. */
export function distinctValues(rows: readonly SourceRow[], column: number): DistinctValue[] {
  const map = new Map<string, DistinctValue>();
  for (const r of rows) {
    const v = (r.cells[column] ?? '').trim();
    if (v === '') continue;
    const d = map.get(v);
    if (d) {
      d.count++;
      if (d.lines.length < 5) d.lines.push(r.line);
    } else map.set(v, { value: v, count: 1, lines: [r.line] });
  }
  return [...map.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** What a value already means for the field, or null (an unknown or ambiguous name). */
export function resolveValue(field: ValueMapField, value: string, ctx: ImportContext): string | null {
  if (field === 'tier') return ctx.tier(value);
  if (field === 'status') return ctx.status(value);
  const ids = field === 'segment' ? ctx.segment(value) : ctx.person(value);
  return ids.length === 1 ? ids[0]! : null;
}

/** A first values map: every value that already names a target is filled in. */
export function suggestValueMap(rows: readonly SourceRow[], column: number, field: ValueMapField, ctx: ImportContext): ValueMap {
  const values: Record<string, string> = {};
  for (const d of distinctValues(rows, column)) {
    const target = resolveValue(field, d.value, ctx);
    if (target !== null) values[d.value] = target;
  }
  return { column, field, values };
}

/** The values of the column that the map leaves without a target (the import waits while any is left). */
export function unmappedValues(rows: readonly SourceRow[], map: ValueMap): DistinctValue[] {
  return distinctValues(rows, map.column).filter((d) => map.values[d.value] === undefined);
}

/**
 * The mapping choices of one import, keyed by header text, to offer again
 * for the next file of the same kind. Plan-format v2 has no key for it: the
 * host keeps it in the plan file's meta table (electron/store/import-recipes.ts,
 * API import.getRecipe / import.saveRecipe, schema importRecipeSchema).
 */
export interface ImportRecipe {
  /** Normalized header of each mapped column → its field. */
  columns: Record<string, ImportField>;
  valueMaps: { header: string; field: ValueMapField; values: Record<string, string> }[];
  potentialFactor?: number;
}

/**
 * The kind of file a header stands for: its normalized cells, sorted (the
 * same export with its columns moved is the same kind). Empty without a header.
 */
export function recipeKey(header: readonly string[]): string {
  const cells = header.map((h) => normalizeLabel(h)).filter((h) => h !== '');
  return [...new Set(cells)].sort().join('|');
}

export function recipeOf(header: readonly string[], mapping: ColumnMapping, valueMaps: readonly ValueMap[], potentialFactor?: number): ImportRecipe {
  const columns: Record<string, ImportField> = {};
  mapping.forEach((f, c) => {
    const key = normalizeLabel(header[c] ?? '');
    if (f && key) columns[key] = f;
  });
  return {
    columns,
    valueMaps: valueMaps.map((m) => ({ header: normalizeLabel(header[m.column] ?? ''), field: m.field, values: { ...m.values } })),
    ...(potentialFactor !== undefined ? { potentialFactor } : {}),
  };
}

/** A recipe laid on a new file's header: columns found by header text; null when no header matches. */
export function applyRecipe(header: readonly string[], recipe: ImportRecipe): { mapping: ColumnMapping; valueMaps: ValueMap[]; potentialFactor?: number } | null {
  const keys = header.map((h) => normalizeLabel(h));
  const mapping: ColumnMapping = keys.map((k) => recipe.columns[k] ?? null);
  const valueMaps: ValueMap[] = [];
  for (const m of recipe.valueMaps) {
    const column = keys.indexOf(m.header);
    if (column !== -1) valueMaps.push({ column, field: m.field, values: m.values });
  }
  if (mapping.every((f) => f === null) && valueMaps.length === 0) return null;
  return { mapping, valueMaps, ...(recipe.potentialFactor !== undefined ? { potentialFactor: recipe.potentialFactor } : {}) };
}

/** "0.03", "3%", "3 %", "３％" → 0.03; null when it is not a non-negative number. */
export function parseFactor(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(%)?$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]) / (m[2] ? 100 : 1);
  return Number.isFinite(n) ? n : null;
}
