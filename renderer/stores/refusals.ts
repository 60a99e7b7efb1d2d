// The one write convention of the renderer: every edit is a store action
// answering a WriteOutcome — null when stored, else why the store refused it,
// in the user's language, for showing next to the field that was edited (the
// field itself goes back to the stored value). Views never call the API client
// or map errors themselves; they show the outcome with components/Refusal.
import type { CollectionKind } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import type { PluralKey, Translator } from '../../shared/i18n';
import { toApiError } from './PlanStore';

const REF_KEYS: Partial<Record<CollectionKind, PluralKey>> = {
  segments: 'planning.refs.segments',
  customers: 'planning.refs.customers',
  goals: 'planning.refs.goals',
  targets: 'planning.refs.targets',
  scenarios: 'planning.refs.scenarios',
};

export interface Reference {
  kind: CollectionKind;
  count: number;
}

export function referencesOf(e: ApiError): Reference[] {
  const refs = (e.details as { references?: unknown } | undefined)?.references;
  if (!Array.isArray(refs)) return [];
  return refs.filter(
    (r): r is Reference => typeof r === 'object' && r !== null && typeof r.kind === 'string' && typeof r.count === 'number',
  );
}

/** "3 customers and 2 goals" / "3 个客户、2 个目标". */
export function describeReferences(refs: readonly Reference[], tr: Translator): string {
  const parts = refs.map((r) => {
    const key = REF_KEYS[r.kind];
    return key ? tr.tn(key, r.count) : `${r.count} ${r.kind}`;
  });
  if (parts.length <= 1) return parts[0] ?? '';
  return tr.t('planning.list.last', { rest: parts.slice(0, -1).join(tr.t('planning.list.separator')), last: parts.at(-1)! });
}

export function describeRejection(error: ApiError, tr: Translator): string {
  switch (error.code) {
    case 'in_use': {
      const refs = referencesOf(error);
      if (refs.length === 0) return tr.t('funnels.reject.other', { message: error.message });
      return tr.t('funnels.reject.inUse', { uses: describeReferences(refs, tr) });
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

/** What every store write answers: null when stored, else the refusal in words. */
export type WriteOutcome = string | null;

/** The reason to show next to a refused edit of the entity called `name`
 * (the planning screens' wording: "“Entry” is still used by 3 goals"). */
export function explainError(e: ApiError, tr: Translator, name: string): string {
  if (e.code === 'in_use') {
    const refs = referencesOf(e);
    if (refs.length) return tr.t('planning.error.inUse', { name, refs: describeReferences(refs, tr) });
  }
  return tr.t('planning.error.refused', { message: e.message });
}

/** Runs a store write; answers null when it was stored, else the reason in
 * words (`explain` picks the wording; the default names what refers to it). */
export async function attempt(
  tr: Translator,
  write: () => Promise<unknown>,
  explain: (e: ApiError, tr: Translator) => string = describeRejection,
): Promise<WriteOutcome> {
  try {
    await write();
    return null;
  } catch (e) {
    return explain(toApiError(e), tr);
  }
}

/** `attempt` with the planning screens' wording for the entity called `name`. */
export function attemptNamed(tr: Translator, name: string, write: () => Promise<unknown>): Promise<WriteOutcome> {
  return attempt(tr, write, (e) => explainError(e, tr, name));
}

/** Why the plan could not be loaded, in the user's language where the host's code allows (a plan too large for a window). */
export function loadErrorText(error: ApiError | null, tr: Translator): string {
  const d = error?.details as { what?: string; count?: number; limit?: number } | undefined;
  if (error?.code === 'too_large' && d?.count !== undefined && d.limit !== undefined) {
    if (d.what === 'customers') return tr.t('app.tooLarge.customers', { count: d.count, limit: d.limit });
    const mb = (chars: number) => Math.ceil(chars / (1024 * 1024));
    return tr.t('app.tooLarge.text', { size: mb(d.count), limit: mb(d.limit) });
  }
  return error?.message ?? '';
}
