// The last step of the customer import: the rows' edits written as one batch
// (with the tiering rule the user keeps, if any), and the host's refusal told
// against the source rows. All or nothing: a refused batch leaves the plan,
// its tiering rule included, as it was.
import type { Edit } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import { rowOfEdit, type ValidationSummary } from '../../../shared/import';
import type { Tiering } from '../../../shared/plan/types';
import type { PlanStore } from '../PlanStore';

/** One reason the host refused the import, with the source line where it says which row. */
export interface Rejection {
  line: number | null;
  message: string;
}

/** Writes the edits as the newest edit of the plan; throws the host's refusal, the plan's rule restored. */
export async function writeImport(plan: PlanStore, edits: Edit[], label: string, keep: Tiering | null): Promise<void> {
  const previousRule = plan.tiering;
  // The rule first, so the import stays the newest edit: one undo takes the import back.
  if (keep) await plan.setTiering(keep);
  try {
    await plan.batch(edits, label);
  } catch (e) {
    // All or nothing: the refused import leaves the plan's rule as it was.
    if (keep) await plan.setTiering(previousRule).catch(() => undefined);
    throw e;
  }
}

interface RejectionDetails {
  edit?: number;
  issues?: { path: string; message: string }[];
}

/** The host's reasons, with the source row where the failing edit says which. */
export function rejectionOf(error: ApiError, summary: ValidationSummary): Rejection[] {
  const details = (error.details ?? {}) as RejectionDetails;
  const row = details.edit !== undefined ? rowOfEdit(summary, details.edit) : null;
  const line = row !== null ? (summary.rows[row]?.line ?? null) : null;
  const issues = details.issues ?? [];
  if (issues.length === 0) return [{ line, message: error.message }];
  return issues.map((i) => ({ line, message: i.path ? `${i.path}: ${i.message}` : i.message }));
}
