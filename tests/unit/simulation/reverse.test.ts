// Reverse funnel: the multiplier it finds must, re-simulated with a fresh
// seed, reach the requested probability (within sampling tolerance), and
// not overshoot grossly; non-lead targets are flagged, not searched.

import { describe, expect, it } from 'vitest';
import { MAX_LEAD_MULTIPLIER, requiredLeads, simulate } from '../../../shared/simulation';
import { scaleLeads, smallPlan } from './helpers';

const probabilityOf = (plan: ReturnType<typeof smallPlan>, targetId: string, seed: number, trials = 4000) =>
  simulate(plan, { trials, seed })
    .phases.flatMap((p) => p.targets)
    .find((t) => t.id === targetId)!.probability;

describe('reverse funnel', () => {
  it('finds a lead multiplier that reaches q = 0.8, confirmed with a fresh seed', () => {
    const plan = smallPlan();
    const before = probabilityOf(plan, 't-bookings', 5);
    const r = requiredLeads(plan, { targetId: 't-bookings', trials: 2000, seed: 1 });
    expect(r.reachable).toBe(true);
    expect(r.target).toBe('t-bookings');
    expect(r.probability).toBe(0.8);
    expect(r.attainment).toBeGreaterThanOrEqual(0.8);
    expect(before).toBeLessThan(0.8); // the plan as entered falls short: multiplier > 1
    const m = r.multiplier!;
    expect(m).toBeGreaterThan(1);
    const after = probabilityOf(scaleLeads(plan, m), 't-bookings', 777);
    expect(after).toBeGreaterThan(0.8 - 0.035);
    // Not grossly more than needed: 15 % fewer leads fall visibly short.
    expect(probabilityOf(scaleLeads(plan, m / 1.15), 't-bookings', 778)).toBeLessThan(0.8);
    // Mean leads a month over the target's phase (p2), after the multiplier.
    expect(r.leadsPerMonth!.bank).toBeCloseTo((m * (6 + 9 + 14)) / 3, 6);
    expect(r.leadsPerMonth!.shop).toBeCloseTo((m * (10 + 15 + 25)) / 3, 6);
  });

  it('finds multipliers below 1 for targets already over-attained, and more leads for higher q', () => {
    const plan = smallPlan();
    const low = requiredLeads(plan, { targetId: 't-wins', probability: 0.2, trials: 1000 });
    const high = requiredLeads(plan, { targetId: 't-wins', probability: 0.9, trials: 1000 });
    expect(low.multiplier!).toBeLessThan(1);
    expect(high.multiplier!).toBeGreaterThan(low.multiplier!);
    expect(probabilityOf(scaleLeads(plan, high.multiplier!), 't-wins', 4242)).toBeGreaterThan(0.9 - 0.03);
  });

  it('flags KPI targets: lead volume does not move a ratio', () => {
    const r = requiredLeads(smallPlan(), { targetId: 't-cycle', trials: 500 });
    expect(r.reachable).toBe(false);
    expect(r.reason).toBe('kpiTarget');
    expect(r.multiplier).toBeNull();
    expect(r.leadsPerMonth).toBeNull();
    expect(r.message).toContain('salesCycleDays');
  });

  it(`flags targets that even ${MAX_LEAD_MULTIPLIER}× the leads cannot reach`, () => {
    // newKeyCustomers come from named pursuits only: leads do not help.
    const r = requiredLeads(smallPlan(), { targetId: 't-nkc', probability: 0.99, trials: 500 });
    expect(r.reachable).toBe(false);
    expect(r.reason).toBe('unreachable');
    expect(r.attainment).toBeLessThan(0.99);
    expect(r.message).toContain(String(MAX_LEAD_MULTIPLIER));
  });
});
