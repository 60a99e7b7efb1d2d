// Scenario adjustments composed: the live what-if's multipliers on top of a
// stored scenario (electron/services/simulation/what-if.ts), and the same
// composition saved as a new scenario by "Keep as scenario" in the workshop.
import type { ScenarioAdjust, StageAdjust } from './types';

const FACTORS = ['leads', 'conversion', 'dealSize', 'days'] as const;

/** `extra` applied on top of `base`: factors multiply, stage adjustments of the same stage multiply. */
export function combineAdjust(base: ScenarioAdjust, extra: ScenarioAdjust): ScenarioAdjust {
  const out: ScenarioAdjust = {};
  for (const k of FACTORS) {
    if (base[k] !== undefined || extra[k] !== undefined) out[k] = (base[k] ?? 1) * (extra[k] ?? 1);
  }
  const stages = new Map<string, StageAdjust>();
  for (const s of [...(base.stages ?? []), ...(extra.stages ?? [])]) {
    const key = JSON.stringify([s.funnelId, s.stageKey]);
    const prev = stages.get(key);
    stages.set(key, prev ? { ...prev, conversion: prev.conversion * s.conversion } : { ...s });
  }
  if (stages.size > 0) out.stages = [...stages.values()];
  return out;
}
