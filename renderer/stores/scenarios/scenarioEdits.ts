// Pure edits of a scenario: each gives the full next value for the store.
import type { Funnel, Scenario, ScenarioAdjust, StageAdjust } from '../../../shared/plan/types';

export const MULTIPLIERS = ['leads', 'conversion', 'dealSize', 'days'] as const;
export type MultiplierField = (typeof MULTIPLIERS)[number];

/** Sets a global multiplier; undefined removes it (unchanged). */
export function setMultiplier(s: Scenario, field: MultiplierField, m: number | undefined): Scenario {
  const adjust: ScenarioAdjust = { ...s.adjust };
  if (m === undefined) delete adjust[field];
  else adjust[field] = m;
  return { ...s, adjust };
}

function withStages(s: Scenario, stages: StageAdjust[]): Scenario {
  const adjust: ScenarioAdjust = { ...s.adjust };
  if (stages.length === 0) delete adjust.stages;
  else adjust.stages = stages;
  return { ...s, adjust };
}

/** Adds an adjustment for the first funnel stage not adjusted yet (factor 1: no change until edited). */
export function addStageAdjust(s: Scenario, funnels: readonly Funnel[]): Scenario {
  const stages = s.adjust.stages ?? [];
  const taken = new Set(stages.map((a) => `${a.funnelId}\u0000${a.stageKey}`));
  for (const f of funnels)
    for (const st of f.stages)
      if (!taken.has(`${f.id}\u0000${st.key}`)) return withStages(s, [...stages, { funnelId: f.id, stageKey: st.key, conversion: 1 }]);
  return s;
}

/** Changes one adjustment; a new funnel brings its first stage with it. */
export function setStageAdjust(s: Scenario, index: number, patch: Partial<StageAdjust>, funnels: readonly Funnel[]): Scenario {
  const stages = (s.adjust.stages ?? []).map((a, i) => {
    if (i !== index) return a;
    const next = { ...a, ...patch };
    if (patch.funnelId !== undefined && patch.funnelId !== a.funnelId && patch.stageKey === undefined) {
      next.stageKey = funnels.find((f) => f.id === patch.funnelId)?.stages[0]?.key ?? a.stageKey;
    }
    return next;
  });
  return withStages(s, stages);
}

export function removeStageAdjust(s: Scenario, index: number): Scenario {
  return withStages(s, (s.adjust.stages ?? []).filter((_, i) => i !== index));
}
