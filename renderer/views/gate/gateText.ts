// The Gate screen's side of the gate's one wording (shared/report/gate-text.ts,
// also the exports'): the names it needs, read from the plan store.
import type { Translator } from '../../../shared/i18n';
import type { CheckEvaluation } from '../../../shared/plan/gate';
import type { Target } from '../../../shared/plan/types';
import type { GateCheckRow } from '../../../shared/report/model';
import { gateCheckRow, gateTarget, targetText, type GateNames } from '../../../shared/report/gate-text';
import type { PlanStore } from '../../stores/PlanStore';

export function gateNamesOf(plan: PlanStore): GateNames {
  const c = plan.collections;
  return {
    target: (id) => c.targets.get(id),
    funnel: (id) => c.funnels.get(id)?.name,
    segment: (id) => c.segments.get(id)?.name,
    customer: (id) => c.customers.get(id)?.name,
    goalTitle: (id) => c.goals.get(id)?.title,
  };
}

/** An evaluated check with its ids named, for gateCheckText and gateEvidenceText. */
export function checkRowOf(e: CheckEvaluation, plan: PlanStore): GateCheckRow {
  return gateCheckRow(e, gateNamesOf(plan));
}

/** A target as the check editor lists it. */
export function targetLabel(t: Target, tr: Translator, plan: PlanStore): string {
  return targetText(gateTarget(t, gateNamesOf(plan)), plan.settings?.currency ?? '', tr);
}
