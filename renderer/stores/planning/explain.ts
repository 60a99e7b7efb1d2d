// Why a planning edit did not happen when the screen can see the cause itself
// (a phase overlap, a value that is not a number), in the user's language.
// Refusals from the store are worded in ../refusals.ts.
import { formatMonthRange, type Translator } from '../../../shared/i18n';
import type { PhaseProblem } from './coverage';
import type { ParseProblem } from './values';

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
