// How a goal's target and due month read in the goals table and dialog.
import { formatMonth, formatMonthRange, type Translator } from '../../../shared/i18n';
import type { Goal, Phase } from '../../../shared/plan/types';
import { formatValue, GOAL_KIND } from '../../../shared/plan/value-kinds';

export function goalTargetText(goal: Pick<Goal, 'metric' | 'target'>, tr: Translator, currency: string): string {
  if (goal.metric === 'relationshipLevel') return tr.t('planning.goal.level', { level: goal.target });
  return formatValue(GOAL_KIND[goal.metric], goal.target, currency, tr.locale);
}

/** The warning when the due month lies outside the goal's phase, else null. */
export function dueWarning(due: string, phase: Phase | undefined, tr: Translator): string | null {
  if (!phase || (due >= phase.start && due <= phase.end)) return null;
  return tr.t('planning.goal.dueOutside', {
    due: formatMonth(due, tr.locale),
    phase: phase.name,
    months: formatMonthRange(phase.start, phase.end, tr.locale),
  });
}
