// The cross-field rules of plan-format v1, each with its own message and the
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

function round(x: number): string {
  return String(Math.round(x * 1e9) / 1e9);
}

