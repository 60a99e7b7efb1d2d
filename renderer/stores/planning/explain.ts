// Why an edit did not happen, in the user's language. The store's messages
// are English and name JSON paths; where the refusal carries structured
// details (in_use: which collections still refer, how many) or the screen
// can see the cause itself (a phase overlap), the reason is told in words.
import type { ApiError } from '../../../shared/api/result';
import { formatMonthRange, type Translator } from '../../../shared/i18n';
import { describeReferences, referencesOf } from '../refusals';
import type { PhaseProblem } from './coverage';
import type { ParseProblem } from './values';

/** The reason to show next to a refused edit of the entity called `name`. */
export function explainError(e: ApiError, tr: Translator, name: string): string {
  if (e.code === 'in_use') {
    const refs = referencesOf(e);
    if (refs.length) return tr.t('planning.error.inUse', { name, refs: describeReferences(refs, tr) });
  }
  return tr.t('planning.error.refused', { message: e.message });
}

export function explainPhaseProblem(p: PhaseProblem, tr: Translator): string {
  const locale = tr.locale;
  switch (p.kind) {
    case 'endBeforeStart':
      return tr.t('planning.phase.problem.endBeforeStart');
    case 'outsideHorizon':
      return tr.t('planning.phase.problem.outsideHorizon', { horizon: formatMonthRange(p.first, p.last, locale) });
    case 'overlap':
      return tr.t('planning.phase.problem.overlap', {
        months: formatMonthRange(p.start, p.end, locale),
        other: p.other.name,
        otherMonths: formatMonthRange(p.other.start, p.other.end, locale),
      });
    default: {
      const never: never = p;
      return never;
    }
  }
}

export function explainParseProblem(problem: ParseProblem, text: string, tr: Translator): string {
  switch (problem) {
    case 'empty':
      return tr.t('planning.value.empty');
    case 'notANumber':
      return tr.t('planning.value.notANumber', { text });
    case 'negative':
      return tr.t('planning.value.negative');
    case 'overHundred':
      return tr.t('planning.value.overHundred');
    default: {
      const never: never = problem;
      return never;
    }
  }
}
