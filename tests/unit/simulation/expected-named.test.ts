// Expected-value mode adds the named customers (pursuits) per group of alike
// pursuits (shared/simulation/expected-named.ts). Expected values are linear
// in the pursuits: each pursuit's copy adds exactly what the pursuit adds, so
// the plan with every pursuit twice lies as far above the plan as the plan
// lies above the plan without pursuits — per month, per metric, under a
// what-if of every kind, with own first deals and funnel-valued ones.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/plan/types';
import { SERIES_METRICS } from '../../../shared/plan/types';
import { expectedValue } from '../../../shared/simulation';
import { smallPlan } from './helpers';

function withWhatIf(plan: Plan): Plan {
  return { ...plan, scenarios: [...plan.scenarios, { id: 'w', name: 'w', adjust: { conversion: 1.3, days: 0.7, dealSize: 1.2, leads: 0.9 } }] };
}

describe('expected value of pursuits, grouped', () => {
  it('is linear in the pursuits: twice the pursuits add twice what they add', () => {
    const plan = withWhatIf(smallPlan());
    const pursued = plan.customers.filter((c) => c.breakthroughPhaseId !== undefined);
    expect(pursued.some((c) => c.firstDeal !== undefined) && pursued.some((c) => c.firstDeal === undefined)).toBe(true);
    const none: Plan = { ...plan, customers: plan.customers.filter((c) => c.breakthroughPhaseId === undefined) };
    const twice: Plan = { ...plan, customers: [...plan.customers, ...pursued.map((c) => ({ ...c, id: `${c.id}-copy` }))] };
    for (const scenarioId of [null, 'w']) {
      const [r0, r1, r2] = [none, plan, twice].map((p) => expectedValue(p, { scenarioId }));
      for (const m of SERIES_METRICS) {
        r1!.series[m].mean.forEach((x, w) => {
          const added = x - r0!.series[m].mean[w]!;
          expect(r2!.series[m].mean[w]! - x, `${m} month ${w} (${scenarioId})`).toBeCloseTo(added, 9);
        });
      }
      expect(r1!.totals.newKeyCustomers.mean).toBeGreaterThan(0);
      // Each copy has the win chance of its original.
      for (const p of r1!.pursuits) expect(r2!.pursuits.find((q) => q.customerId === `${p.customerId}-copy`)!.probability).toBe(p.probability);
    }
  });

  it('leaves the per-customer entries out on request, with the same totals', () => {
    const plan = withWhatIf(smallPlan());
    const full = expectedValue(plan, { scenarioId: 'w' });
    const lean = expectedValue(plan, { scenarioId: 'w', perCustomer: false });
    expect(full.pursuits.length).toBeGreaterThan(0);
    expect(full.goals.length).toBeGreaterThan(0);
    expect(lean.pursuits).toEqual([]);
    expect(lean.goals).toEqual([]);
    expect(JSON.stringify({ ...lean, elapsedMs: 0, pursuits: [], goals: [] })).toBe(JSON.stringify({ ...full, elapsedMs: 0, pursuits: [], goals: [] }));
  });

  it('kept per shared customers array: a new array after a customer edit gives the fresh answer', () => {
    const plan = smallPlan();
    const first = expectedValue(plan, { sharedCustomers: true });
    // An edit as the host's plan cache makes it: a new array, the other customers the same objects.
    const customers = plan.customers.slice();
    const i = customers.findIndex((c) => c.breakthroughPhaseId !== undefined);
    customers[i] = { ...customers[i]!, relationship: { key: 0, broad: 0, organizational: 0 }, relationshipPlan: undefined };
    const edited = { ...plan, customers };
    const kept = expectedValue(edited, { sharedCustomers: true });
    const fresh = expectedValue(structuredClone(edited));
    const same = (r: typeof kept) => JSON.stringify({ ...r, elapsedMs: 0 });
    expect(same(kept)).toBe(same(fresh));
    expect(kept.pursuits[0]!.probability).toBeLessThan(first.pursuits[0]!.probability);
    // A settings change that moves the phases (same customers array) is seen too.
    const moved = { ...edited, phases: edited.phases.map((p, j) => (j === 0 ? { ...p, end: '2027-02' } : p)) };
    expect(same(expectedValue(moved, { sharedCustomers: true }))).toBe(same(expectedValue(structuredClone(moved))));
  });
});
