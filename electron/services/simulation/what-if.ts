// The live what-if: ad-hoc scenario multipliers on top of a stored scenario,
// evaluated in expected-value mode (a few ms, also on 50,000 customers, so it runs inline). The two are
// combined into one temporary scenario of a copy of the plan; the plan file
// is not touched.
import { combineAdjust } from '../../../shared/plan/adjust';
import { ApiError } from '../../../shared/api/result';
import type { Plan, Range, ScenarioAdjust } from '../../../shared/plan/types';
import { expectedValue } from '../../../shared/simulation';
import type { ExpectedResult } from '../../../shared/simulation';

function scaled(r: Range, f: number): Range {
  return typeof r === 'number' ? r * f : { min: r.min * f, mode: r.mode * f, max: r.max * f };
}

/** The plan with some segments' lead volume multiplied (segment id → factor); an unknown id is refused by name. */
export function withSegmentLeads(plan: Plan, factors: Record<string, number>): Plan {
  const ids = new Set(plan.segments.map((s) => s.id));
  const unknown = Object.keys(factors).find((id) => !ids.has(id));
  if (unknown !== undefined) throw new ApiError('invalid_argument', `segmentLeads: no segment "${unknown}" in the plan`, { path: `segmentLeads.${unknown}` });
  return {
    ...plan,
    segments: plan.segments.map((s) => {
      const f = factors[s.id];
      return f === undefined || f === 1 ? s : { ...s, leads: s.leads.map((e) => ({ ...e, perMonth: scaled(e.perMonth, f) })) };
    }),
  };
}

export function whatIf(
  source: Plan,
  scenarioId: string | null,
  adjust: ScenarioAdjust | undefined,
  segmentLeads?: Record<string, number>,
  /** sharedCustomers: the plan's customers are never changed in place (the host's plan kept per revision), their part is kept per array; perCustomer false: no pursuits and goals. */
  { sharedCustomers = false, perCustomer = true }: { sharedCustomers?: boolean; perCustomer?: boolean } = {},
): ExpectedResult {
  // Both copies below keep the customers array itself, so a kept customers part still applies.
  const plan = segmentLeads ? withSegmentLeads(source, segmentLeads) : source;
  if (!adjust) return expectedValue(plan, { scenarioId, sharedCustomers, perCustomer });
  const base = scenarioId === null ? undefined : plan.scenarios.find((s) => s.id === scenarioId);
  // An unknown scenario id goes to the engine as is, for its own error.
  if (scenarioId !== null && !base) return expectedValue(plan, { scenarioId, sharedCustomers, perCustomer });
  const ids = new Set(plan.scenarios.map((s) => s.id));
  let id = 'what-if';
  for (let i = 2; ids.has(id); i++) id = `what-if-${i}`;
  const temp = { id, name: id, adjust: combineAdjust(base?.adjust ?? {}, adjust) };
  const result = expectedValue({ ...plan, scenarios: [...plan.scenarios, temp] }, { scenarioId: id, sharedCustomers, perCustomer });
  return { ...result, scenario: scenarioId };
}
