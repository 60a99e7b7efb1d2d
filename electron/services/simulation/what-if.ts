// The live what-if: ad-hoc scenario multipliers on top of a stored scenario,
// evaluated in expected-value mode (≈1–5 ms, so it runs inline). The two are
// combined into one temporary scenario of a copy of the plan; the plan file
// is not touched.
import { combineAdjust } from '../../../shared/plan/adjust';
import type { Plan, ScenarioAdjust } from '../../../shared/plan/types';
import { expectedValue } from '../../../shared/simulation';
import type { ExpectedResult } from '../../../shared/simulation';

export function whatIf(plan: Plan, scenarioId: string | null, adjust: ScenarioAdjust | undefined): ExpectedResult {
  if (!adjust) return expectedValue(plan, { scenarioId });
  const base = scenarioId === null ? undefined : plan.scenarios.find((s) => s.id === scenarioId);
  // An unknown scenario id goes to the engine as is, for its own error.
  if (scenarioId !== null && !base) return expectedValue(plan, { scenarioId });
  const ids = new Set(plan.scenarios.map((s) => s.id));
  let id = 'what-if';
  for (let i = 2; ids.has(id); i++) id = `what-if-${i}`;
  const temp = { id, name: id, adjust: combineAdjust(base?.adjust ?? {}, adjust) };
  const result = expectedValue({ ...plan, scenarios: [...plan.scenarios, temp] }, { scenarioId: id });
  return { ...result, scenario: scenarioId };
}
