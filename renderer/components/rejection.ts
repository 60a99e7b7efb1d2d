// Why the store refused an edit, in the user's language, for showing next to
// the field that was edited (the field itself goes back to the stored value).
import type { CollectionKind } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import type { PlainKey, Translator } from '../../shared/i18n';
import { toApiError } from '../stores/PlanStore';

const KIND_LABEL: Record<CollectionKind, PlainKey> = {
  phases: 'nav.phases',
  funnels: 'overview.count.funnels',
  segments: 'overview.count.segments',
  people: 'overview.count.people',
  customers: 'overview.count.customers',
  goals: 'overview.count.goals',
  targets: 'overview.count.targets',
  scenarios: 'overview.count.scenarios',
};

interface InUseDetails {
  references?: { kind: CollectionKind; count: number }[];
}

export function describeRejection(error: ApiError, tr: Translator): string {
  switch (error.code) {
    case 'in_use': {
      const refs = (error.details as InUseDetails | undefined)?.references ?? [];
      if (refs.length === 0) return tr.t('funnels.reject.other', { message: error.message });
      const uses = refs
        .map((r) => tr.t('funnels.reject.use', { what: tr.t(KIND_LABEL[r.kind] ?? 'overview.count.customers'), count: r.count }))
        .join(tr.t('funnels.listSeparator'));
      return tr.t('funnels.reject.inUse', { uses });
    }
    case 'invalid_plan': {
      const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
      const text = issues.length > 0 ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') : error.message;
      return tr.t('funnels.reject.invalid', { issues: text });
    }
    default:
      return tr.t('funnels.reject.other', { message: error.message });
  }
}

/** Runs a store write; answers null when it was stored, else the reason (for a CommitOutcome). */
export async function attempt(tr: Translator, write: () => Promise<unknown>): Promise<string | null> {
  try {
    await write();
    return null;
  } catch (e) {
    return describeRejection(toApiError(e), tr);
  }
}
