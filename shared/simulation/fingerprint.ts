// A stable fingerprint of everything that changes a simulation's result, so
// the store can mark stored results stale. Canonical JSON (sorted keys) of
// the inputs the engine reads, hashed with cyrb53 twice (different seeds)
// into 26 hex digits. Not cryptographic; collisions are merely unlikely.

import type { Plan } from '../plan/types';

/** Bump when the engine's semantics or sampling change, so old results go stale. */
// 2: KPIs per scope, win rate over decided opportunities, three cycles,
// scoped targets, relationshipPlan, breakthrough goals (result shape 2).
// 3: same model, other draws (issue #14): deals' fates drawn first, loss
// tables for every stage, ziggurat normals — a stored run's seed no longer
// reproduces its trials (the reforecast re-runs them), so it is stale.
// 4: same model, other draws (issue #14): a lost deal's arrival month and
// loss-table cell from one draw over the run's (month, cell) table.
export const ENGINE_VERSION = 4;

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

function cyrb53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The simulation-relevant inputs of a plan under a scenario, as one canonical string. */
export function simulationInputs(plan: Plan, scenarioId: string | null = null): string {
  const p = plan.plan;
  return canonical({
    engine: ENGINE_VERSION,
    startMonth: p.startMonth,
    horizonMonths: p.horizonMonths,
    seed: p.seed,
    trials: p.trials,
    phases: plan.phases.map(({ id, start, end }) => ({ id, start, end })),
    funnels: plan.funnels.map(({ id, stages, dealSize, deliveryDays, payments }) => ({
      id,
      stages: stages.map(({ key, conversion, days }) => ({ key, conversion, days })),
      dealSize,
      deliveryDays,
      payments,
    })),
    segments: plan.segments.map(({ id, funnelId, leads }) => ({ id, funnelId, leads })),
    customers: plan.customers
      .filter((c) => c.breakthroughPhaseId !== undefined)
      .map(({ id, segmentId, relationship, factors, breakthroughPhaseId, entryStage, firstDeal, relationshipPlan }) => ({
        id,
        segmentId,
        relationship,
        factors,
        breakthroughPhaseId,
        entryStage,
        firstDeal,
        // Only the pursuit's own phase entry changes the result.
        planned: breakthroughPhaseId !== undefined ? relationshipPlan?.[breakthroughPhaseId] : undefined,
      })),
    targets: plan.targets.map(({ id, phaseId, metric, value, funnelId, segmentId }) => ({ id, phaseId, metric, value, funnelId, segmentId })),
    goals: plan.goals
      .filter((g) => g.metric === 'firstContract')
      .map(({ id, phaseId, customerId, due }) => ({ id, phaseId, customerId, due })),
    scenario: scenarioId === null ? null : (plan.scenarios.find((s) => s.id === scenarioId) ?? { missing: scenarioId }),
  });
}

export function inputsFingerprint(plan: Plan, scenarioId: string | null = null): string {
  const s = simulationInputs(plan, scenarioId);
  const a = cyrb53(s, 0x5eed).toString(16).padStart(14, '0');
  const b = cyrb53(s, 0xbeef).toString(16).padStart(14, '0');
  return `${a}${b}`.slice(0, 26);
}
