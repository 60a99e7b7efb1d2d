// The cross-field rules of plan-format v1 and v2, each with its own message and the
// JSON path of the offending value. Runs after the shape check in schema.ts.
import type { Plan } from './types';
import { monthIndex } from './months';

export interface PlanIssue {
  /** JSON path such as `customers[12].tier`; "" for the document itself. */
  path: string;
  message: string;
}

type Key = string | number;

/** `['customers', 12, 'tier']` → `customers[12].tier`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

export function checkPlanRules(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (parts: Key[], message: string) => issues.push({ path: formatPath(parts), message });

  const uniqueIds = (collection: keyof Plan, items: { id: string }[]): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add([collection, i, 'id'], `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
    return seen;
  };
  const phaseIds = uniqueIds('phases', plan.phases);
  const funnelIds = uniqueIds('funnels', plan.funnels);
  const segmentIds = uniqueIds('segments', plan.segments);
  const personIds = uniqueIds('people', plan.people);
  const customerIds = uniqueIds('customers', plan.customers);
  uniqueIds('goals', plan.goals);
  uniqueIds('targets', plan.targets);
  uniqueIds('scenarios', plan.scenarios);
  uniqueIds('decisions', plan.decisions ?? []);

  const ref = (parts: Key[], id: string | null | undefined, ids: Set<string>, what: string) => {
    if (id != null && !ids.has(id)) add(parts, `refers to unknown ${what} "${id}"`);
  };

  // Phases: start ≤ end, inside the horizon, no two overlapping.
  const { startMonth, horizonMonths } = plan.plan;
  plan.phases.forEach((ph, i) => {
    const s = monthIndex(startMonth, ph.start);
    const e = monthIndex(startMonth, ph.end);
    if (e < s) add(['phases', i, 'end'], `ends (${ph.end}) before it starts (${ph.start})`);
    if (s < 0 || s >= horizonMonths)
      add(['phases', i, 'start'], `${ph.start} is outside the plan horizon (${startMonth}, ${horizonMonths} months)`);
    if (e < 0 || e >= horizonMonths)
      add(['phases', i, 'end'], `${ph.end} is outside the plan horizon (${startMonth}, ${horizonMonths} months)`);
  });
  plan.phases.forEach((a, i) => {
    plan.phases.forEach((b, j) => {
      if (j <= i) return;
      if (a.start <= b.end && b.start <= a.end)
        add(['phases', j], `overlaps phase "${a.id}" (${a.start}…${a.end})`);
    });
  });

  // Funnels: unique stage keys, payment shares summing to 1.
  const stageKeys = new Map<string, string[]>();
  plan.funnels.forEach((f, i) => {
    const keys: string[] = [];
    f.stages.forEach((st, j) => {
      if (keys.includes(st.key)) add(['funnels', i, 'stages', j, 'key'], `duplicate stage key "${st.key}"`);
      keys.push(st.key);
    });
    stageKeys.set(f.id, keys);
    const sum = f.payments.reduce((acc, p) => acc + p.share, 0);
    if (Math.abs(sum - 1) > 1e-9)
      add(['funnels', i, 'payments'], `payment shares must sum to 1 (they sum to ${round(sum)})`);
  });

  // Segments: funnel exists, lead entries: one default, one per phase.
  plan.segments.forEach((seg, i) => {
    ref(['segments', i, 'funnelId'], seg.funnelId, funnelIds, 'funnel');
    const seen = new Set<string>();
    seg.leads.forEach((entry, j) => {
      const key = entry.phaseId ?? '';
      if (entry.phaseId !== undefined) ref(['segments', i, 'leads', j, 'phaseId'], entry.phaseId, phaseIds, 'phase');
      if (seen.has(key))
        add(
          ['segments', i, 'leads', j],
          entry.phaseId === undefined
            ? 'a segment may have only one default lead entry (without phaseId)'
            : `a segment may have only one lead entry for phase "${entry.phaseId}"`,
        );
      seen.add(key);
    });
  });

  const funnelOfSegment = new Map(plan.segments.map((s) => [s.id, s.funnelId]));
  plan.customers.forEach((c, i) => {
    ref(['customers', i, 'segmentId'], c.segmentId, segmentIds, 'segment');
    for (const role of ['AR', 'SR', 'FR'] as const) ref(['customers', i, 'owners', role], c.owners[role], personIds, 'person');
    ref(['customers', i, 'breakthroughPhaseId'], c.breakthroughPhaseId, phaseIds, 'phase');
    if (c.entryStage !== undefined) {
      const keys = stageKeys.get(funnelOfSegment.get(c.segmentId) ?? '');
      if (keys && c.entryStage >= keys.length)
        add(['customers', i, 'entryStage'], `entry stage ${c.entryStage} does not exist: the funnel has stages 0…${keys.length - 1}`);
    }
  });

  checkV2Rules(plan, add, ref, { phaseIds, funnelIds, segmentIds, personIds });

  plan.goals.forEach((g, i) => {
    ref(['goals', i, 'phaseId'], g.phaseId, phaseIds, 'phase');
    ref(['goals', i, 'customerId'], g.customerId, customerIds, 'customer');
    ref(['goals', i, 'ownerId'], g.ownerId, personIds, 'person');
  });
  plan.targets.forEach((t, i) => {
    ref(['targets', i, 'phaseId'], t.phaseId, phaseIds, 'phase');
    ref(['targets', i, 'ownerId'], t.ownerId, personIds, 'person');
  });
  plan.scenarios.forEach((s, i) => {
    s.adjust.stages?.forEach((st, j) => {
      const keys = stageKeys.get(st.funnelId);
      if (!keys) add(['scenarios', i, 'adjust', 'stages', j, 'funnelId'], `refers to unknown funnel "${st.funnelId}"`);
      else if (!keys.includes(st.stageKey))
        add(['scenarios', i, 'adjust', 'stages', j, 'stageKey'], `funnel "${st.funnelId}" has no stage "${st.stageKey}"`);
    });
  });
  return issues;
}

type Add = (parts: Key[], message: string) => void;
type Ref = (parts: Key[], id: string | null | undefined, ids: Set<string>, what: string) => void;
interface Ids {
  phaseIds: Set<string>;
  funnelIds: Set<string>;
  segmentIds: Set<string>;
  personIds: Set<string>;
}

/** The rules version 2 added (plan-format.md, "Rules added in version 2"). */
function checkV2Rules(plan: Plan, add: Add, ref: Ref, { phaseIds, funnelIds, segmentIds, personIds }: Ids): void {
  const phaseOfTarget = new Map(plan.targets.map((t) => [t.id, t.phaseId]));
  plan.phases.forEach((ph, i) => {
    ph.focusSegmentIds?.forEach((id, j) => ref(['phases', i, 'focusSegmentIds', j], id, segmentIds, 'segment'));
    ph.exitChecks?.forEach((check, j) => {
      if (check.kind !== 'target') return;
      const phaseId = phaseOfTarget.get(check.targetId);
      if (phaseId === undefined) add(['phases', i, 'exitChecks', j, 'targetId'], `refers to unknown target "${check.targetId}"`);
      else if (phaseId !== ph.id)
        add(['phases', i, 'exitChecks', j, 'targetId'], `target "${check.targetId}" belongs to phase "${phaseId}", not to this phase "${ph.id}"`);
    });
  });
  plan.funnels.forEach((f, i) => f.stages.forEach((st, j) => ref(['funnels', i, 'stages', j, 'ownerId'], st.ownerId, personIds, 'person')));
  plan.customers.forEach((c, i) => {
    for (const phaseId of Object.keys(c.relationshipPlan ?? {}))
      if (!phaseIds.has(phaseId)) add(['customers', i, 'relationshipPlan', phaseId], `plans a level for unknown phase "${phaseId}"`);
  });
  plan.targets.forEach((t, i) => {
    ref(['targets', i, 'funnelId'], t.funnelId, funnelIds, 'funnel');
    ref(['targets', i, 'segmentId'], t.segmentId, segmentIds, 'segment');
    if (t.funnelId !== undefined && t.segmentId !== undefined)
      add(['targets', i, 'segmentId'], 'a target is scoped by "funnelId" or by "segmentId", not both');
  });
  (plan.decisions ?? []).forEach((d, i) => {
    ref(['decisions', i, 'phaseId'], d.phaseId, phaseIds, 'phase');
    ref(['decisions', i, 'byId'], d.byId, personIds, 'person');
  });
  const { startMonth, horizonMonths } = plan.plan;
  const seen = new Set<string>();
  (plan.actuals ?? []).forEach((a, i) => {
    ref(['actuals', i, 'segmentId'], a.segmentId, segmentIds, 'segment');
    const m = monthIndex(startMonth, a.month);
    if (m < 0 || m >= horizonMonths)
      add(['actuals', i, 'month'], `${a.month} is outside the plan horizon (${startMonth}, ${horizonMonths} months)`);
    const key = `${a.month}\u0000${a.metric}\u0000${a.segmentId ?? ''}`;
    if (seen.has(key))
      add(['actuals', i], `a second ${a.metric} actual for ${a.month}${a.segmentId === undefined ? ' (whole plan)' : ` in segment "${a.segmentId}"`}: one per month, metric and segment`);
    seen.add(key);
  });
  checkTiering(plan, add);
}

function checkTiering(plan: Plan, add: Add): void {
  const t = plan.tiering;
  if (!t) return;
  const tiers = ['S', 'A', 'B'] as const;
  if (t.method === 'share') {
    for (const tier of tiers) if (t[tier] < 0 || t[tier] > 1) add(['tiering', tier], `a share must be between 0 and 1 (it is ${t[tier]})`);
    const sum = t.S + t.A + t.B;
    if (sum > 1 + 1e-9) add(['tiering'], `the shares of S, A and B must sum to at most 1 (they sum to ${round(sum)})`);
  } else {
    for (const tier of tiers) if (t[tier] < 0) add(['tiering', tier], `a threshold must be ≥ 0 (it is ${t[tier]})`);
    if (t.A > t.S) add(['tiering', 'A'], `the A threshold (${t.A}) must not be above the S threshold (${t.S})`);
    if (t.B > t.A) add(['tiering', 'B'], `the B threshold (${t.B}) must not be above the A threshold (${t.A})`);
  }
}

function round(x: number): string {
  return String(Math.round(x * 1e9) / 1e9);
}

