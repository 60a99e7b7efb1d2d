// The values step of the customer import, kept free of MobX: a column's
// values mapped to segments, tiers, statuses or owners. Each edit answers
// the new list of maps; a map for a new column or field starts from the
// values that already name one.
import {
  distinctValues,
  suggestValueMap,
  unmappedValues,
  VALUE_MAP_FIELDS,
  type ColumnMapping,
  type DistinctValue,
  type ImportContext,
  type SourceRow,
  type ValueMap,
  type ValueMapField,
} from '../../../shared/import';

/** A values map as the values step shows it: every distinct value, and those still without a target. */
export interface ValueMapView {
  index: number;
  map: ValueMap;
  values: DistinctValue[];
  unmapped: DistinctValue[];
}

export function valueMapViews(rows: readonly SourceRow[], maps: readonly ValueMap[]): ValueMapView[] {
  return maps.map((map, index) => ({ index, map, values: distinctValues(rows, map.column), unmapped: unmappedValues(rows, map) }));
}

/** A field whose values a map can name (a select's value, or a column's field). */
export const isValueMapField = (f: string): f is ValueMapField => (VALUE_MAP_FIELDS as readonly string[]).includes(f);

/**
 * Columns fed to a segment, tier, status or owner whose values do not all
 * name one, and that have no values map yet: offered as "map its values"
 * (not opened by themselves: a typo is also fine to fix or exclude in the preview).
 */
export function valueMapSuggestions(
  rows: readonly SourceRow[],
  mapping: ColumnMapping,
  maps: readonly ValueMap[],
  context: ImportContext,
): { column: number; field: ValueMapField; unresolved: number }[] {
  const out: { column: number; field: ValueMapField; unresolved: number }[] = [];
  mapping.forEach((field, column) => {
    if (!field || !isValueMapField(field) || maps.some((m) => m.field === field)) return;
    const unresolved = unmappedValues(rows, suggestValueMap(rows, column, field, context)).length;
    if (unresolved > 0) out.push({ column, field, unresolved });
  });
  return out;
}

/** Where a new values map starts: the first column not mapped yet, to the first field without a map. */
export function newValueMapPlace(mapping: ColumnMapping, maps: readonly ValueMap[], width: number): { column: number; field: ValueMapField } {
  const used = new Set(maps.map((m) => m.column));
  const column = Math.max(0, Array.from({ length: width }, (_, c) => c).find((c) => !used.has(c) && mapping[c] === null) ?? 0);
  const field = VALUE_MAP_FIELDS.find((f) => !maps.some((m) => m.field === f)) ?? 'segment';
  return { column, field };
}

/** Another column or field for map `index`: its values are suggested afresh (null: no such map). */
export function withMapMoved(
  rows: readonly SourceRow[],
  maps: readonly ValueMap[],
  index: number,
  patch: { column?: number; field?: ValueMapField },
  context: ImportContext,
): ValueMap[] | null {
  const old = maps[index];
  if (!old) return null;
  const next = suggestValueMap(rows, patch.column ?? old.column, patch.field ?? old.field, context);
  return maps.map((m, i) => (i === index ? next : m));
}

/** `target` null leaves the value without one (listed; the import waits). */
export function withValueTarget(maps: readonly ValueMap[], index: number, value: string, target: string | null): ValueMap[] {
  return maps.map((m, i) => {
    if (i !== index) return m;
    const values = { ...m.values };
    if (target === null) delete values[value];
    else values[value] = target;
    return { ...m, values };
  });
}
