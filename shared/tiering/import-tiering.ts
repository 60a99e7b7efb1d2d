// Tiering applied in an import: the rows about to be written ranked by their
// potential or by any number column of the file, alone or together with the
// plan's other customers, and the result written in the import's own batch
// (one plan.batch: the import and the tiers undo together).
import type { Edit } from '../api/contract';
import { buildImportEdits } from '../import/edits';
import type { SourceRow, ValidationSummary } from '../import/types';
import { parseAmount, type AmountOptions } from '../import/values';
import type { Customer, Tier } from '../plan/types';
import { itemsFromCustomers, type TieringItem, type TieringPreview } from './compute';

/**
 * Items for the rows the import will write (ready rows only), ranked by the
 * customer's potential (`column` null) or by the numbers of a source column,
 * whose text cells stay text so the preview names them.
 */
export function itemsFromImport(summary: ValidationSummary, rows: readonly SourceRow[], column: number | null, opts: AmountOptions): TieringItem[] {
  const out: TieringItem[] = [];
  summary.rows.forEach((r, i) => {
    const c = r.customer;
    if (!c || r.excluded || r.op === 'skip') return;
    let value: number | string | null = c.potential;
    if (column !== null) {
      const raw = (rows[i]?.cells[column] ?? '').trim();
      const v = raw === '' ? null : parseAmount(raw, opts);
      value = v === null ? null : v.ok ? v.value : raw;
    }
    out.push({ id: c.id, label: `#${r.line} ${c.name}`, segmentId: c.segmentId, tier: c.tier, potential: c.potential, value });
  });
  return out;
}

/** Items for the whole list after the import: the imported rows plus the plan's customers they do not update. */
export function itemsWithExisting(imported: readonly TieringItem[], existing: Iterable<Customer>): TieringItem[] {
  const ids = new Set(imported.map((i) => i.id));
  const rest: Customer[] = [];
  for (const c of existing) if (!ids.has(c.id)) rest.push(c);
  return [...itemsFromCustomers(rest), ...imported];
}

/** The summary with the rule's tiers written into the customers it will create or update. */
export function withTiers(summary: ValidationSummary, tiers: ReadonlyMap<string, Tier>): ValidationSummary {
  return {
    ...summary,
    rows: summary.rows.map((r) => {
      const t = r.customer ? tiers.get(r.customer.id) : undefined;
      return t && r.customer && t !== r.customer.tier ? { ...r, customer: { ...r.customer, tier: t } } : r;
    }),
  };
}

/**
 * One batch: the import with its rows tiered, plus a tier update for every
 * other customer of the plan whose tier the rule changes (when the rule ran
 * over the whole list).
 */
export function tieredImportEdits(summary: ValidationSummary, preview: TieringPreview, existing: ReadonlyMap<string, Customer>): Edit[] {
  if (!preview.ok) throw new Error('the tiering rule has problems: nothing to apply');
  const edits = buildImportEdits(withTiers(summary, preview.tiers));
  const imported = new Set(summary.rows.map((r) => r.customer?.id).filter((id): id is string => id !== undefined));
  for (const ch of preview.changed) {
    if (imported.has(ch.id)) continue;
    const c = existing.get(ch.id);
    if (c) edits.push({ kind: 'customers', op: 'update', id: c.id, value: { ...c, tier: ch.to } });
  }
  return edits;
}
