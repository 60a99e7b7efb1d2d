// The account ladder (分阶段加深客户合作深度) as plain functions: which phase
// is "current" for the behind-plan filter, whether a customer is behind its
// plan, and the customer with one planned level changed (what the detail's
// phase × layer grid writes).
import { RELATIONSHIP_LAYERS, type Customer, type Phase, type Relationship, type RelationshipLayer } from '../../../shared/plan/types';

/** YYYY-MM of a date in the user's own calendar. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * The phase a "behind plan" check compares with: the first phase (plan
 * order) whose months contain `month`, else the first phase that has not
 * ended yet, else — every phase over — the last one. Null without phases.
 */
export function currentPhase(phases: readonly Pick<Phase, 'id' | 'start' | 'end'>[], month: string): string | null {
  // YYYY-MM strings compare as months.
  const containing = phases.find((p) => p.start <= month && month <= p.end);
  if (containing) return containing.id;
  const notEnded = phases.find((p) => p.end >= month);
  return (notEnded ?? phases.at(-1))?.id ?? null;
}

/** The layers where today's level is below the level planned for `phaseId` (none without a plan for it). */
export function layersBehind(c: Customer, phaseId: string | null): RelationshipLayer[] {
  const planned = phaseId === null ? undefined : c.relationshipPlan?.[phaseId];
  if (!planned) return [];
  return RELATIONSHIP_LAYERS.filter((layer) => c.relationship[layer] < planned[layer]);
}

export function isBehindPlan(c: Customer, phaseId: string | null): boolean {
  return layersBehind(c, phaseId).length > 0;
}

/**
 * The customer with the level of `layer` planned for `phaseId` set to
 * `level`, or that phase's plan removed (null). A phase is planned on all
 * three layers together (the format's shape), so the first level set for a
 * phase takes the other two from the latest earlier phase's plan, else from
 * today's levels. Entries keep the plan's phase order.
 */
export function withPlannedLevel(
  c: Customer,
  phaseIds: readonly string[],
  phaseId: string,
  layer: RelationshipLayer,
  level: number | null,
): Customer {
  const next = structuredClone(c);
  const plan: Record<string, Relationship> = { ...next.relationshipPlan };
  if (level === null) delete plan[phaseId];
  else plan[phaseId] = { ...(plan[phaseId] ?? startingLevels(c, phaseIds, phaseId)), [layer]: level };
  const ordered: Record<string, Relationship> = {};
  // Known phases first in plan order, then any the plan names that are not (kept, not judged here).
  for (const id of [...phaseIds, ...Object.keys(plan)]) if (plan[id] && !(id in ordered)) ordered[id] = plan[id];
  if (Object.keys(ordered).length === 0) delete next.relationshipPlan;
  else next.relationshipPlan = ordered;
  return next;
}

function startingLevels(c: Customer, phaseIds: readonly string[], phaseId: string): Relationship {
  const at = phaseIds.indexOf(phaseId);
  for (let i = at - 1; i >= 0; i--) {
    const earlier = c.relationshipPlan?.[phaseIds[i]!];
    if (earlier) return { ...earlier };
  }
  return { ...c.relationship };
}
