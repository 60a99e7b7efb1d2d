// The validated rows as one `plan.batch`: a create for each new customer, a
// full-entity update for each row that overwrites an existing one. The batch
// is all or nothing on the server, so a rejected import writes nothing.
import type { Edit } from '../api/contract';
import type { ValidationSummary } from './types';

/** Throws if the summary still has included rows with errors: the UI must not offer the import then. */
export function buildImportEdits(summary: ValidationSummary): Edit[] {
  if (summary.withErrors > 0) throw new Error(`${summary.withErrors} included rows still have problems`);
  const edits: Edit[] = [];
  for (const row of summary.rows) {
    if (row.excluded || row.op === 'skip' || !row.customer) continue;
    if (row.op === 'create') edits.push({ kind: 'customers', op: 'create', value: row.customer });
    else edits.push({ kind: 'customers', op: 'update', id: row.customer.id, value: row.customer });
  }
  return edits;
}

/** The data row (index into the rows) that the batch's edit number `edit` came from. */
export function rowOfEdit(summary: ValidationSummary, edit: number): number | null {
  let n = 0;
  for (let i = 0; i < summary.rows.length; i++) {
    const row = summary.rows[i]!;
    if (row.excluded || row.op === 'skip' || !row.customer) continue;
    if (n === edit) return i;
    n++;
  }
  return null;
}
