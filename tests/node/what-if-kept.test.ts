// The live what-if keeps its customers' part per customers array of the
// host's kept plan (electron/services/plan-cache.ts, shared/simulation/
// expected-named.ts). After a customer edit the host hands out a new array
// with the other customers reused: the answer must be the one a fresh
// computation on the plan as read gives, and must have moved.
import { describe, expect, it } from 'vitest';
import { whatIf } from '../../electron/services/simulation/what-if';
import type { ExpectedResult } from '../../shared/simulation/types';
import { startApp } from './store-helpers';

const same = (r: ExpectedResult) => JSON.stringify({ ...r, elapsedMs: 0 });

describe('simulation.expected kept per customers array', () => {
  it('after a customer edit agrees with a fresh computation', async () => {
    const t = startApp();
    const adjust = { conversion: 1.2, dealSize: 0.9 };
    const before = await t.call('simulation.expected', { adjust });
    const { plan } = await t.call('plan.get', {});
    const c = plan.customers.find((x) => x.breakthroughPhaseId !== undefined)!;
    // No relationship today and none planned: its readiness drops.
    const { relationshipPlan: _planned, ...rest } = c;
    await t.call('customers.update', { id: c.id, value: { ...rest, relationship: { key: 0, broad: 0, organizational: 0 } } });
    const after = await t.call('simulation.expected', { adjust });
    const fresh = whatIf(structuredClone((await t.call('plan.get', {})).plan), null, adjust);
    expect(same(after)).toBe(same(fresh));
    const odds = (r: ExpectedResult) => r.pursuits.find((p) => p.customerId === c.id)!.probability;
    expect(odds(after)).toBeLessThan(odds(before));
    expect(after.totals.bookings.mean).toBeLessThan(before.totals.bookings.mean);
    // What the what-if view asks for: the same totals, no per-customer entries.
    const lean = await t.call('simulation.expected', { adjust, perCustomer: false });
    expect(lean.pursuits).toEqual([]);
    expect(JSON.stringify(lean.phases)).toBe(JSON.stringify(after.phases));
  });
});
